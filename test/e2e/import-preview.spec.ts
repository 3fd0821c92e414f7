/**
 * Files the user opens are previewed before anything is loaded: a German
 * bank CSV (Latin-1, `;`, decimal commas, a preamble and one short row) and
 * an MT940 statement, opened together. Options re-run the preview; Load
 * imports with them; the grid's exact sums match the files' amounts added
 * up by hand. An XLSX workbook goes the same way through the worker's
 * read-excel-file entry.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { writeXlsx } from '../unit/xlsx/xlsx-fixture';
import { tempDir } from './fixtures';

const ING = '/work/shared/corpus/bank_csv/ing_de_latin1.csv';
const MT940 = '/work/shared/corpus/mt940/vr_teilhaberbank_de.mta';

/**
 * By hand from the files. ING: the 19 rows of Betrag (line 23, "Rente 2.647,74",
 * has 6 fields, not 7, and is set aside): credits 144,48 + 523,70 = 668,18;
 * debits 13,98 + 200,00 + 81,60 + 12,36 + 45,00 + 219,80 + 1,99 + 7,15 + 75,90
 * + 13,74 + 14,16 + 9,51 + 62,00 + 10,00 + 500,00 + 9,52 + 676,68 = 1.953,39.
 * MT940: :61: D 17,90, D 6,00, D 39,90, D 453,11, C 175,00 (= 15.188,85 → 14.846,94).
 */
const ING_ROWS = 19;
const ING_SUM = '-1,285.21';
const MT940_ROWS = 5;
const MT940_SUM = '-341.91';

// Wide enough that the grid renders every column of the bank file (it virtualises columns off screen).
test.use({ viewport: { width: 2400, height: 1000 } });

function cell(page: Page, row: number, colId: string) {
  return page.getByTestId('grid').locator(`[row-index="${row}"] [col-id="${colId}"]`);
}

async function selectColumn(page: Page, colId: string, rows: number): Promise<void> {
  await cell(page, 0, colId).click();
  await cell(page, rows - 1, colId).click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('status-count')).toHaveText(String(rows));
}

test('a bank CSV and an MT940 statement are previewed, adjusted, loaded, and sum exactly', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await page.goto('/');
  await expect(page.getByTestId('status-engine')).toHaveText('Ready');
  await page.getByTestId('open-files-input').setInputFiles([ING, MT940]);

  // ING: encoding, delimiter, header after the preamble, Betrag as a decimal read from "-13,98".
  const dialog = page.getByTestId('preview-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('ing_de_latin1.csv');
  await expect(page.getByTestId('preview-detected')).toContainText('Generic CSV (";"-delimited, header after 9 preamble row(s)');
  await expect(page.getByTestId('preview-encoding')).toHaveValue(/^(windows-1252|iso-8859-1)$/);
  await expect(page.getByTestId('preview-delimiter')).toHaveValue(';');
  await expect(page.getByTestId('preview-header-line')).toHaveValue('14');
  const betrag = page.getByTestId('preview-column-betrag');
  await expect(betrag.getByRole('combobox', { name: 'Type of Betrag' })).toHaveValue('decimal');
  await expect(betrag.getByRole('spinbutton', { name: 'Scale of Betrag' })).toHaveValue('2');
  await expect(betrag).toContainText('1234,56');
  await expect(betrag.getByTestId('preview-samples')).toContainText('-13.98');
  await expect(betrag.getByTestId('preview-samples')).toContainText('-200.00');
  await expect(page.getByTestId('preview-column-buchung')).toContainText('DD.MM.YYYY');
  await expect(page.getByTestId('preview-column-buchung').getByTestId('preview-samples')).toContainText('2025-12-09');
  // The short row is shown with its line before anything is loaded.
  await expect(page.getByTestId('preview-rejected')).toContainText('line 23 (6 fields)');
  await expect(page.getByTestId('preview-sample')).toContainText(`${ING_ROWS} rows, the whole file`);
  await expect(page.getByTestId('preview-load-all')).toHaveText('Load all 2');

  // A wrong encoding is shown as the import would report it, with the line; going back restores the preview.
  await page.getByTestId('preview-encoding').selectOption('utf-8');
  await expect(page.getByTestId('preview-error')).toContainText('Wrong text encoding');
  await expect(page.getByTestId('preview-error-location')).toContainText('ing_de_latin1.csv, line 12');
  await page.getByTestId('preview-encoding').selectOption('windows-1252');
  await expect(page.getByTestId('preview-error')).toBeHidden();
  await expect(betrag.getByRole('combobox', { name: 'Type of Betrag' })).toHaveValue('decimal');

  // Column selection: the long free-text column is left out of the table.
  await page.getByRole('checkbox', { name: 'Load Verwendungszweck' }).uncheck();
  await expect(page.getByTestId('preview-column-verwendungszweck')).toHaveClass(/preview-skipped/);
  await page.getByTestId('preview-load').click();

  // MT940: recognised by content, with its statements table.
  await expect(dialog).toContainText('vr_teilhaberbank_de.mta');
  await expect(page.getByTestId('preview-detected')).toHaveText('MT940');
  await expect(page.getByTestId('preview-extra-tables')).toContainText('vr_teilhaberbank_de_statements (3 rows)');
  await expect(page.getByTestId('preview-warnings')).toContainText('MT940 (3 statements, 5 entries)');
  await expect(page.getByTestId('preview-column-amount').getByTestId('preview-samples')).toContainText('-17.90');
  await expect(page.getByTestId('preview-delimiter')).toBeDisabled();
  await expect(page.getByTestId('preview-load-all')).toBeHidden();
  await page.getByTestId('preview-load').click();
  await expect(dialog).toBeHidden();

  // Both load; the skipped column is not in the ING table.
  await expect(page.getByTestId('table-card-ing_de_latin1')).toContainText(`${ING_ROWS} rows`);
  await expect(page.getByTestId('table-card-vr_teilhaberbank_de_entries')).toContainText(`${MT940_ROWS} rows`);
  await expect(page.getByTestId('import-progress')).toBeHidden();

  await page.getByTitle('Show ing_de_latin1').click();
  await expect(page.getByTestId('row-count')).toHaveText(`${ING_ROWS} of ${ING_ROWS} rows`);
  await expect(page.locator('.ag-header-cell[col-id="verwendungszweck"]')).toHaveCount(0);
  await expect(cell(page, 0, 'betrag')).toHaveText('-13.98');
  await selectColumn(page, 'betrag', ING_ROWS);
  await expect(page.getByTestId('status-sum')).toHaveText(ING_SUM);

  await page.getByTitle('Show vr_teilhaberbank_de_entries').click();
  await expect(page.getByTestId('row-count')).toHaveText(`${MT940_ROWS} of ${MT940_ROWS} rows`);
  await selectColumn(page, 'amount', MT940_ROWS);
  await expect(page.getByTestId('status-sum')).toHaveText(MT940_SUM);

  expect(problems).toEqual([]);
});

test('an XLSX workbook is previewed with its sheets and loads the chosen one, doubles read exactly', async ({ page }) => {
  const path = join(tempDir(), 'payouts.xlsx');
  writeFileSync(
    path,
    writeXlsx([
      { name: 'Notes', rows: [['Exported by the bank portal']] },
      {
        name: 'Payouts',
        rows: [
          ['Payout', 'Date', 'Amount'],
          ['po_1', { date: 45292 }, { number: '1234.5600000000001' }],
          ['po_2', { date: 45293 }, { number: '-0.30000000000000004' }],
          ['po_3', { date: 45294 }, -9.99],
        ],
      },
    ]),
  );
  await page.goto('/');
  await expect(page.getByTestId('status-engine')).toHaveText('Ready');
  await page.getByTestId('open-files-input').setInputFiles(path);
  // The first sheet is a note, not a table: the preview says so and offers the others.
  await expect(page.getByTestId('preview-error')).toContainText('No data rows');
  await expect(page.getByTestId('preview-sheet')).toHaveValue('Notes');
  await page.getByTestId('preview-sheet').selectOption('Payouts');
  await expect(page.getByTestId('preview-detected')).toHaveText('XLSX worksheet "Payouts" (3 columns)');
  const amount = page.getByTestId('preview-column-amount');
  await expect(amount.getByRole('combobox', { name: 'Type of Amount' })).toHaveValue('decimal');
  await expect(amount.getByTestId('preview-samples')).toHaveText('1234.56-0.30-9.99');
  await expect(page.getByTestId('preview-column-date').getByTestId('preview-samples')).toContainText('2024-01-01');
  await expect(page.getByTestId('preview-warnings')).toContainText('2 number(s) stored as binary doubles');
  await page.getByTestId('preview-load').click();
  await expect(page.getByTestId('row-count')).toHaveText('3 of 3 rows');
  await selectColumn(page, 'amount', 3);
  await expect(page.getByTestId('status-sum')).toHaveText('1,224.27');
});
