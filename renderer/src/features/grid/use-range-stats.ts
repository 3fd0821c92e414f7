import { useEffect, type RefObject } from 'react';
import type { GridQuery } from '../../../../shared/engine/api';
import type { EngineClient } from '../../engine/client';
import { useLatest } from '../../lib/use-latest';
import type { SelectionStats } from './selection-stats';
import type { SelectionStore } from './selection-store';

const DEBOUNCE_MS = 100;

/**
 * Count, sum and average of the selection, computed exactly by the engine
 * over the current sort and filter (the grid holds only a few blocks, so the
 * UI cannot add them up itself). Debounced so a drag sends one request, and
 * sequenced so a slow answer never overwrites a newer one.
 */
export function useRangeStats(
  client: EngineClient,
  store: SelectionStore,
  queryRef: RefObject<GridQuery | null>,
  onStats: (stats: SelectionStats | null) => void,
): void {
  const onStatsRef = useLatest(onStats);

  useEffect(() => {
    let timer: number | undefined;
    let sequence = 0;
    const update = () => {
      window.clearTimeout(timer);
      const bounds = store.bounds();
      const query = queryRef.current;
      sequence += 1;
      if (!bounds || !query || bounds.colIds.length === 0) {
        onStatsRef.current(null);
        return;
      }
      const shape = { rows: bounds.rowEnd - bounds.rowStart + 1, columns: bounds.colIds.length };
      onStatsRef.current({ ...shape, count: null, numericCells: null, sum: null, average: null });
      const mine = sequence;
      timer = window.setTimeout(() => {
        client
          .rangeStats({ ...query, columns: [...bounds.colIds], startRow: bounds.rowStart, endRow: bounds.rowEnd })
          .then((stats) => {
            if (mine !== sequence) return;
            onStatsRef.current({ ...shape, count: stats.cells, numericCells: stats.numericCells, sum: stats.sum, average: stats.average });
          })
          .catch(() => {
            if (mine === sequence) onStatsRef.current(null);
          });
      }, DEBOUNCE_MS);
    };
    const unsubscribe = store.subscribe(update);
    return () => {
      unsubscribe();
      window.clearTimeout(timer);
      onStatsRef.current(null);
    };
  }, [client, store, queryRef, onStatsRef]);
}
