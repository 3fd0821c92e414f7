import type { MatchSpec } from '../../../../shared/engine/match/spec';
import type { MatchStatus } from '../../../../shared/engine/match/summary';
import { abs } from './money';

/**
 * Rows picked for a manual decision, from any items on either side. Pure
 * values (a Map per change), so React sees each change and sums recompute.
 */
export type Side = 'L' | 'R';

export interface SelectedRow {
  side: Side;
  rowId: number;
  /** At the run's scale and sign (see cellToRunUnits); null when the cell is not a number. */
  amount: bigint | null;
  itemId: number;
  status: MatchStatus;
}

export type Selection = ReadonlyMap<string, SelectedRow>;

export const EMPTY_SELECTION: Selection = new Map();

export function rowKey(side: Side, rowId: number): string {
  return `${side}:${rowId}`;
}

/**
 * Click replaces the selection; Ctrl/Cmd-click adds, or removes rows that
 * are all already selected (so toggling a whole item works like one row).
 */
export function selectRows(current: Selection, rows: readonly SelectedRow[], isAdditive: boolean): Selection {
  const areAllSelected = rows.length > 0 && rows.every((row) => current.has(rowKey(row.side, row.rowId)));
  const next = new Map(isAdditive ? current : []);
  if (isAdditive && areAllSelected) {
    for (const row of rows) next.delete(rowKey(row.side, row.rowId));
  } else if (!isAdditive && areAllSelected && current.size === rows.length) {
    return EMPTY_SELECTION; // a plain click on the only selected thing clears it, as in a file list
  } else {
    for (const row of rows) next.set(rowKey(row.side, row.rowId), row);
  }
  return next;
}

export interface SelectionTotals {
  leftRows: number;
  rightRows: number;
  left: bigint;
  right: bigint;
  /** Left − right, as the engine records a decision. */
  difference: bigint;
}

export function selectionTotals(selection: Selection): SelectionTotals {
  let left = 0n;
  let right = 0n;
  let leftRows = 0;
  let rightRows = 0;
  for (const row of selection.values()) {
    if (row.side === 'L') {
      leftRows += 1;
      left += row.amount ?? 0n;
    } else {
      rightRows += 1;
      right += row.amount ?? 0n;
    }
  }
  return { leftRows, rightRows, left, right, difference: left - right };
}

/** The largest difference a manual match may have without forcing; mirrors the engine's check in decisions.ts. */
export function allowedDifference(spec: MatchSpec, left: bigint): bigint {
  const absolute = BigInt(spec.amount?.toleranceMinor ?? 0);
  const percent = spec.amount?.tolerancePercent ?? 0;
  const relative = percent > 0 ? (abs(left) * BigInt(Math.round(percent * 100))) / 10_000n : 0n;
  return absolute > relative ? absolute : relative;
}

export type MatchAction = 'none' | 'match' | 'force';

/** Whether the selection can be matched as is, only by forcing it, or not at all (needs rows on both sides). */
export function matchAction(spec: MatchSpec, totals: SelectionTotals): MatchAction {
  if (totals.leftRows === 0 || totals.rightRows === 0) return 'none';
  return abs(totals.difference) <= allowedDifference(spec, totals.left) ? 'match' : 'force';
}

export function idsOf(selection: Selection, side: Side): number[] {
  return [...selection.values()].filter((row) => row.side === side).map((row) => row.rowId);
}
