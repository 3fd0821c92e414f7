/** What the status bar shows for the current selection. */
export interface SelectionStats {
  readonly rows: number;
  readonly columns: number;
  /** Non-empty cells, as Excel's "Count". Null while the engine is still counting. */
  readonly count: number | null;
  readonly numericCells: number | null;
  /** Exact decimal strings from the engine, not yet grouped. */
  readonly sum: string | null;
  readonly average: string | null;
}
