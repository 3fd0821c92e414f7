// CLI: npm run sample-data -- --rows 1000000 --out DIR [--seed 42]
// Writes processor_balance.csv, bank_statement.csv and manifest.json into DIR.
// Generation logic lives in the pure modules; this file only wires them to files.

import { createWriteStream } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { BANK_HEADER, BREAK_KINDS, bankLineToCsv, buildBankStatement } from './bank-statement';
import { buildManifest, serializeManifest } from './manifest';
import type { Manifest, ManifestFiles } from './manifest';
import { MAX_ROWS, PROCESSOR_HEADER, PayoutBook, processorRowToCsv, processorRows } from './processor-rows';
import { createRng } from './prng';

export const DEFAULT_SEED = 42;
export const FILES: ManifestFiles = {
  processorBalance: 'processor_balance.csv',
  bankStatement: 'bank_statement.csv',
};
const MANIFEST_FILE = 'manifest.json';

/**
 * Rows are encoded straight into ~1 MB byte chunks. Accumulating a 1 MB JS string
 * instead keeps thousands of rope nodes alive between flushes and tripled the run
 * time in GC; encoding each row immediately lets its string die young.
 */
const CHUNK_BYTES = 1 << 20;
/** Hand a chunk to the stream once less than this is free; any row fits in it. */
const CHUNK_RESERVE = 64 * 1024;

class ChunkedFileWriter {
  private chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;
  private error: Error | undefined;
  private readonly stream: WriteStream;

  constructor(path: string) {
    this.stream = createWriteStream(path); // raw bytes; Buffer#write encodes UTF-8 without a BOM
    // Keep the error for the next await instead of letting an unhandled 'error' crash us.
    this.stream.on('error', (err) => {
      this.error ??= err;
    });
  }

  /** Appends text; true means the chunk is nearly full and flush() should be awaited. */
  push(text: string): boolean {
    // A UTF-16 code unit never needs more than 3 UTF-8 bytes.
    const worstCase = text.length * 3;
    if (worstCase > this.chunk.length - this.used) this.handOff();
    if (worstCase > this.chunk.length) {
      this.stream.write(text, 'utf8');
      return true;
    }
    this.used += this.chunk.write(text, this.used, 'utf8');
    return this.chunk.length - this.used < CHUNK_RESERVE;
  }

  async flush(): Promise<void> {
    this.handOff();
    if (this.error) throw this.error;
    // Respect backpressure so a slow disk cannot make us queue the whole file in memory.
    if (this.stream.writableNeedDrain) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await finished(this.stream);
  }

  /** Gives the filled part of the chunk to the stream, which now owns those bytes. */
  private handOff(): void {
    if (this.used === 0) return;
    this.stream.write(this.chunk.subarray(0, this.used));
    this.chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    this.used = 0;
  }
}

export interface GenerateOptions {
  rows: number;
  seed: number;
  outDir: string;
  /** Called every `progressEvery` rows with the number of rows written. */
  onProgress?: (rowsWritten: number) => void;
  progressEvery?: number;
}

export async function generateSampleData(options: GenerateOptions): Promise<Manifest> {
  const { rows, seed, outDir } = options;
  if (!Number.isSafeInteger(rows) || rows < 0 || rows > MAX_ROWS) {
    throw new RangeError(`rows must be an integer between 0 and ${MAX_ROWS}, got ${rows}`);
  }
  await mkdir(outDir, { recursive: true });

  const book = new PayoutBook(createRng(seed, 2));
  const processor = new ChunkedFileWriter(join(outDir, FILES.processorBalance));
  const every = options.progressEvery ?? 50_000;
  processor.push(PROCESSOR_HEADER);
  let written = 0;
  for (const row of processorRows({ rows, seed }, book)) {
    if (processor.push(processorRowToCsv(row))) await processor.flush();
    written++;
    if (options.onProgress && written % every === 0) options.onProgress(written);
  }
  await processor.close();

  // Payouts are known only after every row is assigned; there are ~5 per day, so
  // the bank side is small enough to build in memory.
  const payouts = book.payouts();
  const statement = buildBankStatement(payouts, seed);
  const bank = new ChunkedFileWriter(join(outDir, FILES.bankStatement));
  bank.push(BANK_HEADER);
  for (const line of statement.lines) {
    if (bank.push(bankLineToCsv(line))) await bank.flush();
  }
  await bank.close();

  const manifest = buildManifest({
    seed,
    rows,
    files: FILES,
    payouts,
    bankLines: statement.lines,
    breaks: statement.breaks,
  });
  await writeFile(join(outDir, MANIFEST_FILE), serializeManifest(manifest), 'utf8');
  return manifest;
}

export interface CliArgs {
  rows: number;
  seed: number;
  outDir: string;
}

const USAGE = 'usage: generate.ts --rows N --out DIR [--seed 42]';

function parseCount(name: string, text: string | undefined, fallback?: number): number {
  if (text === undefined) {
    if (fallback !== undefined) return fallback;
    throw new Error(`--${name} is required\n${USAGE}`);
  }
  // Accept 1000000, 1_000_000 and 1,000,000 — all common when typing row counts.
  const digits = text.replace(/[_,]/g, '');
  if (!/^\d+$/.test(digits) || !Number.isSafeInteger(Number(digits))) {
    throw new Error(`--${name} must be a non-negative integer, got "${text}"\n${USAGE}`);
  }
  return Number(digits);
}

export function parseCliArgs(argv: readonly string[]): CliArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      rows: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.out === undefined || values.out === '') throw new Error(`--out is required\n${USAGE}`);
  return {
    rows: parseCount('rows', values.rows),
    seed: parseCount('seed', values.seed, DEFAULT_SEED),
    outDir: resolve(values.out),
  };
}

function formatBytes(bytes: number): string {
  return bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
}

async function main(): Promise<void> {
  let args: CliArgs;
  try {
    args = parseCliArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
    return;
  }
  const started = performance.now();
  // Progress only on a terminal, so redirected/CI output stays clean.
  const tty = process.stderr.isTTY === true;
  const manifest = await generateSampleData({
    ...args,
    ...(tty
      ? { onProgress: (n: number) => process.stderr.write(`\r${n.toLocaleString('en-US')} / ${args.rows.toLocaleString('en-US')} rows`) }
      : {}),
  });
  if (tty) process.stderr.write('\r\x1b[K');

  const sizes = await Promise.all(
    [FILES.processorBalance, FILES.bankStatement].map(async (f) => (await stat(join(args.outDir, f))).size),
  );
  const byKind = BREAK_KINDS.map((k) => `${manifest.breaks.filter((b) => b.kind === k).length} ${k}`).join(', ');
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `sample-data: ${args.rows.toLocaleString('en-US')} rows (${formatBytes(sizes[0] ?? 0)}), ` +
      `${manifest.payouts} payouts, ${manifest.breaks.length} breaks (${byKind}), ` +
      `bank ${formatBytes(sizes[1] ?? 0)}, seed ${args.seed} → ${args.outDir} in ${seconds}s\n`,
  );
}

// Run only as a script, so tests can import generateSampleData without side effects.
const invokedPath = process.argv[1];
if (invokedPath !== undefined && resolve(invokedPath) === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    process.stderr.write(`sample-data failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  });
}
