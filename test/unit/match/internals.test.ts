import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KeyInterner, STAGE_BATCH } from '../../../shared/engine/match/key-interner';
import { ExactSum } from '../../../shared/engine/money/exact-sum';
import { bulkInserter } from '../../../shared/engine/sqlite/bulk-insert';
import { sqliteRuntime } from '../../support/sqlite';
import { importText, newEngine } from '../../support/engine';

describe('key interner', () => {
  it('gives equal ids exactly to equal byte strings, and gives the text back', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('txn_0001', 'txn_0001 ', 'TXN_0001', 'Zürich €', '')), { maxLength: 300 }), (keys) => {
        const interner = new KeyInterner();
        const encoder = new TextEncoder();
        // Keys sit at odd offsets in a bigger buffer, as cells do in the WASM heap.
        const ids = keys.map((key) => {
          const bytes = encoder.encode(key);
          const heap = new Uint8Array(bytes.length + 7);
          heap.set(bytes, 3);
          return interner.intern(heap, 3, bytes.length);
        });
        keys.forEach((key, i) => {
          keys.forEach((other, j) => expect(ids[i] === ids[j]).toBe(key === other));
          expect(interner.text(ids[i]!)).toBe(key);
        });
        expect(interner.size).toBe(new Set(keys).size);
      }),
      { numRuns: 60 },
    );
  });

  it('gives staged keys, interned a batch at a time, the ids one-by-one interning gives', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'txn_01', 'txn_02', 'Zürich', '', 'x'.repeat(40)), { maxLength: 3 * STAGE_BATCH }), fc.integer({ min: 0, max: 5 }), (keys, preloaded) => {
        const encoder = new TextEncoder();
        const single = new KeyInterner();
        const staged = new KeyInterner();
        // Some keys interned directly first, as the empty key is during a scan.
        for (const key of keys.slice(0, preloaded)) expect(staged.internText(key)).toBe(single.internText(key));
        const expected = keys.map((key) => single.internText(key));
        const ids = new Int32Array(keys.length).fill(-7);
        const rows = new Int32Array(STAGE_BATCH);
        keys.forEach((key, i) => {
          // The heap is overwritten after each key, as the next step overwrites a cell.
          const heap = new Uint8Array(64).fill(0xff);
          const bytes = encoder.encode(key);
          heap.set(bytes, 5);
          rows[staged.staged] = i;
          staged.stage(heap, 5, bytes.length);
          heap.fill(0);
          if (staged.staged === STAGE_BATCH) staged.internStaged(ids, rows);
        });
        staged.internStaged(ids, rows);
        expect([...ids]).toEqual(expected);
        expect(staged.size).toBe(single.size);
        for (const id of expected) expect(staged.text(id)).toBe(single.text(id));
      }),
      { numRuns: 100 },
    );
  });

  it('keeps staged keys intact when a key is interned directly while they wait', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'txn_01', 'txn_02', 'Zürich', '', 'y'.repeat(33)), fc.boolean()), { maxLength: 3 * STAGE_BATCH }), (steps) => {
        const encoder = new TextEncoder();
        const mixed = new KeyInterner();
        const ids = new Int32Array(steps.length).fill(-7);
        const rows = new Int32Array(STAGE_BATCH);
        steps.forEach(([key, direct], i) => {
          if (direct) {
            // As the scan does for an empty cell: straight in, with a batch possibly waiting.
            ids[i] = mixed.internText(key);
            return;
          }
          const bytes = encoder.encode(key);
          rows[mixed.staged] = i;
          mixed.stage(bytes, 0, bytes.length);
          if (mixed.staged === STAGE_BATCH) mixed.internStaged(ids, rows);
        });
        mixed.internStaged(ids, rows);
        // Ids depend on the order keys became known, so compare keys by their texts.
        steps.forEach(([key], i) => expect(mixed.text(ids[i]!)).toBe(key));
        expect(mixed.size).toBe(new Set(steps.map(([key]) => key)).size);
        for (let id = 0; id < mixed.size; id++) expect(mixed.internText(mixed.text(id))).toBe(id);
      }),
      { numRuns: 150 },
    );
  });

  it('keeps ids stable while it grows past its first table and byte arena', () => {
    const interner = new KeyInterner();
    const ids = Array.from({ length: 50_000 }, (_, i) => interner.internText(`po_${i.toString(36).padStart(24, '0')}`));
    expect(new Set(ids).size).toBe(50_000);
    expect(interner.internText('po_' + (12_345).toString(36).padStart(24, '0'))).toBe(ids[12_345]);
    expect(interner.text(ids[49_999]!)).toBe('po_' + (49_999).toString(36).padStart(24, '0'));
  });
});

describe('exact sum', () => {
  it('agrees with a BigInt oracle across the 2^53 boundary', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -(2 ** 51), max: 2 ** 51 }), { maxLength: 400 }), (values) => {
        const sum = new ExactSum();
        values.forEach((value) => sum.add(value));
        expect(sum.value()).toBe(values.reduce((total, value) => total + BigInt(value), 0n));
        expect(sum.count).toBe(values.length);
      }),
    );
    const many = new ExactSum();
    for (let i = 0; i < 10_000; i++) many.add(2 ** 51 - 1);
    expect(many.value()).toBe(10_000n * (2n ** 51n - 1n));
  });
});

describe('bulk insert', () => {
  it('writes every row once, in order, across full and partial batches', async () => {
    const sqlite = (await sqliteRuntime()).open();
    sqlite.db.run('CREATE TABLE t (id INTEGER PRIMARY KEY, amount INTEGER, status TEXT, note TEXT)');
    const insert = bulkInserter(sqlite, 't', 4, 200);
    const rows = 1_234;
    for (let i = 1; i <= rows; i++) {
      insert.number(i);
      insert.numberOrNull(i % 7 === 0 ? Number.NaN : i * 100 - 3);
      insert.text(i % 2 ? 'matched' : 'left_only');
      if (i % 5 === 0) insert.null();
      else insert.text(`Grüße ${i % 3}`);
      insert.endRow();
    }
    insert.finish();
    const result = sqlite.db.exec('SELECT count(*), sum(id), count(amount), sum(amount), sum(status = \'matched\'), count(note) FROM t')[0]!.values[0];
    const amounts = Array.from({ length: rows }, (_, i) => i + 1).filter((i) => i % 7 !== 0);
    expect(result).toEqual([rows, (rows * (rows + 1)) / 2, amounts.length, amounts.reduce((s, i) => s + i * 100 - 3, 0), 617, rows - Math.floor(rows / 5)]);
    expect(sqlite.db.exec('SELECT note FROM t WHERE id = 1234')[0]!.values[0]).toEqual(['Grüße 1']);
  });
});

describe('grouped right side (one-to-many)', () => {
  it('names the single left row in left_id and ties out against SQL sums of the sources', async () => {
    const engine = await newEngine();
    await importText(engine, 'ledger.csv', 'ref,amount,day,ccy\nP1,100.00,2024-01-02,EUR\nP2,50.00,2024-01-03,EUR\nX9,7.00,2024-01-03,EUR\n');
    await importText(engine, 'bank.csv', 'ref,amount,day,ccy\nP1,60.00,2024-01-02,EUR\nP1,40.00,2024-01-02,EUR\nP2,49.99,2024-01-04,EUR\nP2,0.00,2024-01-04,EUR\n');
    const run = engine.match({
      name: 'split', left: { table: 'ledger' }, right: { table: 'bank' },
      keys: [{ left: 'ref', right: 'ref', normalize: [] }],
      amount: { left: 'amount', right: 'amount', toleranceMinor: 5 },
      date: { left: 'day', right: 'day', windowDays: 1 },
      currency: { left: 'ccy', right: 'ccy' },
      group: { side: 'right' },
    });
    expect(engine.query('SELECT kind, status, left_id, right_id, left_rows, right_rows, delta FROM match_split_matches ORDER BY match_id').rows).toEqual([
      ['1:n', 'matched', 1, null, 1, 2, 0],
      ['1:n', 'matched_diff', 2, null, 1, 2, -1],
    ]);
    expect(engine.query("SELECT side, row_id, status FROM match_split_rows WHERE status <> 'matched' ORDER BY side, row_id").rows).toEqual([
      ['L', 2, 'matched_diff'], ['L', 3, 'left_only'], ['R', 3, 'matched_diff'], ['R', 4, 'matched_diff'],
    ]);
    const sums = engine.query('SELECT (SELECT sum(amount) FROM ledger), (SELECT sum(amount) FROM bank)').rows[0];
    expect(run.tieOut).toEqual([expect.objectContaining({ currency: 'EUR', leftTotal: '157.00', rightTotal: '149.99', difference: '7.01', unexplained: '0.00', isTied: true })]);
    expect(sums).toEqual([15700, 14999]);
  });
});

describe('several key pairs', () => {
  it('match on all parts together, each with its own normalisers; a missing part means no key', async () => {
    const engine = await newEngine();
    // Invoice numbers repeat across merchants: the invoice alone would pair rows ambiguously.
    await importText(engine, 'erp.csv', 'merchant,invoice,amount\nM-1,INV7,10.00\nM-2,INV7,10.00\nM-3,INV8,5.00\n,INV9,1.00\n');
    await importText(engine, 'psp.csv', 'shop,ref,amount\nm2,inv7,10.00\nm1,inv7,10.00\nm3,inv8,5.00\nm4,inv9,1.00\n');
    engine.match({
      name: 'multi', left: { table: 'erp' }, right: { table: 'psp' },
      keys: [
        { left: 'merchant', right: 'shop', normalize: ['casefold', 'alnum'] },
        { left: 'invoice', right: 'ref', normalize: ['casefold'] },
      ],
      amount: { left: 'amount', right: 'amount' },
    });
    expect(engine.query('SELECT left_id, right_id, status, key FROM match_multi_matches ORDER BY left_id').rows).toEqual([
      [1, 2, 'matched', 'm1\u241Finv7'],
      [2, 1, 'matched', 'm2\u241Finv7'],
      [3, 3, 'matched', 'm3\u241Finv8'],
    ]);
    expect(engine.query("SELECT side, row_id, status, key FROM match_multi_rows WHERE status <> 'matched' ORDER BY side").rows).toEqual([
      ['L', 4, 'left_only', null],
      ['R', 4, 'right_only', 'm4\u241Finv9'],
    ]);
  });
});
