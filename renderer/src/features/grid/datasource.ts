import type { IDatasource, IGetRowsParams } from 'ag-grid-community';
import type { ColumnInfo, GridQuery, SortSpec } from '../../../../shared/engine/api';
import type { EngineClient } from '../../engine/client';
import { toEngineFilters } from './filter-model';
import type { GridRow } from './grid-row';

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
}

export interface EngineDatasource extends IDatasource {
  /** Forget cached counts (rows were added); the grid's own blocks are refreshed by the caller. */
  invalidate(): void;
}

/**
 * AG Grid infinite-row-model datasource over the engine worker: each block is
 * one `page()` call with filters and sort pushed down to SQL, and the row
 * count comes from `count()` (cached per filter set) so the scrollbar is exact.
 */
export function createDatasource(client: EngineClient, table: string, columns: readonly ColumnInfo[], events: DatasourceEvents): EngineDatasource {
  const byName = new Map(columns.map((column) => [column.name, column]));
  const counts = new Map<string, Promise<number>>();
  const indexed = new Map<string, Promise<unknown>>();
  let pending = 0;

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

  return {
    getRows(params) {
      const query = queryOf(params);
      events.onQuery(query);
      const limit = params.endRow - params.startRow;
      events.onPending(++pending);
      void (async () => {
        try {
          await ensureIndexes(query.sort);
          const [page, total] = await Promise.all([client.page({ ...query, offset: params.startRow, limit }), countFor(query)]);
          const rows: GridRow[] = page.rows.map((cells, i) => {
            const marks = page.coerced[i];
            return { cells, coerced: marks && marks.length > 0 ? new Set(marks) : null };
          });
          events.onCount(total);
          params.successCallback(rows, total);
        } catch (error) {
          params.failCallback();
          events.onError(error);
        } finally {
          events.onPending(--pending);
        }
      })();
    },
    invalidate() {
      counts.clear();
    },
  };
}
