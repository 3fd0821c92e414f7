/**
 * Node engine import. As a module: the runner, which spawns this same file as
 * a child per repetition so every import starts on a fresh heap and a fresh
 * WASM memory. As a script: the child, which imports one file and prints its
 * figures as one marked JSON line.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import initSqlJs from 'sql.js';
import { createEngine } from '../shared/engine/index';
import { loadSqliteRuntime } from '../shared/engine/sqlite/open-sqlite';
import { openByteSource } from '../electron/cli/node-byte-source';
import { runGridQueries, type GridResults } from './grid-queries';
import { round, summarize, type Summary } from './stats';

const MARKER = 'BENCH_RESULT ';

export interface NodeImportSample {
  wasmLoadMs: number;
  totalMs: number;
  firstRowsMs: number | null;
  rows: number;
  fileBytes: number;
  dbBytes: number;
  table: string;
  grid?: GridResults;
}

export interface NodeImportResults {
  totalMs: Summary;
  firstRowsMs: Summary | null;
  wasmLoadMs: Summary;
  rows: number;
  rowsPerSecond: number;
  mbPerSecond: number;
  dbMB: number;
  grid: GridResults | null;
}

async function child(csvPath: string, withGrid: boolean): Promise<NodeImportSample> {
  const require = createRequire(import.meta.url);
  let started = performance.now();
  const runtime = await loadSqliteRuntime(initSqlJs, readFileSync(require.resolve('sql.js/dist/sql-wasm.wasm')));
  const wasmLoadMs = performance.now() - started;
  const engine = createEngine(runtime.open());
  const source = openByteSource(csvPath);
  let firstRowsMs: number | null = null;
  started = performance.now();
  try {
    const report = await engine.importFile(source, { importId: 'bench' }, {
      onFirstRows: () => {
        firstRowsMs ??= performance.now() - started;
      },
    });
    const totalMs = performance.now() - started;
    const sample: NodeImportSample = {
      wasmLoadMs: round(wasmLoadMs),
      totalMs: round(totalMs),
      firstRowsMs: firstRowsMs === null ? null : round(firstRowsMs),
      rows: report.rows,
      fileBytes: source.size,
      dbBytes: report.dbBytesAfter,
      table: report.table.name,
    };
    if (withGrid) sample.grid = runGridQueries(engine, report.table.name, report.rows);
    return sample;
  } finally {
    source.close();
  }
}

function spawnChild(csvPath: string, withGrid: boolean): Promise<NodeImportSample> {
  const args = ['--import', 'tsx', fileURLToPath(import.meta.url), csvPath, ...(withGrid ? ['--grid'] : [])];
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.setEncoding('utf8');
    proc.stdout.on('data', (chunk: string) => (out += chunk));
    proc.on('error', reject);
    proc.on('close', (code) => {
      const line = out.split('\n').find((candidate) => candidate.startsWith(MARKER));
      if (code !== 0 || !line) reject(new Error(`node import child exited with ${code}: ${out.slice(-2000)}`));
      else resolve(JSON.parse(line.slice(MARKER.length)) as NodeImportSample);
    });
  });
}

/** `reps` imports, each in its own process; the last one also runs the grid queries. */
export async function runNodeImports(csvPath: string, reps: number, log: (line: string) => void): Promise<NodeImportResults> {
  const samples: NodeImportSample[] = [];
  for (let rep = 0; rep < reps; rep++) {
    const sample = await spawnChild(csvPath, rep === reps - 1);
    log(`  node import rep ${rep + 1}/${reps}: ${sample.totalMs} ms (first rows ${sample.firstRowsMs ?? '–'} ms)`);
    samples.push(sample);
  }
  const totalMs = summarize(samples.map((s) => s.totalMs));
  const firsts = samples.map((s) => s.firstRowsMs).filter((v): v is number => v !== null);
  const last = samples[samples.length - 1]!;
  return {
    totalMs,
    firstRowsMs: firsts.length ? summarize(firsts) : null,
    wasmLoadMs: summarize(samples.map((s) => s.wasmLoadMs)),
    rows: last.rows,
    rowsPerSecond: Math.round(last.rows / (totalMs.median / 1000)),
    mbPerSecond: round(last.fileBytes / 1024 ** 2 / (totalMs.median / 1000)),
    dbMB: round(last.dbBytes / 1024 ** 2),
    grid: last.grid ?? null,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [csvPath, flag] = process.argv.slice(2);
  if (!csvPath) throw new Error('usage: node-import.ts <csv> [--grid]');
  const sample = await child(csvPath, flag === '--grid');
  process.stdout.write(`${MARKER}${JSON.stringify(sample)}\n`);
}
