/**
 * Record-type files: every row starts with a code saying what it is.
 * PayPal STL/TRR (`RH FH SH CH SB SF SC RF RC FF`), Trustly P11K (`H I F L`),
 * and files with a summary section above a second header row (dLocal). The
 * body rows become the table; the rest is kept as metadata and, where it
 * states totals, checked against the body.
 */
import type { CsvScanner } from './csv-scanner';
import { decodeUtf8 } from './text-codec';

export interface SectionLayout {
  /** What kind of file this is, for the report. */
  name: string;
  /** Record index of the header row, or -1 (Trustly: none). */
  headerIndex: number;
  /** First-cell code of body rows; null means every row after the header that does not repeat it. */
  bodyCode: string | null;
  /** The first column only says "SB": leave it out of the table. */
  dropFirst: boolean;
  /** Field count of a body row. */
  fieldCount: number;
}

const PAYPAL_CODES = new Set(['RH', 'FH', 'SH', 'CH', 'SB', 'SF', 'SC', 'RF', 'RC', 'FF']);
const TRUSTLY_CODES = new Set(['H', 'I', 'F', 'L']);

export function cellText(scanner: CsvScanner, buf: Uint8Array, length: number, field: number): string {
  const start = scanner.fieldStart[field]!;
  const end = scanner.fieldEnd[field]!;
  const bytes = start >= length ? scanner.scratch.subarray(start - length, end - length) : buf.subarray(start, end);
  return decodeUtf8(bytes);
}

export function rowCells(scanner: CsvScanner, buf: Uint8Array, length: number, row: number): string[] {
  const cells: string[] = [];
  for (let f = scanner.rowFirstField[row]!; f < scanner.rowFirstField[row + 1]!; f++) cells.push(cellText(scanner, buf, length, f));
  return cells;
}

function fieldCount(scanner: CsvScanner, row: number): number {
  return scanner.rowFirstField[row + 1]! - scanner.rowFirstField[row]!;
}

/**
 * Finds a record-type layout among the first `rows` records, or null.
 * `isLabelRow` says whether a record reads as column labels.
 */
export function detectSections(scanner: CsvScanner, buf: Uint8Array, length: number, rows: number, isLabelRow: (row: number) => boolean): SectionLayout | null {
  if (rows < 2) return null;
  const codes: string[] = [];
  for (let r = 0; r < rows; r++) codes.push(cellText(scanner, buf, length, scanner.rowFirstField[r]!).trim());
  if (codes.includes('CH') && codes.includes('SB') && codes.every((code) => PAYPAL_CODES.has(code))) {
    const headerIndex = codes.indexOf('CH');
    return { name: 'PayPal record-type report (RH/FH/SH/CH/SB/SF/RF rows)', headerIndex, bodyCode: 'SB', dropFirst: true, fieldCount: fieldCount(scanner, headerIndex) };
  }
  if (codes[0] === 'H' && codes.includes('I') && codes.every((code) => TRUSTLY_CODES.has(code))) {
    return { name: 'Trustly P11K record-type file (H/I/F/L rows)', headerIndex: -1, bodyCode: 'I', dropFirst: true, fieldCount: fieldCount(scanner, codes.indexOf('I')) };
  }
  // A second label row starting like the first: a summary section sits above the item section.
  if (!isLabelRow(0) || codes[0] === '') return null;
  for (let r = 1; r < Math.min(rows, 20); r++) {
    if (codes[r] === codes[0] && isLabelRow(r)) {
      return { name: `report with a summary section above its item section (header rows at records 1 and ${r + 1})`, headerIndex: r, bodyCode: null, dropFirst: false, fieldCount: fieldCount(scanner, r) };
    }
  }
  return null;
}

/** Whether record `row` is a body row of `layout` (the caller has checked it is after the header). */
export function isBodyRow(layout: SectionLayout, scanner: CsvScanner, buf: Uint8Array, length: number, row: number, headerCode: string): boolean {
  const field = scanner.rowFirstField[row]!;
  const start = scanner.fieldStart[field]!;
  const end = scanner.fieldEnd[field]!;
  const code = layout.bodyCode ?? headerCode;
  // Compared as bytes: the codes are ASCII, and this runs once per row.
  let matches = end - start === code.length;
  const bytes = start >= length ? scanner.scratch : buf;
  const at = start >= length ? start - length : start;
  for (let k = 0; matches && k < code.length; k++) if (bytes[at + k] !== code.charCodeAt(k)) matches = false;
  return layout.bodyCode === null ? !matches : matches;
}
