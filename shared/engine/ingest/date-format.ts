/**
 * Dates that are not ISO 8601 already: `DD.MM.YY(YY)`, `DD/MM/YYYY` or
 * `MM/DD/YYYY`, `YYYY/MM/DD HH:MM:SS -0800` (PayPal), `YYYYMMDD`, each with an
 * optional time. They are stored as ISO text (`2025-12-08`,
 * `2026-01-06T00:00:30-08:00`) so they sort and filter; the offset the file
 * stated is kept as written, never converted to UTC, so the business date
 * stays the one in the file.
 */

export const FAMILY_DOT = 1; // d.m.y: always day first
export const FAMILY_SLASH = 2; // a/b/y: day or month first, settled per column
export const FAMILY_DASH = 3; // a-b-y
export const FAMILY_YMD = 4; // y/m/d, y.m.d, or y-m-d with a spaced offset
export const FAMILY_COMPACT = 5; // yyyymmdd

export type DateOrder = 'DMY' | 'MDY' | 'YMD';

/** The parts of the last cell parsed (module state: the writer allocates nothing per cell). */
export const lastDate = { sep: 0, a: 0, b: 0, year: 0, yearDigits: 0, hasTime: false, hasSeconds: false, hh: 0, mi: 0, ss: 0, fracStart: 0, fracEnd: 0, offset: 0, hasOffset: false, isUtc: false };

const ZERO = 0x30;

function digit(buf: Uint8Array, i: number): number {
  const b = buf[i];
  return b !== undefined && b >= ZERO && b <= 0x39 ? b - ZERO : -1;
}

/** Reads 1..max digits at i; returns the value, and the end in `numberEnd`. */
let numberEnd = 0;
function readNumber(buf: Uint8Array, i: number, end: number, min: number, max: number): number {
  let value = 0;
  let j = i;
  while (j < end && j - i < max) {
    const d = digit(buf, j);
    if (d < 0) break;
    value = value * 10 + d;
    j++;
  }
  numberEnd = j;
  return j - i >= min ? value : -1;
}

/** The family of the cell's shape (0 if none); parts in `lastDate`. */
export function parseDateParts(buf: Uint8Array, start: number, end: number, allowCompact: boolean): number {
  const d = lastDate;
  d.hasTime = d.hasSeconds = d.hasOffset = d.isUtc = false;
  d.fracStart = d.fracEnd = 0;
  if (allowCompact && end - start === 8) {
    for (let k = start; k < end; k++) if (digit(buf, k) < 0) return 0;
    d.year = readNumber(buf, start, end, 4, 4);
    d.yearDigits = 4;
    d.a = readNumber(buf, start + 4, end, 2, 2);
    d.b = readNumber(buf, start + 6, end, 2, 2);
    return FAMILY_COMPACT;
  }
  const first = readNumber(buf, start, end, 1, 4);
  if (first < 0) return 0;
  const firstDigits = numberEnd - start;
  const sep = buf[numberEnd];
  if (sep !== 0x2e && sep !== 0x2f && sep !== 0x2d) return 0;
  d.sep = sep;
  const second = readNumber(buf, numberEnd + 1, end, 1, 2);
  if (second < 0 || buf[numberEnd] !== sep) return 0;
  let i = numberEnd + 1;
  let family: number;
  if (firstDigits === 4) {
    const third = readNumber(buf, i, end, 2, 2);
    if (third < 0) return 0;
    [d.year, d.yearDigits, d.a, d.b] = [first, 4, second, third];
    family = FAMILY_YMD;
  } else if (firstDigits <= 2) {
    const year = readNumber(buf, i, end, 2, 4);
    const digits = numberEnd - i;
    if (year < 0 || digits === 3) return 0;
    [d.a, d.b, d.year, d.yearDigits] = [first, second, year, digits];
    family = sep === 0x2e ? FAMILY_DOT : sep === 0x2f ? FAMILY_SLASH : FAMILY_DASH;
  } else return 0;
  i = numberEnd;
  if (i === end) return family;
  return parseTime(buf, i, end) ? family : 0;
}

function parseTime(buf: Uint8Array, i: number, end: number): boolean {
  const d = lastDate;
  if (buf[i] !== 0x20 && buf[i] !== 0x54) return false;
  d.hh = readNumber(buf, i + 1, end, 2, 2);
  if (d.hh < 0 || buf[numberEnd] !== 0x3a) return false;
  d.mi = readNumber(buf, numberEnd + 1, end, 2, 2);
  if (d.mi < 0) return false;
  i = numberEnd;
  d.hasTime = true;
  d.ss = 0;
  if (buf[i] === 0x3a) {
    d.ss = readNumber(buf, i + 1, end, 2, 2);
    if (d.ss < 0) return false;
    d.hasSeconds = true;
    i = numberEnd;
    if (buf[i] === 0x2e) {
      d.fracStart = i + 1;
      readNumber(buf, i + 1, end, 1, 9);
      d.fracEnd = numberEnd;
      if (d.fracEnd === d.fracStart) return false;
      i = numberEnd;
    }
  }
  if (d.hh > 23 || d.mi > 59 || d.ss > 59) return false;
  if (i === end) return true;
  if (buf[i] === 0x20) i++;
  if (buf[i] === 0x5a && i + 1 === end) return (d.isUtc = true);
  const sign = buf[i];
  if (sign !== 0x2b && sign !== 0x2d) return false;
  const oh = readNumber(buf, i + 1, end, 2, 2);
  if (oh < 0) return false;
  let j = numberEnd;
  if (buf[j] === 0x3a) j++;
  const om = j < end ? readNumber(buf, j, end, 2, 2) : 0;
  if (om < 0 || (j < end && numberEnd !== end) || oh > 14 || om > 59) return false;
  d.offset = (sign === 0x2d ? -1 : 1) * (oh * 60 + om);
  return (d.hasOffset = true);
}

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function fullYear(year: number, digits: number): number {
  // Two-digit years in bank exports are this century's; 70–99 reads as the 1900s.
  return digits === 2 ? (year < 70 ? 2000 + year : 1900 + year) : year;
}

/** Month and day of `lastDate` under `order`, checked against the calendar; -1 if invalid. */
export function monthDay(order: DateOrder): { month: number; day: number } | null {
  const d = lastDate;
  const month = order === 'MDY' ? d.a : order === 'YMD' ? d.a : d.b;
  const day = order === 'MDY' ? d.b : order === 'YMD' ? d.b : d.a;
  if (month < 1 || month > 12 || day < 1 || day > DAYS[month - 1]!) return null;
  const year = fullYear(d.year, d.yearDigits);
  if (month === 2 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) return null;
  return { month, day };
}

function put2(out: Uint8Array, at: number, value: number): void {
  out[at] = ZERO + Math.floor(value / 10);
  out[at + 1] = ZERO + (value % 10);
}

/**
 * Writes the ISO form of the cell into `out` at 0 and returns its length, or
 * -1 when the cell does not fit `family`/`order`.
 */
export function writeIsoDate(buf: Uint8Array, start: number, end: number, family: number, order: DateOrder, out: Uint8Array): number {
  if (parseDateParts(buf, start, end, family === FAMILY_COMPACT) !== family) return -1;
  const parts = monthDay(order);
  if (!parts) return -1;
  const d = lastDate;
  const year = fullYear(d.year, d.yearDigits);
  put2(out, 0, Math.floor(year / 100));
  put2(out, 2, year % 100);
  out[4] = 0x2d;
  put2(out, 5, parts.month);
  out[7] = 0x2d;
  put2(out, 8, parts.day);
  if (!d.hasTime) return 10;
  out[10] = 0x54;
  put2(out, 11, d.hh);
  out[13] = 0x3a;
  put2(out, 14, d.mi);
  out[16] = 0x3a;
  put2(out, 17, d.ss);
  let w = 19;
  if (d.fracEnd > d.fracStart) {
    out[w++] = 0x2e;
    for (let k = d.fracStart; k < d.fracEnd; k++) out[w++] = buf[k]!;
  }
  if (d.isUtc) out[w++] = 0x5a;
  else if (d.hasOffset) {
    const minutes = Math.abs(d.offset);
    out[w++] = d.offset < 0 ? 0x2d : 0x2b;
    put2(out, w, Math.floor(minutes / 60));
    out[w + 2] = 0x3a;
    put2(out, w + 3, minutes % 60);
    w += 5;
  }
  return w;
}
