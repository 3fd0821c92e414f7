/**
 * Matching end to end: a processor export against a bank statement with
 * planted breaks, configured in the spec editor, run, read in the summary,
 * stepped through by keyboard, fixed by a forced manual match that survives
 * a re-run and shows in the audit.
 */
import { expect, test } from '@playwright/test';
import { formatCents, tempDir } from './fixtures';
import { rowsOf, writeMatchFixture } from './match-fixtures';
import { fillPayoutSpec, loadMatchFiles, openMatchView, runMatch, summaryCell } from './match-flow';

test('match payouts against the bank: summary, tie-out, next difference, forced manual match, audit', async ({ page }) => {
  const fixture = writeMatchFixture(tempDir());
  const { offByCents, late, missing, payouts } = fixture;
  const eurClean = rowsOf(payouts, (p) => p.currency === 'EUR' && p !== offByCents && p !== late && p !== missing);
  const eurDiff = rowsOf(payouts, (p) => p === offByCents || p === late);
  const usd = rowsOf(payouts, (p) => p.currency === 'USD');

  await loadMatchFiles(page, fixture);
  await openMatchView(page);
  await fillPayoutSpec(page);

  // Dry run: the stray bank credit has no payout reference, so one right key is missing.
  await page.getByTestId('match-preview').click();
  const preview = page.getByTestId('match-preview-result');
  await expect(preview.getByRole('row', { name: /Missing keys/ })).toHaveText(/Missing keys\s*0\s*1/);
  await expect(preview.getByRole('row', { name: /^Rows/ })).toContainText(String(fixture.processorRows));

  // Run straight from the preview.
  await runMatch(page, preview.getByTestId('match-preview-run'));
  await expect(preview).toBeHidden();

  // Tie-out: both currencies tie; EUR is off by the planted breaks only.
  const tieout = page.getByTestId('match-tieout');
  await expect(tieout.getByTestId('match-tieout-badge')).toHaveText(['✓ Ties', '✓ Ties']);
  const eurDifference = missing.net - fixture.strayCents - 7n; // missing payout and stray credit, plus the 0.07
  await expect(tieout.locator('[data-currency="EUR"]').getByTestId('match-tieout-difference')).toHaveText(formatCents(eurDifference));
  await expect(tieout.locator('[data-currency="USD"]').getByTestId('match-tieout-difference')).toHaveText('0.00');

  // Summary counts are what was planted.
  await expect(summaryCell(page, 'EUR', 'matched', 'left-rows')).toHaveText(String(eurClean.rows));
  await expect(summaryCell(page, 'EUR', 'matched', 'right-rows')).toHaveText('15');
  await expect(summaryCell(page, 'EUR', 'matched', 'left-total')).toHaveText(formatCents(eurClean.net));
  await expect(summaryCell(page, 'EUR', 'matched_diff', 'left-rows')).toHaveText(String(eurDiff.rows));
  await expect(summaryCell(page, 'EUR', 'matched_diff', 'right-rows')).toHaveText('2');
  await expect(summaryCell(page, 'EUR', 'left_only', 'left-rows')).toHaveText(String(missing.rows));
  await expect(summaryCell(page, 'EUR', 'left_only', 'left-total')).toHaveText(formatCents(missing.net));
  await expect(summaryCell(page, 'EUR', 'right_only', 'right-rows')).toHaveText('1');
  await expect(summaryCell(page, 'EUR', 'right_only', 'right-total')).toHaveText(formatCents(fixture.strayCents));
  await expect(summaryCell(page, 'USD', 'matched', 'left-rows')).toHaveText(String(usd.rows));
  await expect(summaryCell(page, 'USD', 'left_only', 'left-rows')).toHaveText('0');

  // The keyboard steps to the first difference: the 0.07 payout.
  await page.keyboard.press('n');
  const items = page.getByTestId('match-items');
  const focused = items.locator('[data-testid="match-item"][data-focused]');
  await expect(focused).toHaveAttribute('data-status', 'matched_diff');
  await expect(focused).toContainText(offByCents.id);
  await expect(focused.getByTestId('match-item-difference')).toHaveText('Δ -0.07');
  // The next one is the late payout (matched on key and amount, 5 days outside the window).
  await page.keyboard.press('F8');
  await expect(focused).toContainText(late.id);
  await expect(focused).toContainText('5 days apart');
  await page.keyboard.press('Shift+F8');
  await expect(focused).toContainText(offByCents.id);

  // Why didn't the missing payout match? The nearest bank rows, with reasons.
  const leftOnly = items.locator('[data-testid="match-item"][data-status="left_only"]');
  await leftOnly.getByRole('button', { name: 'Why no match?' }).click();
  const explain = page.getByTestId('match-explain');
  await expect(explain.getByTestId('match-explain-candidate')).toHaveCount(3);
  await expect(explain).toContainText(/amount off by/);
  await explain.getByRole('button', { name: 'Close' }).click();

  // Select the whole missing payout (click its status), then add the stray bank credit (Ctrl/⌘-click).
  await leftOnly.getByTestId('match-item-select').click();
  const bar = page.getByTestId('match-selection-bar');
  await expect(bar).toContainText(`Left · ${missing.rows} rows`);
  await expect(bar.getByTestId('match-selection-left')).toHaveText(formatCents(missing.net));
  await items.locator('[data-testid="match-item"][data-status="right_only"] .item-row').click({ modifiers: ['ControlOrMeta'] });
  await expect(bar.getByTestId('match-selection-right')).toHaveText(formatCents(fixture.strayCents));
  await expect(bar.getByTestId('match-selection-difference')).toHaveText('-2.00');
  await expect(bar.getByTestId('match-selected')).toHaveCount(0);

  // Outside the 0.10 tolerance: force it, and a reason is required.
  await bar.getByTestId('match-force').click();
  const confirm = page.getByTestId('match-confirm');
  await expect(confirm).toBeDisabled();
  const reason = `Bank booked payout ${missing.id} as a SEPA credit; 2.00 bank charge`;
  await page.getByTestId('match-force-reason').fill(reason);
  await confirm.click();
  await expect(page.getByTestId('match-decision-dialog')).toBeHidden();
  await expect(bar).toBeHidden();

  const manual = items.locator('[data-testid="match-item"]', { has: page.getByTestId('match-item-pass').getByText('manual', { exact: true }) });
  await expect(manual).toHaveAttribute('data-status', 'matched_diff');
  await expect(manual).toContainText(missing.id);
  await expect(manual).toContainText(fixture.strayRemittance);
  await expect(items.locator('[data-testid="match-item"][data-status="left_only"]')).toHaveCount(0);

  // A re-run replays the decision before the passes: still a manual match. Side by side hid the spec panel.
  await expect(page.getByTestId('match-run')).toBeHidden();
  await page.getByTestId('match-toggle-spec').click();
  await runMatch(page);
  await expect(summaryCell(page, 'EUR', 'left_only', 'left-rows')).toHaveText('0');
  await expect(summaryCell(page, 'EUR', 'right_only', 'right-rows')).toHaveText('0');
  await expect(summaryCell(page, 'EUR', 'matched_diff', 'right-rows')).toHaveText('3');
  await expect(tieout.getByTestId('match-tieout-badge')).toHaveText(['✓ Ties', '✓ Ties']);
  await page.getByTestId('match-tab-items').click();
  await expect(manual).toHaveAttribute('data-status', 'matched_diff');
  await expect(manual).toContainText(missing.id);

  await page.getByTestId('match-tab-audit').click();
  const audit = page.getByTestId('match-audit');
  await expect(audit.getByTestId('match-audit-entry')).toHaveCount(1);
  await expect(audit.getByTestId('match-audit-entry')).toContainText('match');
  await expect(audit.getByTestId('match-audit-entry')).toContainText('forced');
  await expect(audit.getByTestId('match-audit-entry')).toContainText(reason);
  await expect(audit.getByTestId('match-audit-entry')).toContainText('-2.00');

  // Unmatch breaks the whole manual match up again (the note is optional) and is audited too.
  await page.getByTestId('match-tab-items').click();
  await manual.getByTestId('match-item-select').click();
  await expect(bar).toContainText(`Left · ${missing.rows} rows`);
  await bar.getByTestId('match-unmatch').click();
  await expect(confirm).toBeEnabled();
  await confirm.click();
  await expect(page.getByTestId('match-decision-dialog')).toBeHidden();
  await expect(manual).toHaveCount(0);
  await expect(items.locator('[data-testid="match-item"][data-status="left_only"]')).toContainText(missing.id);
  await page.getByTestId('match-tab-audit').click();
  await expect(audit.getByTestId('match-audit-entry')).toHaveCount(2);
  await expect(audit.getByTestId('match-audit-entry').nth(1)).toContainText('unmatch');

  // The shortcuts dialog lists the match keys.
  await page.keyboard.press('ControlOrMeta+/');
  await expect(page.getByTestId('shortcuts-match')).toContainText('Next difference');
  await expect(page.getByTestId('shortcuts-dialog')).toContainText('F8');
});
