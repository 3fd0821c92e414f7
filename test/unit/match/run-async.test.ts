import { describe, expect, it } from 'vitest';
import type { Engine } from '../../../shared/engine';
import type { MatchPhase, MatchProgress } from '../../../shared/engine/api';
import { importText, newEngine, rejectionOf } from '../../support/engine';

const SPEC = {
  name: 'bank',
  left: { table: 'ledger' },
  right: { table: 'bank' },
  keys: [{ left: 'ref', right: 'text', normalize: ['trim', 'casefold', { regex: 'inv-?(\\d+)' }] }],
  amount: { left: 'amount', right: 'amount', toleranceMinor: 5 },
  date: { left: 'day', right: 'day', windowDays: 3 },
};
// Same name, so it would replace the first run's tables; no tolerance, so its results differ.
const STRICT = { ...SPEC, amount: { left: 'amount', right: 'amount' } };

const PHASES: readonly MatchPhase[] = ['load', 'passes', 'summary', 'write'];

async function setup(): Promise<Engine> {
  const engine = await newEngine();
  await importText(engine, 'ledger.csv', 'ref,amount,day\nINV-100,10.00,2024-03-01\nINV-101,20.00,2024-03-02\nINV-102,30.00,2024-03-03\nINV-103,40.00,2024-03-04\n');
  await importText(engine, 'bank.csv', 'text,amount,day\n"Payment inv100 thanks",10.00,2024-03-02\nPAY INV-101,20.03,2024-03-02\nunknown payer,29.00,2024-03-20\nINV 103 partial,39.00,2024-03-05\n');
  return engine;
}

/** Everything a run leaves behind that a cancelled run must not touch: result tables, the run in memory, the saved spec. */
function snapshot(engine: Engine) {
  return {
    rows: engine.query('SELECT side, row_id, status, match_id, pass, currency, amount, key FROM match_bank_rows ORDER BY side, row_id').rows,
    matches: engine.query('SELECT * FROM match_bank_matches ORDER BY 1').rows,
    leftOnly: engine.query('SELECT * FROM match_bank_left_only').rows,
    items: engine.matchItems('bank', { offset: 0, limit: 50 }),
    explain: engine.matchExplain('L', 3),
    specs: engine.matchSpecs(),
  };
}

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('async match runs', () => {
  it('report every phase in order, done ≤ total, and give the same result as the synchronous run', async () => {
    const engine = await setup();
    const reports: MatchProgress[] = [];
    let yields = 0;
    const run = await engine.matchAsync(SPEC, {
      onProgress: (progress) => reports.push(progress),
      isCancelled: () => false,
      yieldToHost: async () => {
        yields += 1;
        await macrotask();
      },
    });

    expect(reports.map((report) => report.phase).filter((phase, i, all) => all[i - 1] !== phase)).toEqual(PHASES);
    for (const [i, report] of reports.entries()) {
      expect(report.done).toBeGreaterThanOrEqual(0);
      expect(report.done).toBeLessThanOrEqual(report.total);
      const previous = reports[i - 1];
      if (previous?.phase === report.phase) expect(report.done).toBeGreaterThan(previous.done);
    }
    // Both sides' loads, each of the two applicable passes (exact, tolerance; amountDate finds nothing new) ...
    expect(reports.filter((report) => report.phase === 'load')).toEqual([{ phase: 'load', done: 0, total: 2 }, { phase: 'load', done: 1, total: 2 }]);
    expect(reports.filter((report) => report.phase === 'passes').map((report) => report.done)).toEqual(run.passes.map((_, i) => i));
    expect(reports.at(-1)).toEqual({ phase: 'write', done: 1, total: 1 });
    // ... and a yield after every report but the last (the write is done then: nothing left to stop).
    expect(yields).toBe(reports.length - 1);

    const rows = engine.query('SELECT * FROM match_bank_rows ORDER BY side, row_id').rows;
    const sync = engine.match(SPEC);
    const strip = ({ elapsedMs: _elapsed, phases: _phases, hostMs: _host, reusedSides: _reused, passes, ...rest }: typeof run) => ({ ...rest, passes: passes.map(({ elapsedMs: _ms, ...pass }) => pass) });
    expect(strip(run)).toEqual(strip(sync));
    expect(engine.query('SELECT * FROM match_bank_rows ORDER BY side, row_id').rows).toEqual(rows);
    expect(Object.values(run.phases).every((ms) => ms >= 0)).toBe(true);
    // The elapsed time is the wall clock: the phases plus the time handed back to the host (each yield waited a macrotask).
    expect(run.hostMs).toBeGreaterThan(0);
    expect(run.elapsedMs).toBeCloseTo(Object.values(run.phases).reduce((sum, ms) => sum + ms, 0) + run.hostMs!, 6);
    expect(sync.hostMs).toBeUndefined();
  });

  it('cancelled at any point before the write, throws "cancelled" and leaves the earlier run, its tables and its spec as they were', async () => {
    const engine = await setup();
    const first = engine.match(SPEC);
    const before = snapshot(engine);
    // The tolerance pass matched 20.00 with 20.03; the strict spec below would leave it one-sided.
    expect(engine.query("SELECT status FROM match_bank_rows WHERE side = 'L' AND row_id = 2").rows).toEqual([['matched_diff']]);

    // How many reports the strict run makes before its write starts (counted in another case): cancel after each in turn.
    const reports: MatchProgress[] = [];
    await (await setup()).matchAsync(STRICT, { onProgress: (progress) => reports.push(progress) });
    const stops = reports.findIndex((report) => report.phase === 'write' && report.done === 0) + 1;
    expect(stops).toBe(reports.length - 1);

    for (let stop = 1; stop <= stops; stop++) {
      let seen = 0;
      const failure = await rejectionOf(
        engine.matchAsync(STRICT, {
          onProgress: () => void (seen += 1),
          isCancelled: () => seen >= stop,
          yieldToHost: macrotask,
        }),
      );
      expect(failure).toMatchObject({ code: 'cancelled' });
      expect(failure.message).toMatch(/cancelled/i);
      expect(seen).toBe(stop);
      expect(snapshot(engine)).toEqual(before);
    }

    // The decision flow still works on the kept run, and a later run goes through.
    const { run } = engine.matchDecide({ spec: 'bank', action: 'match', leftIds: [3], rightIds: [3], reason: 'agreed', force: true });
    expect(run.manualDecisions).toBe(1);
    const strict = await engine.matchAsync(STRICT);
    expect(strict.passes.map((pass) => pass.name)).not.toContain('tolerance');
    expect(first.passes.map((pass) => pass.name)).toContain('tolerance');
    expect(engine.query("SELECT status FROM match_bank_rows WHERE side = 'L' AND row_id = 2").rows).toEqual([['left_only']]);
  });

  it('refuses to re-run, decide (or record a decision) or drop a source table while a run is under way, and serves the kept run meanwhile', async () => {
    const engine = await setup();
    engine.match(SPEC);
    const before = snapshot(engine);
    const during: { run?: string; decide?: string; record?: string; drop?: string; items?: number } = {};
    const codeOf = (call: () => unknown) => {
      try {
        call();
        return 'ok';
      } catch (error) {
        return (error as { code: string }).code;
      }
    };
    let paused = false;
    const running = engine.matchAsync(STRICT, {
      yieldToHost: async () => {
        if (paused) return;
        paused = true;
        during.run = codeOf(() => engine.match(SPEC));
        during.decide = codeOf(() => engine.matchDecide({ spec: 'bank', action: 'unmatch', leftIds: [1], rightIds: [1], reason: '' }));
        during.record = codeOf(() => engine.matchRecordDecision({ spec: 'bank', action: 'unmatch', leftIds: [1], rightIds: [1], reason: '' }));
        during.drop = codeOf(() => engine.dropTable('bank'));
        during.items = engine.matchItems('bank', { offset: 0, limit: 50 }).items.length;
        await macrotask();
      },
    });
    expect(await rejectionOf(engine.matchAsync(SPEC))).toMatchObject({ code: 'bad-input', message: expect.stringMatching(/still running/) });
    await running;
    expect(during).toEqual({ run: 'bad-input', decide: 'bad-input', record: 'bad-input', drop: 'bad-input', items: before.items.items.length });
    expect(engine.matchAudit('bank')).toEqual([]);
    expect(engine.listTables().map((table) => table.name)).toEqual(expect.arrayContaining(['ledger', 'bank']));
    // Idle again: a plain run is accepted.
    expect(engine.match(SPEC).spec.name).toBe('bank');
  });
});
