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

/** Cells kept per column for notation and date inference (copies, so later chunks can reuse the buffer). */
const KEPT_CELLS = 1000;

export interface ColumnTyping {
  type: ColumnType;
  scale: number;
}

/**
 * A money header with only whole numbers in the sample (JPY rows first, say)
 * still gets two decimals, so a later 12.34 fits instead of being coerced.
 */
export const MONEY_HEADER = /(amount|amt|gross|net|fee|fees|total|balance|price|debit|credit|payout|cost|charge|betrag|montant|importe|brutto|netto|geb(ü|u)hr|saldo|guthaben|umsatz)/i;
const MONEY_MIN_SCALE = 2;

/** Share of sampled cells that must fit a type: a few "N/A" cells don't make an amount column text. */
export const MIN_FIT_SHARE = 0.99;

export class TypeSampler {
  private readonly fits: Int32Array[];
  /** Per column, how many decimal cells have each scale (0..MAX_SCALE). */
  private readonly scales: Int32Array[];
  private readonly nonEmpty: number[];
  private readonly leadingZeros: number[];
  /** The first sampled cells of each column, as bytes. */
  readonly cells: Uint8Array[][];
  /** Per adjacent pair (c, c+1): rows where both are filled, and where neither is. */
  readonly pairBoth: Int32Array;
  readonly pairNeither: Int32Array;
  rows = 0;
  private readonly filled: Uint8Array;

  constructor(columns: number) {
    this.cells = Array.from({ length: columns }, () => []);
    this.pairBoth = new Int32Array(columns);
    this.pairNeither = new Int32Array(columns);
    this.filled = new Uint8Array(columns);
    this.fits = Array.from({ length: columns }, () => new Int32Array(5));
    this.scales = Array.from({ length: columns }, () => new Int32Array(MAX_SCALE + 1));
    this.nonEmpty = new Array<number>(columns).fill(0);
    this.leadingZeros = new Array<number>(columns).fill(0);
  }

  add(column: number, buf: Uint8Array, start: number, end: number): void {
    if (end <= start) return;
    this.filled[column] = 1;
    const kept = this.cells[column]!;
    if (kept.length < KEPT_CELLS) kept.push(buf.slice(start, end));
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

  /** A non-empty cell that was not sampled (an unescaped copy in scratch). */
  markFilled(column: number): void {
    this.filled[column] = 1;
  }

  endRow(): void {
    const filled = this.filled;
    for (let c = 0; c + 1 < filled.length; c++) {
      if (filled[c] && filled[c + 1]) this.pairBoth[c]!++;
      else if (!filled[c] && !filled[c + 1]) this.pairNeither[c]!++;
    }
    filled.fill(0);
    this.rows++;
  }

  nonEmptyCount(column: number): number {
    return this.nonEmpty[column] ?? 0;
  }

  /** True when leading zeros or the header say the column holds identifiers. */
  isIdentifier(column: number, label: string): boolean {
    return (this.leadingZeros[column] ?? 0) > 0 || IDENTIFIER_HEADER.test(label.replace(/([a-z])([A-Z])/g, '$1 $2'));
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
    if (this.isIdentifier(column, label)) return { type: 'text', scale: 0 };
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
