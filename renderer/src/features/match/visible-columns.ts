import type { ColumnInfo } from '../../../../shared/engine/api';
import type { MatchSpec } from '../../../../shared/engine/match/spec';
import { columnRole, orderColumns, type SideName } from './item-columns';
import type { VisibleColumn } from './ItemSide';

/** The chosen columns of one side with their index in the source rows and role in the spec. */
export function visibleColumns(spec: MatchSpec, side: SideName, all: readonly ColumnInfo[], chosen: readonly string[]): VisibleColumn[] {
  return orderColumns(chosen, all).map((column) => ({ column, index: all.indexOf(column), role: columnRole(spec, side, column.name) }));
}

/**
 * Widths by what a column holds: a date and an amount always fit whole (a
 * truncated "2024-0…" or "1,2…" is worse than a scrollbar), references and
 * text take the room that is left.
 */
export function gridTemplate(columns: readonly VisibleColumn[]): string {
  if (columns.length === 0) return '1fr';
  return columns
    .map(({ column, role }) => {
      if (role === 'currency' || column.type === 'boolean') return 'minmax(36px, 0.4fr)';
      if (column.type === 'date') return 'minmax(88px, 0.8fr)';
      if (column.type === 'timestamp') return 'minmax(130px, 1fr)';
      if (column.type === 'decimal' || column.type === 'integer') return 'minmax(76px, 0.9fr)';
      return 'minmax(64px, 1.4fr)';
    })
    .join(' ');
}
