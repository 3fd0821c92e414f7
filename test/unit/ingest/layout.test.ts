/** File layouts partners really send, on small inline fixtures. */
import { describe, expect, it } from 'vitest';
import { importText, newEngine, rejectionOf } from '../../support/engine';

describe('where the data starts and ends', () => {
  it('skips a preamble row that has the header\'s field count but a number in it', async () => {
    const engine = await newEngine();
    const text = '"Kontostand vom 09.12.2025:";"4.093,32\u00a0€"\nBuchung;Betrag\n08.12.2025;200,00\n05.12.2025;-62,30\n';
    const report = await importText(engine, 'dkb.csv', text);
    expect(report.table.headerLine).toBe(2);
    expect(report.preambleLines).toBe(1);
    expect(report.metadata).toEqual([{ line: 1, kind: 'preamble', text: 'Kontostand vom 09.12.2025:;4.093,32\u00a0€' }]);
    expect(engine.query('SELECT buchung, betrag FROM dkb').rows).toEqual([['2025-12-08', 20000], ['2025-12-05', -6230]]);
  });

  it('names columns when there is no header row', async () => {
    const engine = await newEngine();
    const report = await importText(engine, 'targo.csv', '03.11.2025;Lastschrift A;-5,00\n04.11.2025;Entgelt;-6,95\n');
    expect(report.table.headerLine).toBe(0);
    expect(report.table.columns.map((c) => c.name)).toEqual(['column_1', 'column_1_raw', 'column_2', 'column_3']);
    expect(report.warnings).toContain('No header row was found; columns are named column_1, column_2, …');
    expect(engine.query('SELECT sum(column_3) FROM targo').rows).toEqual([[-1195]]);
  });

  it('does not take a text-only data row below data for a header', async () => {
    const engine = await newEngine();
    const report = await importText(engine, 'nohead.csv', '1;2,50;x\n3;4,00;y\nfoo;bar;\n5;6,00;z\n');
    expect(report.table.headerLine).toBe(0);
    expect(report.rows).toBe(4);
  });

  it('reads Excel\'s sep= line as the delimiter, not as data', async () => {
    const engine = await newEngine();
    const report = await importText(engine, 'sep.csv', 'sep=;\nid;amount\nA;1,50\n');
    expect(report.table.delimiter).toBe(';');
    expect(engine.query('SELECT id, amount FROM sep').rows).toEqual([['A', 150]]);
  });

  it('keeps a trailing Total row out of the data and checks it as a control total', async () => {
    const engine = await newEngine();
    const ok = await importText(engine, 'ok.csv', 'id;amount\nA;10,00\nB;20,50\nTotal;30,50\n');
    expect(ok.rows).toBe(2);
    expect(ok.controlTotals).toEqual([{ label: '"Total" row: amount', line: 4, expected: '30.50', actual: '30.50', ok: true }]);
    expect(ok.metadata).toContainEqual({ line: 4, kind: 'trailer', text: 'Total;30,50' });
    const off = await importText(engine, 'off.csv', 'id;amount\nA;10,00\nB;20,50\nSumme;31,00\n');
    expect(off.controlTotals?.[0]).toMatchObject({ expected: '31.00', actual: '30.50', ok: false });
    expect(off.warnings.join('\n')).toContain('the file states 31.00, the loaded rows give 30.50');
  });

  it('takes a short last row ("Records: 2") as a row-count check, even across chunk edges', async () => {
    const engine = await newEngine();
    const text = 'a,b,c\n1,x,2.50\n2,y,3.50\nRecords: 2\n';
    const report = await importText(engine, 'rec.csv', text, { chunkBytes: 7 });
    expect(report.rows).toBe(2);
    expect(report.controlTotals).toEqual([{ label: '"Records: 2" row count', line: 4, expected: '2', actual: '2', ok: true }]);
  });

  it('sets a short row in the middle of the file aside with its line instead of loading it', async () => {
    const engine = await newEngine();
    const report = await importText(engine, 'mid.csv', 'a,b,c\n1,x,2\nTotal,3\n4,y,5\n');
    expect(report.rows).toBe(2);
    expect(report.rejectedRows).toMatchObject([{ line: 3, fields: 2, text: 'Total,3' }]);
  });
});

describe('record-type files', () => {
  it('loads PayPal SB rows under the CH header and checks SF footers', async () => {
    const engine = await newEngine();
    const text = [
      '"RH",2026/01/07 02:05:05 -0800,"A","ACCT",009,',
      '"FH",01',
      '"SH",2026/01/06 00:00:00 -0800,2026/01/06 23:59:59 -0800,"ACCT",""',
      '"CH","Transaction ID","Transaction Debit or Credit","Gross Transaction Amount","Gross Transaction Currency","Fee Debit or Credit","Fee Amount","Fee Currency"',
      '"SB","T1","CR",5200,"JPY","DR",225,"JPY"',
      '"SB","T2",DR,100,"JPY",CR,5,"JPY"',
      '"SF","JPY",5200,100,225,5,"CR",0,"CR",0,"CR",0,"CR",0,"CR",0,"CR",0,2',
      '"FF",7',
    ].join('\n');
    const report = await importText(engine, 'stl.csv', `${text}\n`);
    expect(report.rows).toBe(2);
    expect(report.table.headerLine).toBe(4);
    expect(report.table.columns[0]!.label).toBe('Transaction ID');
    // ×100 always: 5200 is ¥52.00 here too.
    expect(engine.query('SELECT gross_transaction_amount, gross_signed, fee_signed FROM stl ORDER BY rowid').rows).toEqual([[5200, 5200, -225], [100, -100, 5]]);
    expect(report.controlTotals?.every((check) => check.ok)).toBe(true);
    expect(report.metadata?.map((m) => m.text.slice(0, 4))).toEqual(['RH;2', 'FH;0', 'SH;2', 'SF;J', 'FF;7'].map((t) => t.replace(';', ',')));
  });
});

describe('signs', () => {
  it('derives a signed column from a CR/DR indicator column', async () => {
    const engine = await newEngine();
    await importText(engine, 'dc.csv', 'id,dc,amount\nA,DR,5.00\nB,CR,7.25\n');
    expect(engine.query('SELECT amount, amount_signed FROM dc ORDER BY rowid').rows).toEqual([[500, -500], [725, 725]]);
  });

  it('derives a signed net from a Debit/Credit column pair', async () => {
    const engine = await newEngine();
    const report = await importText(engine, 'pair.csv', 'date,text,Debit,Credit\n2024-01-02,fee,5.00,\n2024-01-03,payout,,7.50\n');
    expect(report.table.columns.at(-1)).toMatchObject({ name: 'net', role: 'derived', type: 'decimal', scale: 2 });
    expect(engine.query('SELECT net FROM pair ORDER BY rowid').rows).toEqual([[-500], [750]]);
  });
});

describe('dates', () => {
  async function dates(text: string) {
    const engine = await newEngine();
    const report = await importText(engine, 'd.csv', text);
    return { report, column: report.table.columns[0]!, rows: engine.query('SELECT * FROM d ORDER BY rowid').rows };
  }

  it('day-first when a first part is over 12', async () => {
    const { column, rows } = await dates('d,x\n13/01/2024,1\n02/03/2024,2\n');
    expect(column).toMatchObject({ type: 'date', sourceFormat: 'DD/MM/YYYY' });
    expect(rows.map((row) => row.slice(0, 2))).toEqual([['2024-01-13', '13/01/2024'], ['2024-03-02', '02/03/2024']]);
  });

  it('month-first when a second part is over 12', async () => {
    const { column, rows } = await dates('d,x\n01/13/2024,1\n02/03/2024,2\n');
    expect(column.sourceFormat).toBe('MM/DD/YYYY');
    expect(rows.map((row) => row[0])).toEqual(['2024-01-13', '2024-02-03']);
  });

  it('ambiguous: month-first in a comma file, day-first in a ;-file, with a warning either way', async () => {
    const us = await dates('d,x\n01/02/2024,1\n');
    expect(us.rows[0]![0]).toBe('2024-01-02');
    expect(us.report.warnings.join('\n')).toMatch(/day-first or month-first.*Please confirm/);
    const eu = await dates('d;x\n01/02/2024;1\n');
    expect(eu.rows[0]![0]).toBe('2024-02-01');
    expect(eu.report.warnings.join('\n')).toMatch(/DD\/MM\/YYYY.*Please confirm/);
  });

  it('DD.MM.YY, YYYYMMDD under a date header, PayPal timestamps with offsets; ISO stays as written', async () => {
    const { rows, report } = await dates('d,booking_date,paid_at,iso\n08.12.25,20240131,2026/01/06 00:00:30 -0800,2024-03-31T23:30:00-05:00\n');
    expect(report.table.columns.map((c) => [c.name, c.type, c.sourceFormat])).toEqual([
      ['d', 'date', 'DD.MM.YY'],
      ['d_raw', 'text', undefined],
      ['booking_date', 'date', 'YYYYMMDD'],
      ['booking_date_raw', 'text', undefined],
      ['paid_at', 'timestamp', 'YYYY/MM/DD HH:MM:SS ±HHMM'],
      ['paid_at_raw', 'text', undefined],
      ['iso', 'timestamp', 'ISO 8601'],
    ]);
    expect(rows[0]).toEqual(['2025-12-08', '08.12.25', '2024-01-31', '20240131', '2026-01-06T00:00:30-08:00', '2026/01/06 00:00:30 -0800', '2024-03-31T23:30:00-05:00']);
  });
});

describe('numbers', () => {
  it('settles "1.234" by the file\'s other amounts, and warns', async () => {
    const engine = await newEngine();
    const report = await importText(engine, 'amb.csv', 'a;b\n1.234;5,5\n2.000;6,25\n');
    expect(engine.query('SELECT a, b FROM amb ORDER BY rowid').rows).toEqual([[1234, 550], [2000, 625]]);
    expect(report.warnings.join('\n')).toMatch(/Column "a".*either mark.*Please confirm/);
  });

  it('flags Excel damage (scientific notation, leading apostrophe) and keeps the text', async () => {
    const engine = await newEngine();
    const report = await importText(engine, 'xl.csv', "id,arn,iban\n1,1.2302025304E+022,'DE67000000000000000000'\n2,74830725339312466143652,DE89370400440532013000\n");
    expect(engine.query('SELECT arn, iban FROM xl WHERE id = 1').rows).toEqual([['1.2302025304E+022', "'DE67000000000000000000'"]]);
    expect(report.table.columns.map((c) => c.damagedCells ?? 0)).toEqual([0, 1, 1]);
    const warning = report.warnings.join('\n');
    expect(warning).toContain('Column "arn": 1 cell(s)');
    expect(warning).toContain('Column "iban": 1 cell(s)');
    expect(warning).toContain('precision lost before this file reached you');
  });
});
