import { formatScaled } from './money/decimal';
import type { SqlJsDatabase, SqlValue } from './sqlite/sqljs-types';

/**
 * SQL helpers for analysts writing their own queries. Decimal columns hold
 * integers at their scale (12.34 is 1234 at scale 2), so `dec(sum(net), 2)`
 * shows a total as exact decimal text without a float in between.
 */
export function registerSqlFunctions(db: SqlJsDatabase): void {
  db.create_function('dec', (value: SqlValue, scale: SqlValue) => {
    if (value === null || value === undefined) return null;
    const places = typeof scale === 'number' && scale >= 0 && scale <= 18 ? Math.trunc(scale) : 2;
    if (typeof value === 'bigint') return formatScaled(value, places);
    if (typeof value === 'number' && Number.isSafeInteger(value)) return formatScaled(BigInt(value), places);
    return null;
  });
}
