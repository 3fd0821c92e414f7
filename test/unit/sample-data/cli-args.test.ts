import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED, parseCliArgs } from '../../../resources/sample-data/generate';

describe('parseCliArgs', () => {
  it('reads --rows, --out and --seed, resolving the output directory', () => {
    expect(parseCliArgs(['--rows', '1000000', '--out', 'tmp/x', '--seed', '7'])).toEqual({
      rows: 1_000_000,
      seed: 7,
      outDir: resolve('tmp/x'),
    });
  });

  it('defaults the seed and accepts digit separators and --flag=value', () => {
    expect(parseCliArgs(['--rows=1_000', '--out=/tmp/y'])).toEqual({ rows: 1000, seed: DEFAULT_SEED, outDir: '/tmp/y' });
    expect(parseCliArgs(['--rows', '1,000,000', '--out', '/tmp/y']).rows).toBe(1_000_000);
  });

  it('rejects missing or malformed arguments', () => {
    expect(() => parseCliArgs(['--out', '/tmp/y'])).toThrow(/--rows is required/);
    expect(() => parseCliArgs(['--rows', '10'])).toThrow(/--out is required/);
    expect(() => parseCliArgs(['--rows=-5', '--out', '/tmp/y'])).toThrow(/non-negative integer/);
    expect(() => parseCliArgs(['--rows', '1e6', '--out', '/tmp/y'])).toThrow(/non-negative integer/);
    expect(() => parseCliArgs(['--rows', '10', '--out', '/tmp/y', '--bogus'])).toThrow();
  });
});
