/**
 * The real app: the production bundle in Debian's Chromium, a file picked
 * through the hidden file input, timed to first visible rows and to the end
 * of the import, with main-thread blocking measured in the page.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
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
  /** For the longest task over 50 ms during the import: when (ms after Load) and what ran in its frame. */
  longestTaskScripts: string;
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

export interface ImportOnceOptions {
  /** Per wait (first rows, then done); 300 s unless given. */
  timeoutMs?: number;
  /** Runs on the new page before the app loads (e.g. CDP CPU throttling in a scratch runner). */
  setup?(page: Page): Promise<void>;
  /** Started right after the click on Load, alongside the waits, and awaited once the import is done (e.g. scrolling during it). */
  duringImport?(page: Page): Promise<void>;
}

/** The last console lines, page errors and crashes of the page and its workers, for a timeout's dump. */
function recordConsole(page: Page): string[] {
  const lines: string[] = [];
  const started = Date.now();
  const add = (line: string): void => {
    lines.push(`+${((Date.now() - started) / 1000).toFixed(1)}s ${line.slice(0, 300)}`);
    if (lines.length > 30) lines.shift();
  };
  page.on('console', (message) => add(`console.${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => add(`pageerror: ${error.message}`));
  page.on('crash', () => add('page crashed'));
  page.on('worker', (worker) => {
    add(`worker started: ${worker.url()}`);
    worker.on('console', (message) => add(`worker console.${message.type()}: ${message.text()}`));
    worker.on('close', () => add(`worker closed: ${worker.url()}`));
  });
  return lines;
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T | string> {
  return Promise.race([promise, new Promise<string>((resolve) => setTimeout(() => resolve(`no answer within ${ms} ms (${what} busy or gone)`), ms))]).catch(
    (error: unknown) => `failed: ${String(error)}`,
  );
}

/**
 * What the page and the engine worker show when a wait timed out: the row count and progress
 * strip the probe waits on, notices, the probe's state, and the worker's own counters
 * (engine.worker.ts __engineDebug: hold, stream reads, last progress). Each part answers or
 * says it did not within a few seconds (a main thread or worker stuck in a task cannot).
 */
async function stateDump(page: Page, consoleLines: readonly string[]): Promise<string> {
  const dom = await within(
    page.evaluate((selectors) => {
      const text = (selector: string): string | null => document.querySelector(selector)?.textContent?.trim().slice(0, 300) ?? null;
      const bench = window.__bench;
      return {
        now: Math.round(performance.now()),
        rowCount: text(selectors.rowCount),
        progress: text(selectors.progress),
        notices: Array.from(document.querySelectorAll('[data-testid=import-error], [data-testid=import-cancelled]')).map((element) => element.textContent?.trim().slice(0, 300)),
        statusEngine: text('[data-testid=status-engine]'),
        previewOpen: document.querySelector(selectors.load) !== null,
        gridRows: document.querySelectorAll(`${selectors.grid} .ag-row`).length,
        gridLoadingRows: document.querySelectorAll(`${selectors.grid} .ag-row-loading`).length,
        bench: bench ? { ...bench, longTasks: bench.longTasks.length, longFrames: bench.longFrames.length } : null,
      };
    }, SELECTORS),
    5_000,
    'page main thread',
  );
  const workers = await Promise.all(
    page.workers().map(async (worker) => ({
      url: worker.url().replace(/^.*\//, ''),
      state: await within(
        worker.evaluate(() => {
          const state = (globalThis as { __engineDebug?: unknown }).__engineDebug;
          return state === undefined ? null : { now: Math.round(performance.now()), ...(state as object) };
        }),
        5_000,
        'worker',
      ),
    })),
  );
  return JSON.stringify({ dom, workers, console: consoleLines }, null, 1);
}

export async function importOnce(browser: Browser, url: string, csvPath: string, rows: number, options: ImportOnceOptions = {}): Promise<ChromiumSample> {
  const timeout = options.timeoutMs ?? IMPORT_TIMEOUT_MS;
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    const consoleLines = recordConsole(page);
    await options.setup?.(page);
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
    const interaction = options.duringImport?.(page).catch(() => undefined);
    const wait = async (what: string, predicate: () => boolean, polling: number): Promise<void> => {
      try {
        await page.waitForFunction(predicate, undefined, { timeout, polling });
      } catch (error) {
        if (error instanceof Error) error.message += `\nwaiting for ${what}, ${Date.now() - t0} ms after Load; state: ${await stateDump(page, consoleLines)}`;
        throw error;
      }
    };
    await wait('first rows', () => window.__bench.firstRowAt !== null, 10);
    const firstRowsMs = Date.now() - t0;
    await wait('done', () => window.__bench.doneAt !== null, 50);
    const totalMs = Date.now() - t0;
    await interaction;
    const state: ProbeState = await page.evaluate(() => window.__bench);
    const changeAt = state.loadAt ?? state.changeAt ?? 0;
    const doneAt = state.doneAt ?? Infinity;
    const during = state.longTasks.filter((task) => task.start + task.duration >= changeAt && task.start <= doneAt);
    const longest = during.reduce<(typeof during)[number] | null>((worst, task) => (task.duration > (worst?.duration ?? 50) ? task : worst), null);
    const frame = longest ? state.longFrames.find((f) => f.start <= longest.start + 1 && f.start + f.duration >= longest.start + longest.duration - 1) : undefined;
    return {
      longestTaskScripts: longest ? `at +${round(longest.start - changeAt)} ms: ${frame ? frame.scripts.join('; ') : 'no frame data'}` : '',
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
          `max long task ${sample.maxLongTaskMs} ms, max frame gap ${sample.maxFrameGapMs} ms${sample.longestTaskScripts ? ` (${sample.longestTaskScripts})` : ''}`,
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
