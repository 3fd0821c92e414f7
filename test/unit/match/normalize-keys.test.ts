import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KeyInterner } from '../../../shared/engine/match/key-interner';
import { keyPipeline } from '../../../shared/engine/match/normalize';
import { fallbackSql, normaliseRawKeys } from '../../../shared/engine/match/normalize-keys';
import { sqliteRuntime } from '../../support/sqlite';
import type { KeyPair, Normalizer } from '../../../shared/engine/match/spec';
import { importText, newEngine } from '../../support/engine';

const PIECES = ['a', 'Z', '0', '9', ' ', '\t', '\n', '\r', '\v', '\f', '-', '_', '/', '.', 'é', 'İ', 'ß', '\u00a0', '\u2003', '€', '漢', 'txn_', 'PO-'];
const keyArb = fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).map((parts) => parts.join(''));
const stepArb = fc.constantFrom<Normalizer>('trim', 'casefold', 'alnum', { regex: '(\\d+)' }, { regex: '[a-z]+' });

describe('normalising raw keys', () => {
  it('gives each raw key the id of exactly what the string pipeline gives, byte path or not; marks it for the map exactly where the SQL fallback differs', async () => {
    const sqlite = (await sqliteRuntime()).open();
    fc.assert(
      fc.property(fc.array(keyArb, { maxLength: 40 }), fc.array(stepArb, { minLength: 1, maxLength: 3 }), (raws, steps) => {
        const pairs: KeyPair[] = [{ left: 'k', right: 'k', normalize: steps }];
        const raw = new KeyInterner();
        const ids = raws.map((text) => raw.internText(text));
        const keys = new KeyInterner();
        const { normalised, changed } = normaliseRawKeys(raw, pairs, keys);
        const pipeline = keyPipeline(pairs)!;
        raws.forEach((text, i) => {
          const expected = pipeline(text);
          const id = normalised[ids[i]!]!;
          expect(id >= 0 ? keys.text(id) : null, JSON.stringify({ text, steps })).toBe(expected);
          // What the views compute without the map, run in SQLite itself.
          const fallback = sqlite.db.exec(`SELECT ${fallbackSql(pairs, '?')}`, [text])[0]?.values[0]?.[0] ?? null;
          expect(changed[ids[i]!], JSON.stringify({ text, steps, fallback })).toBe(expected === fallback ? 0 : 1);
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('normalised keys in the result views', () => {
  it('show each row its normalised key, whether the map stores it (changed) or not (unchanged)', async () => {
    const engine = await newEngine();
    await importText(engine, 'ledger.csv', 'ref,amount\nabc,1.00\n  ABC  ,2.00\nxyz,3.00\n"   ",4.00\nQ-1,5.00\nZürich 7,6.00\n');
    await importText(engine, 'bank.csv', 'ref,amount\nabc,1.00\nXYZ,3.00\nq1,5.00\nZÜRICH-7,6.00\n');
    engine.match({ name: 'norm', left: { table: 'ledger' }, right: { table: 'bank' }, keys: [{ left: 'ref', right: 'ref', normalize: ['trim', 'casefold', 'alnum'] }], amount: { left: 'amount', right: 'amount' } });
    expect(engine.query("SELECT side, row_id, key FROM match_norm_rows ORDER BY side, row_id").rows).toEqual([
      ['L', 1, 'abc'], ['L', 2, 'abc'], ['L', 3, 'xyz'], ['L', 4, null], ['L', 5, 'q1'], ['L', 6, 'zürich7'],
      ['R', 1, 'abc'], ['R', 2, 'xyz'], ['R', 3, 'q1'], ['R', 4, 'zürich7'],
    ]);
    // Only keys the normalisers changed are stored.
    expect(engine.query('SELECT raw, key FROM match_norm_keys_l ORDER BY raw').rows).toEqual([['   ', null], ['  ABC  ', 'abc'], ['Q-1', 'q1'], ['Zürich 7', 'zürich7']]);
    expect(engine.query('SELECT raw, key FROM match_norm_keys_r ORDER BY raw').rows).toEqual([['XYZ', 'xyz'], ['ZÜRICH-7', 'zürich7']]);
    expect(engine.query("SELECT key, left_id, right_id FROM match_norm_matches ORDER BY left_id").rows).toEqual([['abc', 1, 1], ['xyz', 3, 2], ['q1', 5, 3], ['zürich7', 6, 4]]);
  });

  it('shows in the rows view exactly the key the JS pipeline gives, through the map or the SQL fallback', async () => {
    const pad = fc.array(fc.constantFrom(' ', '\u00a0', '\u2003'), { maxLength: 2 }).map((parts) => parts.join(''));
    const core = fc.array(fc.constantFrom('a', 'B', 'É', 'é', 'İ', 'ß', 'Σ', '7', '-', ' '), { minLength: 1, maxLength: 5 }).map((parts) => `k${parts.join('')}`);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(pad, core, pad).map(([a, b, c]) => a + b + c), { minLength: 1, maxLength: 12 }), fc.constantFrom<Normalizer[]>(['trim', 'casefold'], ['casefold'], ['trim']), async (keys, normalize) => {
        const engine = await newEngine();
        const csv = `ref,amount\n${keys.map((key) => `"${key}",1.00`).join('\n')}\n`;
        await importText(engine, 'ledger.csv', csv);
        await importText(engine, 'bank.csv', csv);
        engine.match({ name: 'prop', left: { table: 'ledger' }, right: { table: 'bank' }, keys: [{ left: 'ref', right: 'ref', normalize }] });
        const pipeline = keyPipeline([{ normalize }])!;
        const rows = engine.query("SELECT s.ref, r.key FROM match_prop_rows r JOIN ledger s ON s.rowid = r.row_id WHERE r.side = 'L' ORDER BY r.row_id").rows;
        for (const [raw, key] of rows) expect(key, JSON.stringify({ raw, normalize })).toBe(pipeline(String(raw)));
      }),
      { numRuns: 40 },
    );
  });
});
