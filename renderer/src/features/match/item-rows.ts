import type { MatchItem } from '../../../../shared/engine/match/items';
import type { MatchRun } from '../../../../shared/engine/match/run-match';
import type { MatchStatus } from '../../../../shared/engine/match/summary';
import type { EngineClient } from '../../engine/client';
import { toBigInt } from '../grid/cell-format';
import type { SelectedRow, Side } from './selection';

/** The engine caps one decision at 100,000 ids per side. */
const MAX_ROWS = 100_000;

function quoteName(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Every row of an item, with its amount as the run compared it. The items
 * page only carries the first few rows of a group, so selecting a whole
 * payout (or unmatching it) reads the member ids from the run's rows table.
 */
export async function fetchItemRows(client: EngineClient, run: MatchRun, item: MatchItem): Promise<SelectedRow[]> {
  const rows = quoteName(run.tables.rows);
  const isMatch = item.status === 'matched' || item.status === 'matched_diff';
  const anchorSide: Side = item.left.rowIds.length > 0 ? 'L' : 'R';
  const anchorId = (anchorSide === 'L' ? item.left.rowIds : item.right.rowIds)[0];
  if (anchorId === undefined) return [];
  let sql: string;
  let params: (string | number)[];
  if (isMatch) {
    sql = `SELECT side, row_id, amount, status FROM ${rows} WHERE match_id = (SELECT match_id FROM ${rows} WHERE side = ? AND row_id = ?) ORDER BY side, row_id`;
    params = [anchorSide, anchorId];
  } else if (item.key !== null) {
    sql = `SELECT side, row_id, amount, status FROM ${rows} WHERE side = ? AND match_id IS NULL AND status = ? AND key = ? ORDER BY row_id`;
    params = [anchorSide, item.status, item.key];
  } else {
    sql = `SELECT side, row_id, amount, status FROM ${rows} WHERE side = ? AND row_id = ?`;
    params = [anchorSide, anchorId];
  }
  const result = await client.query(sql, params, MAX_ROWS);
  return result.rows.map(([side, rowId, amount, status]) => ({
    side: side === 'R' ? 'R' : 'L',
    rowId: Number(rowId),
    amount: toBigInt(amount ?? null),
    itemId: item.itemId,
    status: String(status) as MatchStatus,
  }));
}

/**
 * Every row of the matches the given rows belong to: an unmatch breaks up a
 * whole match (a payout and its bank line), not the one row that was clicked.
 */
export async function fetchMatchRows(client: EngineClient, run: MatchRun, picked: readonly SelectedRow[]): Promise<SelectedRow[]> {
  const rows = quoteName(run.tables.rows);
  const keys = JSON.stringify(picked.map((row) => `${row.side}:${row.rowId}`));
  const result = await client.query(
    `SELECT side, row_id, amount, status FROM ${rows} WHERE match_id IN (
       SELECT r.match_id FROM ${rows} r JOIN json_each(?) j ON r.side = substr(j.value, 1, 1) AND r.row_id = CAST(substr(j.value, 3) AS INTEGER)
       WHERE r.match_id IS NOT NULL)
     ORDER BY side, row_id`,
    [keys],
    MAX_ROWS,
  );
  return result.rows.map(([side, rowId, amount, status]) => ({
    side: side === 'R' ? 'R' : 'L',
    rowId: Number(rowId),
    amount: toBigInt(amount ?? null),
    itemId: -1,
    status: String(status) as MatchStatus,
  }));
}
