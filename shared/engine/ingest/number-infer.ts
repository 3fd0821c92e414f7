/**
 * Decides, from a column's sampled cells, which number notation the column
 * uses. The decimal mark is decided per column, because one file can hold
 * `-62,3` in the amount column and `13.98` inside free text; a column whose
 * cells read the same either way (`1,234`) is "ambiguous" and the caller
 * settles it with the file's dominant convention.
 */
import { MAX_SCALE } from './cell-classify';
import {
  COMMA,
  DOT,
  HAS_CURRENCY_PREFIX,
  HAS_CURRENCY_SUFFIX,
  HAS_PLUS,
  INDIAN_GROUPS,
  NEG_DRCR,
  NEG_MINUS,
  NEG_PAREN,
  NEG_TRAILING,
  lastNumber,
  parseLocaleScaled,
} from './number-format';
import { decodeUtf8 } from './text-codec';

export interface NumberNotation {
  decimal: number;
  /** Fraction digits that hold (nearly) every sampled cell. */
  scale: number;
  /** True when every cell has no decimal mark at all. */
  isWhole: boolean;
  /** How the column writes numbers, for people: `1.234,56`, `(1,234.56)`, `€1,234.56`. */
  label: string;
  /** Both marks read every cell, with different values for some. */
  isAmbiguous: boolean;
  /** `-12.5`: what the fast plain parser reads (dot decimal, no grouping, sign or currency marks). */
  isPlain: boolean;
}

interface Reading {
  fits: number;
  scales: Int32Array;
  features: number;
  groups: Map<number, number>;
  currency: string;
  /** Each cell's value at its own scale, as `value@scale` text, for comparing the two readings. */
  values: string[];
}

function read(cells: Uint8Array[], decimal: number): Reading {
  const reading: Reading = { fits: 0, scales: new Int32Array(MAX_SCALE + 1), features: 0, groups: new Map(), currency: '', values: [] };
  for (const cell of cells) {
    const value = parseLocaleScaled(cell, 0, cell.length, decimal, MAX_SCALE, false);
    if (value !== value) {
      reading.values.push('');
      continue;
    }
    reading.values.push(normalized(value, lastNumber.fracDigits));
    reading.fits++;
    reading.scales[lastNumber.fracDigits]!++;
    reading.features |= lastNumber.features;
    if (lastNumber.group) reading.groups.set(lastNumber.group, (reading.groups.get(lastNumber.group) ?? 0) + 1);
    if (!reading.currency && lastNumber.currencyEnd > lastNumber.currencyStart) reading.currency = decodeUtf8(cell.subarray(lastNumber.currencyStart, lastNumber.currencyEnd));
  }
  return reading;
}

/**
 * The notation that reads at least `minShare` of `cells`, or null. With
 * `forcedMark` (the user chose the decimal mark) only that reading counts
 * and nothing is ambiguous.
 */
export function inferNotation(cells: Uint8Array[], minShare: number, preferComma: boolean, forcedMark?: number): NumberNotation | null {
  if (cells.length === 0) return null;
  const needed = Math.ceil(cells.length * minShare);
  const dot = forcedMark === COMMA ? null : read(cells, DOT);
  const comma = forcedMark === DOT ? null : read(cells, COMMA);
  const dotFits = dot !== null && dot.fits >= needed;
  const commaFits = comma !== null && comma.fits >= needed;
  if (!dotFits && !commaFits) return null;
  let isAmbiguous = false;
  let useComma: boolean;
  if (dot && comma && dotFits && commaFits) {
    // Same values either way (no mark, or only unambiguous ones)? Then nothing to ask.
    isAmbiguous = dot.values.some((value, index) => value !== '' && comma.values[index] !== '' && value !== comma.values[index]);
    useComma = isAmbiguous ? preferComma : comma.fits > dot.fits || (comma.fits === dot.fits && preferComma);
  } else useComma = commaFits;
  const chosen = (useComma ? comma : dot)!;
  const scale = smallestScale(chosen.scales, needed);
  return {
    decimal: useComma ? COMMA : DOT,
    scale,
    isWhole: chosen.scales[0] === chosen.fits,
    label: labelFor(useComma ? ',' : '.', chosen, scale),
    isAmbiguous,
    isPlain: !useComma && chosen.groups.size === 0 && (chosen.features & ~NEG_MINUS) === 0,
  };
}

/** 1230 at scale 3 and 123 at scale 2 are the same number: compare without trailing fraction zeros. */
function normalized(value: number, scale: number): string {
  let v = value;
  let s = scale;
  while (s > 0 && v % 10 === 0) {
    v /= 10;
    s--;
  }
  return `${v}@${s}`;
}

function smallestScale(scales: Int32Array, needed: number): number {
  let covered = 0;
  for (let scale = 0; scale <= MAX_SCALE; scale++) {
    covered += scales[scale]!;
    if (covered >= needed) return scale;
  }
  return MAX_SCALE;
}

const GROUP_SHOWN: Record<number, string> = { 0x2c: ',', 0x2e: '.', 0x20: ' ', 0xa0: '\u00a0', 0x202f: '\u202f', 0x2009: '\u2009', 0x27: "'", 0x2019: '\u2019' };

function labelFor(decimal: string, reading: Reading, scale: number): string {
  let group = 0;
  let most = 0;
  for (const [mark, count] of reading.groups) if (count > most) [group, most] = [mark, count];
  const fraction = scale > 0 ? decimal + '567890'.slice(0, scale) : '';
  const mark = GROUP_SHOWN[group] ?? '';
  let body = !mark ? `1234${fraction}` : reading.features & INDIAN_GROUPS ? `1${mark}23${mark}456${fraction}` : `1${mark}234${fraction}`;
  if (reading.features & HAS_PLUS) body = `+${body}`;
  if (reading.features & NEG_PAREN) body = `(${body})`;
  if (reading.features & NEG_TRAILING) body = `${body}-`;
  if (reading.features & HAS_CURRENCY_PREFIX) body = `${reading.currency}${reading.currency.length > 1 ? ' ' : ''}${body}`;
  if (reading.features & HAS_CURRENCY_SUFFIX) body = `${body} ${reading.currency}`;
  if (reading.features & NEG_DRCR) body = `${body} DR/CR`;
  return body;
}
