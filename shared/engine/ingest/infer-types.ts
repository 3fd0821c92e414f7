import type { ColumnType } from '../api';
import { HAS_LEADING_ZERO, MAX_SCALE, IS_BOOLEAN, IS_DATE, IS_DECIMAL, IS_INTEGER, IS_TIMESTAMP, classifyCell, numberScale } from './cell-classify';

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

/**
 * A money header with only whole numbers in the sample (JPY rows first, say)
 * still gets two decimals, so a later 12.34 fits instead of being coerced.
 */
const MONEY_HEADER = /(amount|amt|gross|net|fee|fees|total|balance|price|debit|credit|payout|cost|charge|betrag|montant|importe)/i;
const MONEY_MIN_SCALE = 2;

/** Share of sampled cells that must fit a type: a few "N/A" cells don't make an amount column text. */
const MIN_FIT_SHARE = 0.99;

export class TypeSampler {
  private readonly fits: Int32Array[];
  /** Per column, how many decimal cells have each scale (0..MAX_SCALE). */
  private readonly scales: Int32Array[];
  private readonly nonEmpty: number[];
  private readonly leadingZeros: number[];

  constructor(columns: number) {
    this.fits = Array.from({ length: columns }, () => new Int32Array(5));
    this.scales = Array.from({ length: columns }, () => new Int32Array(MAX_SCALE + 1));
    this.nonEmpty = new Array<number>(columns).fill(0);
    this.leadingZeros = new Array<number>(columns).fill(0);
  }

  add(column: number, buf: Uint8Array, start: number, end: number): void {
    if (end <= start) return;
    const flags = classifyCell(buf, start, end);
    const fits = this.fits[column]!;
    if (flags & IS_INTEGER) fits[0]!++;
    if (flags & IS_DECIMAL) fits[1]!++;
    if (flags & IS_BOOLEAN) fits[2]!++;
    if (flags & IS_DATE) fits[3]!++;
    if (flags & IS_TIMESTAMP) fits[4]!++;
    this.nonEmpty[column] = (this.nonEmpty[column] ?? 0) + 1;
    if (flags & HAS_LEADING_ZERO) this.leadingZeros[column] = (this.leadingZeros[column] ?? 0) + 1;
    if (flags & IS_DECIMAL) this.scales[column]![numberScale(buf, start, end)]!++;
  }

  typing(column: number, label: string): ColumnTyping {
    const total = this.nonEmpty[column] ?? 0;
    if (total === 0) return { type: 'text', scale: 0 };
    const fits = this.fits[column]!;
    const isMostly = (index: number) => fits[index]! >= Math.ceil(total * MIN_FIT_SHARE);
    if (isMostly(2)) return { type: 'boolean', scale: 0 };
    if (isMostly(3)) return { type: 'date', scale: 0 };
    if (isMostly(4)) return { type: 'timestamp', scale: 0 };
    // Leading zeros anywhere in the sample make the column an identifier.
    const isIdentifier = (this.leadingZeros[column] ?? 0) > 0 || IDENTIFIER_HEADER.test(label.replace(/([a-z])([A-Z])/g, '$1 $2'));
    if (isIdentifier) return { type: 'text', scale: 0 };
    const isMoney = MONEY_HEADER.test(label);
    if (isMostly(0) && !isMoney) return { type: 'integer', scale: 0 };
    if (isMostly(0)) return { type: 'decimal', scale: MONEY_MIN_SCALE };
    if (isMostly(1)) {
      const scale = this.scaleFor(column, Math.ceil(total * MIN_FIT_SHARE));
      return { type: 'decimal', scale: isMoney ? Math.max(scale, MONEY_MIN_SCALE) : scale };
    }
    return { type: 'text', scale: 0 };
  }

  /** The smallest scale that holds `needed` cells: one stray 12.345 doesn't widen a cents column. */
  private scaleFor(column: number, needed: number): number {
    const scales = this.scales[column]!;
    let covered = 0;
    for (let scale = 0; scale <= MAX_SCALE; scale++) {
      covered += scales[scale]!;
      if (covered >= needed) return scale;
    }
    return MAX_SCALE;
  }
}

/** SQLite declared type: INTEGER affinity for numbers, TEXT for the rest. */
export function declaredType(type: ColumnType): string {
  return type === 'integer' || type === 'decimal' || type === 'boolean' ? 'INTEGER' : 'TEXT';
}
