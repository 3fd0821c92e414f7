import { describe, expect, it } from 'vitest';
import { importText, newEngine } from '../../support/engine';

const SPEC = {
  name: 'order',
  left: { table: 'ledger' },
  right: { table: 'bank' },
  keys: [{ left: 'ref', right: 'ref', normalize: [] }],
  amount: { left: 'amount', right: 'amount', toleranceMinor: 5 },
  currency: { left: 'ccy', right: 'ccy' },
};

describe('match items', () => {
  it('lists differences, ambiguous and one-sided items before clean matches, by currency, then breaks by key and matches by match id', async () => {
    const engine = await newEngine();
    // USD rows come first in the files, so a currency order that follows the files would put USD before EUR.
    await importText(engine, 'ledger.csv', [
      'ref,amount,ccy',
      'A1,10.00,USD', // clean match
      'A2,20.00,USD', // off by 2 cents
      'A3,30.00,USD', // left only
      'A4,40.00,USD', // ambiguous: two right rows with the same key and amount
      'B1,10.00,EUR', // clean match
      'B2,20.00,EUR', // off by 1 cent
      'B3,30.00,EUR', // left only
    ].join('\n'));
    await importText(engine, 'bank.csv', [
      'ref,amount,ccy',
      'A1,10.00,USD',
      'A2,20.02,USD',
      'A4,40.00,USD',
      'A4,40.00,USD',
      'B1,10.00,EUR',
      'B2,20.01,EUR',
      'C9,99.00,EUR', // right only
    ].join('\n'));
    engine.match(SPEC);
    const page = engine.matchItems('order', { offset: 0, limit: 50 });
    expect(page.items.map((item) => [item.status, item.currency, item.key])).toEqual([
      ['matched_diff', 'EUR', 'B2'],
      ['matched_diff', 'USD', 'A2'],
      ['ambiguous', 'USD', 'A4'],
      ['ambiguous', 'USD', 'A4'],
      ['left_only', 'EUR', 'B3'],
      ['left_only', 'USD', 'A3'],
      ['right_only', 'EUR', 'C9'],
      ['matched', 'EUR', 'B1'],
      ['matched', 'USD', 'A1'],
    ]);
    // Item ids are positions in the unfiltered order, so a filter keeps them.
    const filtered = engine.matchItems('order', { offset: 0, limit: 50, statuses: ['left_only'] });
    expect(filtered.items.map((item) => [item.itemId, item.key])).toEqual([[5, 'B3'], [6, 'A3']]);
    expect(page.total).toBe(9);
    // The rows behind each item: a pair's two rows, an open key's rows on its own side only.
    expect(page.items.map((item) => [item.key, item.left.rowIds, item.right.rowIds])).toEqual([
      ['B2', [6], [6]],
      ['A2', [2], [2]],
      ['A4', [4], []],
      ['A4', [], [3, 4]],
      ['B3', [7], []],
      ['A3', [3], []],
      ['C9', [], [7]],
      ['B1', [5], [5]],
      ['A1', [1], [1]],
    ]);
    expect(page.items.find((item) => item.key === 'A4' && item.right.count > 0)?.right.total).toBe('80.00');
  });

  it('shows a group match with all its member rows and their total', async () => {
    const engine = await newEngine();
    await importText(engine, 'charges.csv', ['payout,amount,ccy', 'P1,10.00,USD', 'P2,5.00,USD', 'P1,20.00,USD', 'P1,-1.50,USD', 'P3,7.00,USD'].join('\n'));
    await importText(engine, 'bank.csv', ['payout,amount,ccy', 'P1,28.50,USD', 'P2,5.00,USD'].join('\n'));
    engine.match({ ...SPEC, name: 'groups', left: { table: 'charges' }, keys: [{ left: 'payout', right: 'payout', normalize: [] }], group: { side: 'left' } });
    const page = engine.matchItems('groups', { offset: 0, limit: 50 });
    expect(page.items.map((item) => [item.status, item.key, item.left.rowIds, item.left.total, item.right.rowIds, item.right.total])).toEqual([
      ['left_only', 'P3', [5], '7.00', [], ''],
      // Clean matches in match-id order: the pair pass matched P2 before the group pass matched P1.
      ['matched', 'P2', [2], '5.00', [2], '5.00'],
      ['matched', 'P1', [1, 3, 4], '28.50', [1], '28.50'],
    ]);
  });
});
