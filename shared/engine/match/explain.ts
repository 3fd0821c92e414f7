import { EngineError } from '../errors';
import { formatScaled } from '../money/decimal';
import { indexByKey, type KeyIndex } from './passes';
import { STATUS_NAMES, type RunState } from './run-state';
import { indexOfRow, type Side, type SideData } from './side-data';

/** "Why didn't this match?": the nearest rows on the other side and what differs. */
export interface Candidate {
  rowId: number;
  key: string | null;
  currency: string;
  amount: string;
  /** Other minus this, at the run's scale. */
  amountDifference: string;
  daysApart: number | null;
  /** 1-based position of the first differing character, or null when the keys are equal. */
  keyDiffersAt: number | null;
  status: string;
  reasons: string[];
}

/** Lookups over one side, built on the first question about it and kept with the run. */
export interface ExplainIndex {
  byKey: KeyIndex;
  /** Rows with an amount, by (currency, amount). */
  byAmount: Int32Array;
  /** Rows with a key, by key text. */
  byKeyText: Int32Array;
}

function buildIndex(state: RunState, data: SideData): ExplainIndex {
  const withAmount: number[] = [];
  const withKey: number[] = [];
  for (let i = 0; i < data.n; i++) {
    if (!Number.isNaN(data.amount[i]!)) withAmount.push(i);
    if (data.key[i]! >= 0) withKey.push(i);
  }
  const keys = state.interners.keys;
  return {
    byKey: indexByKey(data, keys.size),
    byAmount: Int32Array.from(withAmount).sort((a, b) => data.currency[a]! - data.currency[b]! || data.amount[a]! - data.amount[b]!),
    byKeyText: Int32Array.from(withKey).sort((a, b) => compareText(keys.text(data.key[a]!), keys.text(data.key[b]!))),
  };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function firstDifference(a: string, b: string): number | null {
  if (a === b) return null;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i + 1;
}

/** First position in `sorted` whose row is not before the probe. */
function lowerBound(sorted: Int32Array, before: (row: number) => boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(sorted[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function explainRow(state: RunState, indexes: Partial<Record<Side, ExplainIndex>>, side: Side, rowId: number, limit = 3): Candidate[] {
  const own = side === 'L' ? state.left : state.right;
  const other = side === 'L' ? state.right : state.left;
  const otherSide: Side = side === 'L' ? 'R' : 'L';
  const otherState = side === 'L' ? state.R : state.L;
  const row = indexOfRow(own, rowId);
  if (row < 0) throw new EngineError('bad-input', `Row ${rowId} is not part of the last match run`);
  let index = indexes[otherSide];
  if (!index) indexes[otherSide] = index = buildIndex(state, other);
  const keys = state.interners.keys;
  const currencies = state.interners.currencies;
  const k = own.key[row]!;
  const a = own.amount[row]!;
  const c = own.currency[row]!;
  const d = own.day[row]!;
  // Candidates: the same key, the closest amounts above and below, the nearest keys by text.
  const pool = new Set<number>();
  if (k >= 0) for (let j = index.byKey.start[k]!, end = Math.min(index.byKey.start[k + 1]!, j + 20); j < end; j++) pool.add(index.byKey.rows[j]!);
  if (!Number.isNaN(a)) {
    const at = lowerBound(index.byAmount, (o) => other.currency[o]! < c || (other.currency[o] === c && other.amount[o]! < a));
    for (let j = at; j < Math.min(index.byAmount.length, at + 10); j++) if (other.currency[index.byAmount[j]!] === c) pool.add(index.byAmount[j]!);
    for (let j = at - 1; j >= Math.max(0, at - 10); j--) if (other.currency[index.byAmount[j]!] === c) pool.add(index.byAmount[j]!);
  }
  if (k >= 0) {
    const text = keys.text(k);
    const at = lowerBound(index.byKeyText, (o) => keys.text(other.key[o]!) < text);
    for (let j = at; j < Math.min(index.byKeyText.length, at + 5); j++) pool.add(index.byKeyText[j]!);
  }
  const ownKey = k >= 0 ? keys.text(k) : null;
  const scored = [...pool].map((o) => {
    const oa = other.amount[o]!;
    const ok = other.key[o]! >= 0 ? keys.text(other.key[o]!) : null;
    const delta = Number.isNaN(oa) || Number.isNaN(a) ? null : oa - a;
    const rawDays = other.day[o]! - d;
    const days = Number.isNaN(rawDays) ? null : Math.round(rawDays);
    const keyAt = ok !== null && ownKey !== null ? firstDifference(ownKey, ok) : null;
    const magnitude = delta === null ? Number.MAX_SAFE_INTEGER : Math.abs(delta);
    // Same key counts most, then closeness of amount (relative), then of date.
    const score = (keyAt === null && ownKey !== null ? 0 : 1e6) + Math.min(1e5, (magnitude / Math.max(1, Math.abs(Number.isNaN(a) ? 1 : a))) * 1e4) + Math.abs(days ?? 0);
    const status = STATUS_NAMES[otherState.status[o]!]!;
    const reasons: string[] = [];
    if (other.currency[o] !== c) reasons.push(`currency ${currencies.text(other.currency[o]!)} vs ${currencies.text(c)}`);
    if (delta !== null && delta !== 0) reasons.push(`amount off by ${formatScaled(BigInt(delta), state.scale)}`);
    if (days) reasons.push(`date off by ${days} day${Math.abs(days) === 1 ? '' : 's'}`);
    if (keyAt !== null) reasons.push(`key differs at character ${keyAt}`);
    if (ok === null || ownKey === null) reasons.push('no key on one side');
    if (status !== 'right_only' && status !== 'left_only') reasons.push(`already ${status.replace('_', ' ')}`);
    return {
      score,
      candidate: {
        rowId: other.ids[o]!,
        key: ok,
        currency: currencies.text(other.currency[o]!),
        amount: Number.isNaN(oa) ? '' : formatScaled(BigInt(oa), state.scale),
        amountDifference: delta === null ? '' : formatScaled(BigInt(delta), state.scale),
        daysApart: days,
        keyDiffersAt: keyAt,
        status,
        reasons: reasons.length ? reasons : ['identical on key, amount and date'],
      },
    };
  });
  return scored.sort((x, y) => x.score - y.score || x.candidate.rowId - y.candidate.rowId).slice(0, limit).map((entry) => entry.candidate);
}
