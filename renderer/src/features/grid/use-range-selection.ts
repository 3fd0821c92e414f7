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
}

function dataColumns(api: GridApi<GridRow>): string[] {
  return api
    .getAllDisplayedColumns()
    .map((column) => column.getColId())
    .filter((colId) => colId !== ROW_NUMBER_COL_ID);
}

function isShift(event: Event | null | undefined): boolean {
  return event instanceof MouseEvent || event instanceof KeyboardEvent ? event.shiftKey : false;
}

/**
 * Excel-style selection on top of AG Grid Community: click, shift+click,
 * drag, shift+arrows, row-number clicks and select-all. Highlighting is done
 * by cellClassRules reading the store, refreshed here whenever it changes.
 */
export function useRangeSelection(apiRef: RefObject<GridApi<GridRow> | null>, store: SelectionStore, rowCount: () => number): RangeSelectionHandlers {
  const isDraggingRef = useRef(false);

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
      // Mouse focus is handled on mousedown; this is keyboard navigation.
      const source = event.sourceEvent;
      if (!(source instanceof KeyboardEvent) || event.rowIndex === null || event.rowIndex === undefined) return;
      const column: Column | string | null | undefined = event.column;
      const colId = typeof column === 'string' ? column : column?.getColId();
      if (!colId || colId === ROW_NUMBER_COL_ID) return;
      const cell = { row: event.rowIndex, colId };
      if (isShift(source)) store.extendTo(cell);
      else store.set({ anchor: cell, focus: cell });
    },
    [store],
  );

  const selectAll = useCallback(() => {
    const count = rowCount();
    if (count > 0) selectRows(0, count - 1, false);
  }, [rowCount, selectRows]);

  return { onCellMouseDown, onCellMouseOver, onCellFocused, selectAll };
}
