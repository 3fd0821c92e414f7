/**
 * The yardsticks: native sqlite3's `.import` (the ratio the product promises
 * to stay within) and DuckDB's `read_csv`, on the same file in the same run.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { msSince, repeat, round, summarize, type Summary } from './stats';

const SQLITE3 = '/usr/bin/sqlite3';
const QUERY_RUNS = 5;

export interface ReferenceResults {
  sqlite3Version: string;
  duckdbVersion: string;
  sqliteFileImportMs: Summary;
  sqliteMemoryImportMs: Summary;
  sqliteMemoryCount: number;
  sqliteIndexMs: number;
  sqlitePageMs: Summary;
  duckdbImportMs: Summary;
  duckdbRows: number;
  duckdbPageMs: Summary;
}

function run(command: string, args: string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const proc = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    // sqlite3 reads stdin only when no commands are given as arguments; empty stdin ends it otherwise.
    proc.stdin.end(input ?? '');
    let out = '';
    let err = '';
    proc.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    proc.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    proc.on('error', reject);
    proc.on('close', (code) => (code === 0 && err.trim() === '' ? resolve(out) : reject(new Error(`${command} ${args.join(' ')} → ${code}: ${err.slice(0, 2000)}`))));
  });
}

/** The sorted-page query of the grid, as plain SQL over the reference table `t`. */
export function sortedPageSql(offset: number): string {
  return `SELECT * FROM t ORDER BY gross, rowid LIMIT 100 OFFSET ${offset}`;
}

/**
 * Index build and sorted page timed inside one sqlite3 session with `.timer on`,
 * so process start-up and opening the file are not counted. The 3.40 shell
 * prints timings only for statements read from stdin, at 1 ms resolution.
 * Note `.import` makes every column TEXT, so this sorts gross as text.
 */
async function sqlitePageQuery(dbPath: string, offset: number): Promise<{ indexMs: number; pageMs: Summary }> {
  const page = sortedPageSql(offset);
  const script = ['.timer on', 'CREATE INDEX t_gross ON t(gross);', ...Array<string>(QUERY_RUNS).fill(`${page};`)].join('\n');
  const out = await run(SQLITE3, [dbPath], `${script}\n`);
  const times = [...out.matchAll(/^Run Time: real ([\d.]+)/gm)].map((match) => Number(match[1]) * 1000);
  if (times.length !== QUERY_RUNS + 1) throw new Error(`sqlite3 printed ${times.length} timings, expected ${QUERY_RUNS + 1}`);
  return { indexMs: round(times[0]!), pageMs: summarize(times.slice(1)) };
}

async function sqliteImports(csvPath: string, reps: number, pageOffset: number, log: (line: string) => void) {
  const dir = mkdtempSync(join(tmpdir(), 'recon-bench-'));
  const dbPath = join(dir, 'ref.db');
  try {
    const fileImport = await repeat(reps, async (rep) => {
      rmSync(dbPath, { force: true });
      const started = process.hrtime.bigint();
      await run(SQLITE3, [dbPath, '-cmd', '.mode csv', `.import ${csvPath} t`]);
      const ms = msSince(started);
      log(`  sqlite3 file .import rep ${rep + 1}/${reps}: ${round(ms)} ms`);
      return ms;
    });
    let count = 0;
    const memoryImport = await repeat(reps, async (rep) => {
      const started = process.hrtime.bigint();
      const out = await run(SQLITE3, [':memory:', '.mode csv', `.import ${csvPath} t`, 'select count(*) from t']);
      const ms = msSince(started);
      count = Number(out.trim());
      log(`  sqlite3 :memory: .import rep ${rep + 1}/${reps}: ${round(ms)} ms`);
      return ms;
    });
    const query = await sqlitePageQuery(dbPath, pageOffset);
    return { fileImport, memoryImport, count, ...query };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function duckdbImports(csvPath: string, reps: number, pageOffset: number, log: (line: string) => void) {
  // Filled by the last repetition, while its instance is still open.
  const last: { rows: number; version: string; pageMs?: Summary } = { rows: 0, version: '' };
  // Single quotes are the only thing to escape in a SQL string literal.
  const literal = `'${csvPath.replace(/'/g, "''")}'`;
  const importMs = await repeat(reps, async (rep) => {
    // A fresh in-memory instance per repetition, like a fresh process for the others.
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      const started = process.hrtime.bigint();
      await connection.run(`CREATE TABLE t AS SELECT * FROM read_csv(${literal})`);
      const ms = msSince(started);
      log(`  duckdb read_csv rep ${rep + 1}/${reps}: ${round(ms)} ms`);
      if (rep === reps - 1) {
        last.rows = Number((await connection.runAndReadAll('SELECT count(*) FROM t')).getRows()[0]?.[0] ?? 0);
        last.version = String((await connection.runAndReadAll('SELECT version()')).getRows()[0]?.[0] ?? '');
        last.pageMs = await repeat(QUERY_RUNS, async () => {
          const pageStarted = process.hrtime.bigint();
          await connection.runAndReadAll(sortedPageSql(pageOffset));
          return msSince(pageStarted);
        });
      }
      return ms;
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
  if (!last.pageMs) throw new Error('duckdb page query did not run');
  return { importMs, rows: last.rows, version: last.version, pageMs: last.pageMs };
}

export async function runReferenceEngines(csvPath: string, reps: number, pageOffset: number, log: (line: string) => void): Promise<ReferenceResults> {
  const sqlite3Version = (await run(SQLITE3, ['--version'])).split(' ')[0] ?? '';
  const sqlite = await sqliteImports(csvPath, reps, pageOffset, log);
  const duck = await duckdbImports(csvPath, reps, pageOffset, log);
  return {
    sqlite3Version,
    duckdbVersion: duck.version,
    sqliteFileImportMs: sqlite.fileImport,
    sqliteMemoryImportMs: sqlite.memoryImport,
    sqliteMemoryCount: sqlite.count,
    sqliteIndexMs: sqlite.indexMs,
    sqlitePageMs: sqlite.pageMs,
    duckdbImportMs: duck.importMs,
    duckdbRows: duck.rows,
    duckdbPageMs: duck.pageMs,
  };
}
