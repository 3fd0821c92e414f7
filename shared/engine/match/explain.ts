import type { EngineContext } from '../context';
import { EngineError } from '../errors';
import { formatScaled } from '../money/decimal';
import { WORK, type Side } from './work-tables';

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

interface WorkRow {
  id: number;
  k: string | null;
  a: bigint | null;
  d: number | null;
  c: string;
  s: string;
}

function readRows(context: EngineContext, sql: string, params: (string | number | bigint)[]): WorkRow[] {
  const rows = context.sqlite.db.exec(sql, params, { useBigInt: true })[0]?.values ?? [];
  return rows.map(([id, k, a, d, c, s]) => ({
    id: Number(id),
    k: k === null || k === undefined ? null : String(k),
    a: typeof a === 'bigint' ? a : typeof a === 'number' ? BigInt(a) : null,
    d: d === null || d === undefined ? null : Number(d),
    c: String(c ?? ''),
    s: String(s ?? ''),
  }));
}

function firstDifference(a: string, b: string): number | null {
  if (a === b) return null;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i + 1;
}

export function explainRow(context: EngineContext, scale: number, side: Side, rowId: number, limit = 3): Candidate[] {
  const own = side === 'L' ? WORK.L : WORK.R;
  const other = side === 'L' ? WORK.R : WORK.L;
  const columns = 'id, k, a, d, c, s';
  const [row] = readRows(context, `SELECT ${columns} FROM ${own} WHERE id = ?`, [rowId]);
  if (!row) throw new EngineError('bad-input', `Row ${rowId} is not part of the last match run`);
  // Candidates: the same key, the closest amounts above and below, the closest dates.
  const pool = new Map<number, WorkRow>();
  const add = (rows: WorkRow[]) => rows.forEach((candidate) => pool.set(candidate.id, candidate));
  if (row.k !== null) add(readRows(context, `SELECT ${columns} FROM ${other} WHERE k = ? LIMIT 20`, [row.k]));
  if (row.a !== null) {
    add(readRows(context, `SELECT ${columns} FROM ${other} WHERE c = ? AND a >= ? ORDER BY a LIMIT 10`, [row.c, row.a]));
    add(readRows(context, `SELECT ${columns} FROM ${other} WHERE c = ? AND a < ? ORDER BY a DESC LIMIT 10`, [row.c, row.a]));
  }
  if (row.k !== null) add(readRows(context, `SELECT ${columns} FROM ${other} WHERE k >= ? ORDER BY k LIMIT 5`, [row.k]));
  const scored = [...pool.values()].map((candidate) => {
    const delta = candidate.a !== null && row.a !== null ? candidate.a - row.a : null;
    const days = candidate.d !== null && row.d !== null ? Math.round(candidate.d - row.d) : null;
    const keyAt = candidate.k !== null && row.k !== null ? firstDifference(row.k, candidate.k) : null;
    const magnitude = delta === null ? Number.MAX_SAFE_INTEGER : Number(delta < 0n ? -delta : delta);
    // Same key counts most, then closeness of amount (relative), then of date.
    const score = (keyAt === null && row.k !== null ? 0 : 1e6) + Math.min(1e5, magnitude / Math.max(1, Math.abs(Number(row.a ?? 1n))) * 1e4) + Math.abs(days ?? 0);
    const reasons: string[] = [];
    if (candidate.c !== row.c) reasons.push(`currency ${candidate.c} vs ${row.c}`);
    if (delta !== null && delta !== 0n) reasons.push(`amount off by ${formatScaled(delta, scale)}`);
    if (days) reasons.push(`date off by ${days} day${Math.abs(days) === 1 ? '' : 's'}`);
    if (keyAt !== null) reasons.push(`key differs at character ${keyAt}`);
    if (candidate.k === null || row.k === null) reasons.push('no key on one side');
    if (candidate.s !== 'right_only' && candidate.s !== 'left_only') reasons.push(`already ${candidate.s.replace('_', ' ')}`);
    return {
      score,
      candidate: {
        rowId: candidate.id,
        key: candidate.k,
        currency: candidate.c,
        amount: candidate.a === null ? '' : formatScaled(candidate.a, scale),
        amountDifference: delta === null ? '' : formatScaled(delta, scale),
        daysApart: days,
        keyDiffersAt: keyAt,
        status: candidate.s,
        reasons: reasons.length ? reasons : ['identical on key, amount and date'],
      },
    };
  });
  return scored.sort((a, b) => a.score - b.score).slice(0, limit).map((entry) => entry.candidate);
}
