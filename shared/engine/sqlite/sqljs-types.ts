/**
 * The slice of sql.js that the engine uses, typed structurally.
 *
 * Why not import `sql.js` types here: `@types/sql.js` pulls in Emscripten
 * typings that need the DOM or Node libs, and `shared/` sees neither. The host
 * (worker, CLI, tests) loads sql.js and hands the module to `openSqlite`.
 */

export type SqlValue = number | string | Uint8Array | bigint | null;
export type BindValue = number | string | Uint8Array | bigint | null;

export interface SqlJsStatement {
  bind(values?: BindValue[] | null): boolean;
  step(): boolean;
  get(params?: null, config?: { useBigInt?: boolean }): SqlValue[];
  getColumnNames(): string[];
  reset(): void;
  free(): boolean;
}

export interface SqlJsExecResult {
  columns: string[];
  values: SqlValue[][];
}

export interface SqlJsDatabase {
  /** Native sqlite3* pointer. sql.js keeps this property name unminified; see open-sqlite.ts. */
  db: number;
  run(sql: string, params?: BindValue[] | null): SqlJsDatabase;
  exec(sql: string, params?: BindValue[] | null, config?: { useBigInt?: boolean }): SqlJsExecResult[];
  prepare(sql: string, params?: BindValue[] | null): SqlJsStatement;
  export(): Uint8Array;
  close(): void;
  getRowsModified(): number;
  create_function(name: string, fn: (...args: SqlValue[]) => SqlValue | boolean | undefined): SqlJsDatabase;
}

/** The module object `initSqlJs()` resolves with (only what we call). */
export interface SqlJsModule {
  Database: new (data?: Uint8Array | null) => SqlJsDatabase;
  _malloc(size: number): number;
  _free(ptr: number): void;
  _sqlite3_prepare_v2(db: number, sql: number, nByte: number, ppStmt: number, pzTail: number): number;
  _sqlite3_bind_text(stmt: number, index: number, ptr: number, len: number, destructor: number): number;
  _sqlite3_bind_blob(stmt: number, index: number, ptr: number, len: number, destructor: number): number;
  _sqlite3_bind_double(stmt: number, index: number, value: number): number;
  _sqlite3_bind_int(stmt: number, index: number, value: number): number;
  _sqlite3_clear_bindings(stmt: number): number;
  _sqlite3_step(stmt: number): number;
  _sqlite3_column_type(stmt: number, column: number): number;
  _sqlite3_column_double(stmt: number, column: number): number;
  _sqlite3_column_text(stmt: number, column: number): number;
  _sqlite3_column_bytes(stmt: number, column: number): number;
  _sqlite3_reset(stmt: number): number;
  _sqlite3_finalize(stmt: number): number;
  _sqlite3_errmsg(db: number): number;
  _sqlite3_open(filename: number, ppDb: number): number;
  _sqlite3_close_v2(db: number): number;
  _RegisterExtensionFunctions(db: number): number;
  _sqlite3_backup_init(dest: number, destName: number, source: number, sourceName: number): number;
  _sqlite3_backup_step(backup: number, pages: number): number;
  _sqlite3_backup_finish(backup: number): number;
  UTF8ToString(ptr: number): string;
  /** Copies bytes into the WASM heap at `pointer` (a plain HEAP8.set). */
  writeArrayToMemory(bytes: Uint8Array, pointer: number): void;
  stringToNewUTF8(text: string): number;
}

/** Emscripten's `instantiateWasm` hook: we instantiate the module ourselves to keep its memory. */
export interface SqlJsConfig {
  instantiateWasm?(imports: object, done: (instance: object) => void): unknown;
}

/**
 * `initSqlJs` from the `sql.js` package. Its own typings describe the config
 * with WebAssembly types that `shared/` cannot name, so we accept any such
 * function and hand it a config of our own shape (see open-sqlite.ts).
 */
export type InitSqlJs = (config: never) => Promise<unknown>;
