/**
 * Exact decimal text ⇄ scaled integers. Amounts are stored as integers at a
 * known scale (12.34 at scale 2 is 1234); these helpers never go through a
 * float, so 0.1 + 0.2 stays 0.3 and a 19-digit total keeps every digit.
 */

export function pow10(scale: number): bigint {
  return 10n ** BigInt(scale);
}

/** 1234n at scale 2 → "12.34"; with grouping → "1,234.00"-style thousands separators. */
export function formatScaled(value: bigint | number, scale: number, options: { grouping?: boolean } = {}): string {
  const integer = typeof value === 'bigint' ? value : BigInt(Math.trunc(value));
  const negative = integer < 0n;
  const digits = (negative ? -integer : integer).toString().padStart(scale + 1, '0');
  let whole = scale > 0 ? digits.slice(0, digits.length - scale) : digits;
  const fraction = scale > 0 ? digits.slice(digits.length - scale) : '';
  if (options.grouping) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/**
 * "1,234.5" → 123450n at scale 2. Accepts a sign, thousands commas, spaces
 * and a `.` decimal point. Returns null for anything else or for more
 * decimals than `scale` (a filter or tolerance must not be rounded silently).
 */
export function parseToScaled(text: string, scale: number): bigint | null {
  const cleaned = text.trim().replace(/[,\s]/g, '');
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(cleaned);
  if (!match) return null;
  const [, sign, whole = '', fraction = ''] = match;
  if (whole === '' && fraction === '') return null;
  if (fraction.length > scale) return null;
  const magnitude = BigInt(whole || '0') * pow10(scale) + BigInt((fraction || '').padEnd(scale, '0') || '0');
  return sign === '-' ? -magnitude : magnitude;
}

/** Rescales an integer from one scale to a larger one. */
export function rescale(value: bigint, from: number, to: number): bigint {
  return to >= from ? value * pow10(to - from) : value / pow10(from - to);
}

/** Exact average as text with `scale + 2` decimals, rounded half away from zero. */
export function averageScaled(sum: bigint, count: number, scale: number): string {
  if (count === 0) return '';
  const extra = 2;
  const magnitude = (sum < 0n ? -sum : sum) * pow10(extra);
  const n = BigInt(count);
  const rounded = (2n * magnitude + n) / (2n * n);
  return formatScaled(sum < 0n ? -rounded : rounded, scale + extra);
}
