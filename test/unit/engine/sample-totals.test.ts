import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { openByteSource } from '../../../electron/cli/node-byte-source';
import { parseToScaled } from '../../../shared/engine/money/decimal';
import { generateSampleData } from '../../../resources/sample-data/generate';
import { newEngine } from '../../support/engine';

describe('importing the generated sample', () => {
  it('gives per-currency totals that tie out to the manifest, to the minor unit', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'recon-sample-'));
    const manifest = await generateSampleData({ rows: 30_000, seed: 7, outDir });
    const engine = await newEngine();
    for (const file of [manifest.files.processorBalance, manifest.files.bankStatement]) {
      const source = openByteSource(join(outDir, file));
      await engine.importFile(source, { importId: file });
      source.close();
    }
    const table = engine.getTable('processor_balance');
    expect(table.rowCount).toBe(30_000);
    const types = Object.fromEntries(table.columns.map((c) => [c.name, c.type]));
    expect(types).toMatchObject({ gross: 'decimal', fee: 'decimal', net: 'decimal', merchant_order_ref: 'text', arn: 'text', balance_transaction_id: 'text' });

    const rows = engine.query('SELECT currency, count(*), dec(sum(gross), 2), dec(sum(fee), 2), dec(sum(net), 2) FROM processor_balance GROUP BY currency').rows;
    const scaled = (text: string) => parseToScaled(text, 2);
    const got = Object.fromEntries(rows.map(([currency, count, gross, fee, net]) => [currency, { count, gross: scaled(String(gross)), fee: scaled(String(fee)), net: scaled(String(net)) }]));
    const expected = Object.fromEntries(
      Object.entries(manifest.totals).map(([currency, totals]) => [currency, { count: totals.count, gross: scaled(totals.gross), fee: scaled(totals.fee), net: scaled(totals.net) }]),
    );
    expect(got).toEqual(expected);

    const bank = engine.query('SELECT lower(currency), count(*), dec(sum(amount), 2) FROM bank_statement GROUP BY 1').rows;
    expect(Object.fromEntries(bank.map(([currency, count, amount]) => [currency, [count, scaled(String(amount))]]))).toEqual(
      Object.fromEntries(Object.entries(manifest.bankTotals).map(([currency, totals]) => [currency, [totals.count, scaled(totals.amount)]])),
    );
    // IDs keep their leading zeros exactly as written.
    const head = readFileSync(join(outDir, manifest.files.processorBalance), 'utf8').slice(0, 4096);
    const firstRef = Papa.parse<string[]>(head, { newline: '\n' }).data[1]!.at(-2);
    expect(engine.query('SELECT merchant_order_ref FROM processor_balance WHERE rowid = 1').rows[0]![0]).toBe(firstRef);
  });
});
