import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import type { ByteSource } from '../../shared/engine/api';

/** A file on disk as the engine's ByteSource. Call close() when done. */
export function openByteSource(path: string): ByteSource & { close(): void } {
  const fd = openSync(path, 'r');
  const size = fstatSync(fd).size;
  return {
    name: basename(path),
    size,
    read(offset, length) {
      const bytes = new Uint8Array(length);
      let filled = 0;
      while (filled < length) {
        const n = readSync(fd, bytes, filled, length - filled, offset + filled);
        if (n === 0) break;
        filled += n;
      }
      return Promise.resolve(filled === length ? bytes : bytes.subarray(0, filled));
    },
    // Into the caller's buffer: a fresh array per chunk is fresh memory the kernel must map.
    readInto(offset, into) {
      let filled = 0;
      while (filled < into.length) {
        const n = readSync(fd, into, filled, into.length - filled, offset + filled);
        if (n === 0) break;
        filled += n;
      }
      return Promise.resolve(into.subarray(0, filled));
    },
    close: () => closeSync(fd),
  };
}

/** Bytes in memory as a ByteSource (tests, stdin). */
export function memoryByteSource(name: string, bytes: Uint8Array): ByteSource {
  return {
    name,
    size: bytes.length,
    read: (offset, length) => Promise.resolve(bytes.subarray(offset, offset + length)),
  };
}
