import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importText, newEngine } from '../../support/engine';

describe('net = gross − fee', () => {
  it('names the Stripe payout row whose net does not follow from gross and fee', async () => {
    const engine = await newEngine();
    const file = join(__dirname, '../../../../shared/corpus/stripe/smashpig_settlement_report.csv');
    const report = await importText(engine, 'settlement.csv', readFileSync(file));
    // Line 8 (row 7): the payout row po_123 has gross 24, fee 0, net 23.05 (SOURCES.md: fixture inconsistency).
    expect(report.warnings.filter((w) => w.startsWith('net ≠ gross − fee'))).toEqual([
      'net ≠ gross − fee on 1 row(s): row 7: gross 24.00 − fee 0.00 = 24.00, but net is 23.05 (off by -0.95).',
    ]);
  });

  it('says nothing when every row adds up', async () => {
    const engine = await newEngine();
    const report = await importText(engine, 'ok.csv', 'id,gross,fee,net\na,10.00,0.59,9.41\nb,-5.00,0.00,-5.00\n');
    expect(report.warnings.some((w) => w.startsWith('net ≠'))).toBe(false);
  });
});
