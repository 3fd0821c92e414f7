import { describe, expect, it } from 'vitest';
import { importText, newEngine } from '../../support/engine';

/**
 * A side's columns are read into the narrowest arrays their values allow
 * (32-bit rowids, single-precision days, 16-bit currency codes) and widened
 * when a value does not fit. Each case here needs the wide form to give the
 * right answer.
 */
const SPEC = {
  name: 'widths',
  left: { table: 'ledger' },
  right: { table: 'bank' },
  keys: [{ left: 'ref', right: 'ref', normalize: [] }],
  amount: { left: 'amount', right: 'amount', toleranceMinor: 0 },
  date: { left: 'day', right: 'day', windowDays: 1 },
  currency: { left: 'ccy', right: 'ccy' },
  passes: ['exact'],
};

describe('side arrays narrower than a double', () => {
  it('keeps rowids past 2^31 exact', async () => {
    const engine = await newEngine();
    await importText(engine, 'ledger.csv', 'ref,amount,day,ccy\nA1,10.00,2024-03-01,USD\nA2,20.00,2024-03-02,USD\n');
    await importText(engine, 'bank.csv', 'ref,amount,day,ccy\nA1,10.00,2024-03-01,USD\nA2,20.00,2024-03-02,USD\n');
    engine.query('UPDATE ledger SET rowid = rowid + 5000000000');
    const run = engine.match(SPEC);
    expect(run.statuses.find((line) => line.status === 'matched')?.items).toBe(2);
    expect(engine.query("SELECT row_id FROM match_widths_rows WHERE side = 'L' ORDER BY row_id").rows).toEqual([[5000000001], [5000000002]]);
    expect(engine.query('SELECT left_id, right_id FROM match_widths_matches ORDER BY left_id').rows).toEqual([[5000000001, 1], [5000000002, 2]]);
  });

  it('reads a day single precision would round as exactly as SQL does', async () => {
    const engine = await newEngine();
    // 2024-03-01 is Julian day 2460370.5. 2460371.99 is 1.49 days later: within a 1-day window.
    // In single precision it is 2460372.0, 1.5 days later, which rounds to 2: outside it.
    await importText(engine, 'ledger.csv', 'ref,amount,day,ccy\nA1,10.00,2024-03-01,USD\nA2,20.00,2024-03-01,USD\n');
    await importText(engine, 'bank.csv', 'ref,amount,day,ccy\nA1,10.00,2460371.99,USD\nA2,20.00,2024-03-01,USD\n', { columns: { day: { type: 'text' } } });
    const run = engine.match(SPEC);
    expect(engine.query('SELECT key, status, days FROM match_widths_matches ORDER BY key').rows).toEqual([
      ['A1', 'matched', 1],
      ['A2', 'matched', 0],
    ]);
    expect(run.statuses.find((line) => line.status === 'matched')?.items).toBe(2);
  });

  it('tells apart more than 65,536 currency codes', async () => {
    const codes = 70_000;
    const code = (i: number) => `C${i.toString(36).toUpperCase()}`;
    const rows = (i: number) => `R${i},1.00,2024-03-01,${code(i)}`;
    const ledger = ['ref,amount,day,ccy', ...Array.from({ length: codes }, (_, i) => rows(i))].join('\n');
    // The bank's last row has the key of the first and the code of the last: a 16-bit code would wrap onto the first's.
    const bank = ['ref,amount,day,ccy', ...Array.from({ length: codes - 1 }, (_, i) => rows(i + 1)), `R0,1.00,2024-03-01,${code(65_536)}`].join('\n');
    const engine = await newEngine();
    await importText(engine, 'ledger.csv', ledger);
    await importText(engine, 'bank.csv', bank);
    const run = engine.match(SPEC);
    // Status lines are per currency.
    expect(run.statuses.filter((line) => line.status === 'matched').reduce((sum, line) => sum + line.items, 0)).toBe(codes - 1);
    expect(engine.query("SELECT row_id FROM match_widths_rows WHERE status = 'left_only'").rows).toEqual([[1]]);
  }, 30_000);
});
