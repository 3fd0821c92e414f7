/**
 * The real app: the production bundle in Debian's Chromium, a file picked
 * through the hidden file input, timed to first visible rows and to the end
 * of the import, with main-thread blocking measured in the page.
 */
import { chromium, type Browser } from '@playwright/test';
import { installProbe, type ProbeSelectors, type ProbeState } from './page-probe';
import { startPreview } from './preview-server';
import { round, summarize, type Summary } from './stats';

const PORT = 4174;
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const IMPORT_TIMEOUT_MS = 300_000;

export interface ChromiumSample {
  /** Wall clock from just before the click on the preview's Load (Node side). */
  firstRowsMs: number;
  totalMs: number;
  /** From the Load click, timed in the page. */
  firstRowsPageMs: number;
  totalPageMs: number;
  maxLongTaskMs: number;
  longTasks: number;
  maxFrameGapMs: number;
  framesOver50: number;
  /** The first row seen, as proof it held data rather than a loading stub. */
  firstRowText: string;
}

export interface ChromiumResults {
  chromiumVersion: string;
  firstRowsMs: Summary;
  totalMs: Summary;
  firstRowsPageMs: Summary;
  totalPageMs: Summary;
  maxLongTaskMs: Summary;
  maxFrameGapMs: Summary;
  /** Worst over all repetitions, by either measure (long task or rAF gap). */
  worstBlockMs: number;
  rowsPerSecond: number;
  samples: ChromiumSample[];
}

export const SELECTORS = {
  // The sample button is enabled once the engine worker has loaded sql.js: the app is ready for a file.
  ready: '[data-testid=drop-zone] [data-testid=load-sample]:enabled',
  fileInput: '[data-testid=open-files-input]',
  // Opened files are previewed first; the import starts with Load.
  load: '[data-testid=preview-load]',
  previewDetected: '[data-testid=preview-detected]',
  grid: '[data-testid=grid]',
  // Data cells only: the row-number column ('__row') shows numbers even on rows still loading.
  firstRow: '[data-testid=grid] .ag-row:not(.ag-row-loading) .ag-cell:not([col-id="__row"])',
  rowCount: '[data-testid=row-count]',
  progress: '[data-testid=import-progress]',
} as const;

async function importOnce(browser: Browser, url: string, csvPath: string, rows: number): Promise<ChromiumSample> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    // tsx compiles with keepNames, so the serialised probe calls esbuild's __name helper.
    await page.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
    await page.addInitScript(installProbe);
    await page.goto(url);
    await page.locator(SELECTORS.ready).waitFor({ state: 'visible', timeout: 60_000 });
    const selectors: ProbeSelectors = { ...SELECTORS, expectedCount: rows.toLocaleString('en-US') };
    await page.evaluate((value) => {
      window.__benchSelectors = value;
    }, selectors);
    await page.locator(SELECTORS.fileInput).setInputFiles(csvPath);
    // Load once the preview has shown what it detected, as a user would: its throwaway import is not the import.
    await page.locator(SELECTORS.previewDetected).filter({ hasNotText: /^(Reading…|—)$/ }).waitFor({ timeout: 60_000 });
    const t0 = Date.now();
    await page.locator(SELECTORS.load).click();
    await page.waitForFunction(() => window.__bench.firstRowAt !== null, undefined, { timeout: IMPORT_TIMEOUT_MS, polling: 10 });
    const firstRowsMs = Date.now() - t0;
    await page.waitForFunction(() => window.__bench.doneAt !== null, undefined, { timeout: IMPORT_TIMEOUT_MS, polling: 50 });
    const totalMs = Date.now() - t0;
    const state: ProbeState = await page.evaluate(() => window.__bench);
    const changeAt = state.loadAt ?? state.changeAt ?? 0;
    const doneAt = state.doneAt ?? Infinity;
    const during = state.longTasks.filter((task) => task.start + task.duration >= changeAt && task.start <= doneAt);
    return {
      firstRowsMs,
      totalMs,
      firstRowsPageMs: round((state.firstRowAt ?? 0) - changeAt),
      totalPageMs: round(doneAt - changeAt),
      maxLongTaskMs: round(Math.max(0, ...during.map((task) => task.duration))),
      longTasks: during.length,
      maxFrameGapMs: round(state.maxFrameGap),
      framesOver50: state.framesOver50,
      firstRowText: state.firstRowText ?? '',
    };
  } finally {
    await context.close();
  }
}

export async function runChromiumImports(root: string, csvPath: string, rows: number, reps: number, log: (line: string) => void): Promise<ChromiumResults> {
  const server = await startPreview(root, PORT);
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const samples: ChromiumSample[] = [];
    for (let rep = 0; rep < reps; rep++) {
      const sample = await importOnce(browser, server.url, csvPath, rows);
      log(
        `  chromium import rep ${rep + 1}/${reps}: ${sample.totalMs} ms, first rows ${sample.firstRowsMs} ms, ` +
          `max long task ${sample.maxLongTaskMs} ms, max frame gap ${sample.maxFrameGapMs} ms`,
      );
      samples.push(sample);
    }
    const totalMs = summarize(samples.map((s) => s.totalMs));
    return {
      chromiumVersion: browser.version(),
      firstRowsMs: summarize(samples.map((s) => s.firstRowsMs)),
      totalMs,
      firstRowsPageMs: summarize(samples.map((s) => s.firstRowsPageMs)),
      totalPageMs: summarize(samples.map((s) => s.totalPageMs)),
      maxLongTaskMs: summarize(samples.map((s) => s.maxLongTaskMs)),
      maxFrameGapMs: summarize(samples.map((s) => s.maxFrameGapMs)),
      worstBlockMs: Math.max(...samples.map((s) => Math.max(s.maxLongTaskMs, s.maxFrameGapMs))),
      rowsPerSecond: Math.round(rows / (totalMs.median / 1000)),
      samples,
    };
  } finally {
    await browser?.close();
    server.stop();
  }
}
