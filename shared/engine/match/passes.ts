import { EngineError } from '../errors';
import { isExactMinor } from '../money/exact-sum';
import { Candidates, resolveCandidates } from './resolve';
import { addMatch, dayDelta, STATUS_CODE, type RunState } from './run-state';

import type { SideData } from './side-data';
import type { MatchSpec } from './spec';

/**
 * The passes, from highest fidelity to lowest, as hash joins over the side
 * data. Each works only on rows no earlier pass decided and records one
 * entry per match with its deltas.
 */

/** Rows of one side grouped by key id (CSR layout: rows of key k are rows[start[k] … start[k+1])). */
export interface KeyIndex {
  start: Int32Array;
  rows: Int32Array;
}

export function indexByKey(data: SideData, keyCount: number): KeyIndex {
  const start = new Int32Array(keyCount + 1);
  for (let i = 0; i < data.n; i++) {
    const k = data.key[i]!;
    if (k >= 0) start[k + 1] = start[k + 1]! + 1;
  }
  for (let k = 0; k < keyCount; k++) start[k + 1] = start[k + 1]! + start[k]!;
  const rows = new Int32Array(start[keyCount]!);
  // Filled through `start` itself, which leaves start[k] at key k + 1's start; one shift puts
  // it back. A copy of `start` to fill through was 4 MB of fresh pages at 1M keys.
  for (let i = 0; i < data.n; i++) {
    const k = data.key[i]!;
    if (k >= 0) rows[start[k]!++] = i;
  }
  for (let k = keyCount - 1; k > 0; k--) start[k] = start[k - 1]!;
  if (keyCount > 0) start[0] = 0;
  return { start, rows };
}

/** Tolerance in minor units around `amount`. */
export function toleranceFor(spec: MatchSpec, amount: number): number {
  const absolute = spec.amount?.toleranceMinor ?? 0;
  const percent = spec.amount?.tolerancePercent ?? 0;
  return percent > 0 ? Math.max(absolute, Math.trunc((Math.abs(amount) * percent) / 100)) : absolute;
}

export function statusFor(spec: MatchSpec, da: number, dd: number): number {
  const window = spec.date?.windowDays ?? 0;
  return da === 0 && (Number.isNaN(dd) || Math.abs(dd) <= window) ? STATUS_CODE.matched : STATUS_CODE.matched_diff;
}

/** Lazily built per run: key indexes and the grouped side's repeating keys. */
export interface PassCache {
  keyIndex: Partial<Record<'L' | 'R', KeyIndex>>;
  multi?: Uint8Array;
  leftCounts?: Uint8Array;
}

function keyIndexOf(state: RunState, cache: PassCache, side: 'L' | 'R'): KeyIndex {
  let found = cache.keyIndex[side];
  if (!found) cache.keyIndex[side] = found = indexByKey(side === 'L' ? state.left : state.right, state.interners.keys.size);
  return found;
}

/** Rows per key id on one side, saturating at 2. */
function keyCounts(data: SideData, keyCount: number): Uint8Array {
  const counts = new Uint8Array(keyCount);
  for (let i = 0; i < data.n; i++) {
    const k = data.key[i]!;
    if (k >= 0 && counts[k]! < 2) counts[k] = counts[k]! + 1;
  }
  return counts;
}

/** Keys shared by several rows of the grouped side: they name a group (a payout), never a single row. */
function multiKeys(state: RunState, cache: PassCache, spec: MatchSpec): Uint8Array {
  if (cache.multi) return cache.multi;
  const counts = keyCounts(spec.group?.side === 'left' ? state.left : state.right, state.interners.keys.size);
  for (let k = 0; k < counts.length; k++) counts[k] = counts[k]! > 1 ? 1 : 0;
  return (cache.multi = counts);
}

function distance(da: number, to: number, from: number): number {
  const days = to - from;
  return Math.abs(da) + (Number.isNaN(days) ? 0 : Math.abs(days) / 1000);
}

/** Left rows per key id, saturating at 2: 1 means the key names a single left row. */
function leftKeyCounts(state: RunState, cache: PassCache): Uint8Array {
  return (cache.leftCounts ??= keyCounts(state.left, state.interners.keys.size));
}

/** Passes 1–3: one left row to one right row. */
export function runPairPass(state: RunState, cache: PassCache, spec: MatchSpec, pass: 1 | 2 | 3): number {
  const { left, right, L, R } = state;
  const c = new Candidates(1024);
  const window = spec.date?.windowDays ?? 0;
  const m = state.matches;
  const accept = (l: number, r: number, da: number, dd: number): void => {
    const status = statusFor(spec, da, dd);
    const at = m.addPair(pass, status, l, r);
    decide(L, l, status, at + 1, pass);
    decide(R, r, status, at + 1, pass);
  };
  // Each match takes a row of each side, so min(L, R) matches in all is the most there can be.
  m.reserve(Math.max(0, Math.min(left.n, right.n) - m.size));
  let direct = 0;
  if (pass === 3) collectAmountDate(state, spec, c, window);
  else {
    const index = keyIndexOf(state, cache, 'R');
    const leftCounts = leftKeyCounts(state, cache);
    const multi = spec.group ? multiKeys(state, cache, spec) : null;
    for (let l = 0; l < left.n; l++) {
      const k = left.key[l]!;
      const la = left.amount[l]!;
      // With grouping on, a key repeating on the grouped side is left for the group pass.
      if (L.status[l] || k < 0 || Number.isNaN(la) || (multi && multi[k])) continue;
      const tolerance = pass === 2 ? toleranceFor(spec, la) : 0;
      const lc = left.currency[l]!;
      const ld = left.day[l]!;
      const from = index.start[k]!;
      const end = index.start[k + 1]!;
      // A key held by this one left row and one right row: the pair is each other's only
      // candidate, so the resolution below would accept it. Taking it here skips the candidate
      // list and the resolution's arrays for the common case (64 MB at 1M rows).
      const isUnique = end - from === 1 && leftCounts[k] === 1;
      for (let j = from; j < end; j++) {
        const r = index.rows[j]!;
        const ra = right.amount[r]!;
        if (R.status[r] || right.currency[r] !== lc || Number.isNaN(ra)) continue;
        const da = ra - la;
        if (pass === 1 ? da !== 0 : Math.abs(da) > tolerance) continue;
        const rd = right.day[r]!;
        if (isUnique) {
          accept(l, r, da, dayDelta(rd, ld));
          direct++;
        } else c.push(l, r, da, dayDelta(rd, ld), distance(da, rd, ld));
      }
    }
  }
  const { accepted, ambiguousX, ambiguousY } = resolveCandidates(c, left.n, right.n);
  for (let n = 0; n < accepted.length; n++) {
    const i = accepted[n]!;
    accept(c.x[i]!, c.y[i]!, c.da[i]!, c.dd[i]!);
  }
  for (const l of ambiguousX) decide(L, l, STATUS_CODE.ambiguous, 0, pass);
  for (const r of ambiguousY) decide(R, r, STATUS_CODE.ambiguous, 0, pass);
  return direct + accepted.length;
}

/** Pass 3 candidates: same currency, amount within tolerance, dates within the window; no key. */
function collectAmountDate(state: RunState, spec: MatchSpec, c: Candidates, window: number): void {
  const { left, right, L, R } = state;
  let count = 0;
  const order = new Int32Array(right.n);
  for (let r = 0; r < right.n; r++) if (!R.status[r] && !Number.isNaN(right.amount[r]!) && !Number.isNaN(right.day[r]!)) order[count++] = r;
  const sorted = order.subarray(0, count).sort((a, b) => right.currency[a]! - right.currency[b]! || right.amount[a]! - right.amount[b]!);
  for (let l = 0; l < left.n; l++) {
    const la = left.amount[l]!;
    const ld = left.day[l]!;
    if (L.status[l] || Number.isNaN(la) || Number.isNaN(ld)) continue;
    const lc = left.currency[l]!;
    const tolerance = toleranceFor(spec, la);
    // First right row at (lc, la − tolerance) or after.
    let lo = 0;
    let hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const r = sorted[mid]!;
      if (right.currency[r]! < lc || (right.currency[r] === lc && right.amount[r]! < la - tolerance)) lo = mid + 1;
      else hi = mid;
    }
    for (let j = lo; j < count; j++) {
      const r = sorted[j]!;
      if (right.currency[r] !== lc || right.amount[r]! > la + tolerance) break;
      const rd = right.day[r]!;
      if (Math.abs(rd - ld) > window) continue;
      const da = right.amount[r]! - la;
      c.push(l, r, da, dayDelta(rd, ld), distance(da, rd, ld));
    }
  }
}

function decide(side: RunState['L'], row: number, status: number, match: number, pass: number): void {
  side.status[row] = status;
  side.match[row] = match;
  side.pass[row] = pass;
}

/**
 * Passes 4–5: rows of one side that share a key, summed, against one row of
 * the other side (a Stripe payout's charges, refunds and fees against the one
 * bank credit). Fees on the grouped side are summed as their own component.
 */
export function runGroupPass(state: RunState, cache: PassCache, spec: MatchSpec, pass: 4 | 5): number {
  const groupedLeft = pass === 4;
  const grouped = groupedLeft ? state.left : state.right;
  const single = groupedLeft ? state.right : state.left;
  const gState = groupedLeft ? state.L : state.R;
  const sState = groupedLeft ? state.R : state.L;
  const currencies = Math.max(1, state.interners.currencies.size);
  // Groups by (key, currency) over open rows with a key and an amount.
  const groupOf = new Map<number, number>();
  const gKey: number[] = [];
  const gCurrency: number[] = [];
  const gAmount: number[] = [];
  const gDay: number[] = [];
  const gCount: number[] = [];
  const gFee: number[] = [];
  for (let i = 0; i < grouped.n; i++) {
    const k = grouped.key[i]!;
    const a = grouped.amount[i]!;
    if (gState.status[i] || k < 0 || Number.isNaN(a)) continue;
    const composite = k * currencies + grouped.currency[i]!;
    let g = groupOf.get(composite);
    if (g === undefined) {
      g = gKey.length;
      groupOf.set(composite, g);
      gKey.push(k);
      gCurrency.push(grouped.currency[i]!);
      gAmount.push(0);
      gDay.push(Number.NaN);
      gCount.push(0);
      gFee.push(Number.NaN);
    }
    gAmount[g]! += a;
    gCount[g]!++;
    const d = grouped.day[i]!;
    if (!Number.isNaN(d) && !(d <= gDay[g]!)) gDay[g] = d;
    const f = grouped.fee.length > 0 ? grouped.fee[i]! : Number.NaN;
    if (!Number.isNaN(f)) gFee[g] = (Number.isNaN(gFee[g]!) ? 0 : gFee[g]!) + f;
  }
  const index = keyIndexOf(state, cache, groupedLeft ? 'R' : 'L');
  const c = new Candidates();
  for (let g = 0; g < gKey.length; g++) {
    if (gCount[g]! < 2) continue;
    const ga = gAmount[g]!;
    if (!isExactMinor(ga)) throw new EngineError('bad-input', 'Match: a group total is too large to match exactly');
    const tolerance = toleranceFor(spec, ga);
    const k = gKey[g]!;
    for (let j = index.start[k]!, end = index.start[k + 1]!; j < end; j++) {
      const o = index.rows[j]!;
      const oa = single.amount[o]!;
      if (sState.status[o] || single.currency[o] !== gCurrency[g] || Number.isNaN(oa) || Math.abs(oa - ga) > tolerance) continue;
      const days = dayDelta(single.day[o]!, gDay[g]!);
      // Differences are always right minus left.
      c.push(g, o, groupedLeft ? oa - ga : ga - oa, groupedLeft ? days : -days, distance(oa - ga, single.day[o]!, gDay[g]!));
    }
  }
  const { accepted, ambiguousX, ambiguousY } = resolveCandidates(c, gKey.length, single.n);
  const decision = new Map<number, { status: number; match: number }>();
  for (const i of accepted) {
    const g = c.x[i]!;
    const o = c.y[i]!;
    const status = statusFor(spec, c.da[i]!, c.dd[i]!);
    const id = addMatch(state.matches, {
      pass, kind: groupedLeft ? 'n:1' : '1:n', status, currency: gCurrency[g]!, key: gKey[g]!,
      leftRows: groupedLeft ? gCount[g]! : 1, rightRows: groupedLeft ? 1 : gCount[g]!,
      leftAmount: groupedLeft ? gAmount[g]! : single.amount[o]!, rightAmount: groupedLeft ? single.amount[o]! : gAmount[g]!,
      delta: c.da[i]!, days: c.dd[i]!, fee: gFee[g]!,
      leftId: groupedLeft ? Number.NaN : single.ids[o]!, rightId: groupedLeft ? single.ids[o]! : Number.NaN,
    });
    decision.set(gKey[g]! * currencies + gCurrency[g]!, { status, match: id });
    decide(sState, o, status, id, pass);
  }
  for (const g of ambiguousX) decision.set(gKey[g]! * currencies + gCurrency[g]!, { status: STATUS_CODE.ambiguous, match: 0 });
  for (const o of ambiguousY) decide(sState, o, STATUS_CODE.ambiguous, 0, pass);
  // Member rows take their group's decision (rows of the key without an amount too).
  if (decision.size > 0) {
    for (let i = 0; i < grouped.n; i++) {
      const k = grouped.key[i]!;
      if (gState.status[i] || k < 0) continue;
      const found = decision.get(k * currencies + grouped.currency[i]!);
      if (found) decide(gState, i, found.status, found.match, pass);
    }
  }
  return accepted.length;
}

export function markUnmatched(state: RunState): void {
  for (let i = 0; i < state.left.n; i++) if (!state.L.status[i]) state.L.status[i] = STATUS_CODE.left_only;
  for (let i = 0; i < state.right.n; i++) if (!state.R.status[i]) state.R.status[i] = STATUS_CODE.right_only;
}
