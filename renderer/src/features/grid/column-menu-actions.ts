import type { GridApi } from 'ag-grid-community';
import type { ColumnMenuAction } from './ColumnMenu';
import type { GridRow } from './grid-row';

/** Carries out a column-menu choice through the grid's column state API. */
export function applyColumnMenuAction(api: GridApi<GridRow>, colId: string, action: ColumnMenuAction, autosizeAll: () => void): void {
  switch (action) {
    case 'sortAsc':
    case 'sortDesc':
      // Replaces any other sort, as a header click does.
      api.applyColumnState({ state: [{ colId, sort: action === 'sortAsc' ? 'asc' : 'desc' }], defaultState: { sort: null } });
      break;
    case 'sortClear':
      api.applyColumnState({ state: [{ colId, sort: null }] });
      break;
    case 'pinLeft':
    case 'pinRight':
    case 'unpin':
      api.applyColumnState({ state: [{ colId, pinned: action === 'pinLeft' ? 'left' : action === 'pinRight' ? 'right' : null }] });
      break;
    case 'autosize':
      api.autoSizeColumns([colId]);
      break;
    case 'autosizeAll':
      autosizeAll();
      break;
  }
}
