import type { CoercedCell } from '../api';
import type { NativeBatch } from '../sqlite/native-batch';
import { isIsoDate, isIsoTimestamp, parseBoolean, parseScaled } from './cell-classify';
import { KIND_BOOLEAN, KIND_DATE, KIND_DATE_CONVERT, KIND_LOCALE_NUMBER, KIND_NUMBER, KIND_SKIP, KIND_TEXT, KIND_TEXT_CHECKED, isExcelDamaged, type ColumnPlan } from './column-plan';
import { writeIsoDate, type DateOrder } from './date-format';
import { parseLocaleScaled } from './number-format';
import { decodeUtf8 } from './text-codec';

const MAX_COERCED_SAMPLES = 200;
/** Bytes per converted date in the WASM side area: `YYYY-MM-DDTHH:MM:SS.fffffffff+HH:MM` fits. */
export const ISO_SLOT_BYTES = 40;

/** Where converted values are put for SQLite to read: host view and WASM address of the side area. */
export interface SideArea {
  heap(): Uint8Array;
  pointer: number;
}

/**
 * Binds one record's fields, already in WASM memory, to the batched INSERT
 * (many rows per statement, see NativeBatch), converting typed columns.
 * A cell that does not fit its column is kept: in a numeric column as a BLOB of its text (SQLite never converts a BLOB, so
 * `12.345` in a 2-decimal column cannot turn into a REAL in the wrong unit),
 * elsewhere as TEXT. Either way it is counted and sampled for the report.
 * Plain columns take the same branches as before locale support; the slower
 * parsers run only for columns planned for them.
 */
export class RowWriter {
  readonly coercedPerColumn: number[];
  readonly damagedPerColumn: number[];
  readonly coercedSamples: CoercedCell[] = [];
  private readonly kinds: Int32Array;
  private readonly scales: Int32Array;
  private readonly params: Int32Array;
  private readonly decimals: Int32Array;
  private readonly families: Int32Array;
  private readonly orders: DateOrder[];
  private readonly slots: Int32Array;
  /** Converted-date slots per row: each row of a batch keeps its own until the statement steps. */
  private readonly slotsPerRow: number;
  private readonly iso = new Uint8Array(ISO_SLOT_BYTES);

  constructor(
    private readonly batch: NativeBatch,
    private readonly plans: ColumnPlan[],
    private readonly side: SideArea | null,
  ) {
    this.kinds = Int32Array.from(plans, (plan) => plan.kind);
    this.scales = Int32Array.from(plans, (plan) => plan.parseScale);
    this.decimals = Int32Array.from(plans, (plan) => plan.decimal);
    this.families = Int32Array.from(plans, (plan) => plan.dateFamily);
    this.orders = plans.map((plan) => plan.dateOrder);
    // Raw siblings follow their column, so later columns bind one place further on.
    this.params = new Int32Array(plans.length);
    this.slots = new Int32Array(plans.length);
    let param = 1;
    let slot = 0;
    plans.forEach((plan, index) => {
      this.params[index] = param;
      // A skipped column has no place in the INSERT at all.
      param += plan.kind === KIND_SKIP ? 0 : plan.rawName ? 2 : 1;
      if (plan.kind === KIND_DATE_CONVERT) this.slots[index] = slot++;
    });
    this.slotsPerRow = slot;
    this.coercedPerColumn = plans.map(() => 0);
    this.damagedPerColumn = plans.map(() => 0);
  }

  /** Side-area bytes this writer needs for converted values of `rows` rows bound before a step. */
  static sideBytes(plans: ColumnPlan[], rows: number): number {
    return plans.filter((plan) => plan.kind === KIND_DATE_CONVERT).length * ISO_SLOT_BYTES * rows;
  }

  /**
   * `buf` is the host copy of the bytes at `base` in WASM memory (scratch
   * fields live past `bufLength` in both, see CsvScanner). The bytes must stay
   * put until the batch has stepped this row (NativeBatch.begin counts rows).
   */
  write(buf: Uint8Array, scratch: Uint8Array, bufLength: number, base: number, starts: Int32Array, ends: Int32Array, first: number, line: number): void {
    const statement = this.batch;
    const kinds = this.kinds;
    const params = this.params;
    for (let c = 0; c < kinds.length; c++) {
      const start = starts[first + c]!;
      const end = ends[first + c]!;
      const kind = kinds[c]!;
      if (end <= start || kind === KIND_SKIP) continue; // empty → NULL; skipped → not stored
      const param = params[c]!;
      if (kind === KIND_TEXT) {
        statement.bindText(param, base + start, end - start);
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
        if (value === value) statement.bindNumber(param, value);
        else this.coerce(c, bytes, at, to, line, () => statement.bindBlob(param, base + start, end - start));
      } else if (kind === KIND_BOOLEAN) {
        const value = parseBoolean(bytes, at, to);
        if (value >= 0) statement.bindNumber(param, value);
        else this.coerce(c, bytes, at, to, line, () => statement.bindBlob(param, base + start, end - start));
      } else if (kind === KIND_LOCALE_NUMBER) {
        const value = parseLocaleScaled(bytes, at, to, this.decimals[c]!, this.scales[c]!);
        if (value === value) statement.bindNumber(param, value);
        else this.coerce(c, bytes, at, to, line, () => statement.bindBlob(param, base + start, end - start));
      } else if (kind === KIND_DATE_CONVERT) {
        this.writeDate(c, param, bytes, at, to, base + start, end - start, line);
      } else if (kind === KIND_TEXT_CHECKED) {
        if (isExcelDamaged(bytes.subarray(at, to))) this.damagedPerColumn[c]!++;
        statement.bindText(param, base + start, end - start);
      } else {
        const fits = kind === KIND_DATE ? isIsoDate(bytes, at, to) : isIsoTimestamp(bytes, at, to);
        if (!fits) this.coerceCount(c, bytes, at, to, line);
        statement.bindText(param, base + start, end - start);
      }
    }
    statement.endRow();
  }

  /** The ISO value into the column, the text as written into its `_raw` sibling. */
  private writeDate(c: number, param: number, bytes: Uint8Array, at: number, to: number, pointer: number, length: number, line: number): void {
    const statement = this.batch;
    statement.bindText(param + 1, pointer, length);
    const written = writeIsoDate(bytes, at, to, this.families[c]!, this.orders[c]!, this.iso);
    if (written < 0 || !this.side) {
      this.coerceCount(c, bytes, at, to, line);
      statement.bindText(param, pointer, length);
      return;
    }
    const slot = this.side.pointer + (this.batch.slot * this.slotsPerRow + this.slots[c]!) * ISO_SLOT_BYTES;
    this.side.heap().set(this.iso.subarray(0, written), slot);
    statement.bindText(param, slot, written);
  }

  private coerce(column: number, bytes: Uint8Array, at: number, to: number, line: number, bind: () => void): void {
    this.coerceCount(column, bytes, at, to, line);
    if (isExcelDamaged(bytes.subarray(at, to))) this.damagedPerColumn[column]!++;
    bind();
  }

  private coerceCount(column: number, bytes: Uint8Array, at: number, to: number, line: number): void {
    this.coercedPerColumn[column] = (this.coercedPerColumn[column] ?? 0) + 1;
    if (this.coercedSamples.length < MAX_COERCED_SAMPLES) {
      const info = this.plans[column]!.info;
      this.coercedSamples.push({ line, column: info.label, value: decodeUtf8(bytes.subarray(at, to)), expected: info.type });
    }
  }
}
