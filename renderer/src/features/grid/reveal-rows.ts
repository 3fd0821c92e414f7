import type { GridApi } from 'ag-grid-community';

/**
 * Rows the grid counts when its first block arrives; the rest of the screen
 * follows a slice per frame. AG Grid renders every row it counts in view in
 * one go: a screenful (40 rows × the visible columns) held the main thread
 * for ~300 ms on a busy two-core machine, a slice for a fifth of that.
 */
export const REVEAL_SLICE_ROWS = 8;

/**
 * The task after the next frame: what was just rendered has been painted by then. (A rAF
 * callback runs before its frame's paint; `onDone` there resumed the import during the paint of
 * the full-height grid, a 60 ms task in a trace.)
 */
function afterPaint(callback: () => void): void {
  requestAnimationFrame(() => window.setTimeout(callback, 0));
}

/**
 * Grows the grid's row count from `shown` to `total()` one slice per frame
 * until the screen (and AG Grid's row buffer) is full, then to the total in
 * one step — rows past the screen cost nothing to count. Stops if anything
 * else set the count meanwhile (a sort, a filter, a live refresh). `onDone`
 * runs once when no more slices will be built (or on cancel). Returns a
 * cancel function.
 */
export function revealRows<T>(api: GridApi<T>, shown: number, total: () => number, onDone: () => void = () => undefined): () => void {
  let current = shown;
  let frame = 0;
  let timer = 0;
  let isDone = false;
  const finish = () => {
    if (isDone) return;
    isDone = true;
    onDone();
  };
  const step = () => {
    if (api.isDestroyed() || api.getInfiniteRowCount() !== current) return finish();
    const target = total();
    // The last rendered row (buffer included) short of the count: the screen is full.
    const isScreenFull = api.getLastDisplayedRowIndex() < current - 1;
    current = isScreenFull ? target : Math.min(target, current + REVEAL_SLICE_ROWS);
    api.setRowCount(current, true);
    if (current < target) schedule();
    else afterPaint(finish);
  };
  // After a frame, so each slice is painted before the next one is built.
  const schedule = () => {
    frame = requestAnimationFrame(() => {
      timer = window.setTimeout(step, 0);
    });
  };
  if (shown < total()) schedule();
  else afterPaint(finish);
  return () => {
    cancelAnimationFrame(frame);
    window.clearTimeout(timer);
    finish();
  };
}
