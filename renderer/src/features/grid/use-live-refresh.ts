import { useEffect, useRef, type RefObject } from 'react';
import type { GridApi } from 'ag-grid-community';
import type { EngineDatasource } from './datasource';
import type { GridRow } from './grid-row';

// Each change of the row count makes AG Grid re-measure its scroll height (a forced layout):
// while a million rows stream in, every 2.5 s keeps the scrollbar moving without janking frames.
const REFRESH_EVERY_MS = 2500;

/**
 * While a table streams in, bring the grid up to the rows added now and then
 * (throttled: progress arrives several times a second), and once more when
 * the import finishes. Unsorted and unfiltered, loaded rows stay valid and
 * only the row count grows; otherwise the visible blocks are re-read.
 */
export function useLiveRefresh(apiRef: RefObject<GridApi<GridRow> | null>, datasource: EngineDatasource, rowCount: number, isLoading: boolean): void {
  const timerRef = useRef<number | undefined>(undefined);
  const lastRef = useRef(0);
  const wasLoadingRef = useRef(isLoading);
  const rowCountRef = useRef(rowCount);

  useEffect(() => {
    rowCountRef.current = rowCount;
    const refresh = () => {
      timerRef.current = undefined;
      lastRef.current = Date.now();
      const api = apiRef.current;
      if (!api || api.isDestroyed()) return;
      if (datasource.rowsAdded()) api.refreshInfiniteCache();
      else if (api.getInfiniteRowCount() !== rowCountRef.current) api.setRowCount(rowCountRef.current, true);
    };
    if (wasLoadingRef.current && !isLoading) {
      window.clearTimeout(timerRef.current);
      refresh();
    } else if (isLoading && timerRef.current === undefined) {
      timerRef.current = window.setTimeout(refresh, Math.max(0, REFRESH_EVERY_MS - (Date.now() - lastRef.current)));
    }
    wasLoadingRef.current = isLoading;
  }, [apiRef, datasource, rowCount, isLoading]);

  useEffect(() => () => window.clearTimeout(timerRef.current), []);
}
