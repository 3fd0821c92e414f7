/**
 * Byte-level cell parsers. Inference and insertion use the same functions, so
 * a column typed from the sample accepts exactly the cells that look like the
 * sample, and everything else is counted as coerced.
 */

export const IS_INTEGER = 1;
export const IS_DECIMAL = 2;
export const IS_BOOLEAN = 4;
export const IS_DATE = 8;
export const IS_TIMESTAMP = 16;
/** An integer written with leading zeros: an identifier, never a number. */
export const HAS_LEADING_ZERO = 32;

/** Up to 15 significant digits stay exact in a double, and so in sql.js. */
export const MAX_DIGITS = 15;
export const MAX_SCALE = 6;

const ZERO = 0x30;
const NINE = 0x39;
const DOT = 0x2e;
const MINUS = 0x2d;
const PLUS = 0x2b;

function isDigit(byte: number | undefined): boolean {
  return byte !== undefined && byte >= ZERO && byte <= NINE;
}

/** Decimal places of a plain number cell (`-12`, `12.5`), or -1 if it is not one. */
export function numberScale(buf: Uint8Array, start: number, end: number): number {
  let i = start;
  if (buf[i] === MINUS || buf[i] === PLUS) i++;
  const intStart = i;
  while (i < end && isDigit(buf[i])) i++;
  const intDigits = i - intStart;
  if (intDigits === 0) return -1;
  if (i === end) return intDigits > MAX_DIGITS ? -1 : 0;
  if (buf[i] !== DOT) return -1;
  i++;
  const fracStart = i;
  while (i < end && isDigit(buf[i])) i++;
  const fracDigits = i - fracStart;
  if (i !== end || fracDigits === 0 || fracDigits > MAX_SCALE || intDigits + fracDigits > MAX_DIGITS) return -1;
  return fracDigits;
}

/**
 * The value of a plain number cell times 10^scale, or NaN if the cell is not
 * a number or has more decimals than `scale` (never rounded).
 */
export function parseScaled(buf: Uint8Array, start: number, end: number, scale: number): number {
  let i = start;
  let negative = false;
  if (buf[i] === MINUS) {
    negative = true;
    i++;
  } else if (buf[i] === PLUS) i++;
  let value = 0;
  let digits = 0;
  while (i < end) {
    const byte = buf[i]!;
    if (byte < ZERO || byte > NINE) break;
    value = value * 10 + (byte - ZERO);
    digits++;
    i++;
  }
  if (digits === 0) return NaN;
  let frac = 0;
  if (i < end) {
    if (buf[i] !== DOT) return NaN;
    i++;
    while (i < end) {
      const byte = buf[i]!;
      if (byte < ZERO || byte > NINE || frac === scale) return NaN;
      value = value * 10 + (byte - ZERO);
      frac++;
      digits++;
      i++;
    }
    if (frac === 0) return NaN;
  }
  if (digits > MAX_DIGITS) return NaN;
  for (; frac < scale; frac++) value *= 10;
  if (value > Number.MAX_SAFE_INTEGER) return NaN;
  return negative ? -value : value;
}

function lower(byte: number | undefined): number {
  return byte === undefined ? -1 : byte | 0x20;
}

/** 1 for true, 0 for false, -1 otherwise. */
export function parseBoolean(buf: Uint8Array, start: number, end: number): number {
  const length = end - start;
  if (length === 4 && lower(buf[start]) === 0x74 && lower(buf[start + 1]) === 0x72 && lower(buf[start + 2]) === 0x75 && lower(buf[start + 3]) === 0x65) return 1;
  if (length === 5 && lower(buf[start]) === 0x66 && lower(buf[start + 1]) === 0x61 && lower(buf[start + 2]) === 0x6c && lower(buf[start + 3]) === 0x73 && lower(buf[start + 4]) === 0x65) return 0;
  return -1;
}

function digitsAt(buf: Uint8Array, at: number, count: number): boolean {
  for (let k = 0; k < count; k++) if (!isDigit(buf[at + k])) return false;
  return true;
}

/** `YYYY-MM-DD` with a plausible month and day. */
export function isIsoDate(buf: Uint8Array, start: number, end: number): boolean {
  if (end - start !== 10) return false;
  if (!digitsAt(buf, start, 4) || buf[start + 4] !== MINUS || !digitsAt(buf, start + 5, 2) || buf[start + 7] !== MINUS || !digitsAt(buf, start + 8, 2)) return false;
  const month = (buf[start + 5]! - ZERO) * 10 + (buf[start + 6]! - ZERO);
  const day = (buf[start + 8]! - ZERO) * 10 + (buf[start + 9]! - ZERO);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** `YYYY-MM-DD[T ]HH:MM[:SS[.fff]][Z|±HH[:]MM]`. */
export function isIsoTimestamp(buf: Uint8Array, start: number, end: number): boolean {
  if (end - start < 16 || !isIsoDate(buf, start, start + 10)) return false;
  const sep = buf[start + 10];
  if (sep !== 0x54 && sep !== 0x20) return false;
  let i = start + 11;
  if (!digitsAt(buf, i, 2) || buf[i + 2] !== 0x3a || !digitsAt(buf, i + 3, 2)) return false;
  i += 5;
  if (buf[i] === 0x3a) {
    if (!digitsAt(buf, i + 1, 2)) return false;
    i += 3;
    if (buf[i] === DOT) {
      i++;
      const fracStart = i;
      while (i < end && isDigit(buf[i])) i++;
      if (i === fracStart) return false;
    }
  }
  if (i === end) return true;
  if (buf[i] === 0x5a) return i + 1 === end;
  if (buf[i] === PLUS || buf[i] === MINUS) {
    const rest = end - i - 1;
    if (rest === 4) return digitsAt(buf, i + 1, 4);
    if (rest === 5) return digitsAt(buf, i + 1, 2) && buf[i + 3] === 0x3a && digitsAt(buf, i + 4, 2);
    if (rest === 2) return digitsAt(buf, i + 1, 2);
  }
  return false;
}

/** Every shape a non-empty cell could take, as IS_* flags. */
export function classifyCell(buf: Uint8Array, start: number, end: number): number {
  let flags = 0;
  const first = buf[start];
  if (isDigit(first) || first === MINUS || first === PLUS) {
    const scale = numberScale(buf, start, end);
    if (scale === 0) {
      flags |= IS_INTEGER | IS_DECIMAL;
      const digitStart = first === MINUS || first === PLUS ? start + 1 : start;
      if (buf[digitStart] === ZERO && end - digitStart > 1) flags |= HAS_LEADING_ZERO;
    } else if (scale > 0) flags |= IS_DECIMAL;
    if (isIsoDate(buf, start, end)) flags |= IS_DATE | IS_TIMESTAMP;
    else if (isIsoTimestamp(buf, start, end)) flags |= IS_TIMESTAMP;
  } else if (parseBoolean(buf, start, end) >= 0) flags |= IS_BOOLEAN;
  return flags;
}
