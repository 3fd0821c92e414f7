import { describe, expect, it } from 'vitest';
import { importText, newEngine } from '../../support/engine';

describe('column typing', () => {
  it('types integers, decimals with their scale, dates, timestamps and booleans', async () => {
    const engine = await newEngine();
    const report = await importText(
      engine,
      'typed.csv',
      'qty,amount,jpy_or_usd,day,at,flag,note\n3,12.50,1200,2024-03-01,2024-03-01 10:00:00,true,x\n-7,-0.05,15.25,2024-12-31,2024-03-01T10:00:00Z,FALSE,y\n',
    );
    const types = Object.fromEntries(report.table.columns.map((c) => [c.name, `${c.type}${c.type === 'decimal' ? `(${c.scale})` : ''}`]));
    expect(types).toEqual({ qty: 'integer', amount: 'decimal(2)', jpy_or_usd: 'decimal(2)', day: 'date', at: 'timestamp', flag: 'boolean', note: 'text' });
    // Decimals are exact integers at their scale: 1200 at scale 2 is 120000.
    const rows = engine.query('SELECT amount, jpy_or_usd, typeof(amount), flag FROM typed ORDER BY rowid').rows;
    expect(rows).toEqual([
      [1250, 120000, 'integer', 1],
      [-5, 1525, 'integer', 0],
    ]);
  });

  it('keeps identifiers as text: leading zeros, 19+ digits, letters mixed in, id headers', async () => {
    const engine = await newEngine();
    const report = await importText(
      engine,
      'ids.csv',
      'ref_zero,arn,mixed,order_id,plain\n000123,12345678901234567890123,A12,123456,5\n000456,00345678901234567890999,B7,654321,6\n',
    );
    const types = Object.fromEntries(report.table.columns.map((c) => [c.name, c.type]));
    expect(types).toEqual({ ref_zero: 'text', arn: 'text', mixed: 'text', order_id: 'text', plain: 'integer' });
    expect(engine.query('SELECT ref_zero, arn FROM ids ORDER BY rowid').rows).toEqual([
      ['000123', '12345678901234567890123'],
      ['000456', '00345678901234567890999'],
    ]);
  });

  it('reads only real ISO 4217 codes as currency marks: INV7 is an id, EUR 7 an amount', async () => {
    const engine = await newEngine();
    const report = await importText(engine, 'codes.csv', 'invoice,price\nINV7,EUR 7.00\nINV8,EUR 8.50\nABC12,EUR 1.25\n');
    expect(report.table.columns.map((c) => c.type)).toEqual(['text', 'decimal']);
    expect(engine.query('SELECT invoice, price FROM codes ORDER BY rowid').rows).toEqual([['INV7', 700], ['INV8', 850], ['ABC12', 125]]);
  });

  it('keeps a cell that does not fit its column, unconverted, and reports its line', async () => {
    const engine = await newEngine();
    const lines = ['id,amount'];
    for (let i = 0; i < 500; i++) lines.push(`t${i},${i}.25`);
    lines.push('bad1,N/A', 'bad2,12.345', 'bad3,');
    const report = await importText(engine, 'coerce.csv', `${lines.join('\n')}\n`);
    expect(report.table.columns[1]).toMatchObject({ type: 'decimal', scale: 2, coercedCells: 2 });
    expect(report.coercedTotal).toBe(2);
    expect(report.coercedSamples).toEqual([
      { line: 502, column: 'amount', value: 'N/A', expected: 'decimal' },
      { line: 503, column: 'amount', value: '12.345', expected: 'decimal' },
    ]);
    // Kept as the original text (a BLOB, so SQLite cannot turn 12.345 into a REAL in the wrong unit); the empty cell is NULL.
    const kept = engine.query("SELECT id, CAST(amount AS TEXT), typeof(amount) FROM coerce WHERE id LIKE 'bad%' ORDER BY rowid").rows;
    expect(kept).toEqual([
      ['bad1', 'N/A', 'blob'],
      ['bad2', '12.345', 'blob'],
      ['bad3', null, 'null'],
    ]);
    expect(report.rows).toBe(503);
  });
});

describe('dialects and encodings', () => {
  it.each([
    [';', 'a;b;c\n1;x;2\n3;y;4\n'],
    ['\t', 'a\tb\tc\n1\tx\t2\n3\ty\t4\n'],
    ['|', 'a|b|c\n1|x|2\n3|y|4\n'],
    [',', 'a,b,c\r\n1,x,2\r\n3,y,4'],
  ])('sniffs the %j delimiter', async (delimiter, text) => {
    const engine = await newEngine();
    const report = await importText(engine, 'd.csv', text);
    expect(report.table.delimiter).toBe(delimiter);
    expect(report.table.columns.map((c) => c.name)).toEqual(['a', 'b', 'c']);
    expect(engine.query('SELECT a, b, c FROM d').rows).toEqual([[1, 'x', 2], [3, 'y', 4]]);
  });

  it('strips a UTF-8 BOM and reads Windows-1252 and UTF-16LE text', async () => {
    const engine = await newEngine();
    const bom = await importText(engine, 'bom.csv', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('name,n\nMüller,1\n')]));
    expect(bom.table.columns[0]!.label).toBe('name');
    const latin = await importText(engine, 'latin.csv', new Uint8Array([...new TextEncoder().encode('name,n\nM'), 0xfc, ...new TextEncoder().encode('ller '), 0x80, ...new TextEncoder().encode(',1\n')]));
    expect(latin.table.encoding).toBe('windows-1252');
    expect(engine.query('SELECT name FROM latin').rows).toEqual([['Müller €']]);
    const text = 'name,n\nZoë,2\n';
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) utf16[2 + i * 2] = text.charCodeAt(i);
    const wide = await importText(engine, 'wide.csv', utf16);
    expect(wide.table.encoding).toBe('utf-16le');
    expect(engine.query('SELECT name, n FROM wide').rows).toEqual([['Zoë', 2]]);
  });

  it('reads a file in tiny chunks the same as in one piece', async () => {
    const text = 'id,desc,amt\n' + Array.from({ length: 300 }, (_, i) => `${i},"line ${i}, ""q""\nnext é",${i}.5`).join('\n') + '\n';
    const whole = await newEngine();
    await importText(whole, 'w.csv', text);
    const pieces = await newEngine();
    await importText(pieces, 'w.csv', text, { chunkBytes: 7 });
    expect(pieces.query('SELECT * FROM w').rows).toEqual(whole.query('SELECT * FROM w').rows);
    // amt is a money header, so it is stored at scale 2: sum of i.5 for i < 300, times 100.
    expect(whole.query('SELECT count(*), sum(amt) FROM w').rows).toEqual([[300, (300 * 5 + 10 * (299 * 300) / 2) * 10]]);
  });
});
