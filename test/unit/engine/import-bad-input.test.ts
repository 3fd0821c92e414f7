import { describe, expect, it } from 'vitest';
import { importText, newEngine, rejectionOf } from '../../support/engine';

const GOOD = 'id,amount\nA1,1.00\nA2,2.50\n';

/** Every bad input must fail with a located error and leave earlier tables untouched. */
async function expectFailureKeepsEarlier(name: string, content: string | Uint8Array, options = {}) {
  const engine = await newEngine();
  await importText(engine, 'earlier.csv', GOOD);
  const error = await rejectionOf(importText(engine, name, content, options));
  expect(engine.listTables().map((t) => t.name)).toEqual(['earlier']);
  expect(engine.query('SELECT count(*), sum(amount) FROM earlier').rows).toEqual([[2, 350]]);
  const leftovers = engine.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'earlier' AND name NOT LIKE '\\_wb\\_%' ESCAPE '\\'").rows;
  expect(leftovers).toEqual([]);
  return error;
}

describe('bad input gets a located error and loses nothing', () => {
  it('ragged rows: too many fields, more than a stray one or two', async () => {
    const lines = ['a,b,c', ...Array.from({ length: 12 }, (_, i) => (i % 4 === 1 ? `${i},${i},${i},extra` : `${i},${i},${i}`))];
    const error = await expectFailureKeepsEarlier('ragged.csv', `${lines.join('\n')}\n`);
    // Rows at lines 3 and 7 could be strays; the third (line 11) makes it a broken file.
    expect(error).toMatchObject({ code: 'ragged-row', location: { file: 'ragged.csv', line: 11, column: 4 } });
    expect(error.message).toContain('4 fields but the header has 3');
  });

  it('ragged row deep in a large file: set aside with its line, the rest loads', async () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => `${i},x${i},${i}.5`);
    rows[31_337] = '31337,short';
    const engine = await newEngine();
    const report = await importText(engine, 'short.csv', `a,b,c\n${rows.join('\n')}\n`, { chunkBytes: 64 * 1024 });
    expect(report.rows).toBe(39_999);
    expect(report.rejectedTotal).toBe(1);
    expect(report.rejectedRows?.[0]).toMatchObject({ line: 31_339, fields: 2, text: '31337,short' });
    expect(report.warnings[0]).toContain('set aside in table short_rejected (first at line 31339');
    expect(engine.query('SELECT line, raw FROM short_rejected').rows).toEqual([[31_339, '31337,short']]);
  });

  it('ragged rows: more than 1 in 100 is a broken file, not stray rows', async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => (i % 50 === 7 ? `${i},short` : `${i},x${i},${i}.5`));
    const error = await expectFailureKeepsEarlier('many.csv', `a,b,c\n${rows.join('\n')}\n`);
    expect(error).toMatchObject({ code: 'ragged-row', location: { file: 'many.csv' } });
  });

  it('unclosed quote in a small file: reported where the quote opens', async () => {
    const error = await expectFailureKeepsEarlier('quote.csv', 'a,b\n1,ok\n2,"starts here\n3,x\n4,y\n');
    expect(error).toMatchObject({ code: 'unclosed-quote', location: { line: 3, column: 2 } });
  });

  it('unclosed quote in a large file: stopped at the field-size limit, not swallowed', async () => {
    const rows = Array.from({ length: 120_000 }, (_, i) => `${i},text ${i},${i}`);
    rows[10] = '10,"never closed,10';
    const error = await expectFailureKeepsEarlier('swallow.csv', `a,b,c\n${rows.join('\n')}\n`);
    expect(error).toMatchObject({ code: 'unclosed-quote', location: { line: 12, column: 2 } });
  });

  it('unclosed quote that a later quote closes mid-value', async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => `${i},"text ${i}",${i}`);
    rows[10] = '10,"never closed,10';
    const error = await expectFailureKeepsEarlier('resync.csv', `a,b,c\n${rows.join('\n')}\n`);
    expect(error).toMatchObject({ code: 'unclosed-quote', location: { line: 12, column: 2 } });
  });

  it('empty file', async () => {
    const error = await expectFailureKeepsEarlier('empty.csv', '');
    expect(error).toMatchObject({ code: 'empty-file', location: { file: 'empty.csv' } });
  });

  it('header-only file and blank-lines-only file', async () => {
    expect(await expectFailureKeepsEarlier('header.csv', 'id,amount\n')).toMatchObject({ code: 'no-data-rows' });
    expect(await expectFailureKeepsEarlier('blank.csv', '\n\n\r\n')).toMatchObject({ code: 'no-data-rows' });
  });

  it('a PNG renamed .csv', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const error = await expectFailureKeepsEarlier('picture.csv', png);
    expect(error).toMatchObject({ code: 'binary-file', location: { file: 'picture.csv' } });
    expect(error.message).toContain('PNG');
  });

  it('NUL bytes in a text file', async () => {
    const error = await expectFailureKeepsEarlier('nul.csv', 'a,b\n1,2\n3,\u0000\n');
    expect(error).toMatchObject({ code: 'binary-file', location: { line: 3 } });
  });

  it('stops cleanly at the database budget, saying how much was needed', async () => {
    const rows = Array.from({ length: 60_000 }, (_, i) => `${i},${'x'.repeat(40)},${i}.25`);
    const error = await expectFailureKeepsEarlier('big.csv', `a,b,c\n${rows.join('\n')}\n`, { budgetBytes: 1024 * 1024, chunkBytes: 256 * 1024 });
    expect(error.code).toBe('budget-exceeded');
    expect(error.message).toMatch(/needs about \d+ MB of database space, over the 1 MB budget/);
  });

  it('cancel removes the partial table', async () => {
    const engine = await newEngine();
    await importText(engine, 'earlier.csv', GOOD);
    const rows = Array.from({ length: 50_000 }, (_, i) => `${i},${i}.5`);
    let chunks = 0;
    let sawFirstRows = false;
    const error = await rejectionOf(
      importText(engine, 'cancel.csv', `a,b\n${rows.join('\n')}\n`, { chunkBytes: 16 * 1024 }, {
        onFirstRows: () => (sawFirstRows = true),
        isCancelled: () => ++chunks > 5,
      }),
    );
    expect(sawFirstRows).toBe(true);
    expect(error.code).toBe('cancelled');
    expect(engine.listTables().map((t) => t.name)).toEqual(['earlier']);
    expect(engine.query("SELECT count(*) FROM sqlite_master WHERE name = 'cancel'").rows).toEqual([[0]]);
  });
});

describe('headers', () => {
  it('keeps duplicate, empty and __proto__ headers as columns with unique names and the original labels', async () => {
    const engine = await newEngine();
    const report = await importText(engine, 'h.csv', 'amount,amount,,__proto__,constructor,rowid,Gross Amount (€)\n1,2,3,4,5,6,7\n');
    expect(report.table.columns.map((c) => [c.name, c.label])).toEqual([
      ['amount', 'amount'],
      ['amount_2', 'amount'],
      ['column_3', ''],
      ['proto', '__proto__'],
      ['constructor', 'constructor'],
      ['rowid_col', 'rowid'],
      ['gross_amount', 'Gross Amount (€)'],
    ]);
    expect(report.renamedHeaders.map((r) => r.reason)).toEqual(['duplicate header', 'empty header', 'reserved by SQLite']);
    // Money headers get two decimals even when the sample holds whole numbers.
    expect(engine.query('SELECT * FROM h').rows).toEqual([[100, 200, 3, 4, 5, 6, 700]]);
  });

  it('names tables uniquely from file names', async () => {
    const engine = await newEngine();
    const first = await importText(engine, 'Stripe Export (March).csv', GOOD);
    const second = await importText(engine, 'Stripe Export (March).csv', GOOD);
    const hostile = await importText(engine, 'x"; DROP TABLE y; --.csv', GOOD);
    expect([first.table.name, second.table.name, hostile.table.name]).toEqual(['stripe_export_march', 'stripe_export_march_2', 'x_drop_table_y']);
  });
});
