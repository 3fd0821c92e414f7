import type { ColumnType } from '../api';
import { HAS_LEADING_ZERO, IS_BOOLEAN, IS_DATE, IS_DECIMAL, IS_INTEGER, IS_TIMESTAMP, classifyCell, numberScale } from './cell-classify';

/**
 * Column typing from a sample of rows. A type is chosen only if every
 * non-empty sampled cell fits it; later cells that don't are kept as text and
 * counted. Identifiers stay text: leading zeros, more than 15 digits (the
 * classifier rejects those as numbers), letters mixed in, or a header that
 * names an identifier.
 */

const IDENTIFIER_HEADER = /(^|[^a-z])(id|ids|ref|reference|arn|iban|bic|account|acct|number|no|nr|code|psp|token|uuid|guid|phone|zip|postal|postcode)([^a-z]|$)/i;

export interface ColumnTyping {
  type: ColumnType;
  scale: number;
}

export class TypeSampler {
  private readonly all: number[];
  private readonly maxScale: number[];
  private readonly nonEmpty: number[];

  constructor(columns: number) {
    this.all = new Array<number>(columns).fill(-1);
    this.maxScale = new Array<number>(columns).fill(0);
    this.nonEmpty = new Array<number>(columns).fill(0);
  }

  add(column: number, buf: Uint8Array, start: number, end: number): void {
    if (end <= start) return;
    const flags = classifyCell(buf, start, end);
    this.all[column] = (this.all[column] ?? 0) & flags;
    this.nonEmpty[column] = (this.nonEmpty[column] ?? 0) + 1;
    if (flags & IS_DECIMAL) {
      const scale = numberScale(buf, start, end);
      if (scale > (this.maxScale[column] ?? 0)) this.maxScale[column] = scale;
    }
    // Leading zeros anywhere in the sample make the column an identifier.
    if (flags & HAS_LEADING_ZERO) this.all[column] = (this.all[column] ?? 0) & ~(IS_INTEGER | IS_DECIMAL);
  }

  typing(column: number, label: string): ColumnTyping {
    const flags = this.all[column] ?? -1;
    if ((this.nonEmpty[column] ?? 0) === 0) return { type: 'text', scale: 0 };
    if (flags & IS_BOOLEAN) return { type: 'boolean', scale: 0 };
    if (flags & IS_DATE) return { type: 'date', scale: 0 };
    if (flags & IS_TIMESTAMP) return { type: 'timestamp', scale: 0 };
    const isIdentifier = IDENTIFIER_HEADER.test(label.replace(/([a-z])([A-Z])/g, '$1 $2'));
    if (isIdentifier) return { type: 'text', scale: 0 };
    if (flags & IS_INTEGER) return { type: 'integer', scale: 0 };
    if (flags & IS_DECIMAL) return { type: 'decimal', scale: this.maxScale[column] ?? 0 };
    return { type: 'text', scale: 0 };
  }
}

/** SQLite declared type: INTEGER affinity for numbers, TEXT for the rest. */
export function declaredType(type: ColumnType): string {
  return type === 'integer' || type === 'decimal' || type === 'boolean' ? 'INTEGER' : 'TEXT';
}
