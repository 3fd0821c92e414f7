import type { IDatasource, IGetRowsParams } from 'ag-grid-community';
import type { ColumnInfo, GridQuery, SortSpec } from '../../../../shared/engine/api';
import type { EngineClient } from '../../engine/client';
import { toEngineFilters } from './filter-model';
import { toGridRows, type GridRow } from './grid-row';

export interface DatasourceEvents {
  /** The filtered row count for the current filters. */
  onCount(count: number): void;
  /** The query (filters + sort) the grid now shows; selection maths must use the same one. */
  onQuery(query: GridQuery): void;
  /** A column label while its sort index is being built, null when done. */
  onIndexing(label: string | null): void;
  onError(error: unknown): void;
  /** Block requests in flight, for a quiet "Loading rows…" hint. */
  onPending(count: number): void;
  /**
   * The first block's rows, once, to size columns to their content; `shown` is the
   * row count the grid was given (at most `firstSliceRows`), for the caller to reveal the rest.
   */
  onFirstBlock?(rows: readonly GridRow[], shown: number): void;
}

export interface DatasourceOptions {
  /** The first block as the worker sent it with `firstRows` (unsorted, unfiltered), or null. */
  firstRows: readonly GridRow[] | null;
  /** The table's row count as last reported (it grows while the table streams in). */
  rowCount(): number;
  /** Rows the grid counts when the first block arrives; the caller reveals the rest (reveal-rows.ts). */
  firstSliceRows: number;
}

export interface EngineDatasource extends IDatasource {
  /**
   * Rows were appended. True when blocks the grid holds may be stale and must be
   * refetched (a filter or sort is on, or a block ended short of its size);
   * false when the grid only needs its row count extended, since an
   * append-only table in rowid order keeps every loaded row where it was.
   */
  rowsAdded(): boolean;
}

function isPlain(query: GridQuery): boolean {
  return query.sort.length === 0 && Object.keys(query.filters).length === 0;
}

/**
 * AG Grid infinite-row-model datasource over the engine worker: each block is
 * one `page()` call with filters and sort pushed down to SQL, and the row
 * count comes from `count()` (cached per filter set) so the scrollbar is exact.
 */
export function createDatasource(
  client: EngineClient,
  table: string,
  columns: readonly ColumnInfo[],
  options: DatasourceOptions,
  events: DatasourceEvents,
): EngineDatasource {
  const byName = new Map(columns.map((column) => [column.name, column]));
  const counts = new Map<string, Promise<number>>();
  const indexed = new Map<string, Promise<unknown>>();
  // Only a first page read with these columns fits these column indexes.
  const firstRows = options.firstRows?.[0]?.cells.length === columns.length + 1 ? options.firstRows : null;
  let pending = 0;
  let current: GridQuery | null = null;
  let hasShortBlock = false;
  let hasReportedFirstBlock = false;

  function countFor(query: GridQuery): Promise<number> {
    const key = JSON.stringify(query.filters);
    let count = counts.get(key);
    if (count === undefined) {
      count = client.count({ table, filters: query.filters });
      counts.set(key, count);
      count.catch(() => counts.delete(key));
    }
    return count;
  }

  /** Sorting 1M rows without an index takes seconds per block; build it once, visibly. */
  function ensureIndexes(sort: readonly SortSpec[]): Promise<unknown> {
    return Promise.all(
      sort.map((spec) => {
        let building = indexed.get(spec.column);
        if (building === undefined) {
          events.onIndexing(byName.get(spec.column)?.label || spec.column);
          building = client.ensureIndex(table, spec.column).finally(() => events.onIndexing(null));
          indexed.set(spec.column, building);
          building.catch(() => indexed.delete(spec.column));
        }
        return building;
      }),
    );
  }

  function queryOf(params: IGetRowsParams): GridQuery {
    const sort: SortSpec[] = [];
    for (const item of params.sortModel) {
      if (byName.has(item.colId) && (item.sort === 'asc' || item.sort === 'desc')) sort.push({ column: item.colId, direction: item.sort });
    }
    return { table, filters: toEngineFilters(params.filterModel, byName), sort };
  }

  function deliver(params: IGetRowsParams, rows: readonly GridRow[], total: number): void {
    if (rows.length < params.endRow - params.startRow) hasShortBlock = true;
    events.onCount(total);
    const isFirst = !hasReportedFirstBlock && params.startRow === 0 && rows.length > 0;
    // The whole block is handed over; the grid only renders the rows it counts.
    const shown = isFirst ? Math.min(total, options.firstSliceRows) : total;
    params.successCallback([...rows], shown);
    if (isFirst) {
      hasReportedFirstBlock = true;
      events.onFirstBlock?.(rows, shown);
    }
  }

  return {
    getRows(params) {
      const query = queryOf(params);
      current = query;
      events.onQuery(query);
      const limit = params.endRow - params.startRow;
      // The first block of a streaming table never changes (rowid order, append-only): no round trip,
      // which would otherwise wait for the import's next chunk in the worker.
      if (firstRows && params.startRow === 0 && firstRows.length === limit && isPlain(query)) {
        deliver(params, firstRows, Math.max(firstRows.length, options.rowCount()));
        return;
      }
      events.onPending(++pending);
      void (async () => {
        try {
          await ensureIndexes(query.sort);
          const [page, total] = await Promise.all([client.page({ ...query, offset: params.startRow, limit }), countFor(query)]);
          deliver(params, toGridRows(page), total);
        } catch (error) {
          params.failCallback();
          events.onError(error);
        } finally {
          events.onPending(--pending);
        }
      })();
    },
    rowsAdded() {
      counts.clear();
      const mustRefetch = hasShortBlock || (current !== null && !isPlain(current));
      if (mustRefetch) hasShortBlock = false;
      return mustRefetch;
    },
  };
}
