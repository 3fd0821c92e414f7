import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { memoryByteSource } from '../../../electron/cli/node-byte-source';
import { newEngine } from '../../support/engine';

const CORPUS = new URL('../../../../shared/corpus/', import.meta.url);

describe('a real cross-format pair from the corpus', () => {
  it('reconciles the VR-Teilhaberbank CSV export against the same account\'s MT940', async () => {
    const engine = await newEngine();
    for (const file of ['bank_csv/vr_teilhaberbank_de.csv', 'mt940/vr_teilhaberbank_de.mta']) {
      await engine.importFile(memoryByteSource(file.split('/')[1]!, readFileSync(new URL(file, CORPUS))), { importId: file, tableName: file.endsWith('.csv') ? 'vr_csv' : 'vr_mt940' });
    }
    // The CSV has German dates and decimal commas; MT940 has YYMMDD dates and its own amounts.
    const run = engine.match({
      name: 'vr',
      left: { table: 'vr_csv' },
      right: { table: 'vr_mt940_entries' },
      keys: [],
      amount: { left: 'betrag', right: 'amount' },
      date: { left: 'buchungstag', right: 'booking_date', windowDays: 0 },
      currency: { left: 'waehrung', right: 'currency' },
    });
    expect(run.leftRows).toBe(5);
    expect(run.rightRows).toBe(5);
    expect(run.statuses).toEqual([
      { status: 'matched', currency: 'EUR', leftRows: 5, leftTotal: '-341.91', rightRows: 5, rightTotal: '-341.91', items: 5 },
    ]);
    expect(run.tieOut).toMatchObject([{ currency: 'EUR', difference: '0.00', isTied: true }]);
    expect(run.openBreaks).toBe(0);
    // Every CSV row found its own MT940 entry: the dates agree too (the Abschluss row books 28.11 with value 30.11).
    const pairs = engine.query(`SELECT l.buchungstag, l.betrag, r.booking_date, r.value_date FROM match_vr_matches m
      JOIN vr_csv l ON l.rowid = m.left_id JOIN vr_mt940_entries r ON r.rowid = m.right_id ORDER BY l.betrag`).rows;
    expect(pairs).toEqual([
      ['2025-12-01', -45311, '2025-12-01', '2025-12-01'],
      ['2025-12-01', -3990, '2025-12-01', '2025-12-01'],
      ['2025-11-27', -1790, '2025-11-27', '2025-11-27'],
      ['2025-11-28', -600, '2025-11-28', '2025-11-30'],
      ['2025-12-01', 17500, '2025-12-01', '2025-12-01'],
    ]);
  });
});
