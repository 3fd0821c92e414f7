/**
 * The part of a file a preview reads: the first ~4 MiB cut at a line end
 * (in the file's encoding, so UTF-16 is not cut mid-character), and what
 * the head says about encoding, delimiter and header when the sample itself
 * cannot be imported, so the preview can still offer those to change.
 */
import type { ByteSource, ImportOptions } from '../../api';
import { createTranscoder, detectEncoding, normalizeEncoding } from '../detect-encoding';
import { sniffDialect } from '../sniff';

export const PREVIEW_BYTES = 4 * 1024 * 1024;
const HEAD_BYTES = 64 * 1024;

export interface Sample {
  source: ByteSource;
  bytes: number;
  isTruncated: boolean;
}

export function memorySource(name: string, bytes: Uint8Array): ByteSource {
  return { name, size: bytes.length, read: (offset, length) => Promise.resolve(bytes.subarray(offset, offset + length)) };
}

export async function cutSample(source: ByteSource, options: ImportOptions): Promise<Sample> {
  if (source.size <= PREVIEW_BYTES) return { source, bytes: source.size, isTruncated: false };
  const head = await source.read(0, PREVIEW_BYTES);
  const end = lastLineEnd(head, encodingOf(head, options, source.name));
  // One line longer than the sample: let the import meet it (it reports fields over 1 MB).
  const bytes = end > 0 ? head.subarray(0, end) : head;
  return { source: memorySource(source.name, bytes), bytes: bytes.length, isTruncated: true };
}

/** The sample without its last `fromLine`… lines: used when the cut fell inside a quoted value. */
export async function cutBeforeLine(sample: Sample, fromLine: number, encoding: string): Promise<Sample | null> {
  const bytes = await sample.source.read(0, sample.source.size);
  const step = encoding.startsWith('utf-16') ? 2 : 1;
  const newline = encoding === 'utf-16be' ? 1 : 0;
  let line = 1;
  for (let i = newline; i < bytes.length; i += step) {
    if (bytes[i] !== 0x0a || (step === 2 && bytes[i + (newline ? -1 : 1)] !== 0)) continue;
    line++;
    if (line === fromLine) {
      const end = i + (step === 2 && !newline ? 2 : 1);
      return end > 0 ? { source: memorySource(sample.source.name, bytes.subarray(0, end)), bytes: end, isTruncated: true } : null;
    }
  }
  return null;
}

function encodingOf(head: Uint8Array, options: ImportOptions, file: string): string {
  return options.encoding ? normalizeEncoding(options.encoding, file) : detectEncoding(head).encoding;
}

function lastLineEnd(bytes: Uint8Array, encoding: string): number {
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    const high = encoding === 'utf-16be';
    for (let i = (bytes.length & ~1) - 2; i >= 0; i -= 2) {
      if (high ? bytes[i] === 0 && bytes[i + 1] === 0x0a : bytes[i] === 0x0a && bytes[i + 1] === 0) return i + 2;
    }
    return 0;
  }
  return bytes.lastIndexOf(0x0a) + 1;
}

export interface HeadFacts {
  encoding: string;
  delimiter: string;
  headerLine: number;
  preambleLines: number;
}

/** Encoding, delimiter and header as the importer would sniff them from the head; never throws. */
export async function describeHead(source: ByteSource, options: ImportOptions): Promise<HeadFacts> {
  const fallback: HeadFacts = { encoding: options.encoding ?? 'utf-8', delimiter: options.delimiter ?? ',', headerLine: options.headerLine ?? 1, preambleLines: 0 };
  if (source.size === 0) return fallback;
  try {
    const head = await source.read(0, Math.min(source.size, HEAD_BYTES));
    const guess = detectEncoding(head);
    const encoding = options.encoding ? normalizeEncoding(options.encoding, source.name) : guess.encoding;
    const isWhole = source.size <= HEAD_BYTES;
    const body = head.subarray(options.encoding && encoding !== guess.encoding ? 0 : guess.bomBytes);
    const text = createTranscoder(encoding)?.push(body, isWhole) ?? body;
    const dialect = sniffDialect(text, isWhole, options.delimiter, options.headerLine);
    if (!dialect) return { ...fallback, encoding };
    return { encoding, delimiter: dialect.delimiter, headerLine: dialect.headerLine, preambleLines: dialect.preambleRows };
  } catch {
    return fallback;
  }
}
