import { useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef, ColumnHeaderClickedEvent, GridApi, GridReadyEvent } from 'ag-grid-community';
import type { GridQuery, PageResult, TableInfo } from '../../../../shared/engine/api';
import type { EngineClient } from '../../engine/client';
import { useLatest } from '../../lib/use-latest';
import { ColumnMenu, type ColumnMenuAction } from './ColumnMenu';
import { applyColumnMenuAction } from './column-menu-actions';
import { ROW_NUMBER_COL_ID, dataColumnDefs, rowNumberColumnDef } from './column-defs';
import { MAX_AUTO_WIDTH, contentWidths } from './content-widths';
import { createDatasource } from './datasource';
import { REVEAL_SLICE_ROWS, revealRows } from './reveal-rows';
import { GridBar } from './GridBar';
import { headerWidth } from './header-width';
import type { GridHandle, GridMessageTone } from './grid-handle';
import { registerGridModules } from './grid-modules';
import { STATIC_GRID_OPTIONS } from './grid-options';
import { toGridRows, type GridRow } from './grid-row';
import type { SelectionStats } from './selection-stats';
import { SelectionStore } from './selection-store';
import { useGridCopy } from './use-grid-copy';
import { useLiveRefresh } from './use-live-refresh';
import { useRangeSelection } from './use-range-selection';
import { useRangeStats } from './use-range-stats';
import './grid.css';

registerGridModules();
// Columns are sized to the first screenful or so, as AG Grid's autosize (which measures rendered rows) did.
const WIDTH_SAMPLE_ROWS = 50;

/** AG Grid's pinned state also allows `true` (= left); the menu needs a side. */
function pinnedSide(pinned: 'left' | 'right' | boolean | null | undefined): 'left' | 'right' | null {
  if (pinned === 'right') return 'right';
  return pinned === 'left' || pinned === true ? 'left' : null;
}

interface DataGridProps {
  client: EngineClient;
  table: TableInfo;
  /** The first block as the worker sent it when the table appeared (streaming import), or null. */
  firstPage: PageResult | null;
  clearFiltersHint: string;
  handleRef: Ref<GridHandle>;
  onStats(stats: SelectionStats | null): void;
  onIndexing(label: string | null): void;
  onMessage(text: string, tone: GridMessageTone): void;
}

/** The table as a spreadsheet: every read is a SQL page from the engine worker. */
export function DataGrid({ client, table, firstPage, clearFiltersHint, handleRef, onStats, onIndexing, onMessage }: DataGridProps) {
  const apiRef = useRef<GridApi<GridRow> | null>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  const queryRef = useRef<GridQuery | null>(null);
  const [store] = useState(() => new SelectionStore());
  const [filteredCount, setFilteredCount] = useState<number | null>(null);
  const [query, setQuery] = useState<GridQuery | null>(null);
  const [indexing, setIndexing] = useState<string | null>(null);
  const [isFetching, setIsFetching] = useState(false);
  const fetchTimerRef = useRef<number | undefined>(undefined);
  const [menu, setMenu] = useState<{ colId: string; x: number; y: number } | null>(null);
  const countRef = useRef(0);
  const cancelRevealRef = useRef<() => void>(() => undefined);
  useEffect(() => () => cancelRevealRef.current(), []);
  // AG Grid is created in the task after the frame that paints its pane, so creating it (its
  // largest task, ~25 ms of CPU) and the app's re-render for the new table do not add up to one
  // long task, and, while a large file streams in, the import has stopped for the first screen
  // by then (FIRST_SHOW_HOLD_MS: it stops after reading on, ~50 ms after sending the first rows).
  //
  // Then it gets its columns, and then its rows, each a frame later: created, given columns and
  // datasource at once, it was one task of 45–60 ms on this VM (theme measurements, header and
  // first rows), over 50 ms in about half the 1M-row imports; in three steps none is.
  const [gridStep, setGridStep] = useState<'none' | 'created' | 'columns' | 'rows'>('none');
  useEffect(() => afterNextFrame(() => setGridStep('created')), []);
  useEffect(() => (gridStep === 'columns' ? afterNextFrame(() => setGridStep('rows')) : undefined), [gridStep]);
  const onIndexingRef = useLatest(onIndexing);
  const onMessageRef = useLatest(onMessage);
  const tableRowsRef = useLatest(table.rowCount);
  const isLoadingRef = useLatest(table.isLoading);
  const [firstRows] = useState(() => (firstPage ? toGridRows(firstPage) : null));
  // With the first block at hand, columns start at their content's width: no autosize pass later.
  // Measured when the grid is given its columns, not in the render that first shows the table:
  // ~10 ms of text measuring moved out of the busiest task. Computed once (undefined: not yet).
  const widthsRef = useRef<Map<string, number> | null | undefined>(undefined);
  if (widthsRef.current === undefined && (gridStep === 'columns' || gridStep === 'rows')) {
    widthsRef.current = firstRows ? contentWidths(table.columns, firstRows.slice(0, WIDTH_SAMPLE_ROWS)) : null;
  }
  const initialWidths = widthsRef.current ?? null;

  const columns = table.columns;
  const columnsKey = columns.map((column) => `${column.name}:${column.type}:${column.scale}`).join('|');
  const headerWidths = useMemo(() => new Map(columns.map((column) => [column.name, headerWidth(column)])), [columns]);
  const labels = useMemo(() => new Map(columns.map((column) => [column.name, column.label || column.name])), [columns]);

  const datasource = useMemo(
    () =>
      createDatasource(client, table.name, columns, { firstRows, rowCount: () => tableRowsRef.current, firstSliceRows: REVEAL_SLICE_ROWS }, {
        onCount: (count) => {
          countRef.current = count;
          setFilteredCount(count);
        },
        onQuery: (next) => {
          const previous = queryRef.current;
          queryRef.current = next;
          if (previous && JSON.stringify(previous) === JSON.stringify(next)) return;
          // Row indexes mean something else under another sort or filter.
          store.set(null);
          if (previous && JSON.stringify(previous.filters) !== JSON.stringify(next.filters)) setFilteredCount(null);
          setQuery(next);
        },
        onIndexing: (label) => {
          setIndexing(label);
          onIndexingRef.current(label);
        },
        onPending: (count) => {
          // Only a slow fetch earns the hint; fast ones would make it flicker on every scroll.
          window.clearTimeout(fetchTimerRef.current);
          if (count > 0) fetchTimerRef.current = window.setTimeout(() => setIsFetching(true), 250);
          else setIsFetching(false);
        },
        onError: (error) => onMessageRef.current(error instanceof Error ? error.message : String(error), 'error'),
        onFirstBlock: (rows, shown) => {
          const api = apiRef.current;
          // The block comes back from the worker: the grid may have been destroyed meanwhile (another
          // table shown), and AG Grid warns on any call to a destroyed grid's API.
          if (!api || api.isDestroyed()) return;
          if (!widthsRef.current) api.applyColumnState({ state: [...contentWidths(columns, rows.slice(0, WIDTH_SAMPLE_ROWS))].map(([colId, width]) => ({ colId, width })) });
          cancelRevealRef.current();
          // A streaming import waits after its first rows until they are on screen (FIRST_SHOW_HOLD_MS).
          const resume = isLoadingRef.current ? () => void client.resumeImport().catch(() => undefined) : undefined;
          cancelRevealRef.current = revealRows(api, shown, () => countRef.current, resume);
        },
      }),
    // Keyed by the table's shape (columnsKey), not the columns array: a new array
    // arrives with every streamed row count and must not reset the grid.
    [client, table.name, columnsKey],
  );

  const openMenu = useCallback((colId: string, anchor: DOMRect) => setMenu({ colId, x: anchor.left, y: anchor.bottom + 4 }), []);
  const columnDefs = useMemo(
    () => [rowNumberColumnDef(), ...dataColumnDefs(columns, store, openMenu, initialWidths)],
    [columnsKey, store, openMenu, initialWidths],
  );

  // Live refreshes need the datasource attached (the last creation step).
  const rowsApiRef = useRef<GridApi<GridRow> | null>(null);
  useEffect(() => {
    rowsApiRef.current = gridStep === 'rows' ? apiRef.current : null;
  }, [gridStep]);
  useLiveRefresh(rowsApiRef, datasource, table.rowCount, table.isLoading);
  const rowCount = useCallback(() => countRef.current, []);
  const selection = useRangeSelection(apiRef, store, rowCount);
  useRangeStats(client, store, queryRef, onStats);
  const copySelection = useGridCopy(client, store, queryRef, containerRef, onMessage);

  const autosizeColumns = useCallback(() => {
    const api = apiRef.current;
    if (!api || api.isDestroyed()) return;
    api.autoSizeAllColumns(true);
    // Fit the header too, but cap long descriptions so they do not push every other column off screen.
    const fitted = api.getColumnState().flatMap((state) => {
      const header = headerWidths.get(state.colId);
      if (header === undefined || state.width === undefined || state.width === null) return [];
      const width = Math.min(MAX_AUTO_WIDTH, Math.max(state.width, header));
      return width === state.width ? [] : [{ colId: state.colId, width }];
    });
    if (fitted.length > 0) api.applyColumnState({ state: fitted });
  }, [headerWidths]);

  const clearFilters = useCallback(() => apiRef.current?.setFilterModel(null), []);

  useImperativeHandle(handleRef, () => ({ autosizeColumns, clearFilters, copySelection, selectAll: selection.selectAll }), [
    autosizeColumns,
    clearFilters,
    copySelection,
    selection.selectAll,
  ]);

  const syncColumnOrder = useCallback(() => {
    const api = apiRef.current;
    if (!api) return;
    store.setColumnOrder(api.getAllDisplayedColumns().map((column) => column.getColId()).filter((colId) => colId !== ROW_NUMBER_COL_ID));
  }, [store]);

  const onGridReady = useCallback(
    (event: GridReadyEvent<GridRow>) => {
      apiRef.current = event.api;
      syncColumnOrder();
      afterNextFrame(() => setGridStep((step) => (step === 'created' ? 'columns' : step)));
    },
    [syncColumnOrder],
  );

  const onMenuAction = useCallback(
    (action: ColumnMenuAction) => {
      const api = apiRef.current;
      const colId = menu?.colId;
      setMenu(null);
      if (!api || !colId) return;
      applyColumnMenuAction(api, colId, action, autosizeColumns);
    },
    [autosizeColumns, menu],
  );

  const selectAll = selection.selectAll;
  const onColumnHeaderClicked = useCallback(
    (event: ColumnHeaderClickedEvent<GridRow>) => {
      if ('getColId' in event.column && event.column.getColId() === ROW_NUMBER_COL_ID) selectAll();
    },
    [selectAll],
  );

  const onKeyDownCapture = useCallback(
    (event: KeyboardEvent) => {
      const target = event.target;
      if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) return;
      if (event.key.toLowerCase() === 'a' && (event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey) {
        event.preventDefault();
        selection.selectAll();
      } else if (selection.extendWithKey(event.nativeEvent)) {
        event.preventDefault();
        event.stopPropagation();
      }
    },
    [selection],
  );

  const sortSpec = query?.sort[0];
  const sortLabel = sortSpec ? `Sorted by ${labels.get(sortSpec.column) ?? sortSpec.column} ${sortSpec.direction === 'asc' ? '↑' : '↓'}` : null;
  const menuColumn = menu ? apiRef.current?.getColumn(menu.colId) : null;

  return (
    <div className="grid-pane">
      <GridBar
        table={table}
        filteredCount={filteredCount}
        filterCount={query ? Object.keys(query.filters).length : 0}
        sortLabel={sortLabel}
        indexingLabel={indexing}
        isFetching={isFetching}
        clearFiltersHint={clearFiltersHint}
        onClearFilters={clearFilters}
      />
      <div className="grid-host" ref={containerRef} data-testid="grid" onKeyDownCapture={onKeyDownCapture}>
        {gridStep !== 'none' ? (
          // Hidden while created: AG Grid's theme measurements (a forced layout per CSS size) then
          // find nothing to measure and run from its ResizeObserver once the grid is shown.
          <div className="grid-frame" hidden={gridStep === 'created'}>
            <AgGridReact<GridRow>
              {...STATIC_GRID_OPTIONS}
              datasource={gridStep === 'rows' ? datasource : undefined}
              columnDefs={gridStep === 'created' ? NO_COLUMNS : columnDefs}
              onGridReady={onGridReady}
              onDisplayedColumnsChanged={syncColumnOrder}
              onCellMouseDown={selection.onCellMouseDown}
              onCellMouseOver={selection.onCellMouseOver}
              onCellFocused={selection.onCellFocused}
              onColumnHeaderClicked={onColumnHeaderClicked}
            />
          </div>
        ) : null}
      </div>
      {menu ? (
        <ColumnMenu
          x={menu.x}
          y={menu.y}
          pinned={pinnedSide(menuColumn?.getPinned())}
          sort={menuColumn?.getSort() ?? null}
          onAction={onMenuAction}
          onClose={() => setMenu(null)}
        />
      ) : null}
    </div>
  );
}

const NO_COLUMNS: ColDef<GridRow>[] = [];

/** Runs `action` in a task after the next frame; returns its cancel. */
function afterNextFrame(action: () => void): () => void {
  let timer = 0;
  const frame = requestAnimationFrame(() => {
    timer = window.setTimeout(action, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    window.clearTimeout(timer);
  };
}
