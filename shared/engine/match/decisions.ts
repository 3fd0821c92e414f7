import type { EngineContext } from '../context';
import { EngineError } from '../errors';
import { formatScaled } from '../money/decimal';
import type { SqlJsDatabase } from '../sqlite/sqljs-types';
import { ExactSum } from '../money/exact-sum';
import { addMatch, roundDays, STATUS_CODE, type RunState } from './run-state';
import { indexOfRow, type SideData } from './side-data';
import type { MatchSpec } from './spec';

/**
 * Manual decisions: an analyst matches rows the passes could not, or breaks a
 * match they made. Every decision is appended to an audit table (when, what,
 * why) and replayed at the start of every run, before any pass, so it
 * survives re-runs. Decisions are never edited; undoing one is a new entry.
 */
export interface ManualDecision {
  spec: string;
  action: 'match' | 'unmatch';
  leftIds: number[];
  rightIds: number[];
  reason: string;
  /** Match although the difference is outside the spec's tolerance. */
  force?: boolean;
}

export interface AuditEntry extends ManualDecision {
  id: number;
  at: string;
  /** Left minus right at the run's scale, as decided. */
  difference: string;
}

export const AUDIT_TABLE = '_wb_match_audit';

export function ensureAuditTable(db: SqlJsDatabase): void {
  db.run(`CREATE TABLE IF NOT EXISTS ${AUDIT_TABLE} (
    id INTEGER PRIMARY KEY, spec TEXT NOT NULL, at TEXT NOT NULL, action TEXT NOT NULL,
    left_ids TEXT NOT NULL, right_ids TEXT NOT NULL, reason TEXT NOT NULL, forced INTEGER NOT NULL, difference TEXT NOT NULL)`);
}

export function listAudit(db: SqlJsDatabase, spec: string): AuditEntry[] {
  ensureAuditTable(db);
  const rows = db.exec(`SELECT id, spec, at, action, left_ids, right_ids, reason, forced, difference FROM ${AUDIT_TABLE} WHERE spec = ? ORDER BY id`, [spec])[0]?.values ?? [];
  return rows.map(([id, name, at, action, left, right, reason, forced, difference]) => ({
    id: Number(id),
    spec: String(name),
    at: String(at),
    action: action === 'unmatch' ? 'unmatch' : 'match',
    leftIds: JSON.parse(String(left)) as number[],
    rightIds: JSON.parse(String(right)) as number[],
    reason: String(reason),
    force: Number(forced) === 1,
    difference: String(difference),
  }));
}

function ids(values: unknown, side: string): number[] {
  if (!Array.isArray(values) || values.length > 100_000 || !values.every((v) => Number.isSafeInteger(v) && v > 0)) {
    throw new EngineError('bad-input', `${side} row ids must be a list of positive integers`);
  }
  return [...new Set(values as number[])];
}

/** Sums of the chosen rows in the last run (same scale and sign as the run). */
function sums(state: RunState, leftIds: number[], rightIds: number[]): { left: bigint; right: bigint; found: number } {
  const read = (data: SideData, list: number[]) => {
    const total = new ExactSum();
    let found = 0;
    for (const id of list) {
      const i = indexOfRow(data, id);
      if (i < 0) continue;
      found++;
      const amount = data.amount[i]!;
      if (!Number.isNaN(amount)) total.add(amount);
    }
    return { total: total.value(), found };
  };
  const left = read(state.left, leftIds);
  const right = read(state.right, rightIds);
  return { left: left.total, right: right.total, found: left.found + right.found };
}

/** Records a decision after checking it against the last run of `spec`. */
export function recordDecision(context: EngineContext, spec: MatchSpec, state: RunState, raw: ManualDecision): AuditEntry {
  const scale = state.scale;
  const db = context.sqlite.db;
  ensureAuditTable(db);
  const leftIds = ids(raw.leftIds, 'left');
  const rightIds = ids(raw.rightIds, 'right');
  const reason = typeof raw.reason === 'string' ? raw.reason.trim().slice(0, 2000) : '';
  if (raw.action !== 'match' && raw.action !== 'unmatch') throw new EngineError('bad-input', 'action must be match or unmatch');
  if (raw.action === 'match' && (leftIds.length === 0 || rightIds.length === 0)) throw new EngineError('bad-input', 'A manual match needs rows on both sides');
  const { left, right, found } = sums(state, leftIds, rightIds);
  if (found !== leftIds.length + rightIds.length) throw new EngineError('bad-input', 'Some rows are not part of this match (run it first, or they were filtered out)');
  const difference = left - right;
  if (raw.action === 'match') {
    const magnitude = difference < 0n ? -difference : difference;
    const absolute = BigInt(spec.amount?.toleranceMinor ?? 0);
    const percent = spec.amount?.tolerancePercent ?? 0;
    const relative = percent > 0 ? ((left < 0n ? -left : left) * BigInt(Math.round(percent * 100))) / 10_000n : 0n;
    const allowed = absolute > relative ? absolute : relative;
    if (magnitude > allowed && !raw.force) {
      throw new EngineError('bad-input', `The selection differs by ${formatScaled(difference, scale)}, outside the tolerance of ${formatScaled(allowed, scale)}: force it with a reason`);
    }
    if (magnitude > allowed && reason === '') throw new EngineError('bad-input', 'A forced match needs a reason');
  }
  const at = context.isoNow();
  db.run(`INSERT INTO ${AUDIT_TABLE} (spec, at, action, left_ids, right_ids, reason, forced, difference) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, [
    spec.name, at, raw.action, JSON.stringify(leftIds), JSON.stringify(rightIds), reason, raw.force ? 1 : 0, formatScaled(difference, scale),
  ]);
  const id = Number(db.exec('SELECT last_insert_rowid()')[0]?.values[0]?.[0] ?? 0);
  return { id, spec: spec.name, at, action: raw.action, leftIds, rightIds, reason, force: Boolean(raw.force), difference: formatScaled(difference, scale) };
}

/**
 * Replays decisions into a fresh run before the passes. A manual match
 * becomes a match of pass 0; an unmatch pins its rows as unmatched so no pass
 * pairs them again. Later decisions win over earlier ones.
 */
export function replayDecisions(db: SqlJsDatabase, spec: MatchSpec, state: RunState): number {
  const entries = listAudit(db, spec.name);
  if (entries.length === 0) return 0;
  const rowsOf = (data: SideData, ids: number[]) => ids.map((id) => indexOfRow(data, id)).filter((i) => i >= 0);
  // First who owns each row: a manual match (its entry's position + 1), pinned unmatched (-1), or nobody (0).
  // A new decision takes its rows from whatever earlier decision held them; the earlier match
  // keeps the rest and is summed from what is left (or dropped if nothing is).
  const owner = { L: new Int32Array(state.left.n), R: new Int32Array(state.right.n) };
  entries.forEach((entry, position) => {
    const mark = entry.action === 'unmatch' ? -1 : position + 1;
    for (const i of rowsOf(state.left, entry.leftIds)) owner.L[i] = mark;
    for (const i of rowsOf(state.right, entry.rightIds)) owner.R[i] = mark;
  });
  const members = new Map<number, { left: number[]; right: number[] }>();
  for (const [side, own] of [['L', owner.L], ['R', owner.R]] as const) {
    own.forEach((mark, i) => {
      if (mark === -1) pin(side === 'L' ? state.L : state.R, i, side === 'L' ? STATUS_CODE.left_only : STATUS_CODE.right_only, 0);
      if (mark <= 0) return;
      let group = members.get(mark);
      if (!group) members.set(mark, (group = { left: [], right: [] }));
      (side === 'L' ? group.left : group.right).push(i);
    });
  }
  const window = spec.date?.windowDays ?? 0;
  for (const mark of [...members.keys()].sort((a, b) => a - b)) {
    const { left, right } = members.get(mark)!;
    const l = summarize(state, state.left, left);
    const r = summarize(state, state.right, right);
    const clean = left.length > 0 && right.length > 0 && l.amount !== null && r.amount !== null && r.amount === l.amount && (l.day === null || (r.day !== null && Math.abs(r.day - l.day) <= window));
    const status = clean ? STATUS_CODE.matched : STATUS_CODE.matched_diff;
    const id = addMatch(state.matches, {
      pass: 0, kind: 'manual', status, currency: left.length ? l.currency : r.currency, key: left.length ? l.key : r.key, leftRows: left.length, rightRows: right.length,
      leftAmount: l.amount ?? Number.NaN, rightAmount: r.amount ?? Number.NaN,
      delta: l.amount !== null && r.amount !== null ? r.amount - l.amount : Number.NaN,
      days: l.day !== null && r.day !== null ? roundDays(r.day - l.day) : Number.NaN,
      fee: Number.NaN, leftId: Number.NaN, rightId: Number.NaN,
    });
    for (const i of left) pin(state.L, i, status, id);
    for (const i of right) pin(state.R, i, status, id);
  }
  return entries.length;
}

function pin(side: RunState['L'], row: number, status: number, match: number): void {
  side.status[row] = status;
  side.match[row] = match;
  side.pass[row] = 0;
}

/** Sum, latest date, smallest currency and key of a manual selection (as SQL min/max/sum would). */
function summarize(state: RunState, data: SideData, rows: number[]) {
  let amount: number | null = null;
  let day: number | null = null;
  let currency = -1;
  let key = -1;
  for (const i of rows) {
    const a = data.amount[i]!;
    if (!Number.isNaN(a)) amount = (amount ?? 0) + a;
    const d = data.day[i]!;
    if (!Number.isNaN(d) && (day === null || d > day)) day = d;
    const c = data.currency[i]!;
    if (currency < 0 || state.interners.currencies.text(c) < state.interners.currencies.text(currency)) currency = c;
    const k = data.key[i]!;
    if (k >= 0 && (key < 0 || state.interners.keys.text(k) < state.interners.keys.text(key))) key = k;
  }
  return { amount, day, currency: Math.max(0, currency), key };
}
