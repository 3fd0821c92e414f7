import { CsvScanner } from './csv-scanner';
import { IS_BOOLEAN, IS_DECIMAL, IS_TIMESTAMP, classifyCell } from './cell-classify';
import { parseDateParts } from './date-format';
import { COMMA, DOT, parseLocaleScaled } from './number-format';
import { detectSections, rowCells, type SectionLayout } from './sections';

const CANDIDATES = [',', ';', '\t', '|'];
const SAMPLE_ROWS = 200;
/** A header is looked for this far down: bank exports put up to ~15 lines of account details first. */
const MAX_PREAMBLE_ROWS = 40;
/** Data-like rows tolerated above a label row before the file is taken as headerless. */
const MAX_DATA_LIKE_PREAMBLE = 4;

export interface Dialect {
  delimiter: string;
  newline: number;
  /** Index, among the scanned records, of the header; -1 when the file has none. */
  headerIndex: number;
  /** Records before the header or first data row (a bank's title block, say). */
  preambleRows: number;
  /** 1-based line the header starts on; 0 when there is none. */
  headerLine: number;
  fieldCount: number;
  /** Set for record-type files (PayPal STL, Trustly, dLocal). */
  sections: SectionLayout | null;
  /** The file started with Excel's `sep=;` line, which is not data. */
  hasSepLine: boolean;
}

interface Scored {
  delimiter: string;
  fieldCount: number;
  consistentRows: number;
  firstModalRow: number;
}

/**
 * Picks the delimiter whose field counts are most consistent, then the header
 * row. `forcedHeaderLine` is the user's choice (a 1-based line, 0 for none);
 * null means that line does not start a record among the first rows.
 */
export function sniffDialect(head: Uint8Array, isWholeFile: boolean, forcedDelimiter?: string): Dialect;
export function sniffDialect(head: Uint8Array, isWholeFile: boolean, forcedDelimiter: string | undefined, forcedHeaderLine: number | undefined): Dialect | null;
export function sniffDialect(head: Uint8Array, isWholeFile: boolean, forcedDelimiter?: string, forcedHeaderLine?: number): Dialect | null {
  const newline = head.includes(0x0a) || !head.includes(0x0d) ? 0x0a : 0x0d;
  const sepLine = excelSepLine(head);
  const candidates = forcedDelimiter ? [forcedDelimiter] : sepLine ? [sepLine] : CANDIDATES;
  let best: Scored | null = null;
  for (const delimiter of candidates) {
    const scored = score(head, isWholeFile, delimiter, newline);
    if (!best || better(scored, best)) best = scored;
  }
  const chosen = best ?? { delimiter: ',', fieldCount: 1, consistentRows: 0, firstModalRow: 0 };
  const scanner = scanSample(head, isWholeFile, chosen.delimiter, newline);
  const isLabel = (row: number) => isLabelRow(scanner, head, row);
  const skip = sepLine ? 1 : 0;
  if (forcedHeaderLine !== undefined) {
    const forced = headerAtLine(scanner, forcedHeaderLine, chosen.fieldCount, skip);
    return forced && { delimiter: chosen.delimiter, newline, ...forced, headerLine: forcedHeaderLine, sections: null, hasSepLine: Boolean(sepLine) };
  }
  const sections = detectSections(scanner, head, head.length, scanner.rowsFound, isLabel);
  if (sections) {
    const headerLine = sections.headerIndex >= 0 ? scanner.rowLine[sections.headerIndex]! : 0;
    return { delimiter: chosen.delimiter, newline, headerIndex: sections.headerIndex, preambleRows: Math.max(0, sections.headerIndex), headerLine, fieldCount: sections.fieldCount, sections, hasSepLine: false };
  }
  const header = findHeader(scanner, head, chosen.fieldCount, skip, isLabel);
  return {
    delimiter: chosen.delimiter,
    newline,
    headerIndex: header.headerIndex,
    preambleRows: header.preambleRows,
    headerLine: header.headerIndex >= 0 ? (scanner.rowLine[header.headerIndex] ?? 1) : 0,
    fieldCount: chosen.fieldCount,
    sections: null,
    hasSepLine: Boolean(sepLine),
  };
}

/** `sep=;` on the first line (Excel's dialect hint) names the delimiter. */
function excelSepLine(head: Uint8Array): string | null {
  if (head[0] !== 0x73 || head[1] !== 0x65 || head[2] !== 0x70 || head[3] !== 0x3d) return null;
  const next = head[5];
  if (next !== undefined && next !== 0x0a && next !== 0x0d) return null;
  const delimiter = String.fromCharCode(head[4] ?? 0x2c);
  return CANDIDATES.includes(delimiter) ? delimiter : null;
}

/**
 * The header is the first row with the data's field count whose cells read
 * as labels (no numbers or dates). Rows above it are preamble, even when
 * they share the field count (`"Kontostand vom …";"4.093,32 €"`). With no
 * such row above the data, the file has no header (Targobank).
 */
function findHeader(scanner: CsvScanner & { rowsFound: number }, head: Uint8Array, modal: number, skip: number, isLabel: (row: number) => boolean): { headerIndex: number; preambleRows: number } {
  const count = (row: number) => scanner.rowFirstField[row + 1]! - scanner.rowFirstField[row]!;
  let firstModal = -1;
  let dataLike = 0;
  const limit = Math.min(scanner.rowsFound, MAX_PREAMBLE_ROWS);
  for (let r = skip; r < limit; r++) {
    if (count(r) !== modal) continue;
    if (firstModal < 0) firstModal = r;
    if (isLabel(r)) {
      const followedByData = r + 1 >= scanner.rowsFound || count(r + 1) === modal;
      // Below data-like rows, only a full row of distinct labels is a header: a text-only data row is not.
      if (dataLike === 0 || (dataLike <= MAX_DATA_LIKE_PREAMBLE && followedByData && isFullLabelRow(scanner, head, r))) return { headerIndex: r, preambleRows: r };
      break;
    }
    dataLike++;
    if (dataLike > MAX_DATA_LIKE_PREAMBLE) break;
  }
  if (firstModal < 0) firstModal = Math.min(skip, Math.max(0, scanner.rowsFound - 1));
  if (scanner.rowsFound === 0) return { headerIndex: skip, preambleRows: skip };
  return { headerIndex: -1, preambleRows: firstModal };
}

/** The user's header line: that record is the header and sets the width; 0 means data from the first full-width record. */
function headerAtLine(scanner: CsvScanner & { rowsFound: number }, line: number, modal: number, skip: number): { headerIndex: number; preambleRows: number; fieldCount: number } | null {
  const count = (row: number) => scanner.rowFirstField[row + 1]! - scanner.rowFirstField[row]!;
  if (line === 0) {
    let first = skip;
    while (first < scanner.rowsFound && count(first) !== modal) first++;
    return { headerIndex: -1, preambleRows: Math.min(first, Math.max(0, scanner.rowsFound - 1)), fieldCount: modal };
  }
  for (let r = 0; r < scanner.rowsFound; r++) {
    if (scanner.rowLine[r] === line) return { headerIndex: r, preambleRows: r, fieldCount: count(r) };
    if (scanner.rowLine[r]! > line) break;
  }
  return null;
}

function isFullLabelRow(scanner: CsvScanner, head: Uint8Array, row: number): boolean {
  const labels = rowCells(scanner, head, head.length, row).map((cell) => cell.trim());
  return labels.every((label) => label !== '') && new Set(labels).size === labels.length;
}

function better(a: Scored, b: Scored): boolean {
  const aUseful = a.fieldCount > 1 ? 1 : 0;
  const bUseful = b.fieldCount > 1 ? 1 : 0;
  if (aUseful !== bUseful) return aUseful > bUseful;
  // Nearly as consistent but splitting rows into more fields: `;` over the `,` inside `-13,98`.
  const close = Math.abs(a.consistentRows - b.consistentRows) <= 0.2 * Math.max(a.consistentRows, b.consistentRows);
  if (close && a.fieldCount !== b.fieldCount) return a.fieldCount > b.fieldCount;
  if (a.consistentRows !== b.consistentRows) return a.consistentRows > b.consistentRows;
  return a.fieldCount > b.fieldCount;
}

function scanSample(head: Uint8Array, isWholeFile: boolean, delimiter: string, newline: number): CsvScanner & { rowsFound: number } {
  const scanner = new CsvScanner({ delimiter: delimiter.charCodeAt(0), newline, maxFieldBytes: head.length + 1 });
  const out = scanner.scan(head, head.length, isWholeFile);
  return Object.assign(scanner, { rowsFound: Math.min(out.rows, SAMPLE_ROWS) });
}

function score(head: Uint8Array, isWholeFile: boolean, delimiter: string, newline: number): Scored {
  const scanner = scanSample(head, isWholeFile, delimiter, newline);
  const counts: number[] = [];
  for (let r = 0; r < scanner.rowsFound; r++) counts.push(scanner.rowFirstField[r + 1]! - scanner.rowFirstField[r]!);
  const frequency = new Map<number, number>();
  for (const count of counts) frequency.set(count, (frequency.get(count) ?? 0) + 1);
  let fieldCount = 1;
  let consistentRows = 0;
  for (const [count, times] of frequency) {
    if (times > consistentRows || (times === consistentRows && count > fieldCount)) {
      fieldCount = count;
      consistentRows = times;
    }
  }
  return { delimiter, fieldCount, consistentRows, firstModalRow: Math.max(0, counts.indexOf(fieldCount)) };
}

/** A label row has at least one non-empty cell and no cell that reads as a number, date or boolean. */
function isLabelRow(scanner: CsvScanner, head: Uint8Array, row: number): boolean {
  const typed = IS_DECIMAL | IS_TIMESTAMP | IS_BOOLEAN;
  const first = scanner.rowFirstField[row]!;
  const width = scanner.rowFirstField[row + 1]! - first;
  let filled = 0;
  for (let c = 0; c < width; c++) {
    const start = scanner.fieldStart[first + c]!;
    const end = scanner.fieldEnd[first + c]!;
    if (end <= start || start >= head.length) continue;
    filled++;
    if (classifyCell(head, start, end) & typed) return false;
    const dot = parseLocaleScaled(head, start, end, DOT, 6, false);
    const comma = parseLocaleScaled(head, start, end, COMMA, 6, false);
    if (dot === dot || comma === comma || parseDateParts(head, start, end, false) !== 0) return false;
  }
  return filled > 0;
}
