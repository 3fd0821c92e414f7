import type { CellValue, TableInfo } from '../api';
import type { EngineContext } from '../context';
import { EngineError } from '../errors';
import { quoteIdentifier } from '../ingest/names';
import { formatScaled } from '../money/decimal';
import { toCell } from '../query';
import type { MatchRun } from './run-match';
import type { MatchStatus } from './summary';

/**
 * The side-by-side view's unit: one match (left rows against right rows), or
 * one open item (an unmatched key, or key-less row, on one side). Built on
 * first request after a run, not during it, so a 1M × 1M run doesn't pay for
 * a view nobody opened.
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

const STATUS_ORDER = "CASE status WHEN 'matched_diff' THEN 0 WHEN 'ambiguous' THEN 1 WHEN 'left_only' THEN 2 WHEN 'right_only' THEN 3 ELSE 4 END";

export function itemsTableName(run: MatchRun): string {
  return `${run.tables.rows.replace(/_rows$/, '')}_items`;
}

function ensureItems(context: EngineContext, run: MatchRun): string {
  const db = context.sqlite.db;
  const items = quoteIdentifier(itemsTableName(run));
  const rows = quoteIdentifier(run.tables.rows);
  const exists = db.exec("SELECT 1 FROM sqlite_master WHERE name = ?", [itemsTableName(run)])[0]?.values.length;
  if (exists) return items;
  // Differences first, then open items, then clean matches: the order an analyst works in.
  db.run(`CREATE TABLE ${items} AS
    SELECT row_number() OVER (ORDER BY ${STATUS_ORDER}, currency, key, grp) AS item_id, status, pass, key, currency, match_id, side, grp
    FROM (
      SELECT status, min(pass) AS pass, min(key) AS key, min(currency) AS currency, match_id, NULL AS side, 'm' || match_id AS grp
        FROM ${rows} WHERE match_id IS NOT NULL GROUP BY match_id, status
      UNION ALL
      SELECT status, min(pass), key, min(currency), NULL, side, side || coalesce('k' || key, '#' || row_id)
        FROM ${rows} WHERE match_id IS NULL GROUP BY side, status, coalesce('k' || key, '#' || row_id)
    )`);
  db.run(`CREATE INDEX ${quoteIdentifier(`${itemsTableName(run)}_status`)} ON ${items} (status, item_id)`);
  return items;
}

export function matchItems(context: EngineContext, run: MatchRun, request: ItemsRequest): ItemsPage {
  const db = context.sqlite.db;
  const items = ensureItems(context, run);
  const statuses = request.statuses?.length ? request.statuses : null;
  if (statuses?.some((s) => !['matched', 'matched_diff', 'ambiguous', 'left_only', 'right_only'].includes(s))) throw new EngineError('bad-filter', 'Unknown match status');
  const where = statuses ? `WHERE status IN (SELECT value FROM json_each(?))` : '';
  const params = statuses ? [JSON.stringify(statuses)] : [];
  const total = Number(db.exec(`SELECT count(*) FROM ${items} ${where}`, params)[0]?.values[0]?.[0] ?? 0);
  const page = db.exec(`SELECT item_id, status, pass, key, currency, match_id, side, grp FROM ${items} ${where} ORDER BY item_id LIMIT ? OFFSET ?`, [
    ...params, Math.min(500, Math.max(0, request.limit)), Math.max(0, request.offset),
  ])[0]?.values ?? [];
  const left = context.catalog.get(run.spec.left.table);
  const right = context.catalog.get(run.spec.right.table);
  const rowLimit = Math.min(100, request.rowLimit ?? 10);
  const result: MatchItem[] = page.map(([itemId, status, pass, key, currency, matchId, side, grp]) => {
    const sideOf = (which: 'L' | 'R', table: TableInfo): ItemSide => {
      const condition = matchId !== null ? 'match_id = ?' : side === which ? (String(grp).slice(1, 2) === 'k' ? 'match_id IS NULL AND status = ? AND key = ?' : 'match_id IS NULL AND row_id = ?') : '0';
      const args = matchId !== null ? [Number(matchId)] : side === which ? (String(grp).slice(1, 2) === 'k' ? [String(status), String(key)] : [Number(String(grp).slice(2))]) : [];
      const summary = db.exec(`SELECT count(*), sum(amount) FROM ${quoteIdentifier(run.tables.rows)} WHERE side = '${which}' AND ${condition}`, args, { useBigInt: true })[0]?.values[0] ?? [];
      const ids = (db.exec(`SELECT row_id FROM ${quoteIdentifier(run.tables.rows)} WHERE side = '${which}' AND ${condition} ORDER BY row_id LIMIT ${rowLimit}`, args)[0]?.values ?? []).map(([id]) => Number(id));
      const columns = table.columns.map((column) => quoteIdentifier(column.name)).join(', ');
      const rows = ids.length
        ? (db.exec(`SELECT ${columns} FROM ${quoteIdentifier(table.name)} WHERE rowid IN (SELECT value FROM json_each(?)) ORDER BY rowid`, [JSON.stringify(ids)])[0]?.values ?? []).map((row) => row.map(toCell))
        : [];
      const count = Number(summary[0] ?? 0);
      const sum = typeof summary[1] === 'bigint' ? summary[1] : BigInt(Number(summary[1] ?? 0));
      return { rowIds: ids, rows, count, total: count ? formatScaled(sum, run.scale) : '' };
    };
    const l = sideOf('L', left);
    const r = sideOf('R', right);
    const match = matchId !== null ? db.exec(`SELECT delta, days FROM ${quoteIdentifier(run.tables.matches)} WHERE match_id = ?`, [Number(matchId)], { useBigInt: true })[0]?.values[0] : undefined;
    const delta = match?.[0];
    return {
      itemId: Number(itemId),
      status: String(status) as MatchStatus,
      pass: pass === null ? null : Number(pass),
      key: key === null ? null : String(key),
      currency: String(currency ?? ''),
      difference: typeof delta === 'bigint' ? formatScaled(delta, run.scale) : typeof delta === 'number' ? formatScaled(BigInt(delta), run.scale) : '',
      days: match?.[1] === null || match?.[1] === undefined ? null : Number(match[1]),
      left: l,
      right: r,
    };
  });
  return { total, items: result, leftColumns: left.columns, rightColumns: right.columns };
}
