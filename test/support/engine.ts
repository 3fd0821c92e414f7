import { createEngine, type Engine, type EngineOptions } from '../../shared/engine';
import type { ImportHooks, ImportOptions, ImportReport } from '../../shared/engine/api';
import { memoryByteSource } from '../../electron/cli/node-byte-source';
import { sqliteRuntime } from './sqlite';

let clock = 0;
/** A fresh in-memory engine with a pinned clock. */
export async function newEngine(options: EngineOptions = {}): Promise<Engine> {
  const runtime = await sqliteRuntime();
  return createEngine(runtime.open(), { now: () => (clock += 1), isoNow: () => '2026-01-01T00:00:00.000Z', ...options });
}

export function importText(engine: Engine, name: string, text: string | Uint8Array, options: Partial<ImportOptions> = {}, hooks?: ImportHooks): Promise<ImportReport> {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  return engine.importFile(memoryByteSource(name, bytes), { importId: name, ...options }, hooks);
}

/** The error an async call rejects with (fails the test if it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<{ code: string; message: string; location?: { file: string; line?: number; column?: number } }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; message: string; location?: { file: string; line?: number; column?: number } };
  }
  throw new Error('expected a rejection');
}
