import { formatScaled } from '../money/decimal';
import { ExactSum } from '../money/exact-sum';
import { STATUS_NAMES, type RunState } from './run-state';

export type MatchStatus = 'matched' | 'matched_diff' | 'ambiguous' | 'left_only' | 'right_only';
export const STATUSES: MatchStatus[] = ['matched', 'matched_diff', 'ambiguous', 'left_only', 'right_only'];

export interface StatusLine {
  status: MatchStatus;
  currency: string;
  leftRows: number;
  leftTotal: string;
  rightRows: number;
  rightTotal: string;
  /** Matches (or groups) behind the rows, for matched statuses. */
  items: number;
}

/** Per currency: the two totals, their difference, and how the statuses explain it. */
export interface TieOut {
  currency: string;
  leftTotal: string;
  rightTotal: string;
  difference: string;
  explainedByStatus: Record<MatchStatus, string>;
  unexplained: string;
  /** Every source row is counted exactly once and the sums agree. */
  isTied: boolean;
}

/** Rows and exact totals per (side, status code, currency code). */
export interface StatusAggregates {
  /** Key: `${side}:${status}:${currency}`. */
  sums: Map<string, ExactSum>;
}

export function aggregateStatuses(state: RunState): StatusAggregates {
  const sums = new Map<string, ExactSum>();
  for (const [name, data, side] of [['L', state.left, state.L], ['R', state.right, state.R]] as const) {
    // One accumulator per (status, currency) code pair, found by array index in the hot loop.
    const width = Math.max(1, state.interners.currencies.size);
    const buckets: (ExactSum | undefined)[] = [];
    for (let i = 0; i < data.n; i++) {
      const slot = side.status[i]! * width + data.currency[i]!;
      let sum = buckets[slot];
      if (!sum) buckets[slot] = sum = new ExactSum();
      const amount = data.amount[i]!;
      if (Number.isNaN(amount)) sum.count++;
      else sum.add(amount);
    }
    buckets.forEach((sum, slot) => {
      if (sum) sums.set(`${name}:${Math.floor(slot / width)}:${slot % width}`, sum);
    });
  }
  return { sums };
}

function sumOf(aggregates: StatusAggregates, side: 'L' | 'R', status: number, currency: number): ExactSum | undefined {
  return aggregates.sums.get(`${side}:${status}:${currency}`);
}

export function statusLines(state: RunState, aggregates: StatusAggregates): StatusLine[] {
  // Matches per (status, currency) code pair, by array index: a string key per match cost ~0.1 s at 1M.
  const width = Math.max(1, state.interners.currencies.size);
  const items = new Int32Array(STATUS_NAMES.length * width);
  for (let m = 0; m < state.matches.size; m++) items[state.matches.status[m]! * width + state.matches.currency(m)]!++;
  const lines: StatusLine[] = [];
  for (let currency = 0; currency < state.interners.currencies.size; currency++) {
    for (let code = 1; code < STATUS_NAMES.length; code++) {
      const l = sumOf(aggregates, 'L', code, currency);
      const r = sumOf(aggregates, 'R', code, currency);
      const itemCount = items[code * width + currency]!;
      if (!l && !r && itemCount === 0) continue;
      lines.push({
        status: STATUS_NAMES[code] as MatchStatus,
        currency: state.interners.currencies.text(currency),
        leftRows: l?.count ?? 0,
        leftTotal: formatScaled(l?.value() ?? 0n, state.scale),
        rightRows: r?.count ?? 0,
        rightTotal: formatScaled(r?.value() ?? 0n, state.scale),
        items: itemCount,
      });
    }
  }
  return lines.sort((a, b) => a.currency.localeCompare(b.currency) || STATUSES.indexOf(a.status) - STATUSES.indexOf(b.status));
}

/**
 * The tie-out compares each side's totals as read from the SOURCE rows
 * (summed while loading, before any pass ran) with the totals per status
 * after the run, so a row lost or counted twice by a pass shows up here.
 */
export function tieOut(state: RunState, aggregates: StatusAggregates): TieOut[] {
  const out: TieOut[] = [];
  for (let currency = 0; currency < state.interners.currencies.size; currency++) {
    const sourceL = state.left.sourceTotals.get(currency);
    const sourceR = state.right.sourceTotals.get(currency);
    if (!sourceL && !sourceR) continue;
    const lTotal = sourceL?.value() ?? 0n;
    const rTotal = sourceR?.value() ?? 0n;
    const explained = {} as Record<MatchStatus, string>;
    let explainedSum = 0n;
    let assignedL = 0n;
    let assignedR = 0n;
    let rowsL = 0;
    let rowsR = 0;
    STATUSES.forEach((status, i) => {
      const l = sumOf(aggregates, 'L', i + 1, currency);
      const r = sumOf(aggregates, 'R', i + 1, currency);
      const lv = l?.value() ?? 0n;
      const rv = r?.value() ?? 0n;
      explained[status] = formatScaled(lv - rv, state.scale);
      explainedSum += lv - rv;
      assignedL += lv;
      assignedR += rv;
      rowsL += l?.count ?? 0;
      rowsR += r?.count ?? 0;
    });
    // Rows still open (status 0) would be a bug: they count towards no status.
    const difference = lTotal - rTotal;
    const isTied = assignedL === lTotal && assignedR === rTotal && rowsL === (sourceL?.count ?? 0) && rowsR === (sourceR?.count ?? 0) && explainedSum === difference;
    out.push({
      currency: state.interners.currencies.text(currency),
      leftTotal: formatScaled(lTotal, state.scale),
      rightTotal: formatScaled(rTotal, state.scale),
      difference: formatScaled(difference, state.scale),
      explainedByStatus: explained,
      unexplained: formatScaled(difference - explainedSum, state.scale),
      isTied,
    });
  }
  return out.sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0));
}
