/**
 * Runs inside the app page (installed with addInitScript before any app code).
 * Everything is timed in the page with performance.now(), so the CDP round
 * trips Playwright needs to poll do not inflate the figures.
 */

export interface ProbeState {
  /** performance.now() of the file input's `change` event: the user's "open". */
  changeAt: number | null;
  /**
   * performance.now() of the click on the preview's Load button: the import starts here.
   * Frame gaps are counted from here (the preview before it is not the import).
   */
  loadAt: number | null;
  firstRowAt: number | null;
  /** The row seen at firstRowAt, to show it held data and not a loading stub. */
  firstRowText: string | null;
  doneAt: number | null;
  longTasks: { start: number; duration: number }[];
  /** Long Animation Frames with blocking time: what ran in them (invoker, function, duration), to tell which code a long task was. */
  longFrames: { start: number; duration: number; scripts: string[] }[];
  /** Largest gap between animation frames since `change`, until done. */
  maxFrameGap: number;
  framesOver50: number;
}

export interface ProbeSelectors {
  grid: string;
  /** The preview dialog's Load button. */
  load: string;
  firstRow: string;
  rowCount: string;
  progress: string;
  expectedCount: string;
}

declare global {
  interface Window {
    __bench: ProbeState;
    __benchSelectors: ProbeSelectors | undefined;
  }
}

/** Serialised by Playwright: must be self-contained (no imports, no closures). */
export function installProbe(): void {
  const state: ProbeState = { changeAt: null, loadAt: null, firstRowAt: null, firstRowText: null, doneAt: null, longTasks: [], longFrames: [], maxFrameGap: 0, framesOver50: 0 };
  window.__bench = state;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) state.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  interface FrameScript { duration: number; invoker: string; sourceFunctionName: string; forcedStyleAndLayoutDuration: number }
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as unknown as { startTime: number; duration: number; blockingDuration: number; scripts: FrameScript[] }[]) {
      if (entry.blockingDuration <= 0) continue;
      const scripts = entry.scripts.map((script) => `${script.invoker} ${script.sourceFunctionName || '?'} ${Math.round(script.duration)} ms (layout ${Math.round(script.forcedStyleAndLayoutDuration)})`);
      state.longFrames.push({ start: entry.startTime, duration: entry.duration, scripts });
    }
  }).observe({ type: 'long-animation-frame', buffered: true });

  let lastFrame = performance.now();
  const onFrame = (now: number): void => {
    if (state.changeAt !== null && state.doneAt === null) {
      const gap = now - lastFrame;
      if (gap > state.maxFrameGap) state.maxFrameGap = gap;
      if (gap > 50) state.framesOver50++;
    }
    lastFrame = now;
    requestAnimationFrame(onFrame);
  };
  requestAnimationFrame(onFrame);

  // The first matching selector that shows text counts as "first rows visible".
  const check = (): void => {
    const selectors = window.__benchSelectors;
    if (!selectors || state.changeAt === null) return;
    if (state.firstRowAt === null) {
      // Some data cells are legitimately empty; a few non-empty ones mean real rows are on screen.
      const cells = document.querySelectorAll(selectors.firstRow);
      for (let i = 0; i < Math.min(cells.length, 40); i++) {
        const cell = cells[i]!;
        if ((cell.textContent ?? '').trim() === '') continue;
        state.firstRowAt = performance.now();
        state.firstRowText = (cell.closest('.ag-row')?.textContent ?? '').trim().slice(0, 120);
        break;
      }
    }
    if (state.doneAt === null) {
      // The first number shown ("1,000,000 of 1,000,000 rows") is the loaded count.
      const shown = /\d[\d,]*/.exec(document.querySelector(selectors.rowCount)?.textContent ?? '')?.[0];
      if (shown === selectors.expectedCount && !document.querySelector(selectors.progress)) state.doneAt = performance.now();
    }
  };
  document.addEventListener(
    'change',
    (event) => {
      if (event.target instanceof HTMLInputElement && event.target.type === 'file' && state.changeAt === null) {
        state.changeAt = performance.now();
        lastFrame = state.changeAt;
      }
    },
    true,
  );
  document.addEventListener(
    'click',
    (event) => {
      const load = window.__benchSelectors?.load;
      if (!load || state.loadAt !== null || !(event.target instanceof Element) || !event.target.closest(load)) return;
      state.loadAt = performance.now();
      lastFrame = state.loadAt;
      state.maxFrameGap = 0;
      state.framesOver50 = 0;
    },
    true,
  );
  const observe = (): void => {
    new MutationObserver(check).observe(document.documentElement, { subtree: true, childList: true, characterData: true, attributes: true });
  };
  if (document.documentElement) observe();
  else document.addEventListener('DOMContentLoaded', observe);
}
