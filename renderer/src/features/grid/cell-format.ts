import type { CellValue, ColumnInfo } from '../../../../shared/engine/api';
import { formatScaled } from '../../../../shared/engine/money/decimal';

/**
 * Cell text for display. Numbers are formatted from their exact integer
 * form (decimals are value × 10^scale), never through float arithmetic, so
 * 0.10 + 0.20 cannot show as 0.30000000000000004 and IDs never become 1.2e+17.
 */

const INTEGER_TEXT = /^-?\d+$/;

/** The exact integer behind a numeric cell, or null when it is not one (REAL, text). */
export function toBigInt(value: CellValue): bigint | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? BigInt(value) : null;
  if (typeof value === 'string' && INTEGER_TEXT.test(value)) return BigInt(value);
  return null;
}

export function formatCell(value: CellValue, column: ColumnInfo): string {
  if (value === null) return '';
  switch (column.type) {
    case 'integer':
    case 'decimal': {
      const exact = toBigInt(value);
      if (exact === null) return String(value);
      return formatScaled(exact, column.type === 'decimal' ? column.scale : 0, { grouping: true });
    }
    case 'boolean':
      if (value === 1 || value === '1') return 'true';
      if (value === 0 || value === '0') return 'false';
      return String(value);
    default:
      return String(value);
  }
}

export function isNegative(value: CellValue): boolean {
  const exact = toBigInt(value);
  return exact !== null && exact < 0n;
}
