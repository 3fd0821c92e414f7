/**
 * Cancelling a match run from the UI: the progress strip with its Cancel
 * button, Escape, the notice, and the previous results still on screen; and
 * a manual decision's re-run, which goes through the same strip.
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
  /** Hold the next matchRun requests until a cancelMatch is sent (or `release`). */
  isOn: boolean;
  /** A matchRun request is being held. */
  isHolding: boolean;
  /** Sends the held matchRun on its way, uncancelled. */
  release(): void;
}

async function holdMatchRuns(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const post = Worker.prototype.postMessage;
    let held: { worker: Worker; message: unknown } | null = null;
    const state: HoldState = {
      isOn: false,
      isHolding: false,
      release() {
        if (held === null) return;
        Reflect.apply(post, held.worker, [held.message]);
        held = null;
        state.isHolding = false;
      },
    };
    (window as unknown as { matchHold: HoldState }).matchHold = state;
    Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: unknown[]) {
      const method = typeof message === 'object' && message !== null && 'method' in message ? message.method : null;
      if (method === 'matchRun' && state.isOn) {
        held = { worker: this, message };
        state.isHolding = true;
        return;
      }
      if (method === 'cancelMatch') state.release();
      Reflect.apply(post, this, [message, ...rest]);
    };
  });
}

const setHold = (page: Page, isOn: boolean) =>
  page.evaluate((on) => {
    (window as unknown as { matchHold: HoldState }).matchHold.isOn = on;
  }, isOn);
const isHolding = (page: Page) => page.evaluate(() => (window as unknown as { matchHold: HoldState }).matchHold.isHolding);
const releaseHeld = (page: Page) => page.evaluate(() => (window as unknown as { matchHold: HoldState }).matchHold.release());

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

test('a manual match re-runs with progress and Cancel; cancelled, it stays in the audit, the results say so, and Run again applies it', async ({ page }) => {
  await holdMatchRuns(page);
  const fixture = writeMatchFixture(tempDir());
  const { missing } = fixture;
  await loadMatchFiles(page, fixture);
  await openMatchView(page);
  await fillPayoutSpec(page);
  await runMatch(page);

  const bar = page.getByTestId('match-run-bar');
  const version = await bar.getAttribute('data-run-version');
  const progress = page.getByTestId('match-progress');
  const notice = page.getByTestId('match-cancelled');
  const stale = page.getByTestId('match-run-stale');
  const items = page.getByTestId('match-items');
  const item = (status: string) => items.locator(`[data-testid="match-item"][data-status="${status}"]`);
  const manual = items.locator('[data-testid="match-item"]', { has: page.getByTestId('match-item-pass').getByText('manual', { exact: true }) });

  // The missing payout against the stray bank credit, forced (2.00 apart, outside the 0.10 tolerance).
  await page.getByTestId('match-tab-items').click();
  await item('left_only').getByTestId('match-item-select').click();
  await item('right_only').locator('.item-row').click({ modifiers: ['ControlOrMeta'] });
  await page.getByTestId('match-selection-bar').getByTestId('match-force').click();
  const reason = `Payout ${missing.id} booked as a SEPA credit less a 2.00 charge`;
  await page.getByTestId('match-force-reason').fill(reason);
  await setHold(page, true);
  await page.getByTestId('match-confirm').click();

  // Recorded at once: the dialog closes and the re-run shows in the progress strip, cancellable.
  await expect(page.getByTestId('match-decision-dialog')).toBeHidden();
  await expect(progress).toBeVisible();
  await expect(page.getByTestId('match-progress-phase')).toHaveText('Starting');
  await expect(page.getByTestId('match-cancel')).toBeEnabled();
  await expect(bar).toContainText('Running…');
  await expect.poll(() => isHolding(page)).toBe(true);
  await page.keyboard.press('Escape');

  // Cancelled: the results are the earlier ones and say they are behind; the decision is in the audit.
  await expect(notice).toHaveText('Re-run cancelled — the decision is recorded but not in these results; run again to apply');
  await expect(progress).toBeHidden();
  await expect(bar).toHaveAttribute('data-run-version', version ?? '');
  await expect(stale).toHaveText('1 decision not applied — run again to apply');
  await expect(item('left_only')).toContainText(missing.id);
  await expect(manual).toHaveCount(0);
  await page.getByTestId('match-tab-audit').click();
  await expect(page.getByTestId('match-audit-entry')).toHaveCount(1);
  await expect(page.getByTestId('match-audit-entry')).toContainText(reason);

  // Run again (from the run bar): the same progress strip, and this time it goes through.
  await page.getByTestId('match-tab-items').click();
  await page.getByTestId('match-apply-decisions').click();
  await expect(progress).toBeVisible();
  await expect(notice).toBeHidden();
  await expect.poll(() => isHolding(page)).toBe(true);
  await releaseHeld(page);
  await expect(progress).toBeHidden();
  await expect(bar).not.toHaveAttribute('data-run-version', version ?? '');
  await expect(stale).toHaveCount(0);
  await expect(page.getByTestId('match-apply-decisions')).toHaveCount(0);
  // Still side by side (a decision's re-run does not jump to the summary), now with the manual match.
  await expect(manual).toHaveAttribute('data-status', 'matched_diff');
  await expect(manual).toContainText(missing.id);
  await expect(manual).toContainText(fixture.strayRemittance);
  await expect(item('left_only')).toHaveCount(0);
  await expect(bar).toContainText('manual 1');
});
