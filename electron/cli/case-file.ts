import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { createEngine, type Engine } from '../../shared/engine';
import type { SqliteRuntime } from '../../shared/engine/sqlite/open-sqlite';
import { nodeXlsxReader } from './xlsx-node';

/** Opens the case database at `path` (or a new one) into memory. */
export function openCase(runtime: SqliteRuntime, path: string, options: { budgetBytes?: number } = {}): Engine {
  const sqlite = existsSync(path) ? runtime.openFrom(readFileSync(path)) : runtime.open();
  return createEngine(sqlite, { ...(options.budgetBytes ? { budgetBytes: options.budgetBytes } : {}), xlsx: nodeXlsxReader, openScratch: () => runtime.open() });
}

/** Writes the case atomically: temp file beside it, fsync, rename, so a crash never leaves half a file. */
export function saveCase(engine: Engine, path: string): void {
  const bytes = engine.exportDatabase();
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    const fd = openSync(temp, 'w');
    try {
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
