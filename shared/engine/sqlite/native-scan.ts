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
 * costs more than the scan itself. Here the caller reads numbers directly and
 * text as (pointer, length) into the WASM heap, valid until the next step.
 */
export interface NativeRow {
  type(column: number): number;
  number(column: number): number;
  /** Pointer to the cell's UTF-8 bytes (the text form of any value). */
  textPointer(column: number): number;
  /** Byte length of the cell's text; call after textPointer. */
  textLength(column: number): number;
}

export function scanNative(sqlite: Sqlite, sql: string, params: number[], onRow: (row: NativeRow) => void): number {
  const { module, db } = sqlite;
  const stmt = prepareHandle(sqlite, sql);
  const handle = stmt;
  const row: NativeRow = {
    type: (column) => module._sqlite3_column_type(handle, column),
    number: (column) => module._sqlite3_column_double(handle, column),
    textPointer: (column) => module._sqlite3_column_text(handle, column),
    textLength: (column) => module._sqlite3_column_bytes(handle, column),
  };
  let count = 0;
  try {
    params.forEach((value, i) => module._sqlite3_bind_double(handle, i + 1, value));
    for (;;) {
      const rc = module._sqlite3_step(handle);
      if (rc === SQLITE_DONE) break;
      if (rc !== SQLITE_ROW) throw new Error(module.UTF8ToString(module._sqlite3_errmsg(db.db)));
      onRow(row);
      count++;
    }
  } finally {
    module._sqlite3_finalize(handle);
  }
  return count;
}
