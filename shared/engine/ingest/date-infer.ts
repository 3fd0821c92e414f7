/**
 * Picks a column's date shape from its sampled cells. Day-first or
 * month-first is read from the data (a first part over 12 means DMY, a
 * second part over 12 means MDY); when nothing decides it, the caller's
 * preference (DMY for `;`-delimited, European files) is used and the column
 * is marked ambiguous so the report asks the user to confirm.
 */
import type { ColumnType } from '../api';
import { FAMILY_COMPACT, FAMILY_DASH, FAMILY_DOT, FAMILY_YMD, lastDate, monthDay, parseDateParts, type DateOrder } from './date-format';

export interface DatePlan {
  family: number;
  order: DateOrder;
  type: ColumnType;
  /** What the file writes, e.g. `DD.MM.YY` or `YYYY/MM/DD HH:MM:SS ±HHMM`. */
  label: string;
  isAmbiguous: boolean;
}

/** `forcedOrder` is the user's answer for day/month-first dates; the data no longer decides it. */
export function inferDate(cells: Uint8Array[], minShare: number, preferDmy: boolean, allowCompact: boolean, forcedOrder?: 'DMY' | 'MDY'): DatePlan | null {
  if (cells.length === 0) return null;
  const needed = Math.ceil(cells.length * minShare);
  const families = new Map<number, number>();
  let firstOver12 = false;
  let secondOver12 = false;
  let hasTime = false;
  let hasSeconds = false;
  let hasOffset = false;
  let twoDigitYears = false;
  let ymdSep = '/';
  for (const cell of cells) {
    const family = parseDateParts(cell, 0, cell.length, allowCompact);
    if (family === 0) continue;
    families.set(family, (families.get(family) ?? 0) + 1);
    if (lastDate.a > 12) firstOver12 = true;
    if (lastDate.b > 12) secondOver12 = true;
    hasTime ||= lastDate.hasTime;
    hasSeconds ||= lastDate.hasSeconds;
    hasOffset ||= lastDate.hasOffset;
    twoDigitYears ||= lastDate.yearDigits === 2;
    if (family === FAMILY_YMD) ymdSep = String.fromCharCode(lastDate.sep);
  }
  let family = 0;
  let most = 0;
  for (const [candidate, count] of families) if (count > most) [family, most] = [candidate, count];
  if (most < needed) return null;
  let order: DateOrder;
  let isAmbiguous = false;
  if (family === FAMILY_YMD || family === FAMILY_COMPACT) order = 'YMD';
  else if (family === FAMILY_DOT) order = 'DMY';
  else if (forcedOrder) order = forcedOrder;
  else if (firstOver12 && secondOver12) return null;
  else if (firstOver12) order = 'DMY';
  else if (secondOver12) order = 'MDY';
  else {
    order = preferDmy ? 'DMY' : 'MDY';
    isAmbiguous = true;
  }
  let valid = 0;
  for (const cell of cells) if (parseDateParts(cell, 0, cell.length, allowCompact) === family && monthDay(order)) valid++;
  if (valid < needed) return null;
  return { family, order, type: hasTime ? 'timestamp' : 'date', label: labelFor(family, order, twoDigitYears, hasTime, hasSeconds, hasOffset, ymdSep), isAmbiguous };
}

function labelFor(family: number, order: DateOrder, twoDigitYears: boolean, hasTime: boolean, hasSeconds: boolean, hasOffset: boolean, ymdSep: string): string {
  const year = twoDigitYears ? 'YY' : 'YYYY';
  const sep = family === FAMILY_DOT ? '.' : family === FAMILY_DASH ? '-' : '/';
  let date: string;
  if (family === FAMILY_COMPACT) date = 'YYYYMMDD';
  else if (family === FAMILY_YMD) date = `YYYY${ymdSep}MM${ymdSep}DD`;
  else date = order === 'DMY' ? `DD${sep}MM${sep}${year}` : `MM${sep}DD${sep}${year}`;
  const time = hasTime ? (hasSeconds ? ' HH:MM:SS' : ' HH:MM') : '';
  return `${date}${time}${hasOffset ? ' ±HHMM' : ''}`;
}
