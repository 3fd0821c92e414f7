import type { SqlJsModule } from './sqljs-types';

/**
 * sql.js's raw SQLite exports, taken off the module once. Per-row code calls
 * these (as locals) instead of `module._sqlite3_…` through per-row closures:
 * in a microbenchmark reading five columns of the 1M-row sample, the scan
 * took 0.45–0.49 s that way and 0.30–0.36 s with the functions as locals.
 */
export interface NativeCalls {
  step(stmt: number): number;
  reset(stmt: number): number;
  clearBindings(stmt: number): number;
  finalize(stmt: number): number;
  columnType(stmt: number, column: number): number;
  columnDouble(stmt: number, column: number): number;
  /** Pointer to the cell's UTF-8 text (the text form of any value; 0 for NULL). */
  columnText(stmt: number, column: number): number;
  /** Byte length of the cell's text; call after columnText. */
  columnBytes(stmt: number, column: number): number;
  bindInt(stmt: number, index: number, value: number): number;
  bindDouble(stmt: number, index: number, value: number): number;
  bindText(stmt: number, index: number, pointer: number, length: number, destructor: number): number;
}

export function nativeCalls(module: SqlJsModule): NativeCalls {
  return {
    step: module._sqlite3_step,
    reset: module._sqlite3_reset,
    clearBindings: module._sqlite3_clear_bindings,
    finalize: module._sqlite3_finalize,
    columnType: module._sqlite3_column_type,
    columnDouble: module._sqlite3_column_double,
    columnText: module._sqlite3_column_text,
    columnBytes: module._sqlite3_column_bytes,
    bindInt: module._sqlite3_bind_int,
    bindDouble: module._sqlite3_bind_double,
    bindText: module._sqlite3_bind_text,
  };
}
