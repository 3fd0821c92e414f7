/**
 * Cancelling a match run from the UI: the progress strip with its Cancel
 * button, Escape, the notice, and the previous results still on screen.
 *
 * The e2e fixture matches in milliseconds, far too fast to click Cancel in
 * between. Rather than generating a million rows (minutes of import on a busy
 * 2-core machine) or adding a test-only delay to the app, the page's Worker
 * holds back the `matchRun` request until the app sends `cancelMatch`, then
 * delivers both in order: the engine really starts the run and really stops
 * it at its first yield. Cancel at every later point of a run is covered by
 * test/unit/match/run-async.test.ts.
 */
import { expect, test, type Page } from '@playwright/test';
import { tempDir } from './fixtures';
import { writeMatchFixture } from './match-fixtures';
import { fillPayoutSpec, loadMatchFiles, openMatchView, runMatch, summaryCell } from './match-flow';

interface HoldState {
  /** Hold the next matchRun requests until a cancelMatch is sent. */
  isOn: boolean;
  /** A matchRun request is being held. */
  isHolding: boolean;
}

async function holdMatchRuns(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const state: HoldState = { isOn: false, isHolding: false };
    (window as unknown as { matchHold: HoldState }).matchHold = state;
    const post = Worker.prototype.postMessage;
    let held: { worker: Worker; message: unknown } | null = null;
    Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: unknown[]) {
      const method = typeof message === 'object' && message !== null && 'method' in message ? message.method : null;
      if (method === 'matchRun' && state.isOn) {
        held = { worker: this, message };
        state.isHolding = true;
        return;
      }
      if (method === 'cancelMatch' && held !== null) {
        Reflect.apply(post, held.worker, [held.message]);
        held = null;
        state.isHolding = false;
      }
      Reflect.apply(post, this, [message, ...rest]);
    };
  });
}

const setHold = (page: Page, isOn: boolean) =>
  page.evaluate((on) => {
    (window as unknown as { matchHold: HoldState }).matchHold.isOn = on;
  }, isOn);
const isHolding = (page: Page) => page.evaluate(() => (window as unknown as { matchHold: HoldState }).matchHold.isHolding);

test('a match run shows progress and can be cancelled with its button or Escape, keeping the previous results', async ({ page }) => {
  await holdMatchRuns(page);
  const fixture = writeMatchFixture(tempDir());
  await loadMatchFiles(page, fixture);
  await openMatchView(page);
  await fillPayoutSpec(page);
  await runMatch(page);

  const bar = page.getByTestId('match-run-bar');
  const version = await bar.getAttribute('data-run-version');
  const matchedDiff = await summaryCell(page, 'EUR', 'matched_diff', 'left-rows').innerText();
  const progress = page.getByTestId('match-progress');
  const cancel = page.getByTestId('match-cancel');
  const notice = page.getByTestId('match-cancelled');

  // A changed spec, so a run that got through would show different results.
  await page.getByLabel('Amount tolerance').fill('0.01');
  await setHold(page, true);

  // Cancel button.
  await page.getByTestId('match-run').click();
  await expect(progress).toBeVisible();
  await expect(page.getByTestId('match-progress-phase')).toHaveText('Starting');
  await expect(cancel).toBeEnabled();
  await expect(page.getByTestId('match-run')).toBeDisabled();
  await expect.poll(() => isHolding(page)).toBe(true);
  await cancel.click();
  await expect(notice).toHaveText('Match cancelled — previous results kept');
  await expect(progress).toBeHidden();
  await expect(page.getByTestId('match-error')).toHaveCount(0);
  await expect(bar).toHaveAttribute('data-run-version', version ?? '');
  await expect(bar).toContainText('spec edited — run again to apply');
  await expect(summaryCell(page, 'EUR', 'matched_diff', 'left-rows')).toHaveText(matchedDiff);
  await expect(page.getByTestId('match-run')).toBeEnabled();

  // Escape: the notice goes when the next run starts and comes back when it is cancelled.
  await page.getByTestId('match-run').click();
  await expect(progress).toBeVisible();
  await expect(notice).toBeHidden();
  await expect.poll(() => isHolding(page)).toBe(true);
  await page.keyboard.press('Escape');
  await expect(notice).toHaveText('Match cancelled — previous results kept');
  await expect(progress).toBeHidden();
  await expect(bar).toHaveAttribute('data-run-version', version ?? '');
  await expect(summaryCell(page, 'EUR', 'matched_diff', 'left-rows')).toHaveText(matchedDiff);

  // Nothing held back: the run goes through and replaces the results.
  await setHold(page, false);
  await runMatch(page);
  await expect(notice).toBeHidden();
  await expect(bar).not.toContainText('spec edited');
  await expect(page.getByTestId('match-run-time')).toHaveAttribute('data-phases', /"loadMs"/);
});
