/**
 * Rectangular cell-range selection (AG Grid's own is Enterprise-only). A range
 * is an anchor cell and a focus cell; the rectangle between them spans rows
 * by display index (the current sort and filter) and columns by their
 * on-screen order, so it follows column moves and pinning.
 */

export interface CellRef {
  readonly row: number;
  readonly colId: string;
}

export interface CellRange {
  readonly anchor: CellRef;
  readonly focus: CellRef;
}

/** The rectangle in engine terms: inclusive rows and the columns in display order. */
export interface RangeBounds {
  readonly rowStart: number;
  readonly rowEnd: number;
  readonly colIds: readonly string[];
}

interface Box {
  rowStart: number;
  rowEnd: number;
  colStart: number;
  colEnd: number;
}

export class SelectionStore {
  private range: CellRange | null = null;
  private order: readonly string[] = [];
  private position = new Map<string, number>();
  private box: Box | null = null;
  private readonly listeners = new Set<() => void>();

  get current(): CellRange | null {
    return this.range;
  }

  /** The data columns as displayed, left to right (pinned-left first). */
  setColumnOrder(colIds: readonly string[]): void {
    // The grid reports column changes often; only a real reorder may repaint and re-query.
    if (colIds.length === this.order.length && colIds.every((colId, index) => colId === this.order[index])) return;
    this.order = colIds;
    this.position = new Map(colIds.map((colId, index) => [colId, index]));
    // Nothing selected, nothing to repaint: each emit refreshes every rendered cell.
    if (this.range === null) return;
    this.recompute();
    this.emit();
  }

  set(range: CellRange | null): void {
    if (range === null && this.range === null) return;
    this.range = range;
    this.recompute();
    this.emit();
  }

  /** Moves the focus corner (shift+click, drag, shift+arrows), keeping the anchor. */
  extendTo(focus: CellRef): void {
    this.set(this.range ? { anchor: this.range.anchor, focus } : { anchor: focus, focus });
  }

  bounds(): RangeBounds | null {
    const box = this.box;
    if (!box) return null;
    return { rowStart: box.rowStart, rowEnd: box.rowEnd, colIds: this.order.slice(box.colStart, box.colEnd + 1) };
  }

  contains(row: number | null, colId: string): boolean {
    const box = this.box;
    if (!box || row === null || row < box.rowStart || row > box.rowEnd) return false;
    const col = this.position.get(colId);
    return col !== undefined && col >= box.colStart && col <= box.colEnd;
  }

  /** Which outer edges of the rectangle this cell sits on, for the outline. */
  edges(row: number | null, colId: string): { top: boolean; bottom: boolean; left: boolean; right: boolean } | null {
    if (!this.contains(row, colId) || !this.box || row === null) return null;
    const col = this.position.get(colId);
    return { top: row === this.box.rowStart, bottom: row === this.box.rowEnd, left: col === this.box.colStart, right: col === this.box.colEnd };
  }

  isAnchor(row: number | null, colId: string): boolean {
    return this.range !== null && this.range.anchor.row === row && this.range.anchor.colId === colId;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private recompute(): void {
    const range = this.range;
    const a = range ? this.position.get(range.anchor.colId) : undefined;
    const f = range ? this.position.get(range.focus.colId) : undefined;
    if (!range || a === undefined || f === undefined) {
      this.box = null;
      return;
    }
    this.box = {
      rowStart: Math.min(range.anchor.row, range.focus.row),
      rowEnd: Math.max(range.anchor.row, range.focus.row),
      colStart: Math.min(a, f),
      colEnd: Math.max(a, f),
    };
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
