/**
 * UI steps shared by the match e2e spec and its screenshots: load the two
 * files, open the Match view, fill the spec the way an analyst would.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { MatchFixture } from './match-fixtures';

export async function loadMatchFiles(page: Page, fixture: MatchFixture): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('status-engine')).toHaveText('Ready');
  await page.getByTestId('open-files-input').setInputFiles([fixture.processorPath, fixture.bankPath]);
  // Opened files may be previewed first (the import preview dialog): load both as detected.
  const loadAll = page.getByTestId('preview-load-all');
  const processorCard = page.getByTestId('table-card-processor_export');
  await expect(loadAll.or(processorCard).first()).toBeVisible();
  if (await loadAll.isVisible()) await loadAll.click();
  await expect(processorCard).toContainText(`${fixture.processorRows} rows`);
  await expect(page.getByTestId('table-card-bank_statement')).toBeVisible();
  await expect(page.getByTestId('import-progress')).toBeHidden();
}

export async function openMatchView(page: Page): Promise<Locator> {
  await page.keyboard.press('ControlOrMeta+Shift+M');
  const view = page.getByTestId('match-view');
  await expect(view).toBeVisible();
  return view;
}

/** Processor (left, grouped by payout) against bank (right); key pulled out of the remittance text by a regex. */
export async function fillPayoutSpec(page: Page): Promise<void> {
  await page.getByTestId('match-spec-name').fill('payouts');
  await page.getByLabel('Left table').selectOption('processor_export');
  await page.getByLabel('Right table').selectOption('bank_statement');
  await page.getByLabel('Left key 1 column').selectOption('payout_id');
  await page.getByLabel('Right key 1 column').selectOption('remittance');
  await page.getByRole('button', { name: '+ regex' }).click();
  await page.getByLabel('Regex for key 1').fill('po_[A-Za-z0-9]+');
  await page.getByLabel('Left amount column').selectOption('net');
  await page.getByLabel('Right amount column').selectOption('amount');
  await page.getByLabel('Amount tolerance').fill('0.10');
  await page.getByLabel('Left date column').selectOption('created');
  await page.getByLabel('Right date column').selectOption('booking_date');
  await page.getByLabel('Date window in days').fill('2');
  await page.getByLabel('Left currency column').selectOption('currency');
  await page.getByLabel('Right currency column').selectOption('currency');
  await page.getByRole('radio', { name: 'Group left' }).click();
}

/** Runs (by default with the editor's Run button) and waits for a result newer than the one on screen. */
export async function runMatch(page: Page, button: Locator = page.getByTestId('match-run')): Promise<void> {
  const bar = page.getByTestId('match-run-bar');
  // A re-run of the same spec looks like the last result: wait for the run counter to move.
  const before = (await bar.count()) > 0 ? await bar.getAttribute('data-run-version') : null;
  await button.click();
  await expect(bar).toBeVisible();
  if (before !== null) await expect(bar).not.toHaveAttribute('data-run-version', before);
  await expect(page.getByTestId('match-run')).toBeEnabled();
}

/** One cell of the summary: currency × status × column (left-rows, left-total, right-rows, right-total). */
export function summaryCell(page: Page, currency: string, status: string, cell: string): Locator {
  return page.getByTestId('match-summary').locator(`tbody[data-currency="${currency}"] tr[data-status="${status}"] [data-cell="${cell}"]`);
}
