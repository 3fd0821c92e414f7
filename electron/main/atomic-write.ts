/**
 * Crash-safe file replacement: temp file in the same directory → write →
 * fsync → rename over the target → fsync the directory. A reader sees the old
 * file or the new one, never a torn mix. On failure the temp file is removed
 * and the old file is untouched. (write-file-atomic and atomically skip the
 * directory fsync, so the rename itself could be lost on power failure.)
 */
import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import path from 'node:path';

/** The file-system calls used, injectable so tests can fail any step. */
export interface AtomicWriteFs {
  readonly open: typeof nodeFs.open;
  readonly rename: typeof nodeFs.rename;
  readonly unlink: typeof nodeFs.unlink;
}

export interface AtomicWriteOptions {
  readonly fs?: AtomicWriteFs;
  readonly platform?: NodeJS.Platform;
  readonly sleep?: (ms: number) => Promise<void>;
}

// Antivirus and the search indexer briefly lock files on Windows; rename then fails with these.
const TRANSIENT_RENAME_CODES = ['EPERM', 'EBUSY', 'EACCES'];
const RENAME_RETRY_DELAYS_MS = [50, 100, 200, 400];

function errorCode(error: unknown): unknown {
  return error instanceof Error ? Reflect.get(error, 'code') : undefined;
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function tempPathFor(targetPath: string): string {
  // Keep the temp name under the 255-byte NAME_MAX even for a 255-character target name.
  const base = path.basename(targetPath).slice(0, 100);
  return path.join(path.dirname(targetPath), `.${base}.${randomBytes(6).toString('hex')}.tmp`);
}

async function renameWithRetry(fs: AtomicWriteFs, from: string, to: string, options: AtomicWriteOptions): Promise<void> {
  const delays = (options.platform ?? process.platform) === 'win32' ? RENAME_RETRY_DELAYS_MS : [];
  for (let attempt = 0; ; attempt += 1) {
    try {
      await fs.rename(from, to);
      return;
    } catch (error) {
      const delay = delays[attempt];
      if (delay === undefined || !TRANSIENT_RENAME_CODES.includes(String(errorCode(error)))) throw error;
      await (options.sleep ?? defaultSleep)(delay);
    }
  }
}

async function syncDirectory(fs: AtomicWriteFs, directory: string, platform: NodeJS.Platform): Promise<void> {
  // Windows cannot open a directory for fsync; NTFS journals the rename itself.
  if (platform === 'win32') return;
  try {
    const handle = await fs.open(directory, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // The new file is already in place; some file systems (network, FUSE) refuse a directory fsync.
  }
}

export async function writeFileAtomic(targetPath: string, data: Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const fs = options.fs ?? nodeFs;
  const tempPath = tempPathFor(targetPath);
  try {
    // 'wx' refuses to follow or reuse an existing path, so the temp file is always ours.
    const handle = await fs.open(tempPath, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await renameWithRetry(fs, tempPath, targetPath, options);
  } catch (error) {
    await fs.unlink(tempPath).catch(() => undefined);
    throw error;
  }
  await syncDirectory(fs, path.dirname(targetPath), options.platform ?? process.platform);
}
