import { createEncoder } from '../ingest/text-codec';
import { prepareHandle } from './native-statement';
import type { Sqlite } from './open-sqlite';

const SQLITE_DONE = 101;
/** SQLITE_STATIC: the bytes stay put until finish(), so SQLite need not copy them. */
const SQLITE_STATIC = 0;
const NULL = 0;
const NUMBER = 1;
const TEXT_AT = 2;

/**
 * Inserts many rows per statement execution. In sql.js one step()+reset() of
 * a single-row INSERT costs about 1 µs (1M rows ≈ 1 s) while binding costs
 * ~15 ns, so rows are bound `rowsPerStatement` at a time into one
 * `INSERT … VALUES (…),(…),…` and stepped once: 1M rows of three integers
 * take ~0.3 s. Values are queued in typed arrays (no per-row allocation);
 * repeating texts (statuses, currencies) are copied into WASM memory once.
 */
export interface BulkInserter {
  number(value: number): void;
  /** NaN and null both write NULL. */
  numberOrNull(value: number | null): void;
  null(): void;
  /** A short, repeating text (interned in WASM memory). */
  text(value: string): void;
  /** Text already in WASM memory that stays put until `finish()`. */
  textAt(pointer: number, length: number): void;
  endRow(): void;
  /** Writes the rows still pending and frees the statements. */
  finish(): void;
}

export function bulkInserter(sqlite: Sqlite, table: string, columns: number, rowsPerStatement = 200): BulkInserter {
  const { module, db } = sqlite;
  const texts = new Map<string, { pointer: number; length: number }>();
  const encoder = createEncoder();
  const statements = new Map<number, number>();
  const capacity = columns * rowsPerStatement;
  const kinds = new Uint8Array(capacity);
  const values = new Float64Array(capacity);
  const lengths = new Int32Array(capacity);
  let cell = 0;
  let rows = 0;

  function prepare(count: number): number {
    const cached = statements.get(count);
    if (cached !== undefined) return cached;
    const tuple = `(${new Array<string>(columns).fill('?').join(',')})`;
    const stmt = prepareHandle(sqlite, `INSERT INTO ${table} VALUES ${new Array<string>(count).fill(tuple).join(',')}`);
    statements.set(count, stmt);
    return stmt;
  }
  // The SQLite calls as locals (native-calls.ts): a million pairs bind three million values.
  const { bindInt, bindDouble, bindText, step, reset, clearBindings } = sqlite.native;
  function flush(): void {
    if (rows === 0) return;
    if (cell !== rows * columns) throw new Error(`bulk insert into ${table}: a row has the wrong number of values`);
    const stmt = prepare(rows);
    clearBindings(stmt);
    for (let i = 0; i < cell; i++) {
      const kind = kinds[i];
      if (kind === NUMBER) {
        // An integer bound as a double is stored as REAL and then converted back by the
        // column's INTEGER affinity; binding 32-bit integers as integers skips that.
        const value = values[i]!;
        if ((value | 0) === value) bindInt(stmt, i + 1, value);
        else bindDouble(stmt, i + 1, value);
      }
      else if (kind === TEXT_AT) bindText(stmt, i + 1, values[i]!, lengths[i]!, SQLITE_STATIC);
    }
    const rc = step(stmt);
    reset(stmt);
    if (rc !== SQLITE_DONE) throw new Error(module.UTF8ToString(module._sqlite3_errmsg(db.db)));
    cell = 0;
    rows = 0;
  }
  function push(kind: number, value: number, length: number): void {
    if (cell === capacity) throw new Error(`bulk insert into ${table}: a row has too many values`);
    kinds[cell] = kind;
    values[cell] = value;
    lengths[cell] = length;
    cell++;
  }
  const inserter: BulkInserter = {
    number: (value) => push(NUMBER, value, 0),
    numberOrNull: (value) => (value === null || Number.isNaN(value) ? push(NULL, 0, 0) : push(NUMBER, value, 0)),
    null: () => push(NULL, 0, 0),
    text(value) {
      let found = texts.get(value);
      if (!found) {
        const bytes = encoder.encode(value);
        const pointer = module._malloc(Math.max(1, bytes.length));
        sqlite.heap().set(bytes, pointer);
        found = { pointer, length: bytes.length };
        texts.set(value, found);
      }
      push(TEXT_AT, found.pointer, found.length);
    },
    textAt: (pointer, length) => push(TEXT_AT, pointer, length),
    endRow() {
      rows++;
      if (rows === rowsPerStatement) flush();
    },
    finish() {
      try {
        flush();
      } finally {
        for (const stmt of statements.values()) sqlite.native.finalize(stmt);
        statements.clear();
        for (const { pointer } of texts.values()) module._free(pointer);
        texts.clear();
      }
    },
  };
  return inserter;
}
