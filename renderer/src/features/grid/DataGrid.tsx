import { useCallback, useImperativeHandle, useMemo, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { GridApi, GridReadyEvent } from 'ag-grid-community';
import type { GridQuery, TableInfo } from '../../../../shared/engine/api';
import type { EngineClient } from '../../engine/client';
import { useLatest } from '../../lib/use-latest';
import { ColumnMenu, type ColumnMenuAction } from './ColumnMenu';
import { applyColumnMenuAction } from './column-menu-actions';
import { ROW_NUMBER_COL_ID, dataColumnDefs, rowNumberColumnDef } from './column-defs';
import { createDatasource } from './datasource';
import { GridBar } from './GridBar';
import { headerWidth } from './header-width';
import type { GridHandle, GridMessageTone } from './grid-handle';
import { registerGridModules } from './grid-modules';
import type { GridRow } from './grid-row';
import { gridTheme } from './grid-theme';
import type { SelectionStats } from './selection-stats';
import { SelectionStore } from './selection-store';
import { useGridCopy } from './use-grid-copy';
import { useLiveRefresh } from './use-live-refresh';
import { useRangeSelection } from './use-range-selection';
import { useRangeStats } from './use-range-stats';
import './grid.css';

registerGridModules();

const MAX_AUTO_WIDTH = 420;
/** Rows whose block has not arrived yet get a skeleton instead of looking empty. */
const PENDING_ROW_RULES = { 'row-pending': (params: { data: GridRow | undefined }) => params.data === undefined };

/** AG Grid's pinned state also allows `true` (= left); the menu needs a side. */
function pinnedSide(pinned: 'left' | 'right' | boolean | null | undefined): 'left' | 'right' | null {
  if (pinned === 'right') return 'right';
  return pinned === 'left' || pinned === true ? 'left' : null;
}

interface DataGridProps {
  client: EngineClient;
  table: TableInfo;
  clearFiltersHint: string;
  handleRef: Ref<GridHandle>;
  onStats(stats: SelectionStats | null): void;
  onIndexing(label: string | null): void;
  onMessage(text: string, tone: GridMessageTone): void;
}

/** The table as a spreadsheet: every read is a SQL page from the engine worker. */
export function DataGrid({ client, table, clearFiltersHint, handleRef, onStats, onIndexing, onMessage }: DataGridProps) {
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
  const onIndexingRef = useLatest(onIndexing);
  const onMessageRef = useLatest(onMessage);

  const columns = table.columns;
  const columnsKey = columns.map((column) => `${column.name}:${column.type}:${column.scale}`).join('|');
  const headerWidths = useMemo(() => new Map(columns.map((column) => [column.name, headerWidth(column)])), [columns]);
  const labels = useMemo(() => new Map(columns.map((column) => [column.name, column.label || column.name])), [columns]);

  const datasource = useMemo(
    () =>
      createDatasource(client, table.name, columns, {
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
      }),
    // Keyed by the table's shape (columnsKey), not the columns array: a new array
    // arrives with every streamed row count and must not reset the grid.
    [client, table.name, columnsKey],
  );

  const openMenu = useCallback((colId: string, anchor: DOMRect) => setMenu({ colId, x: anchor.left, y: anchor.bottom + 4 }), []);
  const columnDefs = useMemo(
    () => [rowNumberColumnDef(), ...dataColumnDefs(columns, store, openMenu)],
    [columnsKey, store, openMenu],
  );

  useLiveRefresh(apiRef, datasource, table.rowCount, table.isLoading);
  const rowCount = useCallback(() => countRef.current, []);
  const selection = useRangeSelection(apiRef, store, rowCount);
  useRangeStats(client, store, queryRef, onStats);
  const copySelection = useGridCopy(client, store, queryRef, containerRef, onMessage);

  const autosizeColumns = useCallback(() => {
    const api = apiRef.current;
    if (!api) return;
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
        <AgGridReact<GridRow>
          theme={gridTheme}
          rowModelType="infinite"
          datasource={datasource}
          columnDefs={columnDefs}
          defaultColDef={{ sortable: true, resizable: true, minWidth: 60, suppressHeaderMenuButton: true }}
          cacheBlockSize={200}
          maxBlocksInCache={12}
          maxConcurrentDatasourceRequests={2}
          blockLoadDebounceMillis={40}
          infiniteInitialRowCount={Math.max(1, table.rowCount)}
          enableBrowserTooltips
          suppressDragLeaveHidesColumns
          animateRows={false}
          rowClassRules={PENDING_ROW_RULES}
          onGridReady={onGridReady}
          onDisplayedColumnsChanged={syncColumnOrder}
          onFirstDataRendered={autosizeColumns}
          onCellMouseDown={selection.onCellMouseDown}
          onCellMouseOver={selection.onCellMouseOver}
          onCellFocused={selection.onCellFocused}
          onColumnHeaderClicked={(event) => {
            if ('getColId' in event.column && event.column.getColId() === ROW_NUMBER_COL_ID) selection.selectAll();
          }}
        />
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
