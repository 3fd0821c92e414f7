/**
 * 1M × 1M matching in the real app in Debian's Chromium: both files loaded
 * through the file input, the bench spec loaded through the spec editor's
 * import, Run clicked. The time is the engine's own (measured in the worker,
 * shown on the run bar), plus the wall clock from the click to the result.
 */
import { chromium } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MATCH_SPEC } from './match-bench';
import { startPreview } from './preview-server';
import { round } from './stats';

const PORT = 4175;
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const TIMEOUT_MS = 600_000;

export interface ChromiumMatchRun {
  engineMs: number;
  wallMs: number;
  phases: Record<string, number>;
}

export async function runChromiumMatch(root: string, csvPath: string, ledgerPath: string, reps: number, log: (line: string) => void): Promise<{ runs: ChromiumMatchRun[] }> {
  const specPath = join(mkdtempSync(join(tmpdir(), 'wb-bench-')), 'bench.match.json');
  writeFileSync(specPath, JSON.stringify(MATCH_SPEC));
  const server = await startPreview(root, PORT);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(server.url);
    await page.locator('[data-testid=drop-zone] [data-testid=load-sample]:enabled').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid=open-files-input]').setInputFiles([csvPath, ledgerPath]);
    const loadAll = page.getByTestId('preview-load-all');
    const ledgerCard = page.getByTestId('table-card-ledger');
    await loadAll.or(ledgerCard).first().waitFor({ timeout: TIMEOUT_MS });
    if (await loadAll.isVisible()) await loadAll.click();
    // Done means both imports finished and both files hashed: the hash worker runs after each
    // import, and a match started beside it would share the two cores with it.
    await page.waitForFunction(
      () =>
        ['processor_balance', 'ledger'].every((name) => {
          const card = document.querySelector(`[data-testid=table-card-${name}]`);
          return card !== null && !/hashing…|loading…/.test(card.textContent ?? '');
        }) && !document.querySelector('[data-testid=import-progress]'),
      undefined,
      { timeout: TIMEOUT_MS, polling: 250 },
    );
    log('  chromium: both files loaded');
    await page.keyboard.press('Control+Shift+M');
    await page.getByTestId('match-view').waitFor();
    await page.getByTestId('match-import-input').setInputFiles(specPath);
    const runs: ChromiumMatchRun[] = [];
    for (let rep = 0; rep < reps; rep++) {
      const before = await page.evaluate(() => document.querySelector('[data-testid=match-run-bar]')?.getAttribute('data-run-version') ?? null);
      const t0 = Date.now();
      await page.getByTestId('match-run').click();
      await page.waitForFunction(
        (previous) => {
          const bar = document.querySelector('[data-testid=match-run-bar]');
          return bar !== null && bar.getAttribute('data-run-version') !== previous && !(document.querySelector('[data-testid=match-run]') as HTMLButtonElement | null)?.disabled;
        },
        before,
        { timeout: TIMEOUT_MS, polling: 20 },
      );
      const wallMs = Date.now() - t0;
      const time = page.getByTestId('match-run-time');
      const engineMs = Number(await time.getAttribute('data-elapsed-ms'));
      const phases = JSON.parse((await time.getAttribute('data-phases')) ?? '{}') as Record<string, number>;
      const run = { engineMs, wallMs, phases: Object.fromEntries(Object.entries(phases).map(([key, value]) => [key, round(value)])) };
      log(`  chromium match rep ${rep + 1}/${reps}: engine ${engineMs} ms, wall ${wallMs} ms ${JSON.stringify(run.phases)}`);
      runs.push(run);
    }
    return { runs };
  } finally {
    await browser.close();
    server.stop();
  }
}
