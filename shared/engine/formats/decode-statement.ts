import { EngineError } from '../errors';
import { createTranscoder } from '../ingest/detect-encoding';
import { createDecoder, decodeUtf8 } from '../ingest/text-codec';
import { decodeCp852 } from './cp852';
import type { StatementFormat } from './statement-model';

export interface DecodedStatement {
  text: string;
  /** What was used, as a label the catalog shows: utf-8, iso-8859-1, windows-1252, cp852… */
  encoding: string;
  /** Why a non-UTF-8 encoding was chosen, for the import report; null when nothing needs saying. */
  note: string | null;
}

const CP852_LABELS = new Set(['cp852', 'ibm852', '852', 'csibm852', 'x-cp852']);

/**
 * Bank files come in UTF-8, ISO-8859-1 (camt declares it), Windows-1252 or
 * DOS code pages (Hungarian MT940 in CP852). An explicit choice wins; camt
 * says its encoding in the XML declaration; otherwise strict UTF-8, and only
 * when that fails a single-byte code page picked from the byte pattern.
 * Nothing is ever decoded into U+FFFD silently.
 */
export function decodeStatementBytes(bytes: Uint8Array, format: StatementFormat, file: string, override?: string): DecodedStatement {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  if (override) return { text: decodeAs(body, override.toLowerCase(), file), encoding: override.toLowerCase(), note: null };
  if (format.startsWith('camt')) {
    const declared = xmlDeclaredEncoding(body);
    if (declared && declared !== 'utf-8' && declared !== 'utf8') return { text: decodeAs(body, declared, file), encoding: declared, note: null };
    const bad = firstInvalidUtf8(body);
    if (bad >= 0) throw new EngineError('invalid-encoding', `The XML declares UTF-8 (or nothing, which means UTF-8) but byte ${bad + (hasBom ? 3 : 0)} is not valid UTF-8.`, { file, line: lineAtByte(body, bad) });
    return { text: decodeUtf8(body), encoding: 'utf-8', note: null };
  }
  if (firstInvalidUtf8(body) < 0) return { text: decodeUtf8(body), encoding: 'utf-8', note: null };
  if (looksLikeDosCodePage(body)) {
    return { text: decodeCp852(body), encoding: 'cp852', note: 'The file is not UTF-8; its accented letters sit in bytes 0x80–0xBF, the DOS Latin-2 pattern, so it was read as CP852.' };
  }
  return { text: decodeAs(body, 'windows-1252', file), encoding: 'windows-1252', note: 'The file is not UTF-8, so it was read as Windows-1252.' };
}

function decodeAs(bytes: Uint8Array, label: string, file: string): string {
  if (CP852_LABELS.has(label)) return decodeCp852(bytes);
  if (label === 'utf-8' || label === 'utf8') {
    const bad = firstInvalidUtf8(bytes);
    if (bad >= 0) throw new EngineError('invalid-encoding', `Byte ${bad} is not valid UTF-8: choose the file's encoding and load it again.`, { file, line: lineAtByte(bytes, bad) });
    return decodeUtf8(bytes);
  }
  // Our own single-byte tables: Node's TextDecoder gets windows-1252's 0x80–0x9F wrong.
  try {
    const transcoder = createTranscoder(label === 'latin1' || label === 'iso8859-1' ? 'iso-8859-1' : label);
    return transcoder ? decodeUtf8(transcoder.push(bytes, true)) : createDecoder(label).decode(bytes);
  } catch {
    throw new EngineError('invalid-encoding', `Unknown encoding "${label}".`, { file });
  }
}

function xmlDeclaredEncoding(bytes: Uint8Array): string | null {
  let head = '';
  for (let i = 0; i < Math.min(bytes.length, 200); i++) head += String.fromCharCode(bytes[i]!);
  const match = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head);
  return match ? match[1]!.toLowerCase() : null;
}

/**
 * In DOS code pages the accented letters are 0x80–0xBF (á is 0xA0 in CP852);
 * in Windows-1252 and Latin-1 they are 0xC0–0xFF and 0x80–0xBF is mostly
 * punctuation. More high bytes in the lower half therefore means DOS.
 */
function looksLikeDosCodePage(bytes: Uint8Array): boolean {
  let low = 0;
  let high = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte >= 0xc0) high++;
    else if (byte >= 0x80) low++;
  }
  return low > high;
}

/** Offset of the first byte that breaks UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i]!;
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    // Overlongs and surrogates: E0 needs A0+, ED needs <A0, F0 needs 90+, F4 needs <90.
    const second = bytes[i + 1] ?? 0;
    if ((byte === 0xe0 && second < 0xa0) || (byte === 0xed && second >= 0xa0) || (byte === 0xf0 && second < 0x90) || (byte === 0xf4 && second >= 0x90)) return i;
    i += length;
  }
  return -1;
}

function lineAtByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}
