import type { TableInfo } from '../../../../shared/engine/api';
import { formatCount } from '../../lib/format';

interface GridBarProps {
  table: TableInfo;
  filteredCount: number | null;
  filterCount: number;
  sortLabel: string | null;
  indexingLabel: string | null;
  clearFiltersHint: string;
  onClearFilters(): void;
}

/** Above the grid: how many rows the view shows, what shapes it, and what the engine is doing. */
export function GridBar({ table, filteredCount, filterCount, sortLabel, indexingLabel, clearFiltersHint, onClearFilters }: GridBarProps) {
  const shown = filteredCount ?? (filterCount === 0 ? table.rowCount : null);
  return (
    <div className="grid-bar">
      <span className="grid-bar-table truncate" title={`${table.name} — from ${table.sourceFile}`}>
        {table.name}
      </span>
      <span className="grid-bar-count num" data-testid="row-count">
        {shown === null ? 'Counting…' : `${formatCount(shown)} of ${formatCount(table.rowCount)} rows`}
      </span>
      {table.isLoading ? <span className="grid-bar-tag">streaming in…</span> : null}
      {sortLabel ? <span className="grid-bar-tag">{sortLabel}</span> : null}
      {filterCount > 0 ? (
        <span className="grid-bar-filters">
          <span className="grid-bar-tag is-accent">
            {filterCount} {filterCount === 1 ? 'filter' : 'filters'}
          </span>
          <button type="button" className="btn btn-ghost btn-sm" onClick={onClearFilters} title={`Clear filters (${clearFiltersHint})`}>
            Clear
          </button>
        </span>
      ) : null}
      <span className="grid-bar-spacer" />
      {indexingLabel ? (
        <span className="grid-bar-indexing" data-testid="indexing" role="status">
          <span className="spinner" /> Building index on ‘{indexingLabel}’…
        </span>
      ) : null}
    </div>
  );
}
