/**
 * Sources that read into the import's own buffers (the browser's byte stream,
 * the CLI's file descriptor) must give the same table as plain reads, across
 * many chunks, including a stream that detaches the buffer it is given and
 * hands the memory back in a new one, as a BYOB reader does.
 */
import { describe, expect, it } from 'vitest';
import type { ByteSource } from '../../../shared/engine/api';
import { newEngine } from '../../support/engine';

function rows(count: number): string {
  const lines = ['id,note,amount'];
  for (let i = 0; i < count; i++) lines.push(`id${String(i).padStart(6, '0')},"note, ${i} with ""quotes""",${i}.${String(i % 100).padStart(2, '0')}`);
  return `${lines.join('\n')}\n`;
}

/** Like a BYOB stream: reads sequentially, moves `into`'s memory to a new buffer (the old one detaches). */
const PIECE = 5000;

function transferringSource(name: string, bytes: Uint8Array): ByteSource & { readIntoCalls: number; buffers: Set<ArrayBufferLike> } {
  const source = {
    name,
    size: bytes.length,
    readIntoCalls: 0,
    buffers: new Set<ArrayBufferLike>(),
    read: (offset: number, length: number) => Promise.resolve(bytes.slice(offset, offset + length)),
    readInto(offset: number, into: Uint8Array) {
      source.readIntoCalls++;
      // A stream fills part of the view per read (64 KB in Chromium) and detaches it each time.
      const start = into.byteOffset;
      const length = into.length;
      let buffer = into.buffer;
      let filled = 0;
      while (filled < length && offset + filled < bytes.length) {
        const n = Math.min(PIECE, length - filled, bytes.length - offset - filled);
        new Uint8Array(buffer, start + filled, n).set(bytes.subarray(offset + filled, offset + filled + n));
        buffer = structuredClone(buffer, { transfer: [buffer as ArrayBuffer] });
        filled += n;
      }
      expect(into.length).toBe(0); // detached, as in a browser
      source.buffers.add(buffer);
      return Promise.resolve(new Uint8Array(buffer, start, filled));
    },
  };
  return source;
}

describe('import through readInto', () => {
  it('gives the same rows as plain reads across many chunks, and reuses two buffers', async () => {
    const text = new TextEncoder().encode(rows(5000));
    const plain = await newEngine();
    await plain.importFile({ name: 'plain.csv', size: text.length, read: (o, l) => Promise.resolve(text.slice(o, l + o)) }, { importId: 'p', chunkBytes: 16 * 1024 });
    const streamed = await newEngine();
    const source = transferringSource('plain.csv', text);
    const report = await streamed.importFile(source, { importId: 's', chunkBytes: 16 * 1024 });
    expect(report.table.rowCount).toBe(5000);
    const all = (engine: typeof plain) => engine.query('SELECT id, note, amount FROM plain ORDER BY rowid', [], 10_000).rows;
    expect(all(streamed)).toEqual(all(plain));
    expect(all(streamed)[4999]).toEqual(['id004999', 'note, 4999 with "quotes"', 499999]); // decimals are stored as integer minor units
    // Every chunk went through readInto; a transferred buffer is new each time, but the memory is the two ring buffers'.
    expect(source.readIntoCalls).toBeGreaterThan(text.length / (16 * 1024) - 2);
    expect(source.buffers.size).toBe(source.readIntoCalls);
  });
});
