import type { ColDef, GridOptions } from 'ag-grid-community';
import { FIRST_PAGE_ROWS } from '../../engine/protocol';
import type { GridRow } from './grid-row';
import { gridTheme } from './grid-theme';

/** Rows whose block has not arrived yet get a skeleton instead of looking empty. */
const PENDING_ROW_RULES = { 'row-pending': (params: { data: GridRow | undefined }) => params.data === undefined };

// Constants, not literals in JSX: AG Grid rebuilds every column (and re-lays out the
// grid) when an option's identity changes, and the grid re-renders with each progress update.
const DEFAULT_COL_DEF: ColDef<GridRow> = { sortable: true, resizable: true, minWidth: 60, suppressHeaderMenuButton: true };

/** The options every table grid shares (and the start-up warm-up grid, so it runs the same code). */
export const STATIC_GRID_OPTIONS = {
  theme: gridTheme,
  rowModelType: 'infinite',
  defaultColDef: DEFAULT_COL_DEF,
  cacheBlockSize: FIRST_PAGE_ROWS,
  maxBlocksInCache: 12,
  maxConcurrentDatasourceRequests: 2,
  blockLoadDebounceMillis: 40,
  // One row until the first block arrives: rendering a screenful of placeholder rows first, then
  // again with data, doubled the main-thread cost of showing a streaming table.
  infiniteInitialRowCount: 1,
  enableBrowserTooltips: true,
  suppressDragLeaveHidesColumns: true,
  animateRows: false,
  rowClassRules: PENDING_ROW_RULES,
} as const satisfies GridOptions<GridRow>;
