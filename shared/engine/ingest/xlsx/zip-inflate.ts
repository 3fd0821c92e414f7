/**
 * Unpacks one ZIP entry with the host's DecompressionStream (browsers,
 * workers and Node all have `deflate-raw`), stopping as soon as the output
 * passes what the directory declared: a lying entry cannot grow past its
 * limit. Used only for the small parts we read ourselves (workbook, rels,
 * and a sheet's markup for the report); the sheet's data is the library's.
 */
import type { ByteSource } from '../../api';
import { EngineError } from '../../errors';
import { u16, u32, type ZipEntry } from './zip-directory';

interface ChunkReader {
  read(): Promise<{ done: boolean; value?: Uint8Array }>;
  cancel(): Promise<void>;
}
interface ChunkWriter {
  write(chunk: Uint8Array): Promise<void>;
  close(): Promise<void>;
}
interface TransformPair {
  readable: { getReader(): ChunkReader };
  writable: { getWriter(): ChunkWriter };
}
type DecompressionCtor = new (format: 'deflate-raw') => TransformPair;

const LOCAL = 0x04034b50;

export async function inflateEntry(source: ByteSource, entry: ZipEntry): Promise<Uint8Array> {
  const file = source.name;
  const header = await source.read(entry.localOffset, 30);
  if (u32(header, 0) !== LOCAL) throw new EngineError('bad-input', `The workbook is damaged: the entry ${entry.name} is not where its directory says.`, { file });
  const start = entry.localOffset + 30 + u16(header, 26) + u16(header, 28);
  const packed = await source.read(start, entry.compressedSize);
  if (entry.method === 0) return packed.subarray(0, entry.uncompressedSize);
  if (entry.method !== 8) throw new EngineError('bad-input', `The workbook entry ${entry.name} uses ZIP compression method ${entry.method}, which is not supported.`, { file });
  return inflateRaw(packed, entry.uncompressedSize, file, entry.name);
}

async function inflateRaw(packed: Uint8Array, limit: number, file: string, name: string): Promise<Uint8Array> {
  const Ctor = (globalThis as unknown as { DecompressionStream?: DecompressionCtor }).DecompressionStream;
  if (!Ctor) throw new EngineError('bad-input', 'This host cannot unpack XLSX workbooks (no DecompressionStream).', { file });
  const stream = new Ctor('deflate-raw');
  const writer = stream.writable.getWriter();
  // Not awaited: the write waits for the reader below to drain; a corrupt stream fails the read.
  writer
    .write(packed)
    .then(() => writer.close())
    .catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!value) continue;
      total += value.length;
      if (total > limit) {
        await reader.cancel();
        throw new EngineError('bad-input', `The workbook entry ${name} unpacks to more than the ${limit} bytes its directory declares: refused as a possible zip bomb.`, { file });
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof EngineError) throw error;
    throw new EngineError('bad-input', `The workbook entry ${name} could not be unpacked (${error instanceof Error ? error.message : String(error)}).`, { file });
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
