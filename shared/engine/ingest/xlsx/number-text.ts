/**
 * XLSX stores numbers as binary doubles written out in decimal, so a cell
 * typed as 1234.56 can arrive as `1234.5600000000001`. The text as written
 * is turned into exact decimal text: kept when it is already short, read at
 * the fewest decimals (up to 6) that lie within 1e-9 of a minor unit of it,
 * and otherwise left as the long text, for the importer to keep as text and
 * count. No float arithmetic touches the value (RELIABILITY §4 case 40).
 */
import { MAX_DIGITS, MAX_SCALE } from '../cell-classify';

export type NumberReading = 'exact' | 'rounded' | 'imprecise' | 'unreadable';

export interface XlsxNumberText {
  text: string;
  reading: NumberReading;
}

/** A minor unit's tolerance: 1e-9 of 10^-scale. */
const TOLERANCE_DIGITS = 9;

export function xlsxNumberText(written: string): XlsxNumberText {
  const match = /^\s*([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?\s*$/.exec(written);
  if (!match || (match[2] === '' && !match[3])) return { text: written, reading: 'unreadable' };
  const [, sign = '', whole = '', fraction = '', exponentText = '0'] = match;
  // value = digits × 10^-scale, with the exponent folded into the scale.
  let digits = `${whole}${fraction}`.replace(/^0+(?=\d)/, '');
  let scale = fraction.length - Number(exponentText);
  if (scale < 0) {
    digits = digits === '0' ? '0' : digits + '0'.repeat(-scale);
    scale = 0;
  }
  // Trailing fraction zeros carry nothing (`12.50` is 12.5 at the cents scale the column picks).
  while (scale > 0 && digits.length > 1 && digits.endsWith('0')) {
    digits = digits.slice(0, -1);
    scale--;
  }
  const negative = sign === '-' && /[1-9]/.test(digits);
  const significant = digits.replace(/^0+/, '').length;
  if (scale <= MAX_SCALE && significant <= MAX_DIGITS) return { text: format(negative, digits, scale), reading: 'exact' };
  if (scale === 0) return { text: format(negative, digits, 0), reading: 'imprecise' }; // a long whole number: its last digits were lost already
  const value = BigInt(digits);
  for (let target = 0; target <= MAX_SCALE; target++) {
    const unit = 10n ** BigInt(scale - target);
    const rounded = (value + unit / 2n) / unit; // half up on the magnitude
    const distance = abs(value - rounded * unit);
    const within = scale - target - TOLERANCE_DIGITS;
    if (within > 0 && distance < 10n ** BigInt(within)) {
      const text = rounded.toString();
      if (text.replace(/^0+/, '').length > MAX_DIGITS) break;
      return { text: format(negative && rounded !== 0n, text, target), reading: 'rounded' };
    }
  }
  return { text: format(negative, digits, scale), reading: 'imprecise' };
}

function abs(value: bigint): bigint {
  return value < 0n ? -value : value;
}

/** Digits at a scale as plain decimal text: ("12345", 2) → "123.45", ("5", 3) → "0.005". */
function format(negative: boolean, digits: string, scale: number): string {
  const padded = digits.padStart(scale + 1, '0');
  const whole = padded.slice(0, padded.length - scale);
  const fraction = scale > 0 ? `.${padded.slice(padded.length - scale)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}
