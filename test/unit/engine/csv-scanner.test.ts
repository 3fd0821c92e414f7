import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import fc from 'fast-check';
import { CsvScanner } from '../../../shared/engine/ingest/csv-scanner';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Runs the scanner over `text` split into chunks at `cuts`, carrying tails like the importer does. */
function scanAll(text: string, cuts: number[], delimiter = ','): { rows: string[][]; lines: number[]; problem: string | null } {
  const bytes = encoder.encode(text);
  const scanner = new CsvScanner({ delimiter: delimiter.charCodeAt(0), newline: 0x0a, maxFieldBytes: 1 << 20 });
  const rows: string[][] = [];
  const lines: number[] = [];
  let carry = new Uint8Array(0);
  const edges = [...new Set(cuts.map((c) => Math.min(c, bytes.length)))].sort((a, b) => a - b);
  edges.push(bytes.length);
  let previous = 0;
  for (const edge of edges) {
    const chunk = bytes.subarray(previous, edge);
    previous = edge;
    const buf = new Uint8Array(carry.length + chunk.length);
    buf.set(carry);
    buf.set(chunk, carry.length);
    const isLast = edge === bytes.length;
    const out = scanner.scan(buf, buf.length, isLast);
    if (out.problem) return { rows, lines, problem: `${out.problem.kind}@${out.problem.line}:${out.problem.column}` };
    for (let r = 0; r < out.rows; r++) {
      const row: string[] = [];
      for (let f = scanner.rowFirstField[r]!; f < scanner.rowFirstField[r + 1]!; f++) {
        const s = scanner.fieldStart[f]!;
        const e = scanner.fieldEnd[f]!;
        row.push(s >= buf.length ? decoder.decode(scanner.scratch.subarray(s - buf.length, e - buf.length)) : decoder.decode(buf.subarray(s, e)));
      }
      rows.push(row);
      lines.push(scanner.rowLine[r]!);
    }
    carry = buf.slice(out.consumed);
    if (isLast) break;
  }
  return { rows, lines, problem: null };
}

describe('CsvScanner', () => {
  it('reads quoted fields with delimiters, doubled quotes and newlines', () => {
    const text = 'id,desc,amt\n1,"Order #1, ""gift"" box",12.00\n2,"two\nlines",3\n';
    const { rows, lines } = scanAll(text, []);
    expect(rows).toEqual([
      ['id', 'desc', 'amt'],
      ['1', 'Order #1, "gift" box', '12.00'],
      ['2', 'two\nlines', '3'],
    ]);
    expect(lines).toEqual([1, 2, 3]);
  });

  it('handles CRLF, a missing final newline and blank lines', () => {
    const { rows, lines } = scanAll('a,b\r\n1,2\r\n\r\n3,"x"\r\n4,5', []);
    expect(rows).toEqual([['a', 'b'], ['1', '2'], ['3', 'x'], ['4', '5']]);
    expect(lines).toEqual([1, 2, 4, 5]);
  });

  it('reports an unclosed quote at the line where the field starts', () => {
    const text = 'a,b\n1,2\n3,"never closed\n4,5\n6,7\n';
    expect(scanAll(text, []).problem).toBe('unclosed-quote@3:2');
  });

  it('reports invalid UTF-8 with its line', () => {
    const bytes = encoder.encode('a,b\n1,M\u00fcller\n');
    const latin1 = new Uint8Array([...bytes.subarray(0, 7), 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x0a]);
    const scanner = new CsvScanner({ delimiter: 44, newline: 10, maxFieldBytes: 1 << 20 });
    const out = scanner.scan(latin1, latin1.length, true);
    expect(out.problem).toMatchObject({ kind: 'invalid-utf8', line: 2, column: 2 });
  });

  it('agrees with papaparse on random CSV at every chunk split', () => {
    const cell = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', ' ', '\u00e9', '\u65e5', '1', '.') , maxLength: 8 }),
      fc.constantFrom('', '0012', '-1.50'),
    );
    const table = fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(table, fc.array(fc.nat(400), { maxLength: 6 }), (cells, cuts) => {
        const text = Papa.unparse(cells, { newline: '\n', quotes: (cells.length % 2 === 0) }) + '\n';
        const expected = (Papa.parse<string[]>(text, { newline: '\n', delimiter: ',', skipEmptyLines: false }).data)
          .filter((row) => !(row.length === 1 && row[0] === ''))
          .filter((row) => row.some((v) => v !== ''));
        const got = scanAll(text, cuts);
        expect(got.problem).toBeNull();
        expect(got.rows).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });
});
