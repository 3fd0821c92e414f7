/** XLSX through read-excel-file's Node entry: sheets, exact numbers from doubles, dates, limits (RELIABILITY §4 case 40). */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../shared/engine';
import type { ImportOptions } from '../../../shared/engine/api';
import { xlsxNumberText } from '../../../shared/engine/ingest/xlsx/number-text';
import { memoryByteSource } from '../../../electron/cli/node-byte-source';
import { nodeXlsxReader } from '../../../electron/cli/xlsx-node';
import { rejectionOf } from '../../support/engine';
import { sqliteRuntime } from '../../support/sqlite';
import { writeXlsx, type FixtureSheet } from './xlsx-fixture';

async function engine(): Promise<Engine> {
  const runtime = await sqliteRuntime();
  return createEngine(runtime.open(), { xlsx: nodeXlsxReader, openScratch: () => runtime.open() });
}

function load(target: Engine, name: string, bytes: Uint8Array, options: Partial<ImportOptions> = {}) {
  return target.importFile(memoryByteSource(name, bytes), { importId: name, ...options });
}

const payouts: FixtureSheet = {
  name: 'Payouts',
  rows: [
    ['Payout', 'Booked', 'Amount', 'Fee', 'Settled'],
    ['po_1', { date: 45292 }, { number: '1234.5600000000001' }, { formula: 'C2*0.01', value: '12.345600000000001' }, true],
    ['po_2', { date: 45293 }, { number: '-0.30000000000000004' }, { formula: 'C3*0.01', value: '-3.0000000000000001E-3' }, false],
    [null, null, null, null, null],
    ['po_3', { date: 45294 }, -9.99, 0.1, true],
  ],
  merged: ['A10:B10'],
  hiddenRows: [3],
};

describe('numbers stored as doubles', () => {
  it('keeps short text, rounds within 1e-9 of a minor unit, keeps the rest as text', () => {
    expect(xlsxNumberText('1234.56')).toEqual({ text: '1234.56', reading: 'exact' });
    expect(xlsxNumberText('1234.5600000000001')).toEqual({ text: '1234.56', reading: 'rounded' });
    expect(xlsxNumberText('-0.30000000000000004')).toEqual({ text: '-0.3', reading: 'rounded' });
    expect(xlsxNumberText('1.0000000000000001E-2')).toEqual({ text: '0.01', reading: 'rounded' });
    expect(xlsxNumberText('2.5E3')).toEqual({ text: '2500', reading: 'exact' });
    expect(xlsxNumberText('1E-3')).toEqual({ text: '0.001', reading: 'exact' });
    expect(xlsxNumberText('-0')).toEqual({ text: '0', reading: 'exact' });
    // A real seventh decimal is not noise: no rounding, the importer keeps it as text.
    expect(xlsxNumberText('0.1234567')).toEqual({ text: '0.1234567', reading: 'imprecise' });
    expect(xlsxNumberText('0.33333333333333331')).toEqual({ text: '0.33333333333333331', reading: 'imprecise' });
    // An ID Excel stored as a number has lost digits already: kept, and flagged.
    expect(xlsxNumberText('1.2345678901234567E+19')).toEqual({ text: '12345678901234567000', reading: 'imprecise' });
  });
});

describe('XLSX import', () => {
  it('loads the first visible sheet through the CSV typing rules, with exact amounts and ISO dates', async () => {
    const target = await engine();
    const bytes = writeXlsx([{ name: 'Lookup', rows: [['code'], ['x']], isHidden: true }, payouts, { name: 'Notes', rows: [['n']] }]);
    const report = await load(target, 'payouts.xlsx', bytes);
    expect(report.detected).toBe('XLSX worksheet "Payouts" (5 columns)');
    expect(report.table).toMatchObject({ name: 'payouts', sourceFile: 'payouts.xlsx', sizeBytes: bytes.length, headerLine: 1, rowCount: 3 });
    expect(report.table.columns.map((column) => [column.name, column.type, column.scale])).toEqual([
      ['payout', 'text', 0],
      ['booked', 'date', 0],
      ['amount', 'decimal', 2],
      ['fee', 'decimal', 4],
      ['settled', 'boolean', 0],
    ]);
    expect(target.query('SELECT payout, booked, amount, fee, settled FROM payouts').rows).toEqual([
      ['po_1', '2024-01-01', 123456, 123456, 1],
      ['po_2', '2024-01-02', -30, -30, 0],
      ['po_3', '2024-01-03', -999, 1000, 1],
    ]);
    expect(report.warnings).toEqual(
      expect.arrayContaining([
        'The workbook has 3 worksheets; "Payouts" was loaded. Hidden: "Lookup".',
        '2 formula cell(s): their values as last calculated in the spreadsheet were loaded.',
        '1 hidden row(s) and 0 hidden column(s) were loaded like the visible ones.',
        "1 merged cell range(s): only each range's first cell holds the value.",
        '4 number(s) stored as binary doubles (like 1234.5600000000001) were read at the decimals they were meant to have (within 1e-9 of a minor unit).',
      ]),
    );
  });

  it('loads the sheet the user names, and lists the sheets when the name is wrong', async () => {
    const target = await engine();
    const bytes = writeXlsx([payouts, { name: 'Q2 Fees', rows: [['id', 'fee'], ['a', 1.5], ['b', 2]] }]);
    const report = await load(target, 'book.xlsx', bytes, { sheet: 'Q2 Fees' });
    expect(target.query(`SELECT sum(fee) FROM "${report.table.name}"`).rows).toEqual([[350]]);
    const error = await rejectionOf(load(target, 'book.xlsx', bytes, { sheet: 'Q3' }));
    expect(error).toMatchObject({ code: 'bad-input', message: 'The workbook has no worksheet "Q3"; it has "Payouts", "Q2 Fees".' });
  });

  it('keeps imprecise numbers as text and counts them; reports lines as sheet rows', async () => {
    const target = await engine();
    // One misfit in 150 rows: the column stays a decimal (99% rule) and that cell is kept as text.
    const rows: FixtureSheet['rows'] = [['ref', 'rate']];
    for (let i = 1; i <= 150; i++) rows.push([`r${i}`, i === 40 ? { number: '0.1234567' } : { number: `${i}.25` }]);
    const report = await load(target, 'rates.xlsx', writeXlsx([{ name: 'S', rows }]));
    expect(report.warnings).toContain('1 number(s) carry more digits than can be exact (over 15 significant digits or 6 decimals) and were kept as text: the spreadsheet stored them as binary doubles.');
    expect(report.table.columns[1]).toMatchObject({ type: 'decimal', scale: 2, coercedCells: 1 });
    expect(report.coercedSamples).toEqual([{ line: 41, column: 'rate', value: '0.1234567', expected: 'decimal' }]);
    expect(target.query('SELECT rate, typeof(rate) FROM rates WHERE ref = ?', ['r40']).rows).toEqual([['0.1234567', 'blob']]);
  });

  it('maps CSV lines back to sheet rows when a cell holds a line break, and takes a header row override', async () => {
    const target = await engine();
    const bytes = writeXlsx([{ name: 'S', rows: [['Bank export'], ['id', 'address', 'amount'], ['a', 'line one\nline two', 1], ['b', 'x', 'oops'], ['c', 'y', 3], ['d', 'z', 4]] }]);
    const preview = await target.previewFile(memoryByteSource('addr.xlsx', bytes), { importId: 'p', headerLine: 2, columns: { amount: { type: 'decimal', scale: 2 } } });
    expect(preview.error).toBeUndefined();
    expect(preview.headerLine).toBe(2);
    expect(preview.coercedCells).toEqual([{ line: 4, column: 'amount', value: 'oops', expected: 'decimal' }]);
    expect(preview.sheets).toEqual(['S']);
  });

  it('refuses a zip bomb and an oversized workbook before unpacking', async () => {
    const target = await engine();
    const bomb = writeXlsx([{ name: 'S', rows: [['a'], ['1']] }], { 'xl/media/filler.xml': strToU8(' '.repeat(20_000_000)) });
    const ratio = await rejectionOf(load(target, 'bomb.xlsx', bomb));
    expect(ratio).toMatchObject({ code: 'bad-input', location: { file: 'bomb.xlsx' } });
    expect(ratio.message).toMatch(/unpacks to \d+ times its size \(the limit is 100\): refused as a possible zip bomb/);

    // 3 MB of stored noise keeps the ratio low; a directory entry declaring 210 MB trips the size limit.
    const noise = Uint8Array.from({ length: 3_000_000 }, (_, i) => (i * 2654435761) >>> 24);
    const big = writeXlsx([{ name: 'S', rows: [['a'], ['1']] }], { 'xl/media/noise.bin': noise });
    const declared = declareSize(big, 'xl/media/noise.bin', 210 * 1024 * 1024);
    const size = await rejectionOf(load(target, 'big.xlsx', declared));
    expect(size.message).toBe('This workbook unpacks to 210 MB, over the 200 MB limit for XLSX files. Export the sheet as CSV instead.');
  });

  it('a ZIP that is not a workbook is still binary content; a host without a reader says so', async () => {
    const target = await engine();
    const zip = zipSync({ 'readme.txt': strToU8('hello') });
    expect(await rejectionOf(load(target, 'archive.csv', zip))).toMatchObject({ code: 'binary-file', message: 'This is a ZIP archive without an XLSX workbook in it (no xl/workbook.xml), not a text file.' });
    const runtime = await sqliteRuntime();
    const bare = createEngine(runtime.open());
    const error = await rejectionOf(bare.importFile(memoryByteSource('p.xlsx', writeXlsx([payouts])), { importId: 'p' }));
    expect(error.message).toContain('this host has no XLSX reader');
  });
});

/** Rewrites the uncompressed size an entry's central-directory record declares. */
function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const wanted = new TextEncoder().encode(name);
  for (let p = 0; p + 46 < out.length; p++) {
    if (view.getUint32(p, true) !== 0x02014b50) continue;
    const length = view.getUint16(p + 28, true);
    const entry = out.subarray(p + 46, p + 46 + length);
    if (length === wanted.length && entry.every((byte, i) => byte === wanted[i])) {
      view.setUint32(p + 24, size, true);
      return out;
    }
  }
  throw new Error(`no entry ${name}`);
}
