import type { CellValue, QueryResult } from './api';
import type { EngineContext } from './context';
import { EngineError } from './errors';
import { decodeUtf8 } from './ingest/text-codec';
import type { BindValue, SqlValue } from './sqlite/sqljs-types';

/**
 * Runs user SQL step by step. Integers are read as BigInt so totals above
 * 2^53 keep every digit; they come back as numbers when safe, else as text.
 */
export function runQuery(context: EngineContext, sql: string, params: BindValue[] = [], maxRows = 10_000): QueryResult {
  const started = context.now();
  const db = context.sqlite.db;
  let statement;
  try {
    statement = db.prepare(sql, params);
  } catch (error) {
    throw new EngineError('sql-error', error instanceof Error ? error.message : String(error));
  }
  const rows: CellValue[][] = [];
  let truncated = false;
  try {
    const columns = statement.getColumnNames();
    while (statement.step()) {
      if (rows.length >= maxRows) {
        truncated = true;
        break;
      }
      rows.push(statement.get(null, { useBigInt: true }).map(toCell));
    }
    return { columns, rows, truncated, elapsedMs: context.now() - started };
  } catch (error) {
    throw new EngineError('sql-error', error instanceof Error ? error.message : String(error));
  } finally {
    statement.free();
  }
}

export function toCell(value: SqlValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') {
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
  }
  if (value instanceof Uint8Array) return decodeUtf8(value);
  return value;
}
