/**
 * The import writes ROWS_PER_STATEMENT rows per INSERT execution, with smaller
 * statements for each chunk's tail. These tests cross both kinds of boundary
 * (batch and chunk) and check that every row lands once, in order, with the
 * values, lines and counts the per-row writer gave.
 */
import { describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../../shared/engine/api';
import { NativeBatch, ROWS_PER_STATEMENT } from '../../../shared/engine/sqlite/native-batch';
import { importText, newEngine, rejectionOf } from '../../support/engine';
import { sqliteRuntime } from '../../support/sqlite';

/** Not a multiple of the batch size, and several chunks of more than one batch each. */
const ROWS = ROWS_PER_STATEMENT * 11 + 37;
const RAGGED = new Set([1000, 1500]);
const COERCED = 300;

function day(i: number): string {
  return `${String((i % 28) + 1).padStart(2, '0')}.${String((i % 12) + 1).padStart(2, '0')}.2025`;
}

/** Row i: a text id, a note (empty, quoted with escaped quotes, or plain), a skipped column, a D.M.Y date, an amount. */
function line(i: number): string {
  if (RAGGED.has(i)) return `r${i},short`;
  const note = i % 5 === 0 ? '' : i % 7 === 0 ? `"say ""hi"", ${i}"` : `note ${i}`;
  const amount = i === COERCED ? 'n/a' : `${i}.${String(i % 100).padStart(2, '0')}`;
  return `r${i},${note},junk${i},${day(i)},${amount}`;
}

describe('batched inserts', () => {
  it('every row lands exactly once, in order, across batch and chunk boundaries', async () => {
    let now = 0;
    const engine = await newEngine({ now: () => (now += 1000) });
    const text = `id,note,junk,date,amount\n${Array.from({ length: ROWS }, (_, i) => line(i)).join('\n')}\n`;
    const seen: { progress: number; stored: number }[] = [];
    const report = await importText(engine, 'batch.csv', text, { chunkBytes: 24 * 1024, columns: { junk: { skip: true } } }, {
      // The grid reads the table between chunks: what progress reports must already be there.
      onProgress: (p: ImportProgress) => seen.push({ progress: p.rows, stored: Number(engine.query('SELECT count(*) FROM batch').rows[0]![0]) }),
    });

    expect(seen.length).toBeGreaterThan(3);
    for (const s of seen) expect(s.stored).toBe(s.progress);
    expect(report.rows).toBe(ROWS - RAGGED.size);
    expect(report.table.columns.map((c) => c.name)).toEqual(['id', 'note', 'date', 'date_raw', 'amount']);
    expect(report.rejectedRows?.map((r) => r.line)).toEqual([...RAGGED].map((i) => i + 2));
    expect(engine.query('SELECT line FROM batch_rejected ORDER BY line').rows).toEqual([...RAGGED].map((i) => [i + 2]));
    // The coerced cell sits mid-batch; its line is its own, not its batch's. It is kept as a BLOB of its text.
    expect(report.coercedSamples).toEqual([{ line: COERCED + 2, column: 'amount', value: 'n/a', expected: 'decimal' }]);
    expect(engine.query(`SELECT typeof(amount) FROM batch WHERE id = 'r${COERCED}'`).rows).toEqual([['blob']]);

    const stored = engine.query('SELECT rowid, id, note, date, date_raw, amount FROM batch ORDER BY rowid', [], ROWS).rows;
    const expected = Array.from({ length: ROWS }, (_, i) => i)
      .filter((i) => !RAGGED.has(i))
      .map((i, index) => {
        const note = i % 5 === 0 ? null : i % 7 === 0 ? `say "hi", ${i}` : `note ${i}`;
        const [d, m, y] = day(i).split('.');
        const amount = i === COERCED ? 'n/a' : i * 100 + (i % 100);
        return [index + 1, `r${i}`, note, `${y}-${m}-${d}`, day(i), amount];
      });
    expect(stored.length).toBe(expected.length);
    // Compared row by row so a failure names the first wrong row instead of dumping 2,900.
    for (let r = 0; r < expected.length; r++) {
      expect(stored[r], `row ${r + 1}`).toEqual(expected[r]);
    }
  });

  it('a fatal ragged row in the middle of a batch reports its own line and leaves nothing', async () => {
    const engine = await newEngine();
    const rows = Array.from({ length: 400 }, (_, i) => ([100, 170, 250].includes(i) ? `${i},x` : `${i},x,${i}.5`));
    const error = await rejectionOf(importText(engine, 'mid.csv', `a,b,c\n${rows.join('\n')}\n`));
    expect(error).toMatchObject({ code: 'ragged-row', location: { file: 'mid.csv', line: 252 } });
    expect(engine.query("SELECT count(*) FROM sqlite_master WHERE name LIKE 'mid%'").rows).toEqual([[0]]);
  });

  it('a table too wide for a full batch gets fewer rows per statement', async () => {
    const engine = await newEngine();
    const width = 1000;
    const header = Array.from({ length: width }, (_, c) => `c${c}`).join(',');
    const body = Array.from({ length: 45 }, (_, r) => Array.from({ length: width }, (_, c) => `v${r}_${c}`).join(','));
    const report = await importText(engine, 'wide.csv', `${header}\n${body.join('\n')}\n`);
    expect(report.rows).toBe(45);
    expect(engine.query('SELECT rowid, c0, c999 FROM wide WHERE rowid IN (1, 17, 45) ORDER BY rowid').rows).toEqual([
      [1, 'v0_0', 'v0_999'],
      [17, 'v16_0', 'v16_999'],
      [45, 'v44_0', 'v44_999'],
    ]);
  });
});

describe('NativeBatch', () => {
  it('steps full statements, then power-of-two tails, and checks the announced count', async () => {
    const runtime = await sqliteRuntime();
    const sqlite = runtime.open();
    sqlite.db.run('CREATE TABLE t (a INTEGER, b TEXT)');
    const text = sqlite.module._malloc(8);
    sqlite.heap().set(new TextEncoder().encode('xy'), text);
    const sizes: number[] = [];
    const sqlFor = (rows: number) => {
      sizes.push(rows);
      return `INSERT INTO t VALUES ${Array.from({ length: rows }, () => '(?, ?)').join(', ')}`;
    };
    const batch = new NativeBatch(sqlite, sqlFor, 2, 4);
    try {
      batch.begin(11);
      for (let i = 0; i < 11; i++) {
        batch.bindNumber(1, i);
        if (i % 3 === 0) batch.bindText(2, text, 2); // others stay NULL, also after a reused statement
        batch.endRow();
      }
      batch.end();
      expect(sizes).toEqual([4, 2, 1]);
      expect(sqlite.db.exec('SELECT a, b FROM t ORDER BY rowid')[0]!.values).toEqual(Array.from({ length: 11 }, (_, i) => [i, i % 3 === 0 ? 'xy' : null]));

      batch.begin(3);
      batch.bindNumber(1, 99);
      batch.endRow();
      expect(() => batch.end()).toThrow(/2 announced row\(s\) were not written/);
      expect(() => batch.begin(1)).toThrow(/not written/);
      expect(new NativeBatch(sqlite, sqlFor, 1000).rowsPerStatement).toBe(16);
    } finally {
      batch.finalize();
      sqlite.module._free(text);
      sqlite.db.close();
    }
  });
});
