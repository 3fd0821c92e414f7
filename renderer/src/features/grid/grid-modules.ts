import {
  CellStyleModule,
  ColumnApiModule,
  ColumnAutoSizeModule,
  DateFilterModule,
  InfiniteRowModelModule,
  ModuleRegistry,
  NumberFilterModule,
  RenderApiModule,
  RowApiModule,
  RowStyleModule,
  ScrollApiModule,
  TextFilterModule,
  TooltipModule,
  ValidationModule,
} from 'ag-grid-community';

let isRegistered = false;

/**
 * AG Grid v33+ ships features as modules; registering only what the grid
 * uses keeps the bundle small. Validation (readable warnings for misused
 * options) is for development only.
 */
export function registerGridModules(): void {
  if (isRegistered) return;
  isRegistered = true;
  ModuleRegistry.registerModules([
    InfiniteRowModelModule,
    TextFilterModule,
    NumberFilterModule,
    DateFilterModule,
    CellStyleModule,
    TooltipModule,
    ColumnAutoSizeModule,
    ColumnApiModule,
    RenderApiModule,
    RowApiModule,
    RowStyleModule,
    ScrollApiModule,
  ]);
  if (import.meta.env.DEV) ModuleRegistry.registerModules([ValidationModule]);
}
