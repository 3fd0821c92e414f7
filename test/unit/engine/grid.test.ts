import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Engine } from '../../../shared/engine';
import { importText, newEngine, rejectionOf } from '../../support/engine';

let engine: Engine;
const ROWS = 2000;
/** amount in cents for row i: deterministic, mixed signs. */
const cents = (i: number) => ((i * 7919) % 100_000) - 30_000;

beforeAll(async () => {
  engine = await newEngine();
  const lines = ['id,amount,day,note,currency'];
  for (let i = 0; i < ROWS; i++) {
    const c = cents(i);
    const amount = `${c < 0 ? '-' : ''}${Math.floor(Math.abs(c) / 100)}.${String(Math.abs(c) % 100).padStart(2, '0')}`;
    const note = i % 10 === 0 ? '100% off_sale "x"' : i % 7 === 0 ? '' : `n${i}`;
    lines.push(`${String(i).padStart(6, '0')},${amount},2024-01-${String(1 + (i % 28)).padStart(2, '0')},"${note.replace(/"/g, '""')}",${i % 3 ? 'usd' : 'eur'}`);
  }
  await importText(engine, 'pay.csv', `${lines.join('\n')}\n`);
});

describe('grid queries', () => {
  it('pages in a stable sort order with rowid as tiebreaker', () => {
    engine.ensureIndex('pay', 'amount');
    const sort = [{ column: 'amount', direction: 'asc' as const }];
    const all = engine.page({ table: 'pay', filters: {}, sort, offset: 0, limit: ROWS }).rows;
    const expected = Array.from({ length: ROWS }, (_, i) => i).sort((a, b) => cents(a) - cents(b) || a - b);
    expect(all.map((row) => row[0])).toEqual(expected.map((i) => i + 1));
    const block = engine.page({ table: 'pay', filters: {}, sort, offset: 1000, limit: 100 });
    expect(block.rows).toEqual(all.slice(1000, 1100));
    expect(block.usedIndex).toBe(true);
  });

  it('pushes text, number, date and blank filters down to SQL', () => {
    const count = (filters: Parameters<Engine['count']>[0]['filters']) => engine.count({ table: 'pay', filters });
    expect(count({ note: { kind: 'text', op: 'contains', value: '100%' } })).toBe(ROWS / 10);
    expect(count({ note: { kind: 'text', op: 'contains', value: '0%' } })).toBe(ROWS / 10);
    // % and _ are literal: "off_sale" matches, "off%sale" does not.
    expect(count({ note: { kind: 'text', op: 'contains', value: 'off_sale' } })).toBe(ROWS / 10);
    expect(count({ note: { kind: 'text', op: 'contains', value: 'off%sale' } })).toBe(0);
    expect(count({ id: { kind: 'text', op: 'startsWith', value: '0001' } })).toBe(100);
    expect(count({ id: { kind: 'text', op: 'equals', value: '000042' } })).toBe(1);
    const blanks = Array.from({ length: ROWS }, (_, i) => i).filter((i) => i % 10 !== 0 && i % 7 === 0).length;
    expect(count({ note: { kind: 'blank' } })).toBe(blanks);
    expect(count({ note: { kind: 'notBlank' } })).toBe(ROWS - blanks);
    const over = Array.from({ length: ROWS }, (_, i) => cents(i)).filter((c) => c > 12_345).length;
    expect(count({ amount: { kind: 'number', op: 'gt', value: '123.45' } })).toBe(over);
    const between = Array.from({ length: ROWS }, (_, i) => cents(i)).filter((c) => c >= -1_000 && c <= 1_000).length;
    expect(count({ amount: { kind: 'number', op: 'between', value: '-10', valueTo: '10.00' } })).toBe(between);
    expect(count({ day: { kind: 'date', from: '2024-01-05', to: '2024-01-06' } })).toBe(Array.from({ length: ROWS }, (_, i) => 1 + (i % 28)).filter((d) => d === 5 || d === 6).length);
  });

  it('treats hostile filter values as data and rejects unknown column names', async () => {
    const hostile = `'); DROP TABLE pay; --`;
    expect(engine.count({ table: 'pay', filters: { note: { kind: 'text', op: 'contains', value: hostile } } })).toBe(0);
    expect(engine.count({ table: 'pay', filters: {} })).toBe(ROWS);
    const badColumn = await rejectionOf(Promise.resolve().then(() => engine.count({ table: 'pay', filters: { 'amount" FROM pay; --': { kind: 'blank' } } })));
    expect(badColumn.code).toBe('unknown-column');
    const badSort = await rejectionOf(Promise.resolve().then(() => engine.page({ table: 'pay', filters: {}, sort: [{ column: 'rowid; DROP TABLE pay', direction: 'asc' }], offset: 0, limit: 1 })));
    expect(badSort.code).toBe('unknown-column');
    const badNumber = await rejectionOf(Promise.resolve().then(() => engine.count({ table: 'pay', filters: { amount: { kind: 'number', op: 'eq', value: '1 OR 1=1' } } })));
    expect(badNumber.code).toBe('bad-filter');
    expect(engine.count({ table: 'pay', filters: {} })).toBe(ROWS);
  });

  it('sums any selected range exactly (BigInt oracle)', () => {
    fc.assert(
      fc.property(fc.nat(ROWS - 1), fc.nat(ROWS - 1), (a, b) => {
        const [startRow, endRow] = a <= b ? [a, b] : [b, a];
        const stats = engine.rangeStats({ table: 'pay', filters: {}, sort: [], columns: ['amount'], startRow, endRow });
        let oracle = 0n;
        for (let i = startRow; i <= endRow; i++) oracle += BigInt(cents(i));
        const sign = oracle < 0n ? '-' : '';
        const abs = oracle < 0n ? -oracle : oracle;
        expect(stats.sum).toBe(`${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`);
        expect(stats.numericCells).toBe(endRow - startRow + 1);
      }),
      { numRuns: 50 },
    );
  });

  it('copies a range as TSV with decimals at their scale and IDs as text', () => {
    const tsv = engine.rangeTsv({ table: 'pay', filters: {}, sort: [], columns: ['id', 'amount', 'note'], startRow: 9, endRow: 10 });
    expect(tsv).toBe('000009\t-29.29\tn9\n000010\t49.19\t"100% off_sale ""x"""'.replace('-29.29', (cents(9) / 100).toFixed(2)).replace('49.19', (cents(10) / 100).toFixed(2)));
  });

  it('reads integers beyond 2^53 exactly in user queries', () => {
    expect(engine.query('SELECT 9007199254740993 AS big, 12 AS small').rows).toEqual([['9007199254740993', 12]]);
    expect(engine.query("SELECT dec(sum(amount), 2) FROM pay WHERE currency = 'eur'").rows[0]![0]).toMatch(/^-?\d+\.\d{2}$/);
  });

  it('round-trips the database through export and reopen', async () => {
    const bytes = engine.exportDatabase();
    const { sqliteRuntime } = await import('../../support/sqlite');
    const { createEngine } = await import('../../../shared/engine');
    const reopened = createEngine((await sqliteRuntime()).openFrom(bytes));
    expect(reopened.listTables().map((t) => [t.name, t.rowCount])).toEqual([['pay', ROWS]]);
    expect(reopened.query('SELECT sum(amount) FROM pay').rows).toEqual(engine.query('SELECT sum(amount) FROM pay').rows);
    expect(reopened.query('PRAGMA database_list').rows[0]).toEqual([0, 'main', '']);
  });
});
