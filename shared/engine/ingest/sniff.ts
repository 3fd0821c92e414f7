import { CsvScanner } from './csv-scanner';
import { IS_BOOLEAN, IS_DECIMAL, IS_TIMESTAMP, classifyCell } from './cell-classify';

const CANDIDATES = [',', ';', '\t', '|'];
const SAMPLE_ROWS = 200;

export interface Dialect {
  delimiter: string;
  newline: number;
  /** Index, among the scanned records, of the header; -1 when the file has none. */
  headerIndex: number;
  /** Records before the header or first data row (a bank's title block, say). */
  preambleRows: number;
  fieldCount: number;
}

interface Scored {
  delimiter: string;
  fieldCount: number;
  consistentRows: number;
  firstModalRow: number;
}

/** Picks the delimiter whose field counts are most consistent, then the header row. */
export function sniffDialect(head: Uint8Array, isWholeFile: boolean, forcedDelimiter?: string): Dialect {
  const newline = head.includes(0x0a) || !head.includes(0x0d) ? 0x0a : 0x0d;
  const candidates = forcedDelimiter ? [forcedDelimiter] : CANDIDATES;
  let best: Scored | null = null;
  for (const delimiter of candidates) {
    const scored = score(head, isWholeFile, delimiter, newline);
    if (!best || better(scored, best)) best = scored;
  }
  const chosen = best ?? { delimiter: ',', fieldCount: 1, consistentRows: 0, firstModalRow: 0 };
  const firstRow = chosen.firstModalRow;
  const hasHeader = looksLikeHeader(head, isWholeFile, chosen.delimiter, newline, firstRow);
  return {
    delimiter: chosen.delimiter,
    newline,
    headerIndex: hasHeader ? firstRow : -1,
    preambleRows: firstRow,
    fieldCount: chosen.fieldCount,
  };
}

function better(a: Scored, b: Scored): boolean {
  const aUseful = a.fieldCount > 1 ? 1 : 0;
  const bUseful = b.fieldCount > 1 ? 1 : 0;
  if (aUseful !== bUseful) return aUseful > bUseful;
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

/**
 * A header row has no numbers, dates or booleans in columns whose next rows
 * do have them. Targobank-style files without a header start with data.
 */
function looksLikeHeader(head: Uint8Array, isWholeFile: boolean, delimiter: string, newline: number, row: number): boolean {
  const scanner = scanSample(head, isWholeFile, delimiter, newline);
  if (row >= scanner.rowsFound) return true;
  const typed = IS_DECIMAL | IS_TIMESTAMP | IS_BOOLEAN;
  const first = scanner.rowFirstField[row]!;
  const width = scanner.rowFirstField[row + 1]! - first;
  for (let c = 0; c < width; c++) {
    const start = scanner.fieldStart[first + c]!;
    const end = scanner.fieldEnd[first + c]!;
    if (end > start && start < head.length && classifyCell(head, start, end) & typed) return false;
  }
  return true;
}
