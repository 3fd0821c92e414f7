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
export const ONE_TO_ONE = 0;

/** A match of any kind but 1:1 (groups, manual): few, so kept as objects. */
export interface GeneralMatch {
  currency: number;
  /** Key id, or -1. */
  key: number;
  leftRows: number;
  rightRows: number;
  leftAmount: number;
  rightAmount: number;
  /** Right minus left at the run's scale; NaN = unknown. */
  delta: number;
  /** Days apart (right minus left); NaN = unknown. */
  days: number;
  /** Fee netted into a group match; NaN = none. */
  fee: number;
  /** Source rowid of the single left / right row, or NaN for a group or manual match. */
  leftId: number;
  rightId: number;
}

/**
 * One entry per match; match id = index + 1. A 1:1 match (nearly all of
 * them) is its pass, status and the index of its row on each side: 11 bytes,
 * where copying its currency, key, amounts, deltas and rowids took 67 bytes,
 * and at a million matches those were 67 MB of fresh pages at ~8 µs each on
 * this VM. Everything else about it is read from the side data, which does
 * not change during a run. Other kinds keep their figures in `general`.
 */
export class MatchList {
  size = 0;
  pass: Int8Array;
  /** Index into KIND_NAMES. */
  kind: Uint8Array;
  status: Uint8Array;
  /** A 1:1 match's row index into each side's data; -1 for other kinds. */
  leftRow: Int32Array;
  rightRow: Int32Array;
  /** Matches of other kinds, by match index. */
  readonly general = new Map<number, GeneralMatch>();

  /**
   * Every match takes at least one row of each side, so min(L, R) + 1 is room
   * enough and the list never regrows past a million matches.
   */
  constructor(
    private readonly left: SideData,
    private readonly right: SideData,
    capacity = 1024,
  ) {
    this.pass = new Int8Array(capacity);
    this.kind = new Uint8Array(capacity);
    this.status = new Uint8Array(capacity);
    this.leftRow = new Int32Array(capacity);
    this.rightRow = new Int32Array(capacity);
  }

  /** Makes room for `count` more matches. */
  reserve(count: number): void {
    const needed = this.size + count;
    if (needed <= this.pass.length) return;
    const n = Math.max(needed, this.pass.length * 2);
    const grow = <T extends Int8Array | Uint8Array | Int32Array>(array: T, make: (n: number) => T): T => {
      const next = make(n);
      next.set(array);
      return next;
    };
    this.pass = grow(this.pass, (k) => new Int8Array(k));
    this.kind = grow(this.kind, (k) => new Uint8Array(k));
    this.status = grow(this.status, (k) => new Uint8Array(k));
    this.leftRow = grow(this.leftRow, (k) => new Int32Array(k));
    this.rightRow = grow(this.rightRow, (k) => new Int32Array(k));
  }

  /** Appends a 1:1 match of left row `l` and right row `r` (room reserved) and returns its index. */
  addPair(pass: number, status: number, l: number, r: number): number {
    const at = this.size++;
    this.pass[at] = pass;
    this.kind[at] = ONE_TO_ONE;
    this.status[at] = status;
    this.leftRow[at] = l;
    this.rightRow[at] = r;
    return at;
  }

  currency(i: number): number {
    return this.kind[i] === ONE_TO_ONE ? this.left.currency[this.leftRow[i]!]! : this.general.get(i)!.currency;
  }

  key(i: number): number {
    return this.kind[i] === ONE_TO_ONE ? this.left.key[this.leftRow[i]!]! : this.general.get(i)!.key;
  }

  leftRows(i: number): number {
    return this.kind[i] === ONE_TO_ONE ? 1 : this.general.get(i)!.leftRows;
  }

  rightRows(i: number): number {
    return this.kind[i] === ONE_TO_ONE ? 1 : this.general.get(i)!.rightRows;
  }

  leftAmount(i: number): number {
    return this.kind[i] === ONE_TO_ONE ? this.left.amount[this.leftRow[i]!]! : this.general.get(i)!.leftAmount;
  }

  rightAmount(i: number): number {
    return this.kind[i] === ONE_TO_ONE ? this.right.amount[this.rightRow[i]!]! : this.general.get(i)!.rightAmount;
  }

  /** Right minus left at the run's scale; NaN = unknown. */
  delta(i: number): number {
    return this.kind[i] === ONE_TO_ONE ? this.rightAmount(i) - this.leftAmount(i) : this.general.get(i)!.delta;
  }

  /** Days apart (right minus left, rounded half away from zero); NaN = unknown. */
  days(i: number): number {
    if (this.kind[i] !== ONE_TO_ONE) return this.general.get(i)!.days;
    return dayDelta(this.right.day[this.rightRow[i]!]!, this.left.day[this.leftRow[i]!]!);
  }

  /** Fee netted into a group match; NaN = none. */
  fee(i: number): number {
    return this.kind[i] === ONE_TO_ONE ? Number.NaN : this.general.get(i)!.fee;
  }

  /** Source rowid of the single left row, or NaN for a group or manual match. */
  leftId(i: number): number {
    return this.kind[i] === ONE_TO_ONE ? this.left.ids[this.leftRow[i]!]! : this.general.get(i)!.leftId;
  }

  rightId(i: number): number {
    return this.kind[i] === ONE_TO_ONE ? this.right.ids[this.rightRow[i]!]! : this.general.get(i)!.rightId;
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

export function newMatchList(left: SideData, right: SideData, capacity = 1024): MatchList {
  return new MatchList(left, right, capacity);
}

export interface NewMatch extends GeneralMatch {
  pass: number;
  kind: Exclude<MatchKind, '1:1'>;
  status: number;
}

/** Appends a match of any kind but 1:1 and returns its id. */
export function addMatch(list: MatchList, match: NewMatch): number {
  list.reserve(1);
  const i = list.size++;
  list.pass[i] = match.pass;
  list.kind[i] = KIND_NAMES.indexOf(match.kind);
  list.status[i] = match.status;
  list.leftRow[i] = -1;
  list.rightRow[i] = -1;
  list.general.set(i, {
    currency: match.currency, key: match.key, leftRows: match.leftRows, rightRows: match.rightRows, leftAmount: match.leftAmount, rightAmount: match.rightAmount,
    delta: match.delta, days: match.days, fee: match.fee, leftId: match.leftId, rightId: match.rightId,
  });
  return list.size;
}

/** Days from `from` to `to`, rounded as SQLite does; NaN if either is unknown. */
export function dayDelta(to: number, from: number): number {
  return Number.isNaN(to) || Number.isNaN(from) ? Number.NaN : roundDays(to - from);
}

/** SQLite's round(): half away from zero. */
export function roundDays(value: number): number {
  return value < 0 ? -Math.round(-value) : Math.round(value);
}
