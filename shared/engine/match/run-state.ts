import type { MatchStatus } from './summary';
import type { Interners, SideData } from './side-data';

/**
 * The decisions of one run, held in typed arrays beside the side data: a
 * status, match id and deciding pass per row, and one entry per match.
 * Written to SQL once, at the end (materialize.ts).
 */
export const OPEN = 0;
export const STATUS_NAMES = ['open', 'matched', 'matched_diff', 'ambiguous', 'left_only', 'right_only'] as const;
export const STATUS_CODE: Record<MatchStatus, number> = { matched: 1, matched_diff: 2, ambiguous: 3, left_only: 4, right_only: 5 };
export const NO_PASS = -1;

export interface SideState {
  /** Status code (STATUS_NAMES); 0 while no pass has decided the row. */
  status: Uint8Array;
  /** Match id (1-based); 0 = none. */
  match: Int32Array;
  /** The pass that decided the row (0 = manual); NO_PASS = none. */
  pass: Int8Array;
}

export type MatchKind = '1:1' | 'n:1' | '1:n' | 'manual';
export const KIND_NAMES: MatchKind[] = ['1:1', 'n:1', '1:n', 'manual'];

/**
 * One entry per match, column-wise in typed arrays (a million object pushes
 * into fourteen JS arrays cost 1.7 s); match id = index + 1.
 */
export class MatchList {
  size = 0;
  pass: Int8Array;
  /** Index into KIND_NAMES. */
  kind: Uint8Array;
  status: Uint8Array;
  currency: Int32Array;
  /** Key id, or -1. */
  key: Int32Array;
  leftRows: Int32Array;
  rightRows: Int32Array;
  leftAmount: Float64Array;
  rightAmount: Float64Array;
  /** Right minus left at the run's scale; NaN = unknown. */
  delta: Float64Array;
  /** Days apart (right minus left); NaN = unknown. */
  days: Float64Array;
  /** Fees netted into a group match, by match index: few matches have one, so no array per match. */
  readonly fees = new Map<number, number>();
  /** Source rowid of the single left / right row, or NaN for a group or manual match. */
  leftId: Float64Array;
  rightId: Float64Array;

  /**
   * Every match takes at least one row of each side, so min(L, R) + 1 is room
   * enough and the list never regrows: doubling past a million matches copied
   * 83 MB into fresh pages for a handful of tolerance-pass matches.
   */
  constructor(capacity = 1024) {
    this.pass = new Int8Array(capacity);
    this.kind = new Uint8Array(capacity);
    this.status = new Uint8Array(capacity);
    this.currency = new Int32Array(capacity);
    this.key = new Int32Array(capacity);
    this.leftRows = new Int32Array(capacity);
    this.rightRows = new Int32Array(capacity);
    this.leftAmount = new Float64Array(capacity);
    this.rightAmount = new Float64Array(capacity);
    this.delta = new Float64Array(capacity);
    this.days = new Float64Array(capacity);
    this.leftId = new Float64Array(capacity);
    this.rightId = new Float64Array(capacity);
  }

  /** Makes room for `count` more matches. */
  reserve(count: number): void {
    const needed = this.size + count;
    if (needed <= this.pass.length) return;
    const n = Math.max(needed, this.pass.length * 2);
    const grow = <T extends Int8Array | Uint8Array | Int32Array | Float64Array>(array: T, make: (n: number) => T): T => {
      const next = make(n);
      next.set(array);
      return next;
    };
    this.pass = grow(this.pass, (k) => new Int8Array(k));
    this.kind = grow(this.kind, (k) => new Uint8Array(k));
    this.status = grow(this.status, (k) => new Uint8Array(k));
    this.currency = grow(this.currency, (k) => new Int32Array(k));
    this.key = grow(this.key, (k) => new Int32Array(k));
    this.leftRows = grow(this.leftRows, (k) => new Int32Array(k));
    this.rightRows = grow(this.rightRows, (k) => new Int32Array(k));
    this.leftAmount = grow(this.leftAmount, (k) => new Float64Array(k));
    this.rightAmount = grow(this.rightAmount, (k) => new Float64Array(k));
    this.delta = grow(this.delta, (k) => new Float64Array(k));
    this.days = grow(this.days, (k) => new Float64Array(k));
    this.leftId = grow(this.leftId, (k) => new Float64Array(k));
    this.rightId = grow(this.rightId, (k) => new Float64Array(k));
  }
}

export interface RunState {
  scale: number;
  interners: Interners;
  left: SideData;
  right: SideData;
  L: SideState;
  R: SideState;
  matches: MatchList;
}

export function newSideState(n: number): SideState {
  return { status: new Uint8Array(n), match: new Int32Array(n), pass: new Int8Array(n).fill(NO_PASS) };
}

export function newMatchList(capacity = 1024): MatchList {
  return new MatchList(capacity);
}

export interface NewMatch {
  pass: number;
  kind: MatchKind;
  status: number;
  currency: number;
  key: number;
  leftRows: number;
  rightRows: number;
  leftAmount: number;
  rightAmount: number;
  delta: number;
  days: number;
  fee: number;
  leftId: number;
  rightId: number;
}

/** Appends a match and returns its id. */
export function addMatch(list: MatchList, match: NewMatch): number {
  list.reserve(1);
  const i = list.size++;
  list.pass[i] = match.pass;
  list.kind[i] = KIND_NAMES.indexOf(match.kind);
  list.status[i] = match.status;
  list.currency[i] = match.currency;
  list.key[i] = match.key;
  list.leftRows[i] = match.leftRows;
  list.rightRows[i] = match.rightRows;
  list.leftAmount[i] = match.leftAmount;
  list.rightAmount[i] = match.rightAmount;
  list.delta[i] = match.delta;
  list.days[i] = match.days;
  if (!Number.isNaN(match.fee)) list.fees.set(i, match.fee);
  else list.fees.delete(i);
  list.leftId[i] = match.leftId;
  list.rightId[i] = match.rightId;
  return list.size;
}

/** SQLite's round(): half away from zero. */
export function roundDays(value: number): number {
  return value < 0 ? -Math.round(-value) : Math.round(value);
}
