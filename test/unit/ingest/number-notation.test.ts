/**
 * Property: an amount written in any supported notation and imported through
 * the real path (sniff, type inference, row writer) comes back as exactly the
 * same integer at its scale. And a million of them add up to a BigInt oracle.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importText, newEngine } from '../../support/engine';

interface Notation {
  name: string;
  /** `;` for European files, `,` (cells quoted) for the rest: as such files come. */
  delimiter: ',' | ';';
  format(minor: bigint, scale: number): string;
}

const NBSP = '\u00a0';
const NNBSP = '\u202f';

function parts(minor: bigint, scale: number): { negative: boolean; whole: string; fraction: string } {
  const negative = minor < 0n;
  const digits = (negative ? -minor : minor).toString().padStart(scale + 1, '0');
  return { negative, whole: digits.slice(0, digits.length - scale), fraction: digits.slice(digits.length - scale) };
}

function group(whole: string, mark: string, indian = false): string {
  if (!indian) return whole.replace(/\B(?=(\d{3})+(?!\d))/g, mark);
  if (whole.length <= 3) return whole;
  const head = whole.slice(0, -3);
  return `${head.replace(/\B(?=(\d{2})+(?!\d))/g, mark)}${mark}${whole.slice(-3)}`;
}

function notation(name: string, delimiter: ',' | ';', body: (whole: string, fraction: string) => string, sign: (text: string, negative: boolean) => string): Notation {
  return {
    name,
    delimiter,
    format(minor, scale) {
      const { negative, whole, fraction } = parts(minor, scale);
      return sign(body(whole, fraction), negative && minor !== 0n);
    },
  };
}

const minus = (text: string, negative: boolean) => (negative ? `-${text}` : text);
const dot = (mark: string, indian = false) => (whole: string, fraction: string) => `${group(whole, mark, indian)}${fraction ? `.${fraction}` : ''}`;
const comma = (mark: string) => (whole: string, fraction: string) => `${group(whole, mark)}${fraction ? `,${fraction}` : ''}`;

const NOTATIONS: Notation[] = [
  notation('plain 1234.56', ',', dot(''), minus),
  notation('US 1,234.56', ',', dot(','), minus),
  notation('DE 1.234,56', ';', comma('.'), minus),
  notation('comma, no grouping 1234,56', ';', comma(''), minus),
  notation('parentheses (1,234.56)', ',', dot(','), (text, negative) => (negative ? `(${text})` : text)),
  notation('trailing minus 1.234,56-', ';', comma('.'), (text, negative) => (negative ? `${text}-` : text)),
  notation('explicit plus +1234.56', ',', dot(''), (text, negative) => (negative ? `-${text}` : `+${text}`)),
  notation('U+2212 minus −1234.56', ',', dot(''), (text, negative) => (negative ? `\u2212${text}` : text)),
  notation('euro prefix -€1.234,56', ';', comma('.'), (text, negative) => `${negative ? '-' : ''}€${text}`),
  notation('euro suffix 1.234,56 € (NBSP)', ';', comma('.'), (text, negative) => `${negative ? '-' : ''}${text}${NBSP}€`),
  notation('dollar $-1,234.56', ',', dot(','), (text, negative) => `$${negative ? '-' : ''}${text}`),
  notation('ISO code EUR -1.234,56', ';', comma('.'), (text, negative) => `EUR ${negative ? '-' : ''}${text}`),
  notation('NBSP grouping 1 234,56', ';', comma(NBSP), minus),
  notation('narrow NBSP grouping 1 234,56', ';', comma(NNBSP), minus),
  notation('space grouping 1 234,56', ';', comma(' '), minus),
  notation("apostrophe grouping 1'234.56", ',', dot("'"), minus),
  notation('Indian grouping 1,23,456.78', ',', dot(',', true), minus),
  notation('DR/CR suffix 1,234.56 DR', ',', dot(','), (text, negative) => `${text} ${negative ? 'DR' : 'CR'}`),
];

function fileFor(n: Notation, amounts: bigint[], scale: number): string {
  const cell = (text: string) => (n.delimiter === ',' ? `"${text}"` : text);
  const rows = amounts.map((minor, index) => [String(index + 1), cell(n.format(minor, scale)), 'x'].join(n.delimiter));
  return `id${n.delimiter}value${n.delimiter}note\n${rows.join('\n')}\n`;
}

const LIMIT = 10n ** 14n;
const amount = fc.bigInt({ min: -LIMIT, max: LIMIT });

describe('every number notation round-trips exactly through the import', () => {
  it.each(NOTATIONS.map((n) => [n.name, n] as const))('%s', async (_, n) => {
    const engine = await newEngine();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(0, 2, 3), fc.array(amount, { minLength: 1, maxLength: 30 }), async (scale, amounts) => {
        const name = `t${run++}`;
        const report = await importText(engine, `${name}.csv`, fileFor(n, amounts, scale));
        const column = report.table.columns.find((c) => c.name === 'value')!;
        expect(report.coercedTotal).toBe(0);
        expect(column.scale).toBeGreaterThanOrEqual(scale);
        const stored = engine.query(`SELECT CAST(value AS TEXT) FROM ${name} ORDER BY rowid`).rows.map(([value]) => BigInt(String(value)));
        const factor = 10n ** BigInt(column.scale - scale);
        expect(stored).toEqual(amounts.map((minor) => minor * factor));
        engine.dropTable(name);
      }),
      { numRuns: 25, seed: 20260101 },
    );
  });
});

describe('a million amounts add up exactly', () => {
  it('sums 1,000,000 amounts written as 1.234,56 to the BigInt oracle', async () => {
    const n = NOTATIONS.find((candidate) => candidate.name.startsWith('DE'))!;
    let state = 12345;
    const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0);
    let oracle = 0n;
    const lines = ['id;value;note'];
    for (let i = 0; i < 1_000_000; i++) {
      // Up to ±42,949,672.95 with a random sign: covers grouped and ungrouped values.
      const magnitude = BigInt(next());
      const minor = next() & 1 ? -magnitude : magnitude;
      oracle += minor;
      lines.push(`${i};${n.format(minor, 2)};x`);
    }
    const engine = await newEngine();
    const report = await importText(engine, 'million.csv', `${lines.join('\n')}\n`);
    expect(report.rows).toBe(1_000_000);
    expect(report.coercedTotal).toBe(0);
    expect(report.table.columns.find((c) => c.name === 'value')).toMatchObject({ type: 'decimal', scale: 2, sourceFormat: '1.234,56' });
    expect(engine.query('SELECT CAST(sum(value) AS TEXT) FROM million').rows).toEqual([[oracle.toString()]]);
  }, 60_000);
});
