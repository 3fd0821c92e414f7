/**
 * A byte-level CSV scanner over UTF-8 chunks.
 *
 * It records where each field starts and ends instead of building strings,
 * so the importer can bind the bytes straight into SQLite. Quoted fields with
 * doubled quotes are unescaped into a scratch buffer. Only complete records are reported; the caller carries the
 * unconsumed tail into the next chunk.
 *
 * It also checks UTF-8 on the fly (only bytes >= 0x80 cost anything), so a
 * file that is not UTF-8 is caught without a second pass.
 */

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

export interface ScannerOptions {
  delimiter: number;
  /** LF (also handles CRLF) or CR for classic-Mac files. */
  newline: number;
  /** A quoted field larger than this is reported as an unclosed quote. */
  maxFieldBytes: number;
}

export type ScanProblem =
  | { kind: 'unclosed-quote'; line: number; column: number }
  | { kind: 'field-too-large'; line: number; column: number; bytes: number }
  | { kind: 'invalid-utf8'; line: number; column: number; offset: number };

export interface ScanOutput {
  /** Complete records found in this call. */
  rows: number;
  /** Bytes consumed: everything before the first incomplete record. */
  consumed: number;
  /** Set when scanning stopped on bad input. */
  problem: ScanProblem | null;
}

export class CsvScanner {
  fieldStart: Int32Array = new Int32Array(1 << 16);
  fieldEnd: Int32Array = new Int32Array(1 << 16);
  /** Index of each record's first field; entry `rows` is the end sentinel. */
  rowFirstField: Int32Array = new Int32Array(1 << 12);
  /** 1-based physical line on which each record starts. */
  rowLine: Int32Array = new Int32Array(1 << 12);
  /** Byte offset just past each record (where a rescan of the next one would start). */
  rowEnd: Int32Array = new Int32Array(1 << 12);
  /** 1-based line of the first byte of the next scan. */
  line = 1;
  blankRowsSkipped = 0;
  readonly options: ScannerOptions;

  constructor(options: ScannerOptions) {
    this.options = options;
  }

  /**
   * Scans `buf[0, length)`. When `isLast` the final record needs no newline.
   * Field offsets at or above `length` point into `scratch` (at offset - length):
   * unescaped copies of quoted fields. `buf` itself is never modified, so an
   * incomplete record can be re-scanned with the next chunk.
   */
  scan(buf: Uint8Array, length: number, isLast: boolean): ScanOutput {
    const { delimiter, newline, maxFieldBytes } = this.options;
    const trimCr = newline === LF;
    let fieldCount = 0;
    let rows = 0;
    let line = this.line;
    let i = 0;
    let consumed = 0;
    let rowFieldBase = 0;
    let rowStartLine = line;
    let rowHasContent = false;
    this.scratchLength = 0;
    this.ensureRows(1);
    this.rowFirstField[0] = 0;

    while (i < length) {
      this.ensureFields(fieldCount + 2);
      let start = i;
      let end: number;
      const column = fieldCount - rowFieldBase + 1;
      if (buf[i] === QUOTE) {
        if (!this.scanQuoted(buf, i, length, isLast, rowStartLine, column, line)) {
          if (this.quotedProblem) return { rows, consumed, problem: this.quotedProblem };
          break; // incomplete: wait for more bytes
        }
        line = this.quotedLine;
        start = this.quotedStart;
        end = this.quotedEnd;
        i = this.quotedNext;
        if (end > start) rowHasContent = true;
      } else {
        let j = i;
        while (j < length) {
          const c = buf[j]!;
          if (c === delimiter || c === newline) break;
          if (c >= 0x80) {
            const size = utf8SequenceLength(buf, j, length);
            if (size < 0) {
              if (!isLast && length - j < 4) {
                j = length; // a sequence cut by the chunk edge: wait for more bytes
                break;
              }
              return { rows, consumed, problem: { kind: 'invalid-utf8', line, column, offset: j } };
            }
            j += size;
            continue;
          }
          j++;
        }
        if (j === length && !isLast) break;
        end = j;
        if (trimCr && end > start && buf[end - 1] === CR) end--;
        if (end > start) rowHasContent = true;
        if (end - start > maxFieldBytes) {
          return { rows, consumed, problem: { kind: 'field-too-large', line, column, bytes: end - start } };
        }
        i = j;
      }
      this.fieldStart[fieldCount] = start;
      this.fieldEnd[fieldCount] = end;
      fieldCount++;
      if (i < length && buf[i] === delimiter) {
        i++;
        if (i < length || !isLast) continue;
        // A trailing delimiter at the end of the file still opens one empty field.
        this.fieldStart[fieldCount] = i;
        this.fieldEnd[fieldCount] = i;
        fieldCount++;
      } else if (i < length) {
        i++; // the newline
        line++;
      }
      if (rowHasContent) {
        this.ensureRows(rows + 2);
        this.rowLine[rows] = rowStartLine;
        this.rowEnd[rows] = i;
        rows++;
        this.rowFirstField[rows] = fieldCount;
      } else {
        this.blankRowsSkipped++;
        fieldCount = rowFieldBase;
      }
      rowFieldBase = fieldCount;
      consumed = i;
      rowStartLine = line;
      rowHasContent = false;
    }
    this.line = rowStartLine;
    return { rows, consumed, problem: null };
  }

  /** Bytes of unescaped quoted fields from the last scan. */
  scratch: Uint8Array = new Uint8Array(1 << 16);
  scratchLength = 0;

  // Results of scanQuoted, kept as fields so the hot path allocates nothing.
  private quotedStart = 0;
  private quotedEnd = 0;
  private quotedNext = 0;
  private quotedLine = 0;
  private quotedProblem: ScanProblem | null = null;

  /** Scans the quoted field at `at`: true when complete (results in quoted*), false when more bytes are needed. */
  private scanQuoted(buf: Uint8Array, at: number, length: number, isLast: boolean, rowStartLine: number, column: number, startLine: number): boolean {
    const { delimiter, newline, maxFieldBytes } = this.options;
    let line = startLine;
    let j = at + 1;
    // -1 until the first escaped quote; then the field continues in scratch.
    let copyFrom = -1;
    let scratchStart = 0;
    this.quotedProblem = null;
    for (;;) {
      if (j >= length) {
        if (isLast) this.quotedProblem = { kind: 'unclosed-quote', line: rowStartLine, column };
        return false;
      }
      const c = buf[j]!;
      if (c === QUOTE) {
        if (j + 1 >= length && !isLast) return false;
        if (buf[j + 1] === QUOTE) {
          if (copyFrom < 0) {
            scratchStart = this.scratchLength;
            this.appendScratch(buf, at + 1, j + 1);
          } else this.appendScratch(buf, copyFrom, j + 1);
          j += 2;
          copyFrom = j;
          continue;
        }
        break;
      }
      if (c === LF) line++;
      else if (c >= 0x80) {
        const size = utf8SequenceLength(buf, j, length);
        if (size < 0) {
          if (!isLast && j + 4 > length) return false;
          this.quotedProblem = { kind: 'invalid-utf8', line, column, offset: j };
          return false;
        }
        j += size - 1;
      }
      j++;
      if (j - at > maxFieldBytes) {
        this.quotedProblem = { kind: 'unclosed-quote', line: rowStartLine, column };
        return false;
      }
    }
    const closeAt = j;
    // Bytes after the closing quote, up to the delimiter, are kept (lenient, as Excel does).
    let k = closeAt + 1;
    while (k < length && buf[k] !== delimiter && buf[k] !== newline) k++;
    if (k === length && !isLast) return false;
    let tailEnd = k;
    if (newline === LF && tailEnd > closeAt + 1 && buf[tailEnd - 1] === CR) tailEnd--;
    const hasTail = tailEnd > closeAt + 1;
    if (hasTail && line > startLine) {
      // A quoted field that ran over a line end and then "closes" mid-value is an
      // unclosed quote that re-synchronised on a later quote: report where it opened.
      this.quotedProblem = { kind: 'unclosed-quote', line: rowStartLine, column };
      return false;
    }
    this.quotedNext = k;
    this.quotedLine = line;
    if (copyFrom < 0 && !hasTail) {
      this.quotedStart = at + 1;
      this.quotedEnd = closeAt;
      return true;
    }
    if (copyFrom < 0) {
      scratchStart = this.scratchLength;
      this.appendScratch(buf, at + 1, closeAt);
    } else this.appendScratch(buf, copyFrom, closeAt);
    if (hasTail) this.appendScratch(buf, closeAt + 1, tailEnd);
    this.quotedStart = length + scratchStart;
    this.quotedEnd = length + this.scratchLength;
    return true;
  }

  private appendScratch(buf: Uint8Array, from: number, to: number): void {
    const needed = this.scratchLength + (to - from);
    if (needed > this.scratch.length) {
      const next = new Uint8Array(Math.max(needed, this.scratch.length * 2));
      next.set(this.scratch.subarray(0, this.scratchLength));
      this.scratch = next;
    }
    // A plain loop: most spans are a few bytes, where subarray() + set() costs more.
    const scratch = this.scratch;
    let w = this.scratchLength;
    for (let r = from; r < to; r++) scratch[w++] = buf[r]!;
    this.scratchLength = needed;
  }

  private ensureFields(needed: number): void {
    if (needed <= this.fieldStart.length) return;
    const size = Math.max(needed, this.fieldStart.length * 2);
    this.fieldStart = grow(this.fieldStart, size);
    this.fieldEnd = grow(this.fieldEnd, size);
  }

  private ensureRows(needed: number): void {
    if (needed <= this.rowFirstField.length) return;
    const size = Math.max(needed, this.rowFirstField.length * 2);
    this.rowFirstField = grow(this.rowFirstField, size);
    this.rowLine = grow(this.rowLine, size);
    this.rowEnd = grow(this.rowEnd, size);
  }
}

function grow(array: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const next = new Int32Array(size);
  next.set(array);
  return next;
}

/** Length of the valid UTF-8 sequence at `at`, or -1 if invalid or truncated. */
export function utf8SequenceLength(buf: Uint8Array, at: number, length: number): number {
  const b0 = buf[at]!;
  let size: number;
  let min: number;
  if (b0 >= 0xc2 && b0 <= 0xdf) {
    size = 2;
    min = 0x80;
  } else if (b0 >= 0xe0 && b0 <= 0xef) {
    size = 3;
    min = 0x800;
  } else if (b0 >= 0xf0 && b0 <= 0xf4) {
    size = 4;
    min = 0x10000;
  } else return -1;
  if (at + size > length) return -1;
  let code = b0 & (0xff >> (size + 1));
  for (let k = 1; k < size; k++) {
    const b = buf[at + k]!;
    if ((b & 0xc0) !== 0x80) return -1;
    code = (code << 6) | (b & 0x3f);
  }
  if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return -1;
  return size;
}
