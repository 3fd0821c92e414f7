/**
 * What surrounds the text: NUL padding after the last line and SWIFT framing
 * bytes are removed (and counted); NULs inside the text, or more framing
 * bytes than a few messages carry, still mean a binary file.
 */
import type { ByteSource } from '../api';
import { EngineError } from '../errors';
import { MAX_FRAMING_BYTES, countFramingBytes, trailingNulStart } from './control-bytes';
import { lineAt } from './import-report';

const TAIL_BYTES = 64 * 1024;

export interface Envelope {
  /** The source without its trailing NUL padding. */
  source: ByteSource;
  /** The head without trailing NUL padding. */
  head: Uint8Array;
  stripFraming: boolean;
  /** NUL padding bytes dropped at the end, plus framing bytes seen in head and tail. */
  paddingBytes: number;
}

export async function inspectEnvelope(source: ByteSource, head: Uint8Array, encoding: string): Promise<Envelope> {
  if (encoding.startsWith('utf-16')) return { source, head, stripFraming: false, paddingBytes: 0 };
  const file = source.name;
  const tail = source.size > head.length ? await source.read(Math.max(0, source.size - TAIL_BYTES), Math.min(TAIL_BYTES, source.size)) : head;
  const padding = tail.length - trailingNulStart(tail);
  const size = source.size - padding;
  const text = head.subarray(0, Math.min(head.length, size));
  const at = text.indexOf(0);
  if (at >= 0) throw new EngineError('binary-file', `NUL bytes found (first at byte ${at}): this looks like binary content, not CSV text.`, { file, line: lineAt(text, at) });
  const framing = countFramingBytes(text) + (tail === head ? 0 : countFramingBytes(tail));
  if (framing > MAX_FRAMING_BYTES) {
    throw new EngineError('binary-file', `${framing} control bytes (0x01/0x03) found: more than SWIFT framing would add, so this looks like binary content, not text.`, { file });
  }
  const trimmed: ByteSource = padding > 0 ? { name: source.name, size, read: (offset, length) => source.read(offset, Math.min(length, size - offset)) } : source;
  return { source: trimmed, head: text, stripFraming: framing > 0, paddingBytes: padding };
}
