import { prepareHandle } from './native-statement';
import type { Sqlite } from './open-sqlite';

const SQLITE_ROW = 100;
const SQLITE_DONE = 101;
export const SQLITE_NULL = 5;
export const SQLITE_INTEGER = 1;
export const SQLITE_FLOAT = 2;

/**
 * Row-at-a-time reading through sql.js's raw exports, for scans of a million
 * rows: `Statement.get()` builds a JS array and a JS string per cell, which
 * costs more than the scan itself. `read` gets the statement handle for each
 * row and reads the cells it wants with `sqlite.native` (numbers directly,
 * text as a pointer and length into the WASM heap, valid until the next row).
 * Returns the number of rows.
 */
export function scanNative(sqlite: Sqlite, sql: string, read: (stmt: number) => void): number {
  const { module, db, native } = sqlite;
  const step = native.step;
  const stmt = prepareHandle(sqlite, sql);
  let count = 0;
  try {
    for (;;) {
      const rc = step(stmt);
      if (rc === SQLITE_DONE) break;
      if (rc !== SQLITE_ROW) throw new Error(module.UTF8ToString(module._sqlite3_errmsg(db.db)));
      read(stmt);
      count++;
    }
  } finally {
    native.finalize(stmt);
  }
  return count;
}
