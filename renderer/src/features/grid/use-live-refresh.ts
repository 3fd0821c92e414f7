import { useEffect, useRef, type RefObject } from 'react';
import type { GridApi } from 'ag-grid-community';
import type { EngineDatasource } from './datasource';
import type { GridRow } from './grid-row';

// Each refresh makes AG Grid re-measure its scroll height (a forced layout): while a
// million rows stream in, every 2.5 s keeps the count moving without janking frames.
const REFRESH_EVERY_MS = 2500;

/**
 * While a table streams in, re-read the visible blocks and the count now and
 * then (throttled: progress arrives every 100 ms, and each refresh is a
 * query), and once more when the import finishes.
 */
export function useLiveRefresh(apiRef: RefObject<GridApi<GridRow> | null>, datasource: EngineDatasource, rowCount: number, isLoading: boolean): void {
  const timerRef = useRef<number | undefined>(undefined);
  const lastRef = useRef(0);
  const wasLoadingRef = useRef(isLoading);

  useEffect(() => {
    const refresh = () => {
      timerRef.current = undefined;
      lastRef.current = Date.now();
      datasource.invalidate();
      apiRef.current?.refreshInfiniteCache();
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
