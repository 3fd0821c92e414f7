/**
 * Screenshots of the Match view for review (`npm run screenshots` runs every
 * *.shots.ts): spec editor with a preview, summary and tie-out, side by side
 * with a selection, "why no match?", the force dialog and the audit.
 */
import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { tempDir } from './fixtures';
import { writeMatchFixture } from './match-fixtures';
import { fillPayoutSpec, loadMatchFiles, openMatchView, runMatch } from './match-flow';

const SHOTS = '/tmp/shots';

test('match screenshots', async ({ page }) => {
  mkdirSync(SHOTS, { recursive: true });
  const fixture = writeMatchFixture(tempDir());
  await loadMatchFiles(page, fixture);
  await openMatchView(page);
  await page.screenshot({ path: `${SHOTS}/match-01-empty.png` });

  await fillPayoutSpec(page);
  await page.screenshot({ path: `${SHOTS}/match-02-spec-editor.png` });
  await page.locator('.spec-editor-scroll').evaluate((element) => element.scrollTo(0, element.scrollHeight));
  await page.screenshot({ path: `${SHOTS}/match-02a-spec-editor-bottom.png` });
  // Validation: a tolerance finer than the amounts' 2 decimals is refused where it was typed.
  await page.getByLabel('Amount tolerance').fill('0.005');
  await page.getByTestId('match-run').click();
  await expect(page.getByTestId('match-error')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/match-02c-validation.png` });
  await page.getByLabel('Amount tolerance').fill('0.10');
  await expect(page.getByTestId('match-error')).toBeHidden();
  await page.getByTestId('match-preview').click();
  await expect(page.getByTestId('match-preview-result')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/match-02b-preview.png` });

  await runMatch(page, page.getByTestId('match-preview-run'));
  await expect(page.getByTestId('match-tieout')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/match-03-summary.png` });

  await page.keyboard.press('n');
  const items = page.getByTestId('match-items');
  await expect(items.locator('[data-focused]')).toBeVisible();
  const leftOnly = items.locator('[data-testid="match-item"][data-status="left_only"]');
  await leftOnly.getByTestId('match-item-select').click();
  await items.locator('[data-testid="match-item"][data-status="right_only"] .item-row').click({ modifiers: ['ControlOrMeta'] });
  await expect(page.getByTestId('match-selection-bar')).toBeVisible();
  await leftOnly.getByRole('button', { name: 'Why no match?' }).click();
  await expect(page.getByTestId('match-explain-candidate').first()).toBeVisible();
  await page.mouse.move(10, 890);
  await page.screenshot({ path: `${SHOTS}/match-04-side-by-side-selection.png` });

  await page.getByTestId('match-force').click();
  await page.getByTestId('match-force-reason').fill('Bank booked the payout as a SEPA credit; 2.00 bank charge');
  await page.screenshot({ path: `${SHOTS}/match-05-force-dialog.png` });
  await page.getByTestId('match-confirm').click();
  await expect(page.getByTestId('match-decision-dialog')).toBeHidden();

  await page.getByTestId('match-tab-audit').click();
  await expect(page.getByTestId('match-audit-entry')).toHaveCount(1);
  await page.screenshot({ path: `${SHOTS}/match-06-audit.png` });
});
