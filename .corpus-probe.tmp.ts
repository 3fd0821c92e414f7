// Temporary probe (not part of the project).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import initSqlJs from 'sql.js';
import { createEngine } from './shared/engine/index';
import { loadSqliteRuntime } from './shared/engine/sqlite/open-sqlite';
import { memoryByteSource } from './electron/cli/node-byte-source';
const require = createRequire(import.meta.url);
const runtime = await loadSqliteRuntime(initSqlJs, readFileSync(require.resolve('sql.js/dist/sql-wasm.wasm')));
for (const path of process.argv.slice(2)) {
  const engine = createEngine(runtime.open());
  try {
    const r = await engine.importFile(memoryByteSource(path.split('/').pop()!, readFileSync(path)), { importId: 'x' });
    console.log(`\n=== ${path}: ${r.rows} rows; detected=${r.detected}; enc=${r.table.encoding} delim=${JSON.stringify(r.table.delimiter)} header=${r.table.headerLine} preamble=${r.preambleLines}`);
    for (const c of r.table.columns) console.log(`   ${c.name} [${c.label}] ${c.type}${c.type === 'decimal' ? `(${c.scale})` : ''} ${c.sourceFormat ?? ''} ${c.role ?? ''} ${c.currencyColumn ?? ''} coerced=${c.coercedCells}${c.damagedCells ? ' damaged=' + c.damagedCells : ''}`);
    for (const w of r.warnings) console.log('   W: ' + w);
    for (const t of r.controlTotals ?? []) console.log('   CT: ' + JSON.stringify(t));
    if (process.env.ROWS) console.log(JSON.stringify(engine.query(`SELECT * FROM "${r.table.name}" LIMIT 3`).rows));
  } catch (e) {
    console.log(`\n=== ${path}: ERROR ${(e as Error).message} ${JSON.stringify((e as { location?: unknown }).location)}`);
  }
}
