import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { importText, newEngine } from '../../support/engine';

/**
 * A deliberately naive, quadratic matcher written from the spec's rules, to
 * check the passes against: each pass goes closest first, pairing open rows
 * that are each other's only candidate at the shortest distance left; ties
 * make every row involved ambiguous.
 */
interface Row { id: number; key: string; amount: number; day: number; currency: string }
type Status = 'matched' | 'matched_diff' | 'ambiguous' | 'left_only' | 'right_only';

function naiveMatch(left: Row[], right: Row[], tolerance: number, window: number) {
  const status = { L: new Map<number, Status>(), R: new Map<number, Status>() };
  // Per pair: left and right rowids, amounts in cents, right − left, days apart (right − left).
  const pairs: [number, number, number, number, number, number][] = [];
  const passes: ((l: Row, r: Row) => boolean)[] = [
    (l, r) => l.key === r.key && l.currency === r.currency && l.amount === r.amount,
    (l, r) => l.key === r.key && l.currency === r.currency && Math.abs(r.amount - l.amount) <= tolerance,
    (l, r) => l.currency === r.currency && Math.abs(r.amount - l.amount) <= tolerance && Math.abs(r.day - l.day) <= window,
  ];
  for (const condition of passes) {
    const candidates: { l: Row; r: Row; dist: number }[] = [];
    for (const l of left) for (const r of right) {
      if (status.L.has(l.id) || status.R.has(r.id) || !condition(l, r)) continue;
      candidates.push({ l, r, dist: Math.abs(r.amount - l.amount) + Math.abs(r.day - l.day) / 1000 });
    }
    // Closest first: the shortest distance among open rows, all its candidates at once; a row
    // with one candidate there whose other row has only it too is matched, the rest ambiguous.
    for (;;) {
      const open = candidates.filter((c) => !status.L.has(c.l.id) && !status.R.has(c.r.id));
      if (open.length === 0) break;
      const shortest = Math.min(...open.map((c) => c.dist));
      const atShortest = open.filter((c) => c.dist === shortest);
      const perLeft = (id: number) => atShortest.filter((c) => c.l.id === id).length;
      const perRight = (id: number) => atShortest.filter((c) => c.r.id === id).length;
      const accepted = atShortest.filter((c) => perLeft(c.l.id) === 1 && perRight(c.r.id) === 1);
      const tied = atShortest.filter((c) => !accepted.includes(c));
      for (const c of accepted) {
        const clean = c.r.amount === c.l.amount && Math.abs(c.r.day - c.l.day) <= window;
        status.L.set(c.l.id, clean ? 'matched' : 'matched_diff');
        status.R.set(c.r.id, clean ? 'matched' : 'matched_diff');
        pairs.push([c.l.id, c.r.id, c.l.amount, c.r.amount, c.r.amount - c.l.amount, c.r.day - c.l.day]);
      }
      for (const c of tied) {
        status.L.set(c.l.id, 'ambiguous');
        status.R.set(c.r.id, 'ambiguous');
      }
    }
  }
  for (const l of left) if (!status.L.has(l.id)) status.L.set(l.id, 'left_only');
  for (const r of right) if (!status.R.has(r.id)) status.R.set(r.id, 'right_only');
  return { status, pairs: pairs.sort((a, b) => a[0] - b[0]) };
}

const rowArb = fc.record({
  key: fc.constantFrom('A1', 'A2', 'B7', 'C3', 'a1'),
  amount: fc.integer({ min: -3, max: 6 }).map((n) => n * 250),
  day: fc.integer({ min: 1, max: 9 }),
  currency: fc.constantFrom('USD', 'EUR'),
});

function csv(rows: Omit<Row, 'id'>[]): string {
  const money = (cents: number) => `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;
  return `ref,amount,day,ccy\n${rows.map((r) => `${r.key},${money(r.amount)},2024-01-0${r.day},${r.currency}`).join('\n')}\n`;
}

describe('matcher against a naive reference', () => {
  it('agrees on every row status and pair; no row is used twice; totals tie out', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(rowArb, { minLength: 1, maxLength: 14 }), fc.array(rowArb, { minLength: 1, maxLength: 14 }), fc.constantFrom(0, 250, 500), fc.constantFrom(0, 2), async (leftRows, rightRows, tolerance, window) => {
        const engine = await newEngine();
        await importText(engine, 'left.csv', csv(leftRows));
        await importText(engine, 'right.csv', csv(rightRows));
        const run = engine.match({
          name: 'prop', left: { table: 'left' }, right: { table: 'right' },
          keys: [{ left: 'ref', right: 'ref', normalize: [] }],
          amount: { left: 'amount', right: 'amount', toleranceMinor: tolerance },
          date: { left: 'day', right: 'day', windowDays: window },
          currency: { left: 'ccy', right: 'ccy' },
        });
        const expected = naiveMatch(
          leftRows.map((r, i) => ({ ...r, id: i + 1 })),
          rightRows.map((r, i) => ({ ...r, id: i + 1 })),
          tolerance, window,
        );
        const got = engine.query('SELECT side, row_id, status FROM match_prop_rows ORDER BY side, row_id').rows;
        expect(got).toEqual([
          ...[...expected.status.L].sort((a, b) => a[0] - b[0]).map(([id, s]) => ['L', id, s]),
          ...[...expected.status.R].sort((a, b) => a[0] - b[0]).map(([id, s]) => ['R', id, s]),
        ]);
        // A 1:1 match stores only its rowids; the view reads amounts and dates back from the rows.
        expect(engine.query('SELECT left_id, right_id, left_amount, right_amount, delta, days FROM match_prop_matches ORDER BY left_id').rows).toEqual(expected.pairs);
        // No row in two matches.
        expect(engine.query("SELECT count(*) FROM match_prop_rows WHERE match_id IS NOT NULL GROUP BY side, row_id HAVING count(*) > 1").rows).toEqual([]);
        for (const line of run.tieOut) expect(line.isTied).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('matches two rows a side on one key closest first: the exact pair, then the other two with their difference', async () => {
    // Found by the property above: resolved in one round, the second pair stayed open, because
    // the second right row's closest candidate was the first left row (taken by then).
    const engine = await newEngine();
    await importText(engine, 'left.csv', 'ref,amount,day,ccy\nB7,-2.50,2024-01-01,EUR\nB7,-2.50,2024-01-04,EUR\n');
    await importText(engine, 'right.csv', 'ref,amount,day,ccy\nB7,-2.50,2024-01-01,EUR\nB7,-2.50,2024-01-02,EUR\nA1,0.00,2024-01-01,USD\n');
    engine.match({
      name: 'prop', left: { table: 'left' }, right: { table: 'right' }, keys: [{ left: 'ref', right: 'ref', normalize: [] }],
      amount: { left: 'amount', right: 'amount', toleranceMinor: 0 }, date: { left: 'day', right: 'day', windowDays: 0 }, currency: { left: 'ccy', right: 'ccy' },
    });
    expect(engine.query('SELECT side, row_id, status FROM match_prop_rows ORDER BY side, row_id').rows).toEqual([
      ['L', 1, 'matched'], ['L', 2, 'matched_diff'], ['R', 1, 'matched'], ['R', 2, 'matched_diff'], ['R', 3, 'right_only'],
    ]);
    expect(engine.query('SELECT left_id, right_id, days FROM match_prop_matches ORDER BY left_id').rows).toEqual([[1, 1, 0], [2, 2, -2]]);
  });
});
