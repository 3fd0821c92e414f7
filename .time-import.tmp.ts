// Temporary timing harness (not part of the project): imports one file into a fresh engine.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import initSqlJs from 'sql.js';
import { createEngine } from './shared/engine/index';
import { loadSqliteRuntime } from './shared/engine/sqlite/open-sqlite';
import { openByteSource } from './electron/cli/node-byte-source';
const require = createRequire(import.meta.url);
const runtime = await loadSqliteRuntime(initSqlJs, readFileSync(require.resolve('sql.js/dist/sql-wasm.wasm')));
const engine = createEngine(runtime.open());
const source = openByteSource(process.argv[2]!);
const t0 = performance.now();
const c0 = process.cpuUsage();
const report = await engine.importFile(source, { importId: 'bench' });
const ms = performance.now() - t0;
const cpu = process.cpuUsage(c0);
console.log(JSON.stringify({ ms: Math.round(ms), cpuMs: Math.round((cpu.user + cpu.system) / 1000), rows: report.rows, warnings: report.warnings, cols: report.table.columns.map((c) => `${c.name}:${c.type}${c.type === 'decimal' ? c.scale : ''}`).join(' ') }));
