/**
 * The workbench around the grid: keyboard commands, the column menu,
 * keyboard selection, the sidebar, removing a table, and cancelling an import.
 */
import { expect, test, type Page } from '@playwright/test';
import { tempDir, writeLateMisfitsCsv, writePaymentsCsv } from './fixtures';

function cell(page: Page, row: number, colId: string) {
  return page.getByTestId('grid').locator(`[row-index="${row}"] [col-id="${colId}"]`);
}

async function loadSampleWithKeyboard(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('status-engine')).toHaveText('Ready');
  await page.keyboard.press('ControlOrMeta+Shift+L');
  await expect(page.getByTestId('row-count')).toHaveText('2,000 of 2,000 rows');
}

test('shortcuts, column menu and keyboard selection', async ({ page }) => {
  await loadSampleWithKeyboard(page);

  await page.keyboard.press('ControlOrMeta+/');
  const dialog = page.getByTestId('shortcuts-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Autosize Columns');
  await expect(dialog).toContainText(/(Ctrl\+Shift\+A|⌘⇧A)/);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Column menu: pin "net" to the left, then sort it descending.
  const header = page.locator('.ag-header-cell[col-id="net"]');
  await header.hover();
  await header.locator('.header-menu-btn').click();
  await page.getByRole('menuitem', { name: 'Pin left' }).click();
  await expect(page.locator('.ag-grid-pinned-left-cells .ag-header-cell[col-id="net"]')).toBeVisible();
  await header.hover();
  await header.locator('.header-menu-btn').click();
  await page.getByRole('menuitem', { name: 'Sort descending' }).click();
  await expect(page.locator('.grid-bar')).toContainText('Sorted by net ↓');
  const cents = async (row: number) => BigInt((await cell(page, row, 'net').innerText()).replace(/[,.]/g, '') || '0');
  await expect.poll(async () => (await cents(0)) >= (await cents(1)) && (await cents(1)) >= (await cents(2)) && (await cents(0)) > 0n).toBe(true);

  // Arrow keys move a one-cell selection; shift+arrows extend it.
  await cell(page, 0, 'gross').click();
  await expect(page.getByTestId('status-count')).toHaveText('1');
  const second = await cell(page, 1, 'gross').innerText();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('status-sum')).toHaveText(second);
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page.getByTestId('status-count')).toHaveText('4');

  // Toggle the sidebar, then remove the table after confirming.
  await page.keyboard.press('ControlOrMeta+b');
  await expect(page.getByTestId('table-list')).toBeHidden();
  await page.keyboard.press('ControlOrMeta+b');
  await expect(page.getByTestId('table-list')).toBeVisible();
  await page.getByRole('button', { name: 'Remove sample_stripe_balance' }).click();
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('table-list')).toBeHidden();
  await expect(page.getByTestId('drop-zone')).toBeVisible();
  // The import was remembered for next time.
  await expect(page.locator('.recent')).toContainText('sample_stripe_balance.csv');
});

test('Escape cancels a running import and leaves no partial table', async ({ page }) => {
  const big = writePaymentsCsv(tempDir(), 'large_export.csv', 800_000);
  await page.goto('/');
  await expect(page.getByTestId('status-engine')).toHaveText('Ready');
  await page.getByTestId('open-files-input').setInputFiles(big.path);
  await page.getByTestId('preview-load').click(); // files opened by the user are previewed first
  await expect(page.getByTestId('import-progress')).toBeVisible();
  await expect(page.getByTestId('import-rows')).not.toHaveText('0');
  // Nothing animates without end while the worker is busy: each endless animation makes the
  // browser composite 60 frames a second, which without a GPU takes a core from the import.
  const endless = await page.evaluate(() => document.getAnimations().filter((animation) => animation.effect?.getTiming().iterations === Infinity).length);
  expect(endless).toBe(0);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('import-cancelled')).toContainText('Import cancelled');
  await expect(page.getByTestId('import-progress')).toBeHidden();
  await expect(page.getByTestId('table-list')).toBeHidden();
  await expect(page.getByTestId('drop-zone')).toBeVisible();
});

test('a file dropped on the window imports like an opened one', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('status-engine')).toHaveText('Ready');
  const dataTransfer = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['order_id,total\n00042,10.50\n00043,-2.25\n'], 'dropped orders.csv', { type: 'text/csv' }));
    return transfer;
  });
  await page.dispatchEvent('body', 'dragenter', { dataTransfer });
  await expect(page.getByTestId('drop-overlay')).toBeVisible();
  await page.dispatchEvent('body', 'drop', { dataTransfer });
  await page.getByTestId('preview-load').click();
  await expect(page.getByTestId('drop-overlay')).toBeHidden();
  await expect(page.getByTestId('row-count')).toHaveText('2 of 2 rows');
  await expect(cell(page, 0, 'order_id')).toHaveText('00042');
  await expect(cell(page, 1, 'total')).toHaveText('-2.25');
});

test('cells that do not fit their column type stay visible as text, with a warning', async ({ page }) => {
  const file = writeLateMisfitsCsv(tempDir(), 'late_misfits.csv');
  await page.goto('/');
  await expect(page.getByTestId('status-engine')).toHaveText('Ready');
  await page.getByTestId('open-files-input').setInputFiles(file.path);
  await page.getByTestId('preview-load').click(); // files opened by the user are previewed first
  await expect(page.getByTestId('row-count')).toHaveText('150,000 of 150,000 rows');
  await expect(page.getByTestId('table-card-late_misfits')).toContainText('2 cells kept as text');
  // SQLite sorts kept-as-text cells after every number, so a descending sort shows them first.
  const header = page.locator('.ag-header-cell[col-id="amount"] .header-text');
  await header.click();
  await header.click();
  await expect(page.locator('.grid-bar')).toContainText('Sorted by amount ↓');
  const first = cell(page, 0, 'amount');
  await expect(first).toHaveClass(/cell-coerced/);
  await expect(first).toHaveText(/^(N\/A|12\.345)$/);
  await expect(first).toHaveAttribute('title', /did not fit decimal/);
});

test('a file of many chunks streams in whole: every row, none misread', async ({ page }) => {
  // ~15 MB: a 1 MB first read, then 4 MB reads through the file's byte stream into two reused buffers.
  const big = writePaymentsCsv(tempDir(), 'many_chunks.csv', 300_000);
  await page.goto('/');
  await expect(page.getByTestId('status-engine')).toHaveText('Ready');
  await page.getByTestId('open-files-input').setInputFiles(big.path);
  await page.getByTestId('preview-load').click();
  await expect(page.getByTestId('row-count')).toHaveText('300,000 of 300,000 rows', { timeout: 60_000 });
  await expect(page.getByTestId('table-card-many_chunks')).not.toContainText('loading…');
  // A buffer reused too early would shift bytes: cells that no longer fit their type would be counted.
  await expect(page.getByTestId('table-card-many_chunks')).not.toContainText(/kept as text/);
  await page.getByTestId('grid').locator('.ag-header-cell[col-id="txn_id"]').click(); // sort by id, ascending
  await page.getByTestId('grid').locator('.ag-header-cell[col-id="txn_id"]').click(); // then descending: the last row first
  await expect(cell(page, 0, 'txn_id')).toHaveText('0000300000');
});

test('a file over 32 MiB shows its first rows, waits for them to be on screen, then streams in whole', async ({ page }) => {
  // ~35.5 MiB: past FIRST_SHOW_HOLD_MIN_BYTES, so after its first rows the import waits for the grid's
  // first screen (resumeImport) before it reads on.
  const large = writePaymentsCsv(tempDir(), 'large_file.csv', 800_000);
  await page.goto('/');
  await expect(page.getByTestId('status-engine')).toHaveText('Ready');
  await page.getByTestId('open-files-input').setInputFiles(large.path);
  await page.getByTestId('preview-load').click();
  await expect(cell(page, 0, 'txn_id')).toHaveText('0000000001');
  await expect(page.getByTestId('row-count')).toHaveText('800,000 of 800,000 rows', { timeout: 60_000 });
  await expect(page.getByTestId('table-card-large_file')).not.toContainText('loading…');
  await expect(page.getByTestId('table-card-large_file')).not.toContainText(/kept as text/);
});
