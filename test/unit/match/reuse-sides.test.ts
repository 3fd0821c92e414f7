import { describe, expect, it } from 'vitest';
import type { Engine } from '../../../shared/engine';
import { importText, newEngine } from '../../support/engine';

/**
 * A re-run of the same sides reuses the previous run's arrays only while the
 * database is as that run left it; every result must be what a fresh engine
 * gives on the same data.
 */
const SPEC = {
  name: 'reuse',
  left: { table: 'ledger' },
  right: { table: 'bank' },
  keys: [{ left: 'ref', right: 'ref', normalize: ['trim', 'casefold'] }],
  amount: { left: 'amount', right: 'amount', toleranceMinor: 5 },
  date: { left: 'day', right: 'day', windowDays: 2 },
  currency: { left: 'ccy', right: 'ccy' },
};

const LEDGER = 'ref,amount,day,ccy\nA1,10.00,2024-03-01,USD\nA2,20.00,2024-03-02,USD\nA3,30.00,2024-03-03,EUR\nA4,40.00,2024-03-04,EUR\n';
const BANK = 'ref,amount,day,ccy\na1 ,10.00,2024-03-01,USD\nA2,20.04,2024-03-03,USD\nA3,29.00,2024-03-03,EUR\nZ9,40.00,2024-03-05,EUR\n';

async function setup(ledger = LEDGER, bank = BANK): Promise<Engine> {
  const engine = await newEngine();
  await importText(engine, 'ledger.csv', ledger);
  await importText(engine, 'bank.csv', bank);
  return engine;
}

function results(engine: Engine) {
  return {
    rows: engine.query('SELECT side, row_id, status, match_id, pass, currency, amount, key FROM match_reuse_rows ORDER BY side, row_id').rows,
    matches: engine.query('SELECT * FROM match_reuse_matches ORDER BY match_id').rows,
  };
}

/** What a fresh engine gives for `spec` on files with these texts. */
async function freshResults(spec: typeof SPEC, ledger: string, bank: string) {
  const fresh = await setup(ledger, bank);
  const run = fresh.match(spec);
  return { run, ...results(fresh) };
}

describe('re-running the same sides', () => {
  it('reuses them with another tolerance, and gives what a fresh engine gives', async () => {
    const engine = await setup();
    expect(engine.match(SPEC).reusedSides).toBe(false);
    const wider = { ...SPEC, amount: { ...SPEC.amount, toleranceMinor: 100 } };
    const again = engine.match(wider);
    expect(again.reusedSides).toBe(true);
    // The wider tolerance takes A3 (off by 1.00): the reused arrays were not stale.
    const fresh = await freshResults(wider, LEDGER, BANK);
    expect(results(engine)).toEqual({ rows: fresh.rows, matches: fresh.matches });
    expect(again.statuses).toEqual(fresh.run.statuses);
    expect(again.tieOut).toEqual(fresh.run.tieOut);
  });

  it('reads them again after a source row changes, and sees the change', async () => {
    const engine = await setup();
    engine.match(SPEC);
    engine.query('UPDATE bank SET amount = 3000 WHERE rowid = 3');
    const run = engine.match(SPEC);
    expect(run.reusedSides).toBe(false);
    expect(engine.query('SELECT status FROM match_reuse_rows WHERE side = \'L\' AND row_id = 3').rows).toEqual([['matched']]);
    const fresh = await freshResults(SPEC, LEDGER, BANK.replace('A3,29.00', 'A3,30.00'));
    expect(results(engine)).toEqual({ rows: fresh.rows, matches: fresh.matches });
  });

  it('reads them again after a schema change, other sides, or a filter that calls a function', async () => {
    const engine = await setup();
    engine.match(SPEC);
    engine.query('CREATE TABLE scratch (x)');
    expect(engine.match(SPEC).reusedSides).toBe(false);
    expect(engine.match({ ...SPEC, currency: undefined }).reusedSides).toBe(false);
    const filtered = { ...SPEC, left: { table: 'ledger', where: "day >= date('2024-03-02')" } };
    expect(engine.match(filtered).reusedSides).toBe(false);
    expect(engine.match(filtered).reusedSides).toBe(false);
  });

  it('reuses them after a manual decision and the side-by-side index, and applies the decision', async () => {
    const engine = await setup();
    engine.match(SPEC);
    engine.matchItems('reuse', { offset: 0, limit: 10 });
    engine.matchRecordDecision({ spec: 'reuse', action: 'match', leftIds: [4], rightIds: [4], reason: 'same payment, new reference', force: true });
    const run = engine.match(SPEC);
    expect(run.reusedSides).toBe(true);
    expect(run.manualDecisions).toBe(1);
    expect(engine.query("SELECT kind, left_id IS NULL, left_amount, right_amount FROM match_reuse_matches WHERE kind = 'manual'").rows).toEqual([['manual', 1, 4000, 4000]]);
  });

  it('reuses what the dry run read, and gives what a fresh engine gives', async () => {
    const engine = await setup();
    const preview = engine.matchPreview(SPEC);
    expect(preview.leftRows).toBe(4);
    const run = engine.match(SPEC);
    expect(run.reusedSides).toBe(true);
    const fresh = await freshResults(SPEC, LEDGER, BANK);
    expect(results(engine)).toEqual({ rows: fresh.rows, matches: fresh.matches });
    expect(run.statuses).toEqual(fresh.run.statuses);
    // A second dry run of the same sides reads nothing either, and says the same.
    expect(engine.matchPreview(SPEC)).toEqual(preview);
  });

  it('reads the sides again when a source row changed after the dry run', async () => {
    const engine = await setup();
    engine.matchPreview(SPEC);
    engine.query('UPDATE bank SET amount = 3000 WHERE rowid = 3');
    const run = engine.match(SPEC);
    expect(run.reusedSides).toBe(false);
    expect(engine.query('SELECT status FROM match_reuse_rows WHERE side = \'L\' AND row_id = 3').rows).toEqual([['matched']]);
  });

  it('does not keep sides when a source table changed while an async run was between phases', async () => {
    const engine = await setup();
    engine.match(SPEC);
    let writes = 0;
    const during = await engine.matchAsync(SPEC, {
      yieldToHost: async () => {
        // Another request served between two phases, after the sides were read.
        if (writes++ === 1) engine.query('UPDATE bank SET amount = 3000 WHERE rowid = 3');
      },
    });
    expect(during.reusedSides).toBe(true);
    // The run read the sides before the update; the next one must read them again.
    const next = engine.match(SPEC);
    expect(next.reusedSides).toBe(false);
    expect(engine.query('SELECT status FROM match_reuse_rows WHERE side = \'L\' AND row_id = 3').rows).toEqual([['matched']]);
  });
});
