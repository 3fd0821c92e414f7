import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import initSqlJs from 'sql.js';
import { loadSqliteRuntime, type SqliteRuntime } from '../../shared/engine/sqlite/open-sqlite';

const require = createRequire(import.meta.url);
let runtime: Promise<SqliteRuntime> | undefined;

/** One sql.js runtime per test process, as the worker and the CLI have. */
export function sqliteRuntime(): Promise<SqliteRuntime> {
  runtime ??= loadSqliteRuntime(initSqlJs, readFileSync(require.resolve('sql.js/dist/sql-wasm.wasm')));
  return runtime;
}
