import type { TableInfo } from '../../../../shared/engine/api';
import { formatCount } from '../../lib/format';

interface GridBarProps {
  table: TableInfo;
  filteredCount: number | null;
  filterCount: number;
  sortLabel: string | null;
  indexingLabel: string | null;
  isFetching: boolean;
  clearFiltersHint: string;
  onClearFilters(): void;
}

/** Above the grid: how many rows the view shows, what shapes it, and what the engine is doing. */
export function GridBar({ table, filteredCount, filterCount, sortLabel, indexingLabel, isFetching, clearFiltersHint, onClearFilters }: GridBarProps) {
  // Unfiltered, the catalog's count is exact and live while rows stream in; the grid's cached count may lag.
  const shown = filterCount === 0 ? table.rowCount : filteredCount;
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
      {isFetching && !indexingLabel ? (
        <span className="grid-bar-fetching" role="status">
          <span className="spinner" /> Loading rows…
        </span>
      ) : null}
      {indexingLabel ? (
        <span className="grid-bar-indexing" data-testid="indexing" role="status">
          <span className="spinner" /> Building index on ‘{indexingLabel}’…
        </span>
      ) : null}
    </div>
  );
}
