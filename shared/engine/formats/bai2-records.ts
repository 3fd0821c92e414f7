import { EngineError } from '../errors';

/**
 * BAI2 physical lines → records. Real files bend the spec (FORMATS.md §7):
 * several records on one line ("…/ 16,…/"), a 16 broken over two lines
 * with no 88, 88s and 99s without the "/" terminator. So a record starts
 * only where a known record code and a comma begin a line or follow a "/";
 * any other line continues the record before it.
 */

export interface Bai2Record {
  code: string;
  /** Everything after "NN,", continuation lines appended, terminator kept. */
  body: string;
  line: number;
  raw: string;
  /** Length of the last physical line the record ends on, to tell a wrapped 88 from a finished one. */
  lastLineLength: number;
}

/** A record with the 88 continuation records that follow it. */
export interface Bai2Logical {
  head: Bai2Record;
  continuations: Bai2Record[];
}

const RECORD_START = /^(0[123]|16|49|88|98|99),/;
const INLINE_BREAK = /\/[ \t]*(?=(?:0[123]|16|49|88|98|99),)/g;

export function splitBai2Records(text: string, file: string): Bai2Record[] {
  const records: Bai2Record[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((physical, index) => {
    const line = index + 1;
    if (physical.trim() === '') return;
    for (const segment of inlineSegments(physical)) {
      const start = RECORD_START.exec(segment);
      if (start) {
        records.push({ code: start[1]!, body: segment.slice(3), line, raw: segment.trimEnd(), lastLineLength: physical.length });
        continue;
      }
      const current = records[records.length - 1];
      if (!current) throw new EngineError('bad-input', `Line ${line} is not a BAI2 record: a BAI2 file starts with "01,".`, { file, line });
      // A line that is not a record carries on the previous one's text (a 16 split without an 88).
      current.body = `${current.body.trimEnd()} ${segment.trim()}`;
      current.raw = `${current.raw}\n${segment.trimEnd()}`;
      current.lastLineLength = physical.length;
    }
  });
  return records;
}

function inlineSegments(physical: string): string[] {
  const segments: string[] = [];
  let from = 0;
  for (const match of physical.matchAll(INLINE_BREAK)) {
    const end = match.index + 1;
    segments.push(physical.slice(from, end));
    from = match.index + match[0].length;
  }
  segments.push(physical.slice(from));
  return segments.filter((segment) => segment.trim() !== '');
}

export function groupContinuations(records: Bai2Record[]): Bai2Logical[] {
  const logical: Bai2Logical[] = [];
  for (const record of records) {
    const last = logical[logical.length - 1];
    if (record.code === '88' && last) last.continuations.push(record);
    else logical.push({ head: record, continuations: [] });
  }
  return logical;
}

/** Comma fields of a non-text record, without the "/" terminator. */
export function plainFields(body: string): string[] {
  return body.trimEnd().replace(/\/$/, '').split(',');
}

/**
 * Reads the fixed fields of a 16 (or 88) one comma at a time; the text field
 * is whatever remains, commas included, because BAI2 does not delimit it.
 */
export class FieldCursor {
  private pos = 0;
  private ended = false;

  constructor(private readonly body: string) {}

  next(): string {
    if (this.ended) return '';
    const comma = this.body.indexOf(',', this.pos);
    const token = comma < 0 ? this.body.slice(this.pos) : this.body.slice(this.pos, comma);
    this.pos = comma < 0 ? this.body.length : comma + 1;
    if (comma < 0) this.ended = true;
    const trimmed = token.trimEnd();
    if (trimmed.endsWith('/')) {
      this.ended = true;
      return trimmed.slice(0, -1).trim();
    }
    return token.trim();
  }

  rest(): string {
    if (this.ended) return '';
    this.ended = true;
    return this.body.slice(this.pos).trimEnd().replace(/\/$/, '').trim();
  }
}

/** 88 text after a 16: the terminator and padding removed. */
export function continuationText(record: Bai2Record): string {
  return record.body.trimEnd().replace(/\/$/, '').trim();
}
