/// <reference lib="webworker" />
/**
 * Hashes a source file off the main thread and off the engine worker, so the
 * sidebar can show its SHA-256 without delaying the import or the grid.
 * Reads 4 MiB slices: never the whole file at once.
 */
import { Sha256 } from '../../../../shared/engine/hash/sha256';
import type { HashRequest, HashResponse } from './hash-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const CHUNK_BYTES = 4 * 1024 * 1024;

scope.onmessage = async (message: MessageEvent<HashRequest>) => {
  const { file } = message.data;
  try {
    const hash = new Sha256();
    for (let offset = 0; offset < file.size; offset += CHUNK_BYTES) {
      const bytes = new Uint8Array(await file.slice(offset, offset + CHUNK_BYTES).arrayBuffer());
      hash.update(bytes);
    }
    scope.postMessage({ ok: true, hex: hash.hex() } satisfies HashResponse);
  } catch (error) {
    scope.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) } satisfies HashResponse);
  }
};
