import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KeyInterner } from '../../../shared/engine/match/key-interner';
import { keyPipeline } from '../../../shared/engine/match/normalize';
import { normaliseRawKeys } from '../../../shared/engine/match/normalize-keys';
import type { KeyPair, Normalizer } from '../../../shared/engine/match/spec';
import { importText, newEngine } from '../../support/engine';

const PIECES = ['a', 'Z', '0', '9', ' ', '\t', '\n', '\r', '\v', '\f', '-', '_', '/', '.', 'é', 'İ', 'ß', '\u00a0', '\u2003', '€', '漢', 'txn_', 'PO-'];
const keyArb = fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).map((parts) => parts.join(''));
const stepArb = fc.constantFrom<Normalizer>('trim', 'casefold', 'alnum', { regex: '(\\d+)' }, { regex: '[a-z]+' });

describe('normalising raw keys', () => {
  it('gives each raw key the id of exactly what the string pipeline gives, byte path or not', () => {
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
          expect(changed[ids[i]!]).toBe(expected === text ? 0 : 1);
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
});
