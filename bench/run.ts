/**
 * `npm run bench`: every figure in one run on one machine, so the ratios
 * compare like with like. Writes bench/results.json and prints a table.
 * A failed check is reported, not fatal; a section that crashed exits 1.
 */
import { execFileSync } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runChromiumImports } from './chromium-import';
import { runMatchBench } from './match-bench';
import { pageOffsets } from './grid-queries';
import { runNodeImports } from './node-import';
import { runReferenceEngines } from './reference-engines';
import { buildChecks, formatReport, ok, type BenchResults, type Section } from './report';
import { ensureSampleData } from './sample-data';
import { round } from './stats';

const REPS = 3;
const root = fileURLToPath(new URL('..', import.meta.url));
const log = (line: string): void => void process.stderr.write(`${line}\n`);

async function section<T>(name: string, task: () => Promise<T>): Promise<Section<T>> {
  log(`${name}…`);
  try {
    return await task();
  } catch (error) {
    log(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' } } });
const rows = Number(values.rows);
if (!Number.isInteger(rows) || rows <= 0) throw new Error(`--rows must be a positive integer, got ${values.rows}`);

const dataDir = await ensureSampleData(root, rows, log);
const csv = join(dataDir, 'processor_balance.csv');
const fileBytes = statSync(csv).size;
const mid = pageOffsets(rows)[1]!;
const loadBefore = loadavg();

const results: BenchResults = {
  nodeImport: await section('node engine import', () => runNodeImports(csv, REPS, log)),
  reference: await section('reference engines', () => runReferenceEngines(csv, REPS, mid, log)),
  chromium: await section('chromium app import', () => runChromiumImports(root, csv, rows, REPS, log)),
  match: await section('1M × 1M matching', () => runMatchBench(root, csv, dataDir, log)),
};
const checks = buildChecks(results, mid);
const reference = ok(results.reference);
const output = {
  date: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? '',
    memGB: round(totalmem() / 1024 ** 3),
    node: process.version,
    chromium: ok(results.chromium)?.chromiumVersion ?? execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(),
    sqlite3: reference?.sqlite3Version ?? null,
    duckdb: reference?.duckdbVersion ?? null,
    // Other work on the machine makes figures noisy; the load average shows how busy it was.
    loadAverage: { before: loadBefore.map(round), after: loadavg().map(round) },
  },
  rows,
  fileMB: round(fileBytes / 1024 ** 2),
  results,
  checks,
};
const resultsPath = join(root, 'bench', 'results.json');
writeFileSync(resultsPath, `${JSON.stringify(output, null, 2)}\n`);
process.stdout.write(`\n${rows.toLocaleString('en-US')} rows, ${output.fileMB} MB, ${output.machine.cpus} CPUs, load ${loadBefore.map((v) => v.toFixed(1)).join(' ')}\n`);
process.stdout.write(`${formatReport(results, checks, mid)}\n\nwritten ${resultsPath}\n`);
if (Object.values(results).some((part) => 'error' in part)) process.exitCode = 1;
