import type { CellValue, TableInfo } from '../api';
import type { EngineContext } from '../context';
import { EngineError } from '../errors';
import { quoteIdentifier } from '../ingest/names';
import { formatScaled } from '../money/decimal';
import { ExactSum } from '../money/exact-sum';
import { toCell } from '../query';
import type { MatchRun } from './run-match';
import { ONE_TO_ONE, STATUS_CODE, STATUS_NAMES, type RunState } from './run-state';
import type { SideData } from './side-data';
import { STATUSES, type MatchStatus } from './summary';

/**
 * The side-by-side view's unit: one match (left rows against right rows), or
 * one open item (an unmatched key, or key-less row, on one side). Built from
 * the run held in memory on first request, not during the run, so a 1M × 1M
 * run doesn't pay for a view nobody opened.
 */
export interface MatchItem {
  itemId: number;
  status: MatchStatus;
  pass: number | null;
  key: string | null;
  currency: string;
  /** Right minus left, at the run's scale; empty for one-sided items. */
  difference: string;
  days: number | null;
  left: ItemSide;
  right: ItemSide;
}

export interface ItemSide {
  rowIds: number[];
  /** Source rows in table column order (at most `rowLimit`). */
  rows: CellValue[][];
  count: number;
  total: string;
}

export interface ItemsPage {
  total: number;
  items: MatchItem[];
  leftColumns: TableInfo['columns'];
  rightColumns: TableInfo['columns'];
}

export interface ItemsRequest {
  statuses?: MatchStatus[];
  offset: number;
  limit: number;
  rowLimit?: number;
}

/**
 * Items in the order an analyst works: differences first, then ambiguous and
 * one-sided items, then clean matches; within a status by currency, then
 * breaks by key text and clean matches by match id.
 */
export interface ItemIndex {
  order: Int32Array;
  status: Uint8Array;
  /** Match id, or 0 for an open item. */
  match: Int32Array;
  /** Side of an open item (1 = L, 2 = R). */
  side: Uint8Array;
  /** Row index of an open item: any row of its key, or the key-less row. */
  row: Int32Array;
  /** Rows of each match of a kind other than 1:1, per side, by match id (a 1:1 match names its two rows). */
  members: Record<'L' | 'R', Map<number, number[]>>;
  /** Rows in no match, per side, by key id: the rows an open item stands for. */
  openByKey: Record<'L' | 'R', Map<number, number[]>>;
}

const RANK: Record<number, number> = { [STATUS_CODE.matched_diff]: 0, [STATUS_CODE.ambiguous]: 1, [STATUS_CODE.left_only]: 2, [STATUS_CODE.right_only]: 3, [STATUS_CODE.matched]: 4 };
const RANKS = 5;

/**
 * Rows of group and manual matches by match id, and unmatched rows by key:
 * maps over the few rows that need them. CSR arrays over every row and key
 * cost ~0.25 s and 32 MB of fresh pages at 1M rows, for a view that shows a
 * hundred items at a time.
 */
function rowsBy(data: SideData, own: RunState['L'], state: RunState): { members: Map<number, number[]>; openByKey: Map<number, number[]> } {
  const members = new Map<number, number[]>();
  const openByKey = new Map<number, number[]>();
  const kinds = state.matches.kind;
  for (let i = 0; i < data.n; i++) {
    const match = own.match[i]!;
    if (match > 0 && kinds[match - 1] === ONE_TO_ONE) continue;
    const [map, at] = match > 0 ? [members, match] : [openByKey, data.key[i]!];
    if (match === 0 && at < 0) continue;
    const rows = map.get(at);
    if (rows) rows.push(i);
    else map.set(at, [i]);
  }
  return { members, openByKey };
}

/** Rank of each currency id by its code, so items group by currency in alphabetical order. */
function currencyRanks(state: RunState): Int32Array {
  const currencies = state.interners.currencies;
  const byCode = Int32Array.from({ length: currencies.size }, (_, i) => i).sort((a, b) => (currencies.text(a) < currencies.text(b) ? -1 : 1));
  const ranks = new Int32Array(currencies.size);
  byCode.forEach((id, rank) => (ranks[id] = rank));
  return ranks;
}

/**
 * Items are laid out by a counting sort on (status, currency): linear, where
 * sorting a million clean matches by key text took 9 s in Chromium (a string
 * decode per comparison). Clean matches keep match-id order; only the breaks
 * are sorted by key.
 */
export function buildItemIndex(state: RunState): ItemIndex {
  const matchCount = state.matches.size;
  const sides = [[1, state.left, state.L], [2, state.right, state.R]] as const;
  // One open item per (status, key) of unmatched rows, or per key-less row.
  const firstOfKey = sides.map(([, data, own]) => {
    const seen = new Uint8Array(state.interners.keys.size);
    const first = new Uint8Array(data.n);
    for (let i = 0; i < data.n; i++) {
      if (own.match[i]! > 0) continue;
      const k = data.key[i]!;
      if (k >= 0) {
        const bit = 1 << own.status[i]!;
        if (seen[k]! & bit) continue;
        seen[k] = seen[k]! | bit;
      }
      first[i] = 1;
    }
    return first;
  });
  let total = matchCount;
  for (const first of firstOfKey) for (let i = 0; i < first.length; i++) total += first[i]!;
  const status = new Uint8Array(total);
  const match = new Int32Array(total);
  const side = new Uint8Array(total);
  const row = new Int32Array(total).fill(-1);
  const currency = new Int32Array(total);
  for (let m = 0; m < matchCount; m++) {
    status[m] = state.matches.status[m]!;
    match[m] = m + 1;
    currency[m] = state.matches.currency(m);
  }
  let n = matchCount;
  sides.forEach(([code, data, own], s) => {
    const first = firstOfKey[s]!;
    for (let i = 0; i < data.n; i++) {
      if (!first[i]) continue;
      status[n] = own.status[i]!;
      side[n] = code;
      row[n] = i;
      currency[n] = data.currency[i]!;
      n++;
    }
  });
  const currencies = currencyRanks(state);
  const bucketCount = RANKS * Math.max(1, currencies.length);
  // A row still 'open' (never the case after a full run) sorts with the one-sided items.
  const bucketOf = (i: number) => (RANK[status[i]!] ?? 2) * currencies.length + currencies[currency[i]!]!;
  const start = new Int32Array(bucketCount + 1);
  for (let i = 0; i < total; i++) start[bucketOf(i) + 1]!++;
  for (let b = 0; b < bucketCount; b++) start[b + 1] = start[b + 1]! + start[b]!;
  const order = new Int32Array(total);
  const ends = start.slice(1);
  for (let i = 0; i < total; i++) order[start[bucketOf(i)]!++] = i;
  // Breaks (usually few) read best by key, so the two sides of a near miss sit together;
  // each key is decoded once, not once per comparison.
  const keyOf = (i: number) => (match[i]! > 0 ? state.matches.key(match[i]! - 1) : (side[i] === 1 ? state.left : state.right).key[row[i]!]!);
  const keys = state.interners.keys;
  for (let b = 0; b < bucketCount; b++) {
    if (Math.floor(b / currencies.length) === RANK[STATUS_CODE.matched]) continue;
    const from = b === 0 ? 0 : ends[b - 1]!;
    const slice = order.subarray(from, ends[b]!);
    if (slice.length < 2) continue;
    const text = new Map<number, string>();
    for (const i of slice) {
      const k = keyOf(i);
      text.set(i, k < 0 ? '' : keys.text(k));
    }
    slice.sort((a, c) => {
      const x = text.get(a)!;
      const y = text.get(c)!;
      return x < y ? -1 : x > y ? 1 : a - c;
    });
  }
  const left = rowsBy(state.left, state.L, state);
  const right = rowsBy(state.right, state.R, state);
  return {
    order,
    status,
    match,
    side,
    row,
    members: { L: left.members, R: right.members },
    openByKey: { L: left.openByKey, R: right.openByKey },
  };
}

/** Indexes on the result tables for the renderer's row lookups by match. */
export function indexResultTables(context: EngineContext, run: MatchRun): void {
  for (const table of [run.tables.left, run.tables.right]) {
    context.sqlite.db.run(`CREATE INDEX IF NOT EXISTS ${quoteIdentifier(`${table}_match`)} ON ${quoteIdentifier(table)} (match_id)`);
  }
}

export function matchItems(context: EngineContext, run: MatchRun, state: RunState, index: ItemIndex, request: ItemsRequest): ItemsPage {
  const db = context.sqlite.db;
  const statuses = request.statuses?.length ? request.statuses : null;
  if (statuses?.some((s) => !STATUSES.includes(s))) throw new EngineError('bad-filter', 'Unknown match status');
  const wanted = new Uint8Array(STATUS_NAMES.length).fill(statuses ? 0 : 1);
  for (const s of statuses ?? []) wanted[STATUS_CODE[s]] = 1;
  const offset = Math.max(0, request.offset);
  const limit = Math.min(500, Math.max(0, request.limit));
  // Item ids are positions in the unfiltered order, so an item keeps its id under every filter.
  const picked: { item: number; id: number }[] = [];
  let total = 0;
  index.order.forEach((i, position) => {
    if (!wanted[index.status[i]!]) return;
    if (total >= offset && picked.length < limit) picked.push({ item: i, id: position + 1 });
    total++;
  });
  const rowLimit = Math.min(100, request.rowLimit ?? 10);
  const sideOf = (which: 'L' | 'R', item: number): ItemSide => {
    const data = which === 'L' ? state.left : state.right;
    const own = which === 'L' ? state.L : state.R;
    const rows: number[] = [];
    const match = index.match[item]!;
    if (match > 0) {
      const m = match - 1;
      if (state.matches.kind[m] === ONE_TO_ONE) rows.push(which === 'L' ? state.matches.leftRow[m]! : state.matches.rightRow[m]!);
      else for (const r of index.members[which].get(match) ?? []) rows.push(r);
    } else if (index.side[item] === (which === 'L' ? 1 : 2)) {
      const anchor = index.row[item]!;
      const k = data.key[anchor]!;
      if (k < 0) rows.push(anchor);
      else for (const r of index.openByKey[which].get(k) ?? []) if (own.status[r] === index.status[item]) rows.push(r);
    }
    const sum = new ExactSum();
    for (const r of rows) if (!Number.isNaN(data.amount[r]!)) sum.add(data.amount[r]!);
    const ids = rows.slice(0, rowLimit).map((r) => data.ids[r]!);
    const columns = data.table.columns.map((column) => quoteIdentifier(column.name)).join(', ');
    const cells = ids.length
      ? (db.exec(`SELECT ${columns} FROM ${quoteIdentifier(data.table.name)} WHERE rowid IN (SELECT value FROM json_each(?)) ORDER BY rowid`, [JSON.stringify(ids)])[0]?.values ?? []).map((values) => values.map(toCell))
      : [];
    return { rowIds: ids, rows: cells, count: rows.length, total: rows.length ? formatScaled(sum.value(), state.scale) : '' };
  };
  const items = picked.map(({ item: i, id }): MatchItem => {
    const match = index.match[i]!;
    const m = match - 1;
    const anchorData = index.side[i] === 2 ? state.right : state.left;
    const anchorState = index.side[i] === 2 ? state.R : state.L;
    const k = match > 0 ? state.matches.key(m) : anchorData.key[index.row[i]!]!;
    const pass = match > 0 ? state.matches.pass[m]! : anchorState.pass[index.row[i]!]!;
    const delta = match > 0 ? state.matches.delta(m) : Number.NaN;
    const days = match > 0 ? state.matches.days(m) : Number.NaN;
    return {
      itemId: id,
      status: STATUS_NAMES[index.status[i]!] as MatchStatus,
      pass: pass >= 0 ? pass : null,
      key: k >= 0 ? state.interners.keys.text(k) : null,
      currency: state.interners.currencies.text(match > 0 ? state.matches.currency(m) : anchorData.currency[index.row[i]!]!),
      difference: Number.isNaN(delta) ? '' : formatScaled(BigInt(delta), state.scale),
      days: Number.isNaN(days) ? null : days,
      left: sideOf('L', i),
      right: sideOf('R', i),
    };
  });
  return { total, items, leftColumns: state.left.table.columns, rightColumns: state.right.table.columns };
}
