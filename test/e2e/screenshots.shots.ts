/**
 * Screenshots for review and for the README (resources/screenshot.png):
 * `npm run screenshots`. Not part of `npm test` (the e2e suite runs
 * *.spec.ts): they write outside the test folder and are for looking at.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { tempDir, writePaymentsCsv, writeUnclosedQuoteCsv } from './fixtures';

const SHOTS = '/tmp/shots';
const README_SHOT = fileURLToPath(new URL('../../resources/screenshot.png', import.meta.url));

test('workbench screenshots', async ({ page }) => {
  test.setTimeout(300_000);
  mkdirSync(SHOTS, { recursive: true });
  const dir = tempDir();
  const payments = writePaymentsCsv(dir, 'processor_payments_2024_q1_settlement_report_final.csv', 20_000);
  const big = writePaymentsCsv(dir, 'stripe_itemized_balance_2024.csv', 800_000);
  const broken = writeUnclosedQuoteCsv(dir, 'bank_statement_march.csv', 57);

  await page.goto('/');
  await expect(page.getByTestId('status-engine')).toHaveText('Ready');
  await page.screenshot({ path: `${SHOTS}/01-empty.png` });

  await page.getByTestId('load-sample').click();
  await expect(page.getByTestId('row-count')).toHaveText('2,000 of 2,000 rows');
  await page.screenshot({ path: `${SHOTS}/02-sample.png` });

  await page.getByTestId('open-files-input').setInputFiles(payments.path);
  await page.getByTestId('preview-load').click(); // files opened by the user are previewed first
  await expect(page.getByTestId('row-count')).toHaveText('20,000 of 20,000 rows');
  await page.locator('.ag-header-cell[col-id="amount"] .header-text').click();
  await expect(page.getByTestId('grid').locator('[row-index="0"] [col-id="amount"]')).toHaveText('-9,999.99');
  await page.getByTestId('grid').locator('[row-index="2"] [col-id="merchant"]').click();
  await page.getByTestId('grid').locator('[row-index="9"] [col-id="amount"]').click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('status-sum')).toHaveText(/^-?[0-9,.]+$/);
  await page.screenshot({ path: `${SHOTS}/03-grid-selection.png` });

  // README shot: the richer sample, a block of money cells selected, exact totals in the status bar.
  await page.setViewportSize({ width: 1680, height: 960 });
  await page.getByTestId('table-card-sample_stripe_balance').locator('.table-card-main').click();
  await expect(page.getByTestId('row-count')).toHaveText('2,000 of 2,000 rows');
  await page.getByTestId('grid').locator('[row-index="3"] [col-id="gross"]').click();
  await page.getByTestId('grid').locator('[row-index="12"] [col-id="net"]').click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('status-count')).toHaveText('30');
  await expect(page.getByTestId('status-sum')).toHaveText(/^-?[0-9,.]+$/);
  await page.mouse.move(700, 952); // park the pointer on the status bar so no row shows a hover tint
  await page.screenshot({ path: `${SHOTS}/06-readme.png` });
  copyFileSync(`${SHOTS}/06-readme.png`, README_SHOT);
  await page.setViewportSize({ width: 1440, height: 900 });

  await page.getByTestId('open-files-input').setInputFiles(big.path);
  await page.getByTestId('preview-load').click(); // files opened by the user are previewed first
  await expect(page.getByTestId('import-progress')).toBeVisible();
  await expect(page.getByTestId('import-rows')).not.toHaveText('0');
  await page.screenshot({ path: `${SHOTS}/04a-import-first-rows.png` });
  // The first rows are browsable while the rest streams in.
  await expect(page.getByTestId('grid').locator('[row-index="0"] [col-id="txn_id"]')).toHaveText('0000000001');
  await page.screenshot({ path: `${SHOTS}/04-import-progress.png` });
  await expect(page.getByTestId('import-progress')).toBeHidden({ timeout: 120_000 });
  await page.locator('.ag-header-cell[col-id="amount"] .header-text').click();
  await expect(page.getByTestId('indexing')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/07-indexing.png` });
  await expect(page.getByTestId('indexing')).toBeHidden();

  await page.getByTestId('open-files-input').setInputFiles(broken);
  await page.getByTestId('preview-load').click(); // files opened by the user are previewed first
  await expect(page.getByTestId('import-error')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/05-error.png` });

  // Back to the empty state, now with recent files listed.
  await page.getByTestId('notice-dismiss').click();
  for (const name of ['stripe_itemized_balance_2024', 'processor_payments_2024_q1_settlement_report_final', 'sample_stripe_balance']) {
    await page.getByTestId(`table-card-${name}`).getByRole('button', { name: `Remove ${name}` }).click();
    await page.getByTestId('confirm-ok').click();
    await expect(page.getByTestId(`table-card-${name}`)).toBeHidden();
  }
  await expect(page.getByTestId('drop-zone')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/08-empty-recent.png` });
});
