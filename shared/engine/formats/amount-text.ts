import { formatScaled, pow10 } from '../money/decimal';
import { currencyExponent } from './currency-exponents';

/**
 * Amount and date text → exact values. Amounts go from digits straight to
 * BigInt minor units: no Number/parseFloat anywhere, so a 15-digit BAI2
 * amount or a five-decimal camt amount keeps every digit.
 */

export type MinorResult = { value: bigint } | { problem: string };

/**
 * "3236,28" / "18.150" / "9," → minor units at `exponent`. Extra fraction
 * digits are accepted only when they are zeros (camt's "18.150" EUR is 1815
 * cents); a non-zero one would need rounding, which we never do silently.
 */
export function decimalToMinor(text: string, exponent: number, mark: '.' | ','): MinorResult {
  const pattern = mark === ',' ? /^([+-]?)(\d*)(?:,(\d*))?$/ : /^([+-]?)(\d*)(?:\.(\d*))?$/;
  const match = pattern.exec(text.trim());
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) return { problem: `"${text}" is not an amount` };
  const [, sign, whole = '', fraction = ''] = match;
  const excess = fraction.slice(exponent);
  if (/[1-9]/.test(excess)) return { problem: `"${text}" has more decimals than the currency's ${exponent}; it would have to be rounded` };
  const kept = fraction.slice(0, exponent).padEnd(exponent, '0');
  const magnitude = BigInt(whole || '0') * pow10(exponent) + BigInt(kept || '0');
  return { value: sign === '-' ? -magnitude : magnitude };
}

/** BAI2 / NACHA style: an optionally signed integer that already is minor units. */
export function impliedToMinor(text: string): MinorResult {
  const trimmed = text.trim();
  if (!/^[+-]?\d+$/.test(trimmed)) return { problem: `"${text}" is not a whole number of minor units` };
  return { value: BigInt(trimmed.replace(/^\+/, '')) };
}

/** 123456n EUR → "1234.56 EUR", for warnings an analyst reads. */
export function formatMinor(value: bigint, currency: string | null): string {
  const exponent = currency ? currencyExponent(currency) : 2;
  return `${formatScaled(value, exponent)}${currency ? ` ${currency}` : ''}`;
}

/** A real calendar date as ISO text, or null (February 30 exists in some banks' files). */
export function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Two-digit years: 80–99 are 19xx, the rest 20xx (bank files from before 1980 do not exist digitally). */
export function fullYear(yy: number): number {
  return yy >= 80 ? 1900 + yy : 2000 + yy;
}

/** "YYMMDD" → ISO, or null when empty, zeros or not a date. */
export function isoFromYymmdd(text: string): string | null {
  const match = /^(\d{2})(\d{2})(\d{2})$/.exec(text.trim());
  if (!match) return null;
  return isoDate(fullYear(Number(match[1])), Number(match[2]), Number(match[3]));
}

/** camt Dt or DtTm: the date part as written, so the file's own time zone decides the business date. */
export function isoFromXmlDate(text: string | null): string | null {
  if (!text) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text.trim());
  return match ? isoDate(Number(match[1]), Number(match[2]), Number(match[3])) : null;
}

/** Maps character offsets in `text` to 1-based lines, with a binary search over line starts. */
export function lineLocator(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
}
