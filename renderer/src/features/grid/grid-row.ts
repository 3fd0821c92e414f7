import type { CellValue, PageResult } from '../../../../shared/engine/api';

/** One grid row: the engine's values (`_rowid` first) and which cells did not fit their type. */
export interface GridRow {
  readonly cells: readonly CellValue[];
  readonly coerced: ReadonlySet<number> | null;
}

/** Index of a table column's value in `GridRow.cells` (after `_rowid`). */
export function cellIndex(columnIndex: number): number {
  return columnIndex + 1;
}

export function toGridRows(page: PageResult): GridRow[] {
  return page.rows.map((cells, i) => {
    const marks = page.coerced[i];
    return { cells, coerced: marks && marks.length > 0 ? new Set(marks) : null };
  });
}
