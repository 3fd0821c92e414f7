// CSV field quoting and minor→major amount formatting shared by both output files.

export type Currency = 'usd' | 'eur' | 'gbp' | 'jpy' | 'cad';

export const CURRENCIES: readonly Currency[] = ['usd', 'eur', 'gbp', 'jpy', 'cad'];

/**
 * Decimal places of each currency's minor unit. JPY has none, which is why Stripe
 * writes yen amounts without a decimal point — importers must not assume cents.
 */
export const MINOR_DIGITS: Readonly<Record<Currency, 0 | 2>> = {
  usd: 2,
  eur: 2,
  gbp: 2,
  jpy: 0,
  cad: 2,
};

const NEEDS_QUOTES = /[",\r\n]/;
const QUOTE_ALL = /"/g;

/** RFC 4180 minimal quoting: only fields containing `,` `"` CR or LF get quoted. */
export function csvField(value: string): string {
  if (!NEEDS_QUOTES.test(value)) return value;
  return `"${value.replace(QUOTE_ALL, '""')}"`;
}

/** Joins raw field values into one LF-terminated record, quoting only where needed. */
export function csvRecord(fields: readonly string[]): string {
  let line = '';
  for (let i = 0; i < fields.length; i++) {
    if (i > 0) line += ',';
    line += csvField(fields[i] ?? '');
  }
  return line + '\n';
}

/**
 * Formats an integer amount of minor units as a major-unit decimal string
 * (`-5` cents → `-0.05`, `1234` yen → `1234`). Works on the digit string so it is
 * exact for BigInt totals of any size; floats never touch money here.
 */
export function formatMinor(minor: number | bigint, digits: 0 | 2): string {
  if (typeof minor === 'number' && !Number.isSafeInteger(minor)) {
    throw new RangeError(`minor amount must be a safe integer, got ${minor}`);
  }
  const negative = minor < 0;
  const abs = (negative ? -minor : minor).toString();
  if (digits === 0) return negative ? `-${abs}` : abs;
  const padded = abs.length < 3 ? abs.padStart(3, '0') : abs;
  const body = `${padded.slice(0, -2)}.${padded.slice(-2)}`;
  return negative ? `-${body}` : body;
}

/** Convenience wrapper choosing the currency's minor-unit digits. */
export function formatAmount(minor: number | bigint, currency: Currency): string {
  return formatMinor(minor, MINOR_DIGITS[currency]);
}

const DAY_MS = 86_400_000;
const dayCache = new Map<number, string>();

/**
 * `YYYY-MM-DD` for a day counted from the Unix epoch. Only UTC arithmetic is used,
 * so the host time zone can never shift a date. Cached: rows hit ~100 distinct days.
 */
export function formatDay(epochDay: number): string {
  let text = dayCache.get(epochDay);
  if (text === undefined) {
    text = new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
    dayCache.set(epochDay, text);
  }
  return text;
}

/** Epoch day of a UTC calendar date (month is 1-based). */
export function epochDayOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

const TWO_DIGITS: readonly string[] = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));

/** `HH:MM:SS` for a second of the day (0–86399). */
export function formatTimeOfDay(secondOfDay: number): string {
  const h = Math.floor(secondOfDay / 3600);
  const m = Math.floor(secondOfDay / 60) % 60;
  const s = secondOfDay % 60;
  return `${TWO_DIGITS[h] ?? '00'}:${TWO_DIGITS[m] ?? '00'}:${TWO_DIGITS[s] ?? '00'}`;
}
