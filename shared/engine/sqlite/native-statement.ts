import type { Sqlite } from './open-sqlite';

const SQLITE_OK = 0;
const SQLITE_DONE = 101;
/** SQLITE_STATIC: SQLite may use the bytes without copying until the next reset. */
const SQLITE_STATIC = 0;

/**
 * A prepared statement driven through sql.js's raw exports.
 *
 * sql.js's own `Statement.bind(array)` allocates and frees a C string per
 * value; at 12 M cells that dominated import time. Here the caller puts the
 * row's bytes in WASM memory once and binds each field as (pointer, length).
 */
export interface NativeStatement {
  clearBindings(): void;
  bindText(index: number, pointer: number, length: number): void;
  bindBlob(index: number, pointer: number, length: number): void;
  bindNumber(index: number, value: number): void;
  /** Runs an INSERT/UPDATE to completion and resets for the next row. */
  run(): void;
  finalize(): void;
}

/** Compiles `sql` through the raw exports and returns the sqlite3_stmt pointer. */
export function prepareHandle(sqlite: Sqlite, sql: string): number {
  const { module, db } = sqlite;
  const sqlPointer = module.stringToNewUTF8(sql);
  const handleSlot = module._malloc(4);
  try {
    const rc = module._sqlite3_prepare_v2(db.db, sqlPointer, -1, handleSlot, 0);
    if (rc !== SQLITE_OK) throw new Error(`prepare failed: ${module.UTF8ToString(module._sqlite3_errmsg(db.db))}`);
    const heap = sqlite.heap();
    return heap[handleSlot]! | (heap[handleSlot + 1]! << 8) | (heap[handleSlot + 2]! << 16) | (heap[handleSlot + 3]! << 24);
  } finally {
    module._free(handleSlot);
    module._free(sqlPointer);
  }
}

export function prepareNative(sqlite: Sqlite, sql: string): NativeStatement {
  const { module, db } = sqlite;
  const handle = prepareHandle(sqlite, sql);
  const stmt = handle;
  function check(rc: number): void {
    if (rc !== SQLITE_OK) throw new Error(module.UTF8ToString(module._sqlite3_errmsg(db.db)));
  }
  return {
    clearBindings: () => void module._sqlite3_clear_bindings(stmt),
    bindText: (index, pointer, length) => check(module._sqlite3_bind_text(stmt, index, pointer, length, SQLITE_STATIC)),
    bindBlob: (index, pointer, length) => check(module._sqlite3_bind_blob(stmt, index, pointer, length, SQLITE_STATIC)),
    // Integral doubles land as INTEGER in INTEGER-affinity columns; bind_int is only 32-bit.
    bindNumber: (index, value) => check(module._sqlite3_bind_double(stmt, index, value)),
    run() {
      const rc = module._sqlite3_step(stmt);
      if (rc !== SQLITE_DONE) {
        const message = module.UTF8ToString(module._sqlite3_errmsg(db.db));
        module._sqlite3_reset(stmt);
        throw new Error(message);
      }
      module._sqlite3_reset(stmt);
    },
    finalize: () => void module._sqlite3_finalize(stmt),
  };
}
