import { describe, expect, it } from 'vitest';
import type { Engine } from '../../../shared/engine';
import { importText, newEngine, rejectionOf } from '../../support/engine';

const SPEC = {
  name: 'bank',
  left: { table: 'ledger' },
  right: { table: 'bank' },
  keys: [{ left: 'ref', right: 'text', normalize: ['trim', 'casefold', { regex: 'inv-?(\\d+)' }] }],
  amount: { left: 'amount', right: 'amount', toleranceMinor: 5 },
  date: { left: 'day', right: 'day', windowDays: 3 },
};

async function setup() {
  const engine = await newEngine();
  await importText(engine, 'ledger.csv', 'ref,amount,day\nINV-100,10.00,2024-03-01\nINV-101,20.00,2024-03-02\nINV-102,30.00,2024-03-03\nINV-103,40.00,2024-03-04\n');
  await importText(engine, 'bank.csv', 'text,amount,day\n"Payment inv100 thanks",10.00,2024-03-02\nPAY INV-101,20.03,2024-03-02\nunknown payer,29.00,2024-03-20\nINV 103 partial,39.00,2024-03-05\n');
  return engine;
}

describe('manual decisions', () => {
  it('lets a later decision take rows from an earlier manual match, re-summing what is left, and drops a match left empty', async () => {
    const engine = await setup();
    engine.match(SPEC);
    engine.matchDecide({ spec: 'bank', action: 'match', leftIds: [3, 4], rightIds: [3, 4], reason: 'two short payments', force: true });
    const matches = () => engine.query("SELECT kind, left_rows, right_rows, left_amount, right_amount, delta FROM match_bank_matches WHERE kind = 'manual'").rows;
    expect(matches()).toEqual([['manual', 2, 2, 7000, 6800, -200]]);
    // Unmatching one pair leaves the other pair in the manual match, summed again.
    engine.matchDecide({ spec: 'bank', action: 'unmatch', leftIds: [4], rightIds: [4], reason: '' });
    expect(matches()).toEqual([['manual', 1, 1, 3000, 2900, -100]]);
    expect(engine.query("SELECT side, row_id, status, pass FROM match_bank_rows WHERE row_id = 4 ORDER BY side").rows).toEqual([['L', 4, 'left_only', 0], ['R', 4, 'right_only', 0]]);
    // Unmatching the rest leaves no empty manual match behind (nor an item for it).
    const { run } = engine.matchDecide({ spec: 'bank', action: 'unmatch', leftIds: [3], rightIds: [3], reason: '' });
    expect(matches()).toEqual([]);
    expect(engine.matchItems('bank', { offset: 0, limit: 50 }).items.filter((item) => item.pass === 0 && !['left_only', 'right_only'].includes(item.status))).toEqual([]);
    expect(run.tieOut.every((line) => line.isTied)).toBe(true);
  });

  it('normalises keys, explains a break, and keeps a forced manual match across re-runs with its audit entry', async () => {
    const engine = await setup();
    const first = engine.match(SPEC);
    const statuses = () => engine.query('SELECT side, row_id, status, pass FROM match_bank_rows ORDER BY side, row_id').rows;
    expect(statuses()).toEqual([
      ['L', 1, 'matched', 1], ['L', 2, 'matched_diff', 2], ['L', 3, 'left_only', null], ['L', 4, 'left_only', null],
      ['R', 1, 'matched', 1], ['R', 2, 'matched_diff', 2], ['R', 3, 'right_only', null], ['R', 4, 'right_only', null],
    ]);
    expect(first.openBreaks).toBe(5);
    expect(engine.matchPreview(SPEC)).toMatchObject({ leftRows: 4, rightRows: 4, leftKeys: 4, rightKeys: 2, rightMissingKeys: 2, expectedPairs: 2 });

    const [nearest] = engine.matchExplain('L', 3);
    expect(nearest).toMatchObject({ rowId: 3, amountDifference: '-1.00', daysApart: 17 });
    expect(nearest!.reasons).toEqual(expect.arrayContaining(['amount off by -1.00', 'date off by 17 days', 'no key on one side']));

    // Outside tolerance: refused unless forced, and a forced match needs a reason.
    expect((await rejectionOf(Promise.resolve().then(() => engine.matchDecide({ spec: 'bank', action: 'match', leftIds: [3], rightIds: [3], reason: '' })))).message).toMatch(/differs by 1\.00/);
    expect((await rejectionOf(Promise.resolve().then(() => engine.matchDecide({ spec: 'bank', action: 'match', leftIds: [3], rightIds: [3], reason: ' ', force: true })))).message).toMatch(/needs a reason/);
    const { entry, run } = engine.matchDecide({ spec: 'bank', action: 'match', leftIds: [3], rightIds: [3], reason: 'Short payment agreed with customer', force: true });
    expect(entry).toMatchObject({ action: 'match', difference: '1.00', force: true });
    expect(run.manualDecisions).toBe(1);

    // An unmatch of an automatic match, then a plain re-run: both decisions still hold.
    engine.matchDecide({ spec: 'bank', action: 'unmatch', leftIds: [2], rightIds: [2], reason: 'Different invoice, same amount' });
    const rerun = engine.match(SPEC);
    expect(statuses()).toEqual([
      ['L', 1, 'matched', 1], ['L', 2, 'left_only', 0], ['L', 3, 'matched_diff', 0], ['L', 4, 'left_only', null],
      ['R', 1, 'matched', 1], ['R', 2, 'right_only', 0], ['R', 3, 'matched_diff', 0], ['R', 4, 'right_only', null],
    ]);
    for (const line of rerun.tieOut) expect(line.isTied).toBe(true);
    expect(engine.matchAudit('bank').map((e) => [e.action, e.reason])).toEqual([
      ['match', 'Short payment agreed with customer'],
      ['unmatch', 'Different invoice, same amount'],
    ]);
    expect(engine.matchSpecs().map((s) => s.name)).toEqual(['bank']);
  });
});

describe('recording a decision without re-running (the UI re-runs it with progress and Cancel)', () => {
  const rows = (engine: Engine) => engine.query('SELECT side, row_id, status, match_id, pass FROM match_bank_rows ORDER BY side, row_id').rows;

  it('records the decision and leaves the results as they were, until a run (sync or async) replays it', async () => {
    const engine = await setup();
    const first = engine.match(SPEC);
    const before = { rows: rows(engine), items: engine.matchItems('bank', { offset: 0, limit: 50 }) };

    const entry = engine.matchRecordDecision({ spec: 'bank', action: 'match', leftIds: [3], rightIds: [3], reason: 'Short payment agreed with customer', force: true });
    expect(entry).toMatchObject({ spec: 'bank', action: 'match', leftIds: [3], rightIds: [3], force: true, difference: '1.00' });
    expect(engine.matchAudit('bank')).toEqual([entry]);
    // Not re-run: tables and the run in memory are the first run's.
    expect(rows(engine)).toEqual(before.rows);
    expect(engine.matchItems('bank', { offset: 0, limit: 50 })).toEqual(before.items);
    expect(first.manualDecisions).toBe(0);
    // A second decision is checked against the same (last) run.
    engine.matchRecordDecision({ spec: 'bank', action: 'unmatch', leftIds: [2], rightIds: [2], reason: '' });
    expect(rows(engine)).toEqual(before.rows);

    const run = await engine.matchAsync(SPEC);
    expect(run.manualDecisions).toBe(2);
    expect(engine.query('SELECT side, row_id, status, pass FROM match_bank_rows WHERE row_id IN (2, 3) ORDER BY side, row_id').rows).toEqual([
      ['L', 2, 'left_only', 0], ['L', 3, 'matched_diff', 0], ['R', 2, 'right_only', 0], ['R', 3, 'matched_diff', 0],
    ]);
  });

  it('records nothing when it refuses a decision', async () => {
    const engine = await setup();
    const refusal = (decision: Parameters<Engine['matchRecordDecision']>[0]) => rejectionOf(Promise.resolve().then(() => engine.matchRecordDecision(decision)));
    // Before any run of the spec there is nothing to check it against.
    expect((await refusal({ spec: 'bank', action: 'match', leftIds: [1], rightIds: [1], reason: '' })).message).toMatch(/Run the match "bank" first/);
    engine.match(SPEC);
    const before = rows(engine);
    expect((await refusal({ spec: 'bank', action: 'match', leftIds: [3], rightIds: [3], reason: '' })).message).toMatch(/differs by 1\.00/);
    expect((await refusal({ spec: 'bank', action: 'match', leftIds: [3], rightIds: [3], reason: ' ', force: true })).message).toMatch(/needs a reason/);
    expect((await refusal({ spec: 'bank', action: 'match', leftIds: [3], rightIds: [99], reason: 'x', force: true })).message).toMatch(/not part of this match/);
    expect((await refusal({ spec: 'bank', action: 'match', leftIds: [3], rightIds: [], reason: 'x' })).message).toMatch(/rows on both sides/);
    expect(engine.matchAudit('bank')).toEqual([]);
    expect(engine.query(`SELECT count(*) FROM _wb_match_audit`).rows).toEqual([[0]]);
    expect(rows(engine)).toEqual(before);
    expect(engine.match(SPEC).manualDecisions).toBe(0);
  });
});

describe('side-by-side items', () => {
  it('pages matches and open items, differences first, with their source rows and totals', async () => {
    const engine = await setup();
    engine.match(SPEC);
    const page = engine.matchItems('bank', { offset: 0, limit: 10 });
    expect(page.total).toBe(6);
    expect(page.items.map((item) => [item.status, item.left.count, item.right.count, item.difference])).toEqual([
      ['matched_diff', 1, 1, '0.03'],
      ['left_only', 1, 0, ''],
      ['left_only', 1, 0, ''],
      ['right_only', 0, 1, ''],
      ['right_only', 0, 1, ''],
      ['matched', 1, 1, '0.00'],
    ]);
    expect(page.items[0]!.left.rows[0]).toEqual(['INV-101', 2000, '2024-03-02']);
    expect(page.items[0]!.right.rows[0]).toEqual(['PAY INV-101', 2003, '2024-03-02']);
    expect(engine.matchItems('bank', { statuses: ['right_only'], offset: 0, limit: 10 }).items.map((item) => item.right.rowIds)).toEqual([[3], [4]]);
  });
});
