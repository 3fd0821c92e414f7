import type { CellValue } from '../../../../shared/engine/api';

/** One grid row: the engine's values (`_rowid` first) and which cells did not fit their type. */
export interface GridRow {
  readonly cells: readonly CellValue[];
  readonly coerced: ReadonlySet<number> | null;
}

/** Index of a table column's value in `GridRow.cells` (after `_rowid`). */
export function cellIndex(columnIndex: number): number {
  return columnIndex + 1;
}
