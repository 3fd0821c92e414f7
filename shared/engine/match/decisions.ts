import type { EngineContext } from '../context';
import { EngineError } from '../errors';
import { formatScaled } from '../money/decimal';
import type { SqlJsDatabase } from '../sqlite/sqljs-types';
import { createMatchesTableIfMissing } from './passes';
import type { MatchSpec } from './spec';
import { WORK } from './work-tables';

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

/** Sums of the chosen rows in the last run's work tables (same scale and sign as the run). */
function sums(db: SqlJsDatabase, leftIds: number[], rightIds: number[]): { left: bigint; right: bigint; found: number } {
  const read = (table: string, list: number[]) => {
    if (list.length === 0) return { total: 0n, count: 0 };
    const row = db.exec(`SELECT sum(a), count(*) FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`, [JSON.stringify(list)], { useBigInt: true })[0]?.values[0];
    return { total: typeof row?.[0] === 'bigint' ? row[0] : 0n, count: Number(row?.[1] ?? 0) };
  };
  const left = read(WORK.L, leftIds);
  const right = read(WORK.R, rightIds);
  return { left: left.total, right: right.total, found: left.count + right.count };
}

/** Records a decision after checking it against the last run of `spec`. */
export function recordDecision(context: EngineContext, spec: MatchSpec, scale: number, raw: ManualDecision): AuditEntry {
  const db = context.sqlite.db;
  ensureAuditTable(db);
  const leftIds = ids(raw.leftIds, 'left');
  const rightIds = ids(raw.rightIds, 'right');
  const reason = typeof raw.reason === 'string' ? raw.reason.trim().slice(0, 2000) : '';
  if (raw.action !== 'match' && raw.action !== 'unmatch') throw new EngineError('bad-input', 'action must be match or unmatch');
  if (raw.action === 'match' && (leftIds.length === 0 || rightIds.length === 0)) throw new EngineError('bad-input', 'A manual match needs rows on both sides');
  const { left, right, found } = sums(db, leftIds, rightIds);
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
 * Replays decisions into fresh work tables before the passes run. A manual
 * match becomes a match of pass 0; an unmatch pins its rows as unmatched so
 * no pass pairs them again. Later decisions win over earlier ones.
 */
export function replayDecisions(db: SqlJsDatabase, spec: MatchSpec): number {
  const entries = listAudit(db, spec.name);
  if (entries.length === 0) return 0;
  createMatchesTableIfMissing(db);
  const window = spec.date?.windowDays ?? 0;
  for (const entry of entries) {
    const left = JSON.stringify(entry.leftIds);
    const right = JSON.stringify(entry.rightIds);
    // A new decision replaces whatever earlier decision touched the same rows.
    db.run(`UPDATE ${WORK.L} SET s = NULL, m = NULL, p = NULL WHERE id IN (SELECT value FROM json_each(?)) AND p = 0`, [left]);
    db.run(`UPDATE ${WORK.R} SET s = NULL, m = NULL, p = NULL WHERE id IN (SELECT value FROM json_each(?)) AND p = 0`, [right]);
    if (entry.action === 'unmatch') {
      db.run(`UPDATE ${WORK.L} SET s = 'left_only', p = 0 WHERE id IN (SELECT value FROM json_each(?))`, [left]);
      db.run(`UPDATE ${WORK.R} SET s = 'right_only', p = 0 WHERE id IN (SELECT value FROM json_each(?))`, [right]);
      continue;
    }
    db.run(`INSERT INTO _wb_matches (pass, kind, status, currency, key, left_rows, right_rows, left_amount, right_amount, delta, days, x, y)
      SELECT 0, 'manual', CASE WHEN r.a = l.a AND (l.d IS NULL OR abs(r.d - l.d) <= ${window}) THEN 'matched' ELSE 'matched_diff' END,
             l.c, l.k, l.n, r.n, l.a, r.a, r.a - l.a, CAST(round(r.d - l.d) AS INTEGER), ${entry.id}, ${entry.id}
      FROM (SELECT min(c) AS c, min(k) AS k, count(*) AS n, sum(a) AS a, max(d) AS d FROM ${WORK.L} WHERE id IN (SELECT value FROM json_each(?))) l,
           (SELECT count(*) AS n, sum(a) AS a, max(d) AS d FROM ${WORK.R} WHERE id IN (SELECT value FROM json_each(?))) r`, [left, right]);
    const matchId = Number(db.exec('SELECT last_insert_rowid()')[0]?.values[0]?.[0] ?? 0);
    for (const [table, list] of [[WORK.L, left], [WORK.R, right]] as const) {
      db.run(`UPDATE ${table} SET s = (SELECT status FROM _wb_matches WHERE match_id = ?), m = ?, p = 0 WHERE id IN (SELECT value FROM json_each(?))`, [matchId, matchId, list]);
    }
  }
  return entries.length;
}
