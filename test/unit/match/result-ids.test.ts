import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Engine } from '../../../shared/engine';
import { importText, newEngine } from '../../support/engine';

/**
 * The result tables number matches themselves (1:1 pairs first, then groups
 * and manual matches), apart from the run's own order. Whatever the mix, the
 * views must agree: every row's match id names one match, and each match has
 * exactly the rows it counts.
 */
const rowArb = fc.record({
  key: fc.constantFrom('P1', 'P2', 'P3', 'Q9'),
  amount: fc.integer({ min: 1, max: 6 }).map((n) => n * 500),
  day: fc.integer({ min: 1, max: 4 }),
});

function csv(rows: { key: string; amount: number; day: number }[]): string {
  return `ref,amount,day,ccy\n${rows.map((r) => `${r.key},${(r.amount / 100).toFixed(2)},2024-01-0${r.day},EUR`).join('\n')}\n`;
}

function consistency(engine: Engine, name: string) {
  const q = (sql: string) => engine.query(sql).rows;
  return {
    matches: q(`SELECT count(*), count(DISTINCT match_id) FROM match_${name}_matches`)[0],
    orphanRows: q(`SELECT count(*) FROM match_${name}_rows r WHERE r.match_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM match_${name}_matches m WHERE m.match_id = r.match_id)`)[0],
    wrongCounts: q(`SELECT m.match_id FROM match_${name}_matches m
      WHERE m.left_rows <> (SELECT count(*) FROM match_${name}_rows r WHERE r.side = 'L' AND r.match_id = m.match_id)
         OR m.right_rows <> (SELECT count(*) FROM match_${name}_rows r WHERE r.side = 'R' AND r.match_id = m.match_id)`),
    wrongPairs: q(`SELECT m.match_id FROM match_${name}_matches m WHERE m.kind = '1:1' AND (
        m.left_id <> (SELECT row_id FROM match_${name}_rows r WHERE r.side = 'L' AND r.match_id = m.match_id)
        OR m.right_id <> (SELECT row_id FROM match_${name}_rows r WHERE r.side = 'R' AND r.match_id = m.match_id))`),
    wrongPass: q(`SELECT r.side, r.row_id FROM match_${name}_rows r JOIN match_${name}_matches m ON m.match_id = r.match_id WHERE r.pass IS NOT m.pass`),
  };
}

describe('match ids in the result tables', () => {
  it('tie every row to one match with the rows it counts, across 1:1, group and manual matches', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(rowArb, { minLength: 2, maxLength: 12 }),
        fc.array(rowArb, { minLength: 2, maxLength: 12 }),
        fc.boolean(),
        fc.nat(),
        async (leftRows, rightRows, grouped, pick) => {
          const engine = await newEngine();
          await importText(engine, 'ledger.csv', csv(leftRows));
          await importText(engine, 'bank.csv', csv(rightRows));
          const spec = {
            name: 'ids', left: { table: 'ledger' }, right: { table: 'bank' },
            keys: [{ left: 'ref', right: 'ref', normalize: [] }],
            amount: { left: 'amount', right: 'amount', toleranceMinor: 500 },
            date: { left: 'day', right: 'day', windowDays: 1 },
            currency: { left: 'ccy', right: 'ccy' },
            ...(grouped ? { group: { side: 'left' } } : {}),
          };
          engine.match(spec);
          // A forced manual match of one row a side: made before every pass of the re-run.
          const leftId = (pick % leftRows.length) + 1;
          const rightId = (Math.floor(pick / 7) % rightRows.length) + 1;
          const { run } = engine.matchDecide({ spec: 'ids', action: 'match', leftIds: [leftId], rightIds: [rightId], reason: 'test', force: true });
          expect(run.manualDecisions).toBe(1);
          const found = consistency(engine, 'ids');
          expect(found.matches![0]).toBe(found.matches![1]);
          expect(found).toEqual({ matches: found.matches, orphanRows: [0], wrongCounts: [], wrongPairs: [], wrongPass: [] });
          expect(engine.query("SELECT count(*) FROM match_ids_matches WHERE kind = 'manual'").rows).toEqual([[1]]);
        },
      ),
      { numRuns: 80 },
    );
  }, 60_000);
});
