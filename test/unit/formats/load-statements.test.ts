import { describe, expect, it } from 'vitest';
import { memoryByteSource } from '../../../electron/cli/node-byte-source';
import type { Engine } from '../../../shared/engine';
import { importText, newEngine, rejectionOf } from '../../support/engine';
import { corpusBytes, corpusText } from './corpus-files';

function importCorpus(engine: Engine, path: string, options: { tableName?: string } = {}) {
  const name = path.split('/').pop()!;
  return engine.importFile(memoryByteSource(name, corpusBytes(path)), { importId: name, ...options });
}

function importBytes(engine: Engine, name: string, text: string) {
  return engine.importFile(memoryByteSource(name, new TextEncoder().encode(text)), { importId: name });
}

const userTables = (engine: Engine) =>
  engine.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_wb\\_%' ESCAPE '\\' ORDER BY name").rows.map((row) => row[0]);

describe('statement files through engine.importFile (importAny → loadStatements)', () => {
  it('MT940 becomes <name>_statements and <name>_entries with exact sums', async () => {
    const engine = await newEngine();
    const report = await importCorpus(engine, 'mt940/vr_teilhaberbank_de.mta');
    expect(report.detected).toBe('MT940');
    expect(report.table).toMatchObject({ name: 'vr_teilhaberbank_de_entries', rowCount: 5, encoding: 'utf-8', delimiter: '', headerLine: 0, isLoading: false, sourceFile: 'vr_teilhaberbank_de.mta' });
    expect(report.extraTables?.map((table) => [table.name, table.rowCount])).toEqual([['vr_teilhaberbank_de_statements', 3]]);
    expect(report.rows).toBe(5);
    expect(report.warnings[0]).toBe('Detected: MT940 (3 statements, 5 entries); statements are in table vr_teilhaberbank_de_statements.');
    expect(engine.listTables().map((table) => table.name).sort()).toEqual(['vr_teilhaberbank_de_entries', 'vr_teilhaberbank_de_statements']);
    // −17.90 − 6.00 − 39.90 − 453.11 + 175.00 = −341.91
    expect(engine.query('SELECT count(*), sum(amount) FROM vr_teilhaberbank_de_entries').rows).toEqual([[5, -34191]]);
    // openings 15188.85 + 15170.95 + 15164.95 = 45524.75
    expect(engine.query('SELECT count(*), sum(opening_balance), sum(entry_count) FROM vr_teilhaberbank_de_statements').rows).toEqual([[3, 4552475, 5]]);
    const amount = report.table.columns.find((column) => column.name === 'amount')!;
    expect(amount).toMatchObject({ type: 'decimal', scale: 2 });
    expect(report.table.columns.find((column) => column.name === 'booking_date')!.type).toBe('date');
    expect(engine.query("SELECT booking_date, value_date, type_code FROM vr_teilhaberbank_de_entries WHERE amount = -600").rows).toEqual([['2025-11-28', '2025-11-30', 'NMSC 805 Abschluss']]);
  });

  it('a large MT940 (26 statements) sums exactly', async () => {
    const engine = await newEngine();
    await importCorpus(engine, 'mt940/betterplace_sepa_de.sta');
    expect(engine.query('SELECT count(*), sum(amount) FROM betterplace_sepa_de_entries').rows).toEqual([[97, -926913590]]);
    expect(engine.query('SELECT count(*) FROM betterplace_sepa_de_statements').rows).toEqual([[26]]);
  });

  it('camt in Latin-1 keeps its umlauts; BAI2 control-total warnings reach the report', async () => {
    const engine = await newEngine();
    const camt = await importCorpus(engine, 'camt/actual_camt052_v8_latin1.xml');
    expect(camt.detected).toBe('camt.052');
    expect(camt.table.encoding).toBe('iso-8859-1');
    expect(engine.query('SELECT counterparty, sum(amount) FROM actual_camt052_v8_latin1_entries WHERE direction = ?', ['debit']).rows).toEqual([['Grüße aus München', -500]]);
    const bai2 = await importCorpus(engine, 'bai2/moov_sample4_continuations.txt');
    expect(engine.query('SELECT count(*), sum(amount) FROM moov_sample4_continuations_entries').rows).toEqual([[17, -30748324]]);
    expect(bai2.warnings).toContain('99 file trailer on line 116: 18 records in the file, but there are 116.');
    expect(bai2.warnings).toHaveLength(10);
  });

  it('camt.054 batch and NACHA returns', async () => {
    const engine = await newEngine();
    const batch = await importCorpus(engine, 'camt/genkgo_camt054_v4_batch.xml');
    expect(batch.warnings).toContain('The entry on line 63 is a batch that declares 2 transactions (Btch/NbOfTxs) but lists 3 TxDtls (1 more).');
    expect(engine.query('SELECT amount, currency, batch_count FROM genkgo_camt054_v4_batch_entries').rows).toEqual([[-20000000, 'SEK', 2]]);
    await importCorpus(engine, 'nacha/moov_return_WEB.ach');
    expect(engine.query('SELECT type_code, bank_reference, amount FROM moov_return_web_entries ORDER BY line').rows).toEqual([
      ['R01', '091400600000001', -12354],
      ['R03', '091400600000003', 4565],
    ]);
  });

  it('mixed currency exponents share the largest scale: JPY 500 is stored as 500.00', async () => {
    const engine = await newEngine();
    const text = [
      '01,BANK,CUST,240101,0000,1,,,2/',
      '02,CUST,BANK,1,240101,,JPY,2/',
      '03,111,JPY,010,1000,,/',
      '16,195,500,,,,JPY WIRE/',
      '49,1500,3/',
      '98,1500,1,5/',
      '02,CUST,BANK,1,240101,,KWD,2/',
      '03,222,KWD,010,100,,/',
      '16,475,250,,,,KWD CHECK/',
      '49,350,3/',
      '98,350,1,5/',
      '99,1850,2,12/',
    ].join('\n');
    const report = await importBytes(engine, 'mixed.bai', text);
    expect(report.warnings).toEqual(['Detected: BAI2 (2 statements, 2 entries); statements are in table mixed_statements.']);
    expect(report.table.columns.find((column) => column.name === 'amount')!.scale).toBe(3);
    // JPY 500 → 500.000 = 500000 at scale 3; KWD 0.250 debit → −250
    expect(engine.query('SELECT currency, amount FROM mixed_entries ORDER BY line').rows).toEqual([
      ['JPY', 500000],
      ['KWD', -250],
    ]);
    expect(engine.query('SELECT currency, opening_balance FROM mixed_statements ORDER BY line').rows).toEqual([
      ['JPY', 1000000],
      ['KWD', 100],
    ]);
  });

  it('names: a chosen table name, and a second import of the same file gets its own pair', async () => {
    const engine = await newEngine();
    await importCorpus(engine, 'mt940/citi_usd.txt', { tableName: 'Citi March' });
    await importCorpus(engine, 'mt940/citi_usd.txt', { tableName: 'Citi March' });
    expect(userTables(engine)).toEqual(['citi_march_2_entries', 'citi_march_2_statements', 'citi_march_entries', 'citi_march_statements']);
  });

  it('a cut file fails with its location and leaves nothing behind', async () => {
    const engine = await newEngine();
    await importText(engine, 'earlier.csv', 'id,amount\nA1,1.00\nA2,2.50\n');
    const cut = corpusText('mt940/vr_teilhaberbank_de.mta').split('\n').slice(0, 9).join('\n');
    const error = await rejectionOf(importBytes(engine, 'cut.mta', cut));
    expect(error).toMatchObject({ code: 'bad-input', location: { file: 'cut.mta', line: 9 } });
    expect(engine.listTables().map((table) => table.name)).toEqual(['earlier']);
    expect(userTables(engine)).toEqual(['earlier']);
    expect(engine.query('SELECT count(*) FROM earlier').rows).toEqual([[2]]);
  });

  it('a camt DOCTYPE is refused through the engine too, and CSV still takes the CSV path', async () => {
    const engine = await newEngine();
    const xml = '<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt/></Document>';
    const error = await rejectionOf(importBytes(engine, 'xxe.xml', xml));
    expect(error).toMatchObject({ code: 'bad-input', location: { line: 2 } });
    expect(error.message).toContain('DOCTYPE not allowed');
    expect(userTables(engine)).toEqual([]);
    const csv = await importText(engine, 'plain.csv', 'id,amount\nA1,1.00\n');
    expect(csv.extraTables).toBeUndefined();
    expect(csv.warnings.some((warning) => warning.startsWith('Detected: '))).toBe(false);
    expect(csv.table.name).toBe('plain');
  });
});
