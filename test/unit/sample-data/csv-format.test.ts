import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { csvField, csvRecord, formatAmount, formatDay, formatMinor, formatTimeOfDay, epochDayOf } from '../../../resources/sample-data/csv-format';

describe('formatMinor', () => {
  it('writes two-decimal currencies with exact cents, including negatives below one unit', () => {
    expect(formatMinor(0, 2)).toBe('0.00');
    expect(formatMinor(5, 2)).toBe('0.05');
    expect(formatMinor(-5, 2)).toBe('-0.05');
    expect(formatMinor(-500, 2)).toBe('-5.00');
    expect(formatMinor(1234, 2)).toBe('12.34');
    expect(formatMinor(100, 2)).toBe('1.00');
  });

  it('writes zero-decimal currencies as plain integers', () => {
    expect(formatAmount(1234, 'jpy')).toBe('1234');
    expect(formatAmount(-7, 'jpy')).toBe('-7');
    expect(formatAmount(1234, 'usd')).toBe('12.34');
  });

  it('is exact for BigInt totals beyond 2^53', () => {
    expect(formatMinor(123456789012345678901n, 2)).toBe('1234567890123456789.01');
    expect(formatMinor(-123456789012345678901n, 0)).toBe('-123456789012345678901');
  });

  it('refuses unsafe or fractional numbers rather than formatting a float', () => {
    expect(() => formatMinor(1.5, 2)).toThrow(RangeError);
    expect(() => formatMinor(2 ** 60, 2)).toThrow(RangeError);
  });
});

describe('csvField / csvRecord', () => {
  it('quotes only fields containing a comma, quote, CR or LF', () => {
    expect(csvField('plain text é 日本')).toBe('plain text é 日本');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField('')).toBe('');
  });

  it('round-trips awkward values through papaparse', () => {
    const values = ['Order #123, "gift" box', '"', ',', 'a\r\nb', 'Müller', '000123456', '02280986911771502113295'];
    const parsed = Papa.parse<string[]>(csvRecord(values), { header: false, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toEqual([values]);
  });
});

describe('dates', () => {
  it('formats UTC days and times independently of the host time zone', () => {
    const start = epochDayOf(2024, 1, 1);
    expect(formatDay(start)).toBe('2024-01-01');
    expect(formatDay(start + 59)).toBe('2024-02-29'); // leap day
    expect(formatDay(start + 90)).toBe('2024-03-31');
    expect(formatTimeOfDay(0)).toBe('00:00:00');
    expect(formatTimeOfDay(86_399)).toBe('23:59:59');
    expect(formatTimeOfDay(3_661)).toBe('01:01:01');
  });
});
