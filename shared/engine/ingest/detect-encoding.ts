import { decodeCp852 } from '../formats/cp852';
import { EngineError } from '../errors';
import { createDecoder, createEncoder, type Decoder } from './text-codec';

export interface EncodingGuess {
  /** WHATWG label: utf-8, utf-16le, utf-16be, windows-1252. */
  encoding: string;
  /** Bytes to skip at the start (a byte-order mark). */
  bomBytes: number;
}

const MAGIC: { bytes: number[]; what: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive without an XLSX workbook in it (no xl/workbook.xml)' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], what: 'an SQLite database' },
];

/** Names binary content in `head`, or returns null for text. */
export function detectBinary(head: Uint8Array): string | null {
  for (const { bytes, what } of MAGIC) {
    if (bytes.every((byte, index) => head[index] === byte)) return what;
  }
  return null;
}

export function detectEncoding(head: Uint8Array): EncodingGuess {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomBytes: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomBytes: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomBytes: 2 };
  // UTF-16 without a BOM: ASCII text leaves every other byte zero.
  const pairs = Math.min(head.length >> 1, 512);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs; i++) {
    if (head[2 * i] === 0) evenZeros++;
    if (head[2 * i + 1] === 0) oddZeros++;
  }
  if (pairs > 8 && oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return { encoding: 'utf-16le', bomBytes: 0 };
  if (pairs > 8 && evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return { encoding: 'utf-16be', bomBytes: 0 };
  return { encoding: isUtf8(head) ? 'utf-8' : 'windows-1252', bomBytes: 0 };
}

function isUtf8(head: Uint8Array): boolean {
  // stream: true so a sequence cut at the end of the sample is not an error.
  try {
    createDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** Counts NUL bytes: in a text file that is not UTF-16 they mean binary content. */
export function countNulBytes(head: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < head.length; i++) if (head[i] === 0) count++;
  return count;
}

/** Converts chunks of `encoding` into UTF-8 bytes, keeping state across chunk edges. */
export interface Transcoder {
  push(chunk: Uint8Array, isLast: boolean): Uint8Array;
}

/**
 * Windows-1252 bytes 0x80–0x9F (€, „, ‰, …). Node's TextDecoder maps them to
 * C1 controls, Chromium's to these characters, so we decode this encoding
 * ourselves, straight to UTF-8 bytes, identically in every host.
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function singleByteToUtf8(chunk: Uint8Array, isCp1252: boolean): Uint8Array {
  const out = new Uint8Array(chunk.length * 3);
  let w = 0;
  for (let i = 0; i < chunk.length; i++) {
    const byte = chunk[i]!;
    if (byte < 0x80) {
      out[w++] = byte;
      continue;
    }
    const code = isCp1252 && byte < 0xa0 ? CP1252_HIGH[byte - 0x80]! : byte;
    if (code < 0x800) {
      out[w++] = 0xc0 | (code >> 6);
      out[w++] = 0x80 | (code & 0x3f);
    } else {
      out[w++] = 0xe0 | (code >> 12);
      out[w++] = 0x80 | ((code >> 6) & 0x3f);
      out[w++] = 0x80 | (code & 0x3f);
    }
  }
  return out.subarray(0, w);
}

/** Labels people type for the encodings we read, mapped to one name each. */
const ENCODING_ALIASES: Record<string, string> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'utf-16le': 'utf-16le',
  'utf-16': 'utf-16le',
  'utf-16be': 'utf-16be',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  'iso-8859-1': 'iso-8859-1',
  'iso8859-1': 'iso-8859-1',
  latin1: 'iso-8859-1',
  'latin-1': 'iso-8859-1',
  l1: 'iso-8859-1',
  cp852: 'cp852',
  ibm852: 'cp852',
  '852': 'cp852',
  'dos-852': 'cp852',
};

export function normalizeEncoding(label: string, file: string): string {
  const name = ENCODING_ALIASES[label.trim().toLowerCase()];
  if (!name) throw new EngineError('bad-input', `Unknown encoding "${label}": use utf-8, utf-16le, utf-16be, windows-1252, iso-8859-1 or cp852.`, { file });
  return name;
}

export function createTranscoder(encoding: string): Transcoder | null {
  if (encoding === 'utf-8') return null;
  if (encoding === 'cp852') {
    // Single-byte, so chunk edges need no state.
    const encoder = createEncoder();
    return { push: (chunk) => encoder.encode(decodeCp852(chunk)) };
  }
  if (encoding === 'windows-1252' || encoding === 'iso-8859-1' || encoding === 'latin1') {
    const isCp1252 = encoding === 'windows-1252';
    return { push: (chunk) => singleByteToUtf8(chunk, isCp1252) };
  }
  const decoder: Decoder = createDecoder(encoding, { ignoreBOM: true });
  const encoder = createEncoder();
  return {
    push(chunk, isLast) {
      return encoder.encode(decoder.decode(chunk, { stream: !isLast }));
    },
  };
}
