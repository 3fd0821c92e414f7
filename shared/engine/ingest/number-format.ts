/**
 * Byte-level parser for amounts as people and banks write them: grouping
 * (`1,234.56`, `1.234,56`, `1 234,56` with NBSP or narrow NBSP, `1'234.56`,
 * Indian `1,23,456.78`), negatives as `-`, U+2212, `(12.00)`, `12.00-` or a
 * `DR` suffix, an explicit `+`, and a currency symbol or ISO code on either
 * side. Only columns whose sample needs it come here; plain `.`-decimal
 * columns stay on `parseScaled`, which is faster.
 *
 * Like `parseScaled`, the result is the value × 10^scale as an exact integer
 * (never through a float), or NaN when the cell is not such a number or has
 * more decimals than `scale`.
 */
import { MAX_DIGITS } from './cell-classify';

export const DOT = 0x2e;
export const COMMA = 0x2c;

export const NEG_MINUS = 1;
export const NEG_PAREN = 2;
export const NEG_TRAILING = 4;
export const NEG_DRCR = 8;
export const HAS_PLUS = 16;
export const HAS_CURRENCY_PREFIX = 32;
export const HAS_CURRENCY_SUFFIX = 64;
export const INDIAN_GROUPS = 128;
export const NEG_UNICODE_MINUS = 256;
// Internal marks, not reported: the closing parenthesis was seen; the DR/CR suffix said debit.
const PAREN_CLOSED = 1024;
const IS_DEBIT = 2048;

/**
 * What the last call saw, for inference (module state, so the writer's calls
 * allocate nothing). `group` is the separator's code point, 0 if none.
 */
export const lastNumber = { fracDigits: 0, group: 0, features: 0, currencyStart: 0, currencyEnd: 0 };

const MINUS = 0x2d;
const PLUS = 0x2b;
const SPACE = 0x20;
const ZERO = 0x30;

/** Code point of the space or group mark at `i` (0 if none) and its byte length in `markBytes`. */
let markBytes = 0;
function spaceOrGroupAt(buf: Uint8Array, i: number, end: number): number {
  const b = buf[i];
  markBytes = 1;
  if (b === SPACE || b === 0x27 || b === DOT || b === COMMA) return b;
  if (b === 0xc2 && i + 1 < end && buf[i + 1] === 0xa0) return (markBytes = 2), 0xa0;
  if (b === 0xe2 && i + 2 < end && buf[i + 1] === 0x80) {
    const c = buf[i + 2];
    markBytes = 3;
    if (c === 0xaf) return 0x202f; // narrow NBSP (fr-FR since 2018)
    if (c === 0x89) return 0x2009; // thin space
    if (c === 0x99) return 0x2019; // typographic apostrophe (de-CH)
  }
  return 0;
}

function isBlankMark(code: number): boolean {
  return code === SPACE || code === 0xa0 || code === 0x202f || code === 0x2009;
}

function skipBlanks(buf: Uint8Array, i: number, end: number): number {
  while (i < end) {
    const code = spaceOrGroupAt(buf, i, end);
    if (!isBlankMark(code)) break;
    i += markBytes;
  }
  return i;
}

/**
 * Active ISO 4217 codes, packed as three bytes. Any three capitals would read
 * an id like `INV7` as the amount 7 in currency "INV".
 */
const ISO_CODES = new Set(
  'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG'.split(' ').map((code) => (code.charCodeAt(0) << 16) | (code.charCodeAt(1) << 8) | code.charCodeAt(2)),
);

/** Length of a currency symbol or three-letter ISO code at `i`, or 0. */
function currencyAt(buf: Uint8Array, i: number, end: number): number {
  const b = buf[i]!;
  if (b === 0x24) return 1; // $
  if (b === 0xe2 && i + 2 < end && buf[i + 1] === 0x82 && (buf[i + 2] === 0xac || buf[i + 2] === 0xb9)) return 3; // € ₹
  if (b === 0xc2 && i + 1 < end && (buf[i + 1] === 0xa3 || buf[i + 1] === 0xa5)) return 2; // £ ¥
  if (i + 2 < end && isUpper(b) && isUpper(buf[i + 1]!) && isUpper(buf[i + 2]!) && (i + 3 === end || !isUpper(buf[i + 3]!)) && ISO_CODES.has((b << 16) | (buf[i + 1]! << 8) | buf[i + 2]!)) return 3;
  return 0;
}

function isUpper(b: number): boolean {
  return b >= 0x41 && b <= 0x5a;
}

/** `DR`/`CR`/`D`/`C` (either case) ending the cell: -1 debit, 1 credit, 0 none; its length in `markBytes`. */
function debitCreditAt(buf: Uint8Array, i: number, end: number): number {
  const first = buf[i]! | 0x20;
  const rest = end - i;
  if (rest === 2 && (buf[i + 1]! | 0x20) === 0x72 && (first === 0x64 || first === 0x63)) return (markBytes = 2), first === 0x64 ? -1 : 1;
  if (rest === 1 && (first === 0x64 || first === 0x63)) return (markBytes = 1), first === 0x64 ? -1 : 1;
  return 0;
}

export function parseLocaleScaled(buf: Uint8Array, start: number, end: number, decimal: number, scale: number, pad = true): number {
  let features = 0;
  let i = skipBlanks(buf, start, end);
  lastNumber.currencyStart = lastNumber.currencyEnd = 0;
  // Prefix: at most one sign, one `(` and one currency mark, in any order (`-$12`, `$-12`, `EUR -12`).
  for (let token = 0; token < 3 && i < end; token++) {
    const b = buf[i]!;
    if ((b === MINUS || b === PLUS) && !(features & (NEG_MINUS | HAS_PLUS))) {
      features |= b === MINUS ? NEG_MINUS : HAS_PLUS;
      i++;
    } else if (b === 0xe2 && buf[i + 1] === 0x88 && buf[i + 2] === 0x92 && !(features & NEG_MINUS)) {
      features |= NEG_MINUS | NEG_UNICODE_MINUS; // U+2212 MINUS SIGN
      i += 3;
    } else if (b === 0x28 && !(features & NEG_PAREN)) {
      features |= NEG_PAREN;
      i++;
    } else if (!(features & HAS_CURRENCY_PREFIX) && currencyAt(buf, i, end) > 0) {
      lastNumber.currencyStart = i;
      i += currencyAt(buf, i, end);
      lastNumber.currencyEnd = i;
      features |= HAS_CURRENCY_PREFIX;
      i = skipBlanks(buf, i, end);
    } else break;
  }
  const digitStart = i;
  let value = 0;
  let digits = 0;
  let group = 0;
  let groupLength = 0;
  let groups = 0;
  let firstGroup = 0;
  let middleAll3 = true;
  let middleAll2 = true;
  while (i < end) {
    const b = buf[i]!;
    if (b >= ZERO && b <= 0x39) {
      value = value * 10 + (b - ZERO);
      digits++;
      groupLength++;
      i++;
      continue;
    }
    if (b === decimal || groupLength === 0) break;
    const mark = spaceOrGroupAt(buf, i, end);
    const next = buf[i + markBytes];
    if (mark === 0 || next === undefined || next < ZERO || next > 0x39 || (group !== 0 && mark !== group)) break;
    if (groups === 0) firstGroup = groupLength;
    else {
      if (groupLength !== 3) middleAll3 = false;
      if (groupLength !== 2) middleAll2 = false;
    }
    group = mark;
    groups++;
    groupLength = 0;
    i += markBytes;
  }
  if (digits === 0) return NaN;
  if (groups > 0) {
    if (buf[digitStart] === ZERO) return NaN; // `0.011` is never a grouped whole number
    if (groupLength !== 3) return NaN;
    const western = firstGroup <= 3 && middleAll3;
    const indian = groups > 1 && firstGroup <= 2 && middleAll2;
    if (!western && !indian) return NaN;
    if (!western) features |= INDIAN_GROUPS;
  }
  let frac = 0;
  if (i < end && buf[i] === decimal) {
    i++;
    while (i < end) {
      const b = buf[i]!;
      if (b < ZERO || b > 0x39) break;
      if (frac === scale) return NaN;
      value = value * 10 + (b - ZERO);
      frac++;
      digits++;
      i++;
    }
    if (frac === 0) return NaN;
  }
  // Suffix: blanks, a trailing minus, `)`, a currency mark, then DR/CR last.
  for (let token = 0; token < 5 && i < end; token++) {
    i = skipBlanks(buf, i, end);
    if (i >= end) break;
    const b = buf[i]!;
    if (b === MINUS && !(features & (NEG_MINUS | NEG_TRAILING | HAS_PLUS))) {
      features |= NEG_TRAILING;
      i++;
    } else if (b === 0x29 && features & NEG_PAREN && !(features & PAREN_CLOSED)) {
      features |= PAREN_CLOSED;
      i++;
    } else if (!(features & (HAS_CURRENCY_PREFIX | HAS_CURRENCY_SUFFIX)) && currencyAt(buf, i, end) > 0) {
      lastNumber.currencyStart = i;
      i += currencyAt(buf, i, end);
      lastNumber.currencyEnd = i;
      features |= HAS_CURRENCY_SUFFIX;
    } else {
      const sign = debitCreditAt(buf, i, end);
      if (sign === 0 || features & NEG_DRCR) return NaN;
      features |= NEG_DRCR;
      if (sign < 0) features |= IS_DEBIT;
      i += markBytes;
    }
  }
  if (i !== end) return NaN;
  if (features & NEG_PAREN && !(features & PAREN_CLOSED)) return NaN;
  const negatives = (features & NEG_MINUS ? 1 : 0) + (features & NEG_PAREN ? 1 : 0) + (features & NEG_TRAILING ? 1 : 0) + (features & IS_DEBIT ? 1 : 0);
  if (negatives > 1 || (features & HAS_PLUS && negatives > 0)) return NaN;
  if (digits > MAX_DIGITS) return NaN;
  lastNumber.fracDigits = frac;
  lastNumber.group = group;
  lastNumber.features = features & 1023;
  // Inference reads at the cell's own scale (pad = false), so a large amount is not pushed past 2^53 by padding.
  if (pad) for (; frac < scale; frac++) value *= 10;
  if (value > Number.MAX_SAFE_INTEGER) return NaN;
  return negatives > 0 ? -value : value;
}

/** Scientific notation (`1.2302025304E+022`): what Excel writes for a long number it has already rounded. */
export function isScientific(buf: Uint8Array, start: number, end: number): boolean {
  let i = start;
  if (buf[i] === MINUS) i++;
  const digitStart = i;
  while (i < end && buf[i]! >= ZERO && buf[i]! <= 0x39) i++;
  if (i === digitStart) return false;
  if (buf[i] === DOT || buf[i] === COMMA) {
    i++;
    while (i < end && buf[i]! >= ZERO && buf[i]! <= 0x39) i++;
  }
  if ((buf[i]! | 0x20) !== 0x65) return false;
  i++;
  if (buf[i] === PLUS || buf[i] === MINUS) i++;
  const expStart = i;
  while (i < end && buf[i]! >= ZERO && buf[i]! <= 0x39) i++;
  return i === end && i > expStart;
}
