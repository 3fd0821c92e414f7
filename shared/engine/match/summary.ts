import type { SqlJsDatabase } from '../sqlite/sqljs-types';
import { formatScaled } from '../money/decimal';
import { quoteIdentifier } from '../ingest/names';
import type { PreparedSides } from './work-tables';
import { WORK } from './work-tables';
import type { MatchSpec } from './spec';

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

function bigints(db: SqlJsDatabase, sql: string): (string | number | bigint | null)[][] {
  return (db.exec(sql, null, { useBigInt: true })[0]?.values ?? []) as (string | number | bigint | null)[][];
}

function big(value: unknown): bigint {
  return typeof value === 'bigint' ? value : typeof value === 'number' ? BigInt(value) : 0n;
}

/** Rows and totals per (side, status, currency): one scan of each work table, shared by the summary and the tie-out. */
export interface StatusAggregate {
  side: 'L' | 'R';
  status: MatchStatus;
  currency: string;
  rows: bigint;
  total: bigint;
}

export function aggregateStatuses(db: SqlJsDatabase): StatusAggregate[] {
  const out: StatusAggregate[] = [];
  for (const [side, table] of [['L', WORK.L], ['R', WORK.R]] as const) {
    for (const [status, currency, rows, total] of bigints(db, `SELECT s, c, count(*), sum(a) FROM ${table} GROUP BY s, c`)) {
      out.push({ side, status: status as MatchStatus, currency: String(currency ?? ''), rows: big(rows), total: big(total) });
    }
  }
  return out;
}

export function statusLines(db: SqlJsDatabase, scale: number, aggregates: StatusAggregate[]): StatusLine[] {
  const lines = new Map<string, StatusLine>();
  const line = (status: MatchStatus, currency: string): StatusLine => {
    const key = `${status}\u0000${currency}`;
    let found = lines.get(key);
    if (!found) {
      found = { status, currency, leftRows: 0, leftTotal: formatScaled(0n, scale), rightRows: 0, rightTotal: formatScaled(0n, scale), items: 0 };
      lines.set(key, found);
    }
    return found;
  };
  for (const entry of aggregates) {
    const target = line(entry.status, entry.currency);
    if (entry.side === 'L') {
      target.leftRows = Number(entry.rows);
      target.leftTotal = formatScaled(entry.total, scale);
    } else {
      target.rightRows = Number(entry.rows);
      target.rightTotal = formatScaled(entry.total, scale);
    }
  }
  for (const [status, currency, items] of bigints(db, 'SELECT status, currency, count(*) FROM _wb_matches GROUP BY 1, 2')) {
    line(status as MatchStatus, String(currency ?? '')).items = Number(items);
  }
  return [...lines.values()].sort((a, b) => a.currency.localeCompare(b.currency) || STATUSES.indexOf(a.status) - STATUSES.indexOf(b.status));
}

/**
 * The tie-out recomputes each side's totals from the SOURCE tables, not from
 * the match results, so a row lost or counted twice by a pass shows up here.
 */
export function tieOut(db: SqlJsDatabase, spec: MatchSpec, sides: PreparedSides, aggregates: StatusAggregate[]): TieOut[] {
  const sourceTotals = (own: 'left' | 'right', table: string): Map<string, { rows: bigint; total: bigint }> => {
    const totals = new Map<string, { rows: bigint; total: bigint }>();
    if (!spec.amount) return totals;
    const scaleOf = (own === 'left' ? sides.left : sides.right).columns.find((c) => c.name === spec.amount![own])!;
    const multiplier = 10n ** BigInt(sides.scale - (scaleOf.type === 'decimal' ? scaleOf.scale : 0));
    const sign = own === 'right' && spec.amount.sign === 'opposite' ? -1n : 1n;
    const currency = spec.currency ? `upper(trim(${quoteIdentifier(spec.currency[own])}))` : "''";
    const amount = quoteIdentifier(spec.amount[own]);
    const where = spec[own].where ? ` WHERE ${spec[own].where}` : '';
    const sql = `SELECT ${currency}, count(*), sum(CASE WHEN typeof(${amount}) = 'integer' THEN ${amount} END) FROM ${quoteIdentifier(table)}${where} GROUP BY 1`;
    for (const [c, rows, total] of bigints(db, sql)) totals.set(String(c ?? ''), { rows: big(rows), total: big(total) * multiplier * sign });
    return totals;
  };
  const left = sourceTotals('left', sides.left.name);
  const right = sourceTotals('right', sides.right.name);
  const perStatus = new Map<string, { l: bigint; r: bigint; lRows: bigint; rRows: bigint }>();
  for (const entry of aggregates) {
    const key = `${entry.status}\u0000${entry.currency}`;
    const sums = perStatus.get(key) ?? { l: 0n, r: 0n, lRows: 0n, rRows: 0n };
    if (entry.side === 'L') {
      sums.l += entry.total;
      sums.lRows += entry.rows;
    } else {
      sums.r += entry.total;
      sums.rRows += entry.rows;
    }
    perStatus.set(key, sums);
  }
  const currencies = [...new Set([...left.keys(), ...right.keys()])].sort();
  return currencies.map((currency) => {
    const l = left.get(currency) ?? { rows: 0n, total: 0n };
    const r = right.get(currency) ?? { rows: 0n, total: 0n };
    const explained = {} as Record<MatchStatus, string>;
    let explainedSum = 0n;
    let assignedL = 0n;
    let assignedR = 0n;
    let rowsL = 0n;
    let rowsR = 0n;
    for (const status of STATUSES) {
      const entry = perStatus.get(`${status}\u0000${currency}`) ?? { l: 0n, r: 0n, lRows: 0n, rRows: 0n };
      explained[status] = formatScaled(entry.l - entry.r, sides.scale);
      explainedSum += entry.l - entry.r;
      assignedL += entry.l;
      assignedR += entry.r;
      rowsL += entry.lRows;
      rowsR += entry.rRows;
    }
    const difference = l.total - r.total;
    const isTied = assignedL === l.total && assignedR === r.total && rowsL === l.rows && rowsR === r.rows && explainedSum === difference;
    return {
      currency,
      leftTotal: formatScaled(l.total, sides.scale),
      rightTotal: formatScaled(r.total, sides.scale),
      difference: formatScaled(difference, sides.scale),
      explainedByStatus: explained,
      unexplained: formatScaled(difference - explainedSum, sides.scale),
      isTied,
    };
  });
}
