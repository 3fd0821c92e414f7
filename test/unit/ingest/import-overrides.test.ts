/** What the user says wins over detection: encoding, delimiter, header line, column type/scale/skip, date order, decimal mark. */
import { describe, expect, it } from 'vitest';
import { importText, newEngine, rejectionOf } from '../../support/engine';

const latin1 = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));

describe('encoding and delimiter overrides', () => {
  it('reads the bytes in the encoding the user names', async () => {
    const engine = await newEngine();
    // 0xDF is ß in windows-1252 and ▀ in cp852: only the user can tell which.
    const bytes = latin1('name;amount\nStra\u00dfe;1,50\n');
    await importText(engine, 'cp852.csv', bytes, { encoding: 'cp852' });
    await importText(engine, 'win.csv', bytes, { encoding: 'windows-1252' });
    expect(engine.query('SELECT name FROM cp852').rows).toEqual([['Stra\u2580e']]);
    expect(engine.query('SELECT name FROM win').rows).toEqual([['Stra\u00dfe']]);
  });

  it('splits on the delimiter the user names, even where another looks more regular', async () => {
    const engine = await newEngine();
    const report = await importText(engine, 'pipes.csv', 'a|b,c\n1|2,3\n4|5,6\n', { delimiter: '|' });
    expect(report.table.columns.map((column) => column.label)).toEqual(['a', 'b,c']);
  });
});

describe('header line override', () => {
  const text = 'Report for ACME\nGenerated 2025-01-02\nid,amount\nA,1.50\nB,2.25\n';

  it('takes the header from the line the user names', async () => {
    const engine = await newEngine();
    const report = await importText(engine, 'h.csv', 'title,x\nnote,y\nid,amount\nA,1.50\nB,2.25\n', { headerLine: 3 });
    expect(report.table.headerLine).toBe(3);
    expect(report.preambleLines).toBe(2);
    expect(report.table.columns.map((column) => column.name)).toEqual(['id', 'amount']);
    expect(engine.query('SELECT id, amount FROM h').rows).toEqual([['A', 150], ['B', 225]]);
  });

  it('0 means no header: the first row is data and columns are numbered', async () => {
    const engine = await newEngine();
    const report = await importText(engine, 'nohead.csv', 'id,amount\nA,1.50\nB,2.25\n', { headerLine: 0 });
    expect(report.table.headerLine).toBe(0);
    expect(report.rows).toBe(3);
    expect(engine.query('SELECT column_1 FROM nohead').rows).toEqual([['id'], ['A'], ['B']]);
  });

  it('a header that is not where the user says gives a located error', async () => {
    const engine = await newEngine();
    const blank = await rejectionOf(importText(engine, 'blank.csv', 'id,amount\n\nA,1.50\n', { headerLine: 2 }));
    expect(blank).toMatchObject({ code: 'bad-input', location: { file: 'blank.csv', line: 2 } });
    // A header narrower than the data: the rows are ragged, and the error says where.
    const narrow = await rejectionOf(importText(engine, 'narrow.csv', text, { headerLine: 1 }));
    expect(narrow).toMatchObject({ code: 'ragged-row' });
  });
});

describe('column overrides', () => {
  const csv = 'ref,booked,amount,memo,fee\n00042,2025-01-02,12.50,first,0.25\n00043,2025-01-03,-3.10,second,0.30\n';

  it('changes a column type and scale', async () => {
    const engine = await newEngine();
    const report = await importText(engine, 'types.csv', csv, { columns: { ref: { type: 'integer' }, amount: { type: 'decimal', scale: 4 }, fee: { type: 'text' } } });
    const byName = Object.fromEntries(report.table.columns.map((column) => [column.name, column]));
    expect(byName.ref).toMatchObject({ type: 'integer', scale: 0 });
    expect(byName.amount).toMatchObject({ type: 'decimal', scale: 4 });
    expect(byName.fee).toMatchObject({ type: 'text' });
    expect(engine.query('SELECT ref, amount, fee FROM types').rows).toEqual([
      [42, 125000, '0.25'],
      [43, -31000, '0.30'],
    ]);
  });

  it('never rounds to fit a narrower scale: the misfits are kept as text and counted', async () => {
    const engine = await newEngine();
    const report = await importText(engine, 'narrow.csv', 'ref,amount\nA,12.5\nB,-3.15\n', { columns: { amount: { scale: 1 } } });
    expect(report.table.columns.find((column) => column.name === 'amount')).toMatchObject({ type: 'decimal', scale: 1, coercedCells: 1 });
    expect(report.coercedSamples).toEqual([{ line: 3, column: 'amount', value: '-3.15', expected: 'decimal' }]);
    expect(engine.query('SELECT amount, typeof(amount) FROM narrow').rows).toEqual([[125, 'integer'], ['-3.15', 'blob']]);
  });

  it('reads a text column as numbers in the file\'s notation when told to', async () => {
    const engine = await newEngine();
    const report = await importText(engine, 'eu.csv', 'id;betrag\nA;1.234,56 EUR\nB;n/a\nC;-7,00 EUR\n', { columns: { betrag: { type: 'decimal' } } });
    expect(report.table.columns.find((column) => column.name === 'betrag')).toMatchObject({ type: 'decimal', scale: 2, coercedCells: 1 });
    expect(engine.query('SELECT sum(betrag) FROM eu').rows).toEqual([[122756]]);
  });

  it('skipped columns are never loaded, and the rest lines up', async () => {
    const engine = await newEngine();
    const text = 'id,note,date,amount\n1,long text one,03.01.2025,1.50\n2,long text two,04.01.2025,2.25\n';
    const report = await importText(engine, 'skip.csv', text, { columns: { note: { skip: true } } });
    expect(report.table.columns.map((column) => column.name)).toEqual(['id', 'date', 'date_raw', 'amount']);
    expect(engine.query('SELECT * FROM skip').columns).toEqual(['id', 'date', 'date_raw', 'amount']);
    expect(engine.query('SELECT id, date, date_raw, amount FROM skip').rows).toEqual([
      ['1', '2025-01-03', '03.01.2025', 150],
      ['2', '2025-01-04', '04.01.2025', 225],
    ]);
  });

  it('skipping a column a derived amount needs leaves the derived column out', async () => {
    const engine = await newEngine();
    const text = 'date,text,debit,credit\n2025-01-02,x,5.00,\n2025-01-03,y,,7.50\n';
    const kept = await importText(engine, 'dc.csv', text);
    expect(kept.table.columns.some((column) => column.role === 'derived')).toBe(true);
    const skipped = await importText(engine, 'dc2.csv', text, { columns: { debit: { skip: true } } });
    expect(skipped.table.columns.map((column) => column.name)).toEqual(['date', 'text', 'credit']);
  });

  it('matches by header as written, own keys only, and says which settings matched nothing', async () => {
    const engine = await newEngine();
    const report = await importText(engine, 'proto.csv', '__proto__,Total Amount\nx,1.00\n', { columns: JSON.parse('{"__proto__":{"skip":true},"Nope":{"type":"text"}}') as Record<string, { skip?: boolean; type?: 'text' }> });
    expect(report.table.columns.map((column) => column.label)).toEqual(['Total Amount']);
    expect(report.warnings).toContain('No column is headed "Nope"; the setting for it was not used.');
  });

  it('an override that makes no sense is reported, not applied', async () => {
    const engine = await newEngine();
    const report = await importText(engine, 'bad.csv', csv, { columns: { amount: { scale: 9 } } });
    expect(report.table.columns.find((column) => column.name === 'amount')).toMatchObject({ scale: 2 });
    expect(report.warnings.some((warning) => warning.startsWith('Column "amount": a scale of 9'))).toBe(true);
  });

  it('applies to JSON records too (by flattened key)', async () => {
    const engine = await newEngine();
    const report = await importText(engine, 'tx.json', '[{"id":"1","amount":{"value":"10.5"}},{"id":"2","amount":{"value":"3"}}]', { columns: { id: { type: 'integer' }, 'amount.value': { type: 'decimal', scale: 2 } } });
    expect(report.table.columns.map((column) => [column.label, column.type, column.scale])).toEqual([
      ['id', 'integer', 0],
      ['amount.value', 'decimal', 2],
    ]);
    expect(engine.query('SELECT sum(amount_value) FROM tx').rows).toEqual([[1350]]);
  });
});

describe('date order and decimal mark', () => {
  const dates = 'date,amount\n03/04/2025,1\n05/06/2025,2\n';

  it('reads ambiguous dates in the order the user names, without asking again', async () => {
    const engine = await newEngine();
    const dmy = await importText(engine, 'dmy.csv', dates, { dateOrder: 'DMY' });
    const mdy = await importText(engine, 'mdy.csv', dates, { dateOrder: 'MDY' });
    expect(engine.query('SELECT date FROM dmy').rows).toEqual([['2025-04-03'], ['2025-06-05']]);
    expect(engine.query('SELECT date FROM mdy').rows).toEqual([['2025-03-04'], ['2025-05-06']]);
    for (const report of [dmy, mdy]) expect(report.warnings.some((warning) => warning.includes('Please confirm'))).toBe(false);
    const guessed = await importText(engine, 'guess.csv', dates);
    expect(guessed.warnings.some((warning) => warning.includes('could be day-first or month-first'))).toBe(true);
  });

  it('a named decimal mark settles 1.234 either way', async () => {
    const engine = await newEngine();
    const text = 'id,amount\nA,1.234\nB,2.500\n';
    await importText(engine, 'comma.csv', text, { decimalMark: ',' });
    await importText(engine, 'point.csv', text, { decimalMark: '.' });
    expect(engine.query('SELECT amount FROM comma').rows).toEqual([[123400], [250000]]);
    expect(engine.query('SELECT amount FROM point').rows).toEqual([[1234], [2500]]);
    const point = engine.getTable('point').columns.find((column) => column.name === 'amount');
    expect(point).toMatchObject({ type: 'decimal', scale: 3 });
  });

  it('a comma mark on a semicolon file with plain-looking amounts', async () => {
    const engine = await newEngine();
    const report = await importText(engine, 'semi.csv', 'id;betrag\nA;12,50\nB;-3,10\n', { decimalMark: ',' });
    expect(report.warnings.some((warning) => warning.includes('Please confirm'))).toBe(false);
    expect(engine.query('SELECT sum(betrag) FROM semi').rows).toEqual([[940]]);
  });
});
