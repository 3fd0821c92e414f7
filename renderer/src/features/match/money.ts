import type { CellValue, ColumnInfo } from '../../../../shared/engine/api';
import { formatScaled, parseToScaled, rescale } from '../../../../shared/engine/money/decimal';
import { groupDecimalString } from '../../lib/format';
import { toBigInt } from '../grid/cell-format';

/**
 * Money for the match view. The engine's totals and differences are exact
 * decimal strings at the run's scale; source cells are integers at their
 * column's scale. Everything here stays in bigint, never a float.
 */

/** "-1234.5" (engine text) → "-1,234.5"; empty stays empty. */
export function groupMoney(text: string): string {
  return groupDecimalString(text);
}

export function formatMoney(value: bigint, scale: number): string {
  return formatScaled(value, scale, { grouping: true });
}

/** Engine decimal text at `scale` → integer units; null for anything else. */
export function parseMoney(text: string, scale: number): bigint | null {
  return text === '' ? null : parseToScaled(text, scale);
}

/** The engine reports an item's difference as right − left; the tie-out and audit use left − right. Show one convention. */
export function negateDecimal(text: string): string {
  if (text === '' || /^-?0*(\.0*)?$/.test(text)) return text.replace(/^-/, '');
  return text.startsWith('-') ? text.slice(1) : `-${text}`;
}

export function isZeroDecimal(text: string): boolean {
  return /^-?0*(\.0*)?$/.test(text);
}

/**
 * A source amount cell as the engine's work tables hold it: rescaled to the
 * run's scale, and sign-flipped on the right side when the spec says
 * `opposite` — so sums of a selection compare like the engine compares.
 */
export function cellToRunUnits(value: CellValue, column: ColumnInfo | undefined, runScale: number, flip: boolean): bigint | null {
  if (!column || (column.type !== 'decimal' && column.type !== 'integer')) return null;
  const exact = toBigInt(value);
  if (exact === null) return null;
  const scaled = rescale(exact, column.type === 'decimal' ? column.scale : 0, runScale);
  return flip ? -scaled : scaled;
}

export function abs(value: bigint): bigint {
  return value < 0n ? -value : value;
}
