/** What the app's commands (menu, shortcuts) can ask of the grid. */
export interface GridHandle {
  autosizeColumns(): void;
  clearFilters(): void;
  copySelection(): void;
  selectAll(): void;
}

export type GridMessageTone = 'info' | 'error';
