/**
 * 1M × 1M matching: the processor export against a ledger derived from it
 * (same ids; a few rows dropped, a few amounts off by a cent, dates as days),
 * by exact key + amount tolerance + date window, every status materialised and
 * the summary computed. Runs the engine in a child Node process, and DuckDB
 * on the same two files with the same classification, in the same run.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import initSqlJs from 'sql.js';
import { DuckDBInstance } from '@duckdb/node-api';
import { createEngine } from '../shared/engine/index';
import { loadSqliteRuntime } from '../shared/engine/sqlite/open-sqlite';
import { openByteSource } from '../electron/cli/node-byte-source';
import { round } from './stats';
import { runChromiumMatch, type ChromiumMatchRun } from './chromium-match';

const MARKER = 'MATCH_RESULT ';

export const MATCH_SPEC = {
  name: 'bench',
  left: { table: 'processor_balance' },
  right: { table: 'ledger' },
  keys: [{ left: 'balance_transaction_id', right: 'ref', normalize: [] }],
  amount: { left: 'net', right: 'amount', toleranceMinor: 5 },
  date: { left: 'available_on_utc', right: 'day', windowDays: 1 },
  currency: { left: 'currency', right: 'ccy' },
  passes: ['exact', 'tolerance'],
};

interface NodeMatchRun {
  totalMs: number;
  phases: Record<string, number>;
  passes: { name: string; matches: number; elapsedMs: number }[];
  openBreaks: number;
  tied: boolean;
}

export interface MatchBenchResults {
  /** Runs in one fresh Node process: the first is cold (no JIT warm-up), the rest re-run the same spec. */
  /** firstMs: the cold run; rerunMs: median of the later runs of the same spec, which reuse the sides the first one read. */
  node: { runs: NodeMatchRun[]; firstMs: number; rerunMs: number };
  chromium: { runs: ChromiumMatchRun[]; firstMs: number; rerunMs: number } | { error: string };
  duckdbMs: number;
  duckdbStatuses: Record<string, number>;
}

const REPS = 3;

async function loadEngine() {
  const require = createRequire(import.meta.url);
  const runtime = await loadSqliteRuntime(initSqlJs, readFileSync(require.resolve('sql.js/dist/sql-wasm.wasm')));
  return createEngine(runtime.open());
}

/** Writes ledger.csv next to the export once (deterministic: every 997th row dropped, every 499th off by a cent). */
export async function ensureLedger(csvPath: string, dir: string): Promise<string> {
  const ledger = join(dir, 'ledger.csv');
  if (existsSync(ledger)) return ledger;
  const engine = await loadEngine();
  const source = openByteSource(csvPath);
  await engine.importFile(source, { importId: 'ledger' });
  source.close();
  const out = createWriteStream(ledger);
  out.write('ref,amount,day,ccy\n');
  const rows = engine.query(
    `SELECT balance_transaction_id, CASE WHEN rowid % 499 = 0 THEN net + 1 ELSE net END, substr(available_on_utc, 1, 10), upper(currency)
     FROM processor_balance WHERE rowid % 997 <> 0 ORDER BY rowid`, [], Number.MAX_SAFE_INTEGER).rows;
  let buffer = '';
  for (const [ref, cents, day, ccy] of rows) {
    const value = Number(cents);
    const abs = Math.abs(value);
    buffer += `${String(ref)},${value < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')},${String(day)},${String(ccy)}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      buffer = '';
    }
  }
  await new Promise<void>((resolve, reject) => out.end(buffer, () => resolve()).on('error', reject));
  return ledger;
}

async function child(csvPath: string, ledgerPath: string): Promise<NodeMatchRun[]> {
  const engine = await loadEngine();
  for (const [path, name] of [[csvPath, 'processor_balance'], [ledgerPath, 'ledger']] as const) {
    const source = openByteSource(path);
    await engine.importFile(source, { importId: name, tableName: name });
    source.close();
  }
  const runs: NodeMatchRun[] = [];
  for (let rep = 0; rep < REPS; rep++) {
    const started = performance.now();
    const run = engine.match(MATCH_SPEC);
    runs.push({
      totalMs: round(performance.now() - started),
      phases: Object.fromEntries(Object.entries(run.phases).map(([key, value]) => [key, round(value)])),
      passes: run.passes.map((pass) => ({ name: pass.name, matches: pass.matches, elapsedMs: round(pass.elapsedMs) })),
      openBreaks: run.openBreaks,
      tied: run.tieOut.every((line) => line.isTied),
    });
  }
  return runs;
}

function spawnChild(csvPath: string, ledgerPath: string): Promise<NodeMatchRun[]> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), csvPath, ledgerPath], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    proc.on('error', reject);
    proc.on('close', (code) => {
      const line = out.split('\n').find((candidate) => candidate.startsWith(MARKER));
      if (code !== 0 || !line) reject(new Error(`match child exited with ${code}: ${out.slice(-2000)}`));
      else resolve(JSON.parse(line.slice(MARKER.length)) as NodeMatchRun[]);
    });
  });
}

/** The same classification in DuckDB: candidates by key/currency/tolerance, unique pairs matched, the rest by status. */
async function duckdb(csvPath: string, ledgerPath: string): Promise<{ ms: number; statuses: Record<string, number> }> {
  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  await db.run(`CREATE TABLE l AS SELECT row_number() OVER () AS id, balance_transaction_id AS k, CAST(round(net * 100) AS BIGINT) AS a,
    CAST(available_on_utc AS DATE) AS d, upper(currency) AS c FROM read_csv('${csvPath}', all_varchar = false)`);
  await db.run(`CREATE TABLE r AS SELECT row_number() OVER () AS id, ref AS k, CAST(round(amount * 100) AS BIGINT) AS a, CAST(day AS DATE) AS d, ccy AS c FROM read_csv('${ledgerPath}')`);
  const started = performance.now();
  await db.run(`CREATE TABLE cand AS SELECT l.id AS x, r.id AS y, r.a - l.a AS da, r.d - l.d AS dd FROM l JOIN r ON r.k = l.k AND r.c = l.c AND abs(r.a - l.a) <= 5`);
  await db.run(`CREATE TABLE acc AS SELECT x, y, da, dd FROM (SELECT *, count(*) OVER (PARTITION BY x) AS nx, count(*) OVER (PARTITION BY y) AS ny FROM cand) WHERE nx = 1 AND ny = 1`);
  await db.run(`CREATE TABLE rows_l AS SELECT l.id, CASE WHEN acc.x IS NULL THEN 'left_only' WHEN acc.da = 0 AND abs(acc.dd) <= 1 THEN 'matched' ELSE 'matched_diff' END AS s, l.c, l.a FROM l LEFT JOIN acc ON acc.x = l.id`);
  await db.run(`CREATE TABLE rows_r AS SELECT r.id, CASE WHEN acc.y IS NULL THEN 'right_only' WHEN acc.da = 0 AND abs(acc.dd) <= 1 THEN 'matched' ELSE 'matched_diff' END AS s, r.c, r.a FROM r LEFT JOIN acc ON acc.y = r.id`);
  const reader = await db.runAndReadAll(`SELECT s, count(*) FROM (SELECT s FROM rows_l UNION ALL SELECT s FROM rows_r) GROUP BY s`);
  await db.runAndReadAll(`SELECT s, c, count(*), sum(a) FROM rows_l GROUP BY s, c UNION ALL SELECT s, c, count(*), sum(a) FROM rows_r GROUP BY s, c`);
  const ms = performance.now() - started;
  const statuses = Object.fromEntries(reader.getRows().map(([status, count]) => [String(status), Number(count)]));
  db.closeSync();
  return { ms: round(ms), statuses };
}

/** The first (cold) run, and the median of the re-runs after it. */
function firstAndRerun(values: number[]): { firstMs: number; rerunMs: number } {
  const reruns = values.slice(1).sort((a, b) => a - b);
  return { firstMs: values[0] ?? Number.NaN, rerunMs: reruns[Math.floor(reruns.length / 2)] ?? Number.NaN };
}

export async function runMatchBench(root: string, csvPath: string, dataDir: string, log: (line: string) => void): Promise<MatchBenchResults> {
  const ledger = await ensureLedger(csvPath, dataDir);
  const nodeRuns = await spawnChild(csvPath, ledger);
  for (const run of nodeRuns) log(`  sql.js match (node): ${run.totalMs} ms ${JSON.stringify(run.phases)}`);
  let chromium: MatchBenchResults['chromium'];
  try {
    const { runs } = await runChromiumMatch(root, csvPath, ledger, REPS, log);
    chromium = { runs, ...firstAndRerun(runs.map((run) => run.engineMs)) };
  } catch (error) {
    log(`  chromium match failed: ${error instanceof Error ? error.message : String(error)}`);
    chromium = { error: error instanceof Error ? error.message : String(error) };
  }
  const duck = await duckdb(csvPath, ledger);
  log(`  duckdb match: ${duck.ms} ms`);
  return { node: { runs: nodeRuns, ...firstAndRerun(nodeRuns.map((run) => run.totalMs)) }, chromium, duckdbMs: duck.ms, duckdbStatuses: duck.statuses };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [csvPath, ledgerPath] = process.argv.slice(2);
  if (!csvPath || !ledgerPath) throw new Error('usage: match-bench.ts <csv> <ledger>');
  process.stdout.write(`${MARKER}${JSON.stringify(await child(csvPath, ledgerPath))}\n`);
}
