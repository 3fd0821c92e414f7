import type { CellClassParams, ColDef, ITooltipParams, ValueFormatterParams, ValueGetterParams } from 'ag-grid-community';
import type { CellValue, ColumnInfo } from '../../../../shared/engine/api';
import { describeColumn, isNumericType } from '../../lib/column-type';
import { formatCount } from '../../lib/format';
import { formatCell, isNegative, toBigInt } from './cell-format';
import { DATE_FILTER_OPTIONS, NUMBER_FILTER_OPTIONS, TEXT_FILTER_OPTIONS } from './filter-model';
import { cellIndex, type GridRow } from './grid-row';
import { HeaderLabel, type HeaderLabelParams } from './HeaderLabel';
import { headerWidth } from './header-width';
import type { SelectionStore } from './selection-store';

export const ROW_NUMBER_COL_ID = '__row';

const INITIAL_WIDTH: Readonly<Record<ColumnInfo['type'], number>> = {
  integer: 110,
  decimal: 130,
  date: 110,
  timestamp: 170,
  boolean: 80,
  text: 180,
};

/**
 * A cell that did not fit its column: flagged by the engine (PageResult.coerced),
 * or, defensively, anything in a numeric column that is not an exact integer —
 * formatting such a value as money would put it in the wrong units.
 */
function isCoerced(row: GridRow | undefined, index: number, column: ColumnInfo): boolean {
  if (!row) return false;
  if (row.coerced?.has(cellIndex(index))) return true;
  const value = row.cells[cellIndex(index)] ?? null;
  return isNumericType(column.type) && value !== null && toBigInt(value) === null;
}

/** What a cell shows: its value formatted for its column, or, when it did not fit, its text as stored. */
export function cellText(row: GridRow | undefined, index: number, column: ColumnInfo): string {
  const cell = row?.cells[cellIndex(index)] ?? null;
  return isCoerced(row, index, column) ? String(cell ?? '') : formatCell(cell, column);
}

/** Range-selection classes, shared by data columns; the store is read at render time. */
function selectionRules(selection: SelectionStore, colId: string): NonNullable<ColDef<GridRow>['cellClassRules']> {
  const edge = (params: CellClassParams<GridRow>) => selection.edges(params.rowIndex, colId);
  return {
    'rw-sel': (params) => selection.contains(params.rowIndex, colId),
    'rw-sel-top': (params) => edge(params)?.top ?? false,
    'rw-sel-bottom': (params) => edge(params)?.bottom ?? false,
    'rw-sel-left': (params) => edge(params)?.left ?? false,
    'rw-sel-right': (params) => edge(params)?.right ?? false,
    'rw-sel-anchor': (params) => selection.isAnchor(params.rowIndex, colId),
  };
}

function filterFor(column: ColumnInfo): Pick<ColDef<GridRow>, 'filter' | 'filterParams'> {
  // One condition per column: the engine takes one filter per column.
  const common = { maxNumConditions: 1, buttons: ['reset'], debounceMs: 350 };
  if (isNumericType(column.type)) return { filter: 'agNumberColumnFilter', filterParams: { ...common, filterOptions: NUMBER_FILTER_OPTIONS, inRangeInclusive: true } };
  if (column.type === 'date' || column.type === 'timestamp') {
    return { filter: 'agDateColumnFilter', filterParams: { ...common, filterOptions: DATE_FILTER_OPTIONS, inRangeInclusive: true } };
  }
  return { filter: 'agTextColumnFilter', filterParams: { ...common, filterOptions: TEXT_FILTER_OPTIONS } };
}

/** Width before any content is known: by type, wide enough for the header. */
function defaultWidth(column: ColumnInfo): number {
  return Math.min(420, Math.max(INITIAL_WIDTH[column.type], headerWidth(column)));
}

export function dataColumnDefs(
  columns: readonly ColumnInfo[],
  selection: SelectionStore,
  onMenu: HeaderLabelParams['onMenu'],
  widths: ReadonlyMap<string, number> | null,
): ColDef<GridRow>[] {
  return columns.map((column, index) => {
    const numeric = isNumericType(column.type);
    const value = (row: GridRow | undefined): CellValue => row?.cells[cellIndex(index)] ?? null;
    const headerParams: HeaderLabelParams = { info: column, onMenu };
    return {
      colId: column.name,
      headerName: column.label || column.name,
      headerTooltip: describeColumn(column),
      headerComponentParams: { innerHeaderComponent: HeaderLabel, innerHeaderComponentParams: headerParams },
      headerClass: numeric ? 'header-num' : undefined,
      cellDataType: false,
      width: widths?.get(column.name) ?? defaultWidth(column),
      valueGetter: (params: ValueGetterParams<GridRow>) => value(params.data),
      valueFormatter: (params: ValueFormatterParams<GridRow>) => cellText(params.data, index, column),
      // Only where a cell can be coerced: a tooltip getter gives every cell of the column a
      // tooltip feature, a third of the cost of first rendering a row; text takes any value.
      tooltipValueGetter:
        column.type === 'text' && column.coercedCells === 0
          ? undefined
          : (params: ITooltipParams<GridRow>) => {
              const row = params.data;
              if (!row || !isCoerced(row, index, column)) return undefined;
              return `“${String(value(row) ?? '')}” did not fit ${column.type} and is kept as text`;
            },
      cellClass: numeric ? 'cell-num' : undefined,
      cellClassRules: {
        'cell-negative': (params) => numeric && !isCoerced(params.data, index, column) && isNegative(value(params.data)),
        'cell-coerced': (params) => isCoerced(params.data, index, column),
        ...selectionRules(selection, column.name),
      },
      ...filterFor(column),
    };
  });
}

/** Spreadsheet-style row numbers; clicking one selects the whole row. */
export function rowNumberColumnDef(): ColDef<GridRow> {
  return {
    colId: ROW_NUMBER_COL_ID,
    headerName: '',
    headerTooltip: 'Click a row number to select the row; click here to select everything (Ctrl/Cmd+A)',
    valueGetter: (params: ValueGetterParams<GridRow>) => (params.node?.rowIndex ?? -1) + 1,
    valueFormatter: (params: ValueFormatterParams<GridRow, number>) => (typeof params.value === 'number' && params.value > 0 ? formatCount(params.value) : ''),
    width: 64,
    minWidth: 48,
    pinned: 'left',
    lockPinned: true,
    lockPosition: 'left',
    suppressMovable: true,
    sortable: false,
    filter: false,
    resizable: true,
    suppressNavigable: true,
    cellClass: 'cell-rownum',
    headerClass: 'header-rownum',
  };
}
