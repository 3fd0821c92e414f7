import type { CoercedCell, ColumnInfo, ColumnType } from '../api';
import type { NativeStatement } from '../sqlite/native-statement';
import { isIsoDate, isIsoTimestamp, parseBoolean, parseScaled } from './cell-classify';
import { decodeUtf8 } from './text-codec';

const MAX_COERCED_SAMPLES = 200;

const KIND_TEXT = 0;
const KIND_NUMBER = 1;
const KIND_BOOLEAN = 2;
const KIND_DATE = 3;
const KIND_TIMESTAMP = 4;

function kindOf(type: ColumnType): number {
  switch (type) {
    case 'integer':
    case 'decimal':
      return KIND_NUMBER;
    case 'boolean':
      return KIND_BOOLEAN;
    case 'date':
      return KIND_DATE;
    case 'timestamp':
      return KIND_TIMESTAMP;
    case 'text':
      return KIND_TEXT;
  }
}

/**
 * Binds one record's fields, already in WASM memory, to the INSERT statement,
 * converting typed columns. A cell that does not fit its column is kept:
 * in a numeric column as a BLOB of its text (SQLite never converts a BLOB, so
 * `12.345` in a 2-decimal column cannot turn into a REAL in the wrong unit),
 * elsewhere as TEXT. Either way it is counted and sampled for the report.
 */
export class RowWriter {
  readonly coercedPerColumn: number[];
  readonly coercedSamples: CoercedCell[] = [];
  private readonly kinds: Int32Array;
  private readonly scales: Int32Array;

  constructor(
    private readonly statement: NativeStatement,
    private readonly columns: ColumnInfo[],
  ) {
    this.kinds = Int32Array.from(columns, (column) => kindOf(column.type));
    this.scales = Int32Array.from(columns, (column) => column.scale);
    this.coercedPerColumn = columns.map(() => 0);
  }

  /**
   * `buf` is the host copy of the bytes at `base` in WASM memory (scratch
   * fields live past `bufLength` in both, see CsvScanner).
   */
  write(buf: Uint8Array, scratch: Uint8Array, bufLength: number, base: number, starts: Int32Array, ends: Int32Array, first: number, line: number): void {
    const statement = this.statement;
    const kinds = this.kinds;
    statement.clearBindings();
    for (let c = 0; c < kinds.length; c++) {
      const start = starts[first + c]!;
      const end = ends[first + c]!;
      if (end <= start) continue; // empty → NULL
      const kind = kinds[c]!;
      if (kind === KIND_TEXT) {
        statement.bindText(c + 1, base + start, end - start);
        continue;
      }
      // Typed cells are parsed from the host copy; scratch fields need the offset shifted.
      let bytes = buf;
      let at = start;
      let to = end;
      if (start >= bufLength) {
        bytes = scratch;
        at = start - bufLength;
        to = end - bufLength;
      }
      if (kind === KIND_NUMBER) {
        const value = parseScaled(bytes, at, to, this.scales[c]!);
        if (value === value) statement.bindNumber(c + 1, value);
        else this.coerce(c, bytes, at, to, line, () => statement.bindBlob(c + 1, base + start, end - start));
      } else if (kind === KIND_BOOLEAN) {
        const value = parseBoolean(bytes, at, to);
        if (value >= 0) statement.bindNumber(c + 1, value);
        else this.coerce(c, bytes, at, to, line, () => statement.bindBlob(c + 1, base + start, end - start));
      } else {
        const fits = kind === KIND_DATE ? isIsoDate(bytes, at, to) : isIsoTimestamp(bytes, at, to);
        if (!fits) this.coerceCount(c, bytes, at, to, line);
        statement.bindText(c + 1, base + start, end - start);
      }
    }
    statement.run();
  }

  private coerce(column: number, bytes: Uint8Array, at: number, to: number, line: number, bind: () => void): void {
    this.coerceCount(column, bytes, at, to, line);
    bind();
  }

  private coerceCount(column: number, bytes: Uint8Array, at: number, to: number, line: number): void {
    this.coercedPerColumn[column] = (this.coercedPerColumn[column] ?? 0) + 1;
    if (this.coercedSamples.length < MAX_COERCED_SAMPLES) {
      const info = this.columns[column]!;
      this.coercedSamples.push({ line, column: info.label, value: decodeUtf8(bytes.subarray(at, to)), expected: info.type });
    }
  }
}
