/**
 * The analyst's core loop in the real production bundle: import a 20,000-row
 * export, sort, filter through the column filter UI, select cells and read
 * exact totals from the status bar, copy, then import a broken file and keep
 * working. Every expectation waits on UI state; there are no fixed sleeps.
 */
import { expect, test, type Page } from '@playwright/test';
import { formatCents, formatUnits, tempDir, writePaymentsCsv, writeUnclosedQuoteCsv } from './fixtures';

const ROWS = 20_000;
const THRESHOLD_CENTS = 100_000n; // "amount greater than 1000"
const BROKEN_LINE = 57;

/** Exact average at scale 4 (2 decimals more than the amounts), rounded half away from zero like the engine. */
function averageText(sumCents: bigint, count: number): string {
  const n = BigInt(count);
  const magnitude = (sumCents < 0n ? -sumCents : sumCents) * 100n;
  const rounded = (2n * magnitude + n) / (2n * n);
  return formatUnits(sumCents < 0n ? -rounded : rounded, 4);
}

function sum(values: readonly bigint[]): bigint {
  return values.reduce((total, value) => total + value, 0n);
}

function cell(page: Page, row: number, colId: string) {
  return page.getByTestId('grid').locator(`[row-index="${row}"] [col-id="${colId}"]`);
}

test('import, sort, filter, select, copy, then a broken file leaves the first table intact', async ({ page, context }) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);

  const dir = tempDir();
  const payments = writePaymentsCsv(dir, 'payments.csv', ROWS);
  const broken = writeUnclosedQuoteCsv(dir, 'broken.csv', BROKEN_LINE);
  const sorted = [...payments.amounts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const filtered = sorted.filter((cents) => cents > THRESHOLD_CENTS);

  await page.goto('/');
  await expect(page.getByTestId('drop-zone')).toBeVisible();
  await expect(page.getByTestId('status-engine')).toHaveText('Ready');

  // Import through the hidden file input, as the Open… button does.
  await page.getByTestId('open-files-input').setInputFiles(payments.path);
  await page.getByTestId('preview-load').click(); // files opened by the user are previewed first
  await expect(page.getByTestId('import-progress')).toBeVisible();
  await expect(page.getByTestId('row-count')).toHaveText('20,000 of 20,000 rows');
  await expect(page.getByTestId('table-list').getByTestId('table-card-payments')).toContainText('20,000 rows');
  await expect(page.getByTestId('table-card-payments')).not.toContainText('hashing…');
  // Identifiers keep their leading zeros; amounts are formatted exactly.
  await expect(cell(page, 0, 'txn_id')).toHaveText('0000000001');
  await expect(cell(page, 0, 'amount')).toHaveText(formatCents(payments.amounts[0] ?? 0n));

  // Sort by amount (header click): the unique minimum comes first.
  await page.locator('.ag-header-cell[col-id="amount"] .header-text').click();
  await expect(cell(page, 0, 'amount')).toHaveText(formatCents(sorted[0] ?? 0n));
  await expect(cell(page, 0, 'amount')).toHaveText('-9,999.99');
  await expect(cell(page, 0, 'amount')).toHaveClass(/cell-negative/);

  // Number filter through the column's filter popup: amount > 1000.
  await page.locator('.ag-header-cell[col-id="amount"] .ag-header-cell-filter-button').click();
  const popup = page.locator('.ag-filter-menu');
  await popup.getByRole('combobox', { name: 'Filtering operator' }).click();
  await page.getByRole('option', { name: 'Greater than', exact: true }).click();
  await popup.getByRole('spinbutton', { name: 'Filter Value' }).fill('1000');
  await expect(page.getByTestId('row-count')).toHaveText(`${filtered.length.toLocaleString('en-US')} of 20,000 rows`);
  await page.keyboard.press('Escape');
  await expect(popup).toBeHidden();
  await expect(cell(page, 0, 'amount')).toHaveText(formatCents(filtered[0] ?? 0n));

  // Click + shift-click selects ten amounts; the status bar shows their exact total.
  const firstTen = filtered.slice(0, 10);
  await cell(page, 0, 'amount').click();
  await expect(page.getByTestId('status-sum')).toHaveText(formatCents(firstTen[0] ?? 0n));
  await cell(page, 9, 'amount').click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('status-sum')).toHaveText(formatCents(sum(firstTen)));
  await expect(page.getByTestId('status-count')).toHaveText('10');
  await expect(page.getByTestId('status-average')).toHaveText(averageText(sum(firstTen), 10));
  await expect(cell(page, 5, 'amount')).toHaveClass(/rw-sel/);

  // Copy puts the range on the clipboard as TSV, in the grid's sort and filter.
  await page.keyboard.press('ControlOrMeta+c');
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(firstTen.map((cents) => formatCents(cents, false)).join('\n'));

  // Select all: every filtered row of the visible columns, summed exactly by the engine.
  await page.keyboard.press('ControlOrMeta+a');
  await expect(page.getByTestId('status-count')).toHaveText((filtered.length * 5).toLocaleString('en-US'));
  await expect(page.getByTestId('status-sum')).toHaveText(formatCents(sum(filtered)));
  await expect(page.getByTestId('status-average')).toHaveText(averageText(sum(filtered), filtered.length));

  // A broken file: a clear error card with the line, and the first table keeps its rows and view.
  await page.getByTestId('open-files-input').setInputFiles(broken);
  await page.getByTestId('preview-load').click(); // files opened by the user are previewed first
  const error = page.getByTestId('import-error');
  await expect(error).toBeVisible();
  await expect(error).toContainText('Unclosed quote');
  await expect(error).toContainText(`broken.csv, line ${BROKEN_LINE}`);
  await expect(page.getByTestId('table-card-payments')).toBeVisible();
  await expect(page.getByTestId('table-card-payments')).toHaveAttribute('aria-current', 'true');
  await expect(page.getByTestId('table-list').locator('li')).toHaveCount(1);
  await expect(page.getByTestId('row-count')).toHaveText(`${filtered.length.toLocaleString('en-US')} of 20,000 rows`);
  await expect(cell(page, 0, 'amount')).toHaveText(formatCents(filtered[0] ?? 0n));
  await error.getByRole('button', { name: 'Dismiss' }).click();
  await expect(error).toBeHidden();

  expect(problems).toEqual([]);
});

test('load sample data imports the built-in Stripe-like sample in one click', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('status-engine')).toHaveText('Ready');
  await page.getByTestId('load-sample').click();
  await expect(page.getByTestId('row-count')).toHaveText('2,000 of 2,000 rows');
  await expect(page.getByTestId('table-card-sample_stripe_balance')).toContainText('sample_stripe_balance.csv');
  await expect(cell(page, 0, 'balance_transaction_id')).toHaveText(/^txn_\w{24}$/);
  await expect(page.locator('.ag-header-cell[col-id="gross"] .type-badge')).toHaveText('0.00');
  // net = gross − fee exactly, row after row.
  const cents = async (row: number, colId: string) => BigInt((await cell(page, row, colId).innerText()).replace(/[,.]/g, ''));
  await expect(cell(page, 4, 'net')).toHaveText(/\d/);
  for (const row of [0, 1, 2, 3, 4]) expect(await cents(row, 'net')).toBe((await cents(row, 'gross')) - (await cents(row, 'fee')));
});
