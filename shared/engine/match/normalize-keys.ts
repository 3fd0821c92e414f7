import { decodeUtf8 } from '../ingest/text-codec';
import { KeyInterner, STAGE_BATCH } from './key-interner';
import { keyPipeline } from './normalize';
import type { KeyPair, Normalizer } from './spec';

/** Each distinct raw key's normalised key id (-1: none), and whether the views need it stored. */
export interface NormalisedKeys {
  normalised: Int32Array;
  /**
   * 1 where the normalised key is not what the views' SQL fallback gives for
   * the raw text (`fallbackSql`): the key map stores only these.
   */
  changed: Uint8Array;
}

/**
 * What the views compute for a raw key the map does not hold. With only trim
 * and casefold it is the same pipeline in SQL (exact on ASCII: SQLite's
 * lower() folds A–Z only, and trim is given JS's ASCII whitespace), so the map
 * holds just the keys where JS and SQL differ (non-ASCII letters or spaces);
 * casefold on a million mixed-case references stored a million rows before.
 * Otherwise the fallback is the raw text itself.
 */
export function fallbackSql(pairs: readonly KeyPair[], rawText: string): string {
  const steps = sqlSteps(pairs);
  if (!steps) return rawText;
  let expression = rawText;
  for (const step of steps) expression = step === 'trim' ? `trim(${expression}, ' ' || char(9, 10, 11, 12, 13))` : `lower(${expression})`;
  return `nullif(${expression}, '')`;
}

function sqlSteps(pairs: readonly KeyPair[]): AsciiStep[] | null {
  if (pairs.length !== 1) return null;
  const steps = asciiSteps(pairs[0]!.normalize);
  return steps && steps.every((step) => step !== 'alnum') ? steps : null;
}

type AsciiStep = 'trim' | 'casefold' | 'alnum';

const UNDECIDED = 2;

/**
 * Normalises every distinct raw key once and interns the results in `keys`.
 *
 * Keys of plain ASCII through trim, casefold and alnum (bank references,
 * payout ids) are normalised on their bytes, where decoding each one to a
 * JS string, running the string functions and encoding it back cost ~3 µs a
 * key: 1M distinct keys took 6–8 s. On ASCII the byte rules are exactly the
 * string ones: trim drops tab, LF, VT, FF, CR and space at both ends;
 * casefold maps A–Z to a–z; alnum keeps A–Z, a–z and 0–9 (the ASCII letters
 * and digits of \p{L} and \p{N}). Anything else (regexes, other scripts,
 * composite keys) goes through the string pipeline.
 */
export function normaliseRawKeys(raw: KeyInterner, pairs: readonly KeyPair[], keys: KeyInterner): NormalisedKeys {
  const pipeline = keyPipeline(pairs);
  const ascii = pairs.length === 1 ? asciiSteps(pairs[0]!.normalize) : null;
  const count = raw.size;
  const normalised = new Int32Array(count);
  // UNDECIDED until the last pass; a key the byte path normalised is decided at once when the
  // views' SQL fallback is that same pipeline (their results agree on ASCII by construction).
  const changed = new Uint8Array(count).fill(UNDECIDED);
  const fallback = sqlSteps(pairs);
  const bytes = raw.allBytes();
  const batch = new Int32Array(STAGE_BATCH);
  let scratch = new Uint8Array(256);
  const stage = (id: number, length: number): void => {
    batch[keys.staged] = id;
    keys.stage(scratch, 0, length);
    if (keys.staged === STAGE_BATCH) keys.internStaged(normalised, batch);
  };
  for (let id = 0; id < count; id++) {
    const start = raw.offsetOf(id);
    const length = raw.lengthOf(id);
    const isAscii = asciiOnly(bytes, start, length);
    if (length > scratch.length) scratch = new Uint8Array(length * 2);
    if (ascii && isAscii) {
      const out = applyAscii(ascii, bytes, start, length, scratch);
      if (out === 0) normalised[id] = -1; // '' is no key, as in normalizeKey
      else stage(id, out);
      if (fallback) changed[id] = 0;
      continue;
    }
    const text = isAscii ? asciiText(bytes, start, length) : decodeUtf8(bytes.subarray(start, start + length));
    const result = pipeline ? pipeline(text) : text;
    if (result === null) normalised[id] = -1;
    else if (result.length <= scratch.length && encodeAscii(result, scratch)) stage(id, result.length);
    else normalised[id] = keys.internText(result);
  }
  keys.internStaged(normalised, batch);
  // Against what the views would compute without the map: the SQL pipeline, or the raw text.
  for (let id = 0; id < count; id++) {
    if (changed[id] !== UNDECIDED) continue;
    const start = raw.offsetOf(id);
    const length = raw.lengthOf(id);
    if (length > scratch.length) scratch = new Uint8Array(length * 2);
    // On bytes, the trim and casefold steps touch only ASCII bytes, as SQLite's trim() and lower() do.
    const expected = fallback ? applyAscii(fallback, bytes, start, length, scratch) : copyInto(bytes, start, length, scratch);
    const isNull = fallback !== null && expected === 0;
    const key = normalised[id]!;
    if (key < 0) changed[id] = isNull ? 0 : 1;
    else {
      const own = keys.utf8(key);
      changed[id] = !isNull && own.length === expected && sameBytes(own, 0, scratch, expected) ? 0 : 1;
    }
  }
  return { normalised, changed };
}

/** The pipeline as byte steps, or null if a step has no byte form (a regex). */
function asciiSteps(ops: readonly Normalizer[]): AsciiStep[] | null {
  const steps: AsciiStep[] = [];
  for (const op of ops) {
    if (op !== 'trim' && op !== 'casefold' && op !== 'alnum') return null;
    steps.push(op);
  }
  return steps;
}

function asciiOnly(bytes: Uint8Array, start: number, length: number): boolean {
  for (let i = start, end = start + length; i < end; i++) if (bytes[i]! >= 0x80) return false;
  return true;
}

function isSpace(byte: number): boolean {
  return byte === 0x20 || (byte >= 0x09 && byte <= 0x0d);
}

function isAlnum(byte: number): boolean {
  return (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a);
}

/** Runs the steps on `bytes[start, start + length)` into `out` from 0; returns the length written. */
function applyAscii(steps: readonly AsciiStep[], bytes: Uint8Array, start: number, length: number, out: Uint8Array): number {
  for (let i = 0; i < length; i++) out[i] = bytes[start + i]!;
  let n = length;
  for (const step of steps) {
    if (step === 'trim') {
      let from = 0;
      while (from < n && isSpace(out[from]!)) from++;
      while (n > from && isSpace(out[n - 1]!)) n--;
      if (from > 0) {
        for (let i = from; i < n; i++) out[i - from] = out[i]!;
        n -= from;
      }
    } else if (step === 'casefold') {
      for (let i = 0; i < n; i++) if (out[i]! >= 0x41 && out[i]! <= 0x5a) out[i] = out[i]! + 0x20;
    } else {
      let kept = 0;
      for (let i = 0; i < n; i++) if (isAlnum(out[i]!)) out[kept++] = out[i]!;
      n = kept;
    }
  }
  return n;
}

function copyInto(bytes: Uint8Array, start: number, length: number, out: Uint8Array): number {
  for (let i = 0; i < length; i++) out[i] = bytes[start + i]!;
  return length;
}

function sameBytes(a: Uint8Array, start: number, b: Uint8Array, length: number): boolean {
  for (let i = 0; i < length; i++) if (a[start + i] !== b[i]) return false;
  return true;
}

/** Short ASCII bytes as a string, without a TextDecoder call per key. */
function asciiText(bytes: Uint8Array, start: number, length: number): string {
  let text = '';
  for (let i = start, end = start + length; i < end; i++) text += String.fromCharCode(bytes[i]!);
  return text;
}

/** Writes an ASCII string's bytes into `out`; false (and `out` unspecified) if it is not ASCII. */
function encodeAscii(text: string, out: Uint8Array): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) return false;
    out[i] = code;
  }
  return true;
}
