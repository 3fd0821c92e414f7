/**
 * A worksheet's cells as CSV text, so a workbook goes through the same
 * typing, profiles, control totals and report as any CSV (as JSON does).
 * Every value is quoted; numbers are exact decimal text (see number-text),
 * dates ISO 8601, booleans true/false. An empty sheet row becomes an empty
 * line, which the scanner skips as blank, so CSV lines stay sheet rows
 * unless a cell holds a line break; `rowOfLine` maps them back then.
 */
import { createEncoder } from '../text-codec';
import { xlsxNumberText } from './number-text';
import { isNumberCell, type XlsxCell } from './xlsx-reader';

export interface SheetCsv {
  bytes: Uint8Array;
  /** Sheet row of each CSV line (index 0 is line 1); null when they are the same. */
  rowOfLine: number[] | null;
  rows: number;
  /** True when `maxBytes` stopped the conversion before the last row. */
  isTruncated: boolean;
  roundedNumbers: number;
  impreciseNumbers: number;
}

export function sheetToCsv(rows: readonly XlsxCell[][], maxBytes = Number.POSITIVE_INFINITY): SheetCsv {
  const lines: string[] = [];
  const rowOfLine: number[] = [];
  let hasBreaks = false;
  let bytes = 0;
  let roundedNumbers = 0;
  let impreciseNumbers = 0;
  let isTruncated = false;
  const timed = columnsWithTimes(rows);
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r] ?? [];
    let isEmpty = true;
    const fields = cells.map((cell, c) => {
      const text = cellText(cell, timed.has(c));
      if (text.reading === 'rounded') roundedNumbers++;
      else if (text.reading === 'imprecise') impreciseNumbers++;
      if (text.value === '') return '';
      isEmpty = false;
      return `"${text.value.replace(/"/g, '""')}"`;
    });
    const line = isEmpty ? '' : fields.join(',');
    bytes += line.length + 1;
    if (bytes > maxBytes && lines.length > 0) {
      isTruncated = true;
      break;
    }
    lines.push(line);
    const breaks = countBreaks(line);
    for (let k = 0; k <= breaks; k++) rowOfLine.push(r + 1);
    if (breaks > 0) hasBreaks = true;
  }
  return {
    bytes: createEncoder().encode(lines.length > 0 ? `${lines.join('\n')}\n` : ''),
    rowOfLine: hasBreaks ? rowOfLine : null,
    rows: lines.length,
    isTruncated,
    roundedNumbers,
    impreciseNumbers,
  };
}

function cellText(cell: XlsxCell | undefined, withTime: boolean): { value: string; reading?: string } {
  if (cell === null || cell === undefined) return { value: '' };
  if (typeof cell === 'string') return { value: cell };
  if (typeof cell === 'boolean') return { value: cell ? 'true' : 'false' };
  if (cell instanceof Date) return { value: isoText(cell, withTime) };
  if (isNumberCell(cell)) {
    const number = xlsxNumberText(cell.number);
    return { value: number.text, reading: number.reading };
  }
  return { value: String(cell) };
}

/**
 * The library gives dates as UTC instants of the wall-clock value; serial
 * fractions land a few ms off whole seconds, so they are rounded to seconds.
 * A column where any date has a time is written as timestamps throughout,
 * so midnight rows do not read as a different type.
 */
function isoText(date: Date, withTime: boolean): string {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) return '';
  const iso = new Date(Math.round(ms / 1000) * 1000).toISOString();
  return withTime ? iso.slice(0, 19) : iso.slice(0, 10);
}

function hasTime(date: Date): boolean {
  const ms = date.getTime();
  return Number.isFinite(ms) && Math.round(ms / 1000) % 86_400 !== 0;
}

function columnsWithTimes(rows: readonly XlsxCell[][]): Set<number> {
  const timed = new Set<number>();
  for (const cells of rows) cells.forEach((cell, c) => {
    if (cell instanceof Date && hasTime(cell)) timed.add(c);
  });
  return timed;
}

function countBreaks(line: string): number {
  let count = 0;
  for (let i = line.indexOf('\n'); i >= 0; i = line.indexOf('\n', i + 1)) count++;
  return count;
}
