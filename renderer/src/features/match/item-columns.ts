import type { ColumnInfo } from '../../../../shared/engine/api';
import type { MatchSpec } from '../../../../shared/engine/match/spec';

/**
 * Which source columns the side-by-side view shows per side. By default the
 * columns the spec compares (key, amount, date) and the first other text
 * column (an id or description tells rows apart); the analyst can pick. The
 * currency is left out: the item shows it once, between the sides.
 */
export type SideName = 'left' | 'right';

export const DEFAULT_COLUMN_COUNT = 4;

export function defaultColumns(spec: MatchSpec, side: SideName, columns: readonly ColumnInfo[]): string[] {
  const wanted = [spec.keys[0]?.[side], spec.amount?.[side], spec.date?.[side]].filter((name): name is string => typeof name === 'string');
  const chosen = [...new Set(wanted)].filter((name) => columns.some((column) => column.name === name));
  const text = columns.find((column) => column.type === 'text' && !chosen.includes(column.name) && column.name !== spec.currency?.[side]);
  if (text && chosen.length < DEFAULT_COLUMN_COUNT) chosen.push(text.name);
  // A spec with only an amount leaves room: fill up with the table's first columns.
  for (const column of columns) {
    if (chosen.length >= DEFAULT_COLUMN_COUNT) break;
    if (!chosen.includes(column.name) && column.name !== spec.currency?.[side]) chosen.push(column.name);
  }
  return chosen;
}

/** Keeps the table's column order whatever order the analyst ticked them in. */
export function orderColumns(names: readonly string[], columns: readonly ColumnInfo[]): ColumnInfo[] {
  return columns.filter((column) => names.includes(column.name));
}

/** What role a column plays in the spec, for highlighting and alignment. */
export type ColumnRole = 'key' | 'amount' | 'date' | 'currency' | null;

export function columnRole(spec: MatchSpec, side: SideName, name: string): ColumnRole {
  if (spec.amount?.[side] === name) return 'amount';
  if (spec.keys[0]?.[side] === name) return 'key';
  if (spec.date?.[side] === name) return 'date';
  if (spec.currency?.[side] === name) return 'currency';
  return null;
}
