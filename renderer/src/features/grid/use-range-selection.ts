import { useCallback, useEffect, useRef, type RefObject } from 'react';
import type { CellFocusedEvent, CellMouseDownEvent, CellMouseOverEvent, Column, GridApi } from 'ag-grid-community';
import { ROW_NUMBER_COL_ID } from './column-defs';
import type { GridRow } from './grid-row';
import type { SelectionStore } from './selection-store';

export interface RangeSelectionHandlers {
  onCellMouseDown(event: CellMouseDownEvent<GridRow>): void;
  onCellMouseOver(event: CellMouseOverEvent<GridRow>): void;
  onCellFocused(event: CellFocusedEvent<GridRow>): void;
  selectAll(): void;
  /** Sees every key in the grid: shift+arrows extend the range (returns true when used). */
  extendWithKey(event: KeyboardEvent): boolean;
}

const NAVIGATION_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'PageUp', 'PageDown', 'Home', 'End', 'Tab', 'Enter']);
const NAV_KEY_WINDOW_MS = 300;

const STEPS: Readonly<Record<string, readonly [number, number]>> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

function dataColumns(api: GridApi<GridRow>): string[] {
  return api
    .getAllDisplayedColumns()
    .map((column) => column.getColId())
    .filter((colId) => colId !== ROW_NUMBER_COL_ID);
}

/**
 * Excel-style selection on top of AG Grid Community: click, shift+click,
 * drag, shift+arrows, row-number clicks and select-all. Highlighting is done
 * by cellClassRules reading the store, refreshed here whenever it changes.
 */
export function useRangeSelection(apiRef: RefObject<GridApi<GridRow> | null>, store: SelectionStore, rowCount: () => number): RangeSelectionHandlers {
  const isDraggingRef = useRef(false);
  const navKeyAtRef = useRef(Number.NEGATIVE_INFINITY);

  useEffect(() => {
    const stop = () => {
      isDraggingRef.current = false;
    };
    // Capture phase: the grid's own handlers must not be able to hide the end of a drag.
    document.addEventListener('mouseup', stop, true);
    window.addEventListener('blur', stop);
    return () => {
      document.removeEventListener('mouseup', stop, true);
      window.removeEventListener('blur', stop);
    };
  }, []);

  useEffect(
    () =>
      store.subscribe(() => {
        // Only rendered cells are refreshed, so this stays cheap on 1M rows.
        apiRef.current?.refreshCells({ force: true });
      }),
    [apiRef, store],
  );

  const selectRows = useCallback(
    (from: number, to: number, extend: boolean) => {
      const api = apiRef.current;
      if (!api) return;
      const colIds = dataColumns(api);
      const first = colIds[0];
      const last = colIds[colIds.length - 1];
      if (first === undefined || last === undefined) return;
      const anchorRow = extend && store.current ? store.current.anchor.row : from;
      store.set({ anchor: { row: anchorRow, colId: first }, focus: { row: to, colId: last } });
    },
    [apiRef, store],
  );

  const onCellMouseDown = useCallback(
    (event: CellMouseDownEvent<GridRow>) => {
      const mouse = event.event;
      if (!(mouse instanceof MouseEvent) || mouse.button !== 0 || event.rowIndex === null) return;
      const colId = event.column.getColId();
      if (colId === ROW_NUMBER_COL_ID) {
        selectRows(event.rowIndex, event.rowIndex, mouse.shiftKey);
        return;
      }
      const cell = { row: event.rowIndex, colId };
      if (mouse.shiftKey) store.extendTo(cell);
      else store.set({ anchor: cell, focus: cell });
      isDraggingRef.current = true;
    },
    [selectRows, store],
  );

  const onCellMouseOver = useCallback(
    (event: CellMouseOverEvent<GridRow>) => {
      if (!isDraggingRef.current || event.rowIndex === null) return;
      // The grid may swallow mouseup; the button state on this very event is the truth.
      if (event.event instanceof MouseEvent && (event.event.buttons & 1) === 0) {
        isDraggingRef.current = false;
        return;
      }
      const colId = event.column.getColId();
      if (colId === ROW_NUMBER_COL_ID) return;
      const focus = store.current?.focus;
      if (focus && focus.row === event.rowIndex && focus.colId === colId) return;
      store.extendTo({ row: event.rowIndex, colId });
    },
    [store],
  );

  const onCellFocused = useCallback(
    (event: CellFocusedEvent<GridRow>) => {
      // Keyboard navigation reports no source event; only trust focus moves right after a navigation key,
      // so the grid re-focusing a cell after a refresh cannot collapse the user's range.
      if (event.sourceEvent instanceof MouseEvent || performance.now() - navKeyAtRef.current > NAV_KEY_WINDOW_MS) return;
      if (event.rowIndex === null || event.rowIndex === undefined) return;
      const column: Column | string | null | undefined = event.column;
      const colId = typeof column === 'string' ? column : column?.getColId();
      if (!colId || colId === ROW_NUMBER_COL_ID) return;
      store.set({ anchor: { row: event.rowIndex, colId }, focus: { row: event.rowIndex, colId } });
    },
    [store],
  );

  const selectAll = useCallback(() => {
    const count = rowCount();
    if (count > 0) selectRows(0, count - 1, false);
  }, [rowCount, selectRows]);

  // The grid moves focus but never extends a range in Community, so shift+arrows are ours.
  const extendWithKey = useCallback(
    (event: KeyboardEvent) => {
      if (NAVIGATION_KEYS.has(event.key)) navKeyAtRef.current = performance.now();
      const step = STEPS[event.key];
      const api = apiRef.current;
      const focus = store.current?.focus;
      if (!step || !event.shiftKey || event.ctrlKey || event.metaKey || event.altKey || !api || !focus) return false;
      const colIds = dataColumns(api);
      const col = colIds.indexOf(focus.colId);
      const row = Math.max(0, Math.min(rowCount() - 1, focus.row + step[0]));
      const colId = colIds[Math.max(0, Math.min(colIds.length - 1, col + step[1]))];
      if (col < 0 || colId === undefined) return false;
      store.extendTo({ row, colId });
      api.ensureIndexVisible(row);
      api.ensureColumnVisible(colId);
      return true;
    },
    [apiRef, rowCount, store],
  );

  return { onCellMouseDown, onCellMouseOver, onCellFocused, selectAll, extendWithKey };
}
