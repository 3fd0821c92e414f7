import type { ColumnInfo, TableInfo } from '../api';
import type { EngineContext } from '../context';
import { EngineError } from '../errors';
import { quoteIdentifier } from '../ingest/names';
import { ExactSum, isExactMinor } from '../money/exact-sum';
import { scanNative, SQLITE_INTEGER, SQLITE_NULL } from '../sqlite/native-scan';
import { KEY_BYTES_GUESS, KeyInterner, STAGE_BATCH } from './key-interner';
import { KEY_SEPARATOR, keyPipeline } from './normalize';
import { normaliseRawKeys, type NormalisedKeys } from './normalize-keys';
import type { MatchSpec } from './spec';

/**
 * One side of a match, read once from SQL into columns of typed arrays:
 * the passes, the summary, manual decisions and "why didn't this match?" all
 * work on these instead of on work tables. Reading 1M rows this way takes
 * about 0.3 s; building SQL work tables and their indexes took 5–10 s.
 */
export type Side = 'L' | 'R';

export interface SideData {
  side: Side;
  table: TableInfo;
  /** Row count. */
  n: number;
  /** Source rowids, ascending (32-bit where every rowid fits: 4 fresh bytes a row, not 8). */
  ids: Int32Array | Float64Array;
  /** Key id in the shared interner; -1 = no key. */
  key: Int32Array;
  /** Amount at the run's common scale (sign applied); NaN = no number. */
  amount: Float64Array;
  /** Julian day number; NaN = no date. Single precision holds every whole and half day of years 0–9999 exactly; wider only if a value needs it. */
  day: Float32Array | Float64Array;
  /** Currency code in the shared currency interner (16-bit unless there are more codes). */
  currency: Uint16Array | Int32Array;
  /** Fee at the run's scale (grouped side with a fee column only, else empty); NaN = none. */
  fee: Float64Array;
  /** Per currency code: rows and exact total, read straight from the source. */
  sourceTotals: Map<number, ExactSum>;
  /** With key normalisers: each distinct raw key, the id of its normalised form (-1 = none), and whether that differs from it. */
  rawKeys?: { interner: KeyInterner } & NormalisedKeys;
  /** SQL expressions over the source table (alias-free) for the results views. */
  expressions: { key: string; amount: string; currency: string; day: string };
}

export interface Interners {
  keys: KeyInterner;
  currencies: KeyInterner;
}

export function columnOf(table: TableInfo, name: string, role: string): ColumnInfo {
  const found = table.columns.find((c) => c.name === name);
  if (!found) throw new EngineError('unknown-column', `Match spec: ${role} column "${name}" is not in table "${table.name}"`);
  return found;
}

export function amountScale(info: ColumnInfo): number {
  if (info.type === 'decimal') return info.scale;
  if (info.type === 'integer') return 0;
  throw new EngineError('bad-input', `Match spec: amount column "${info.label}" is ${info.type}, not a number`);
}

/** The common scale of the two amount columns (0 without amounts). */
export function runScale(context: EngineContext, spec: MatchSpec): number {
  if (!spec.amount) return 0;
  const left = amountScale(columnOf(context.catalog.get(spec.left.table), spec.amount.left, 'left amount'));
  const right = amountScale(columnOf(context.catalog.get(spec.right.table), spec.amount.right, 'right amount'));
  return Math.max(left, right);
}

export function loadSide(context: EngineContext, spec: MatchSpec, side: Side, scale: number, interners: Interners): SideData {
  const own = side === 'L' ? 'left' : 'right';
  const table = context.catalog.get(spec[own].table);
  const hasKeys = spec.keys.length > 0;
  let multiplier = 1;
  // The scan fetches bare columns; typing, dates and currencies are worked out in JS, each
  // distinct date or currency text once, which costs a third of calling SQL functions per row.
  const column = (name: string, role: string) => quoteIdentifier(columnOf(table, name, role).name);
  let amountColumn = '0';
  if (spec.amount) {
    const info = columnOf(table, spec.amount[own], `${own} amount`);
    multiplier = 10 ** (scale - amountScale(info)) * (own === 'right' && spec.amount.sign === 'opposite' ? -1 : 1);
    amountColumn = quoteIdentifier(info.name);
  }
  // Without amount columns every row weighs 0, so keys alone decide.
  const amountSql = spec.amount ? `CASE WHEN typeof(${amountColumn}) = 'integer' THEN ${amountColumn} END` : '0';
  const dateColumn = spec.date ? column(spec.date[own], `${own} date`) : 'NULL';
  const currencyColumn = spec.currency ? column(spec.currency[own], `${own} currency`) : "''";
  const currencySql = spec.currency ? `upper(trim(${currencyColumn}))` : "''";
  let feeColumn = 'NULL';
  let feeMultiplier = 1;
  if (spec.group?.feeColumn && own === spec.group.side) {
    const info = columnOf(table, spec.group.feeColumn, 'fee');
    feeMultiplier = 10 ** Math.max(0, scale - (info.type === 'decimal' ? info.scale : 0));
    feeColumn = quoteIdentifier(info.name);
  }
  // Several key pairs make one composite key: the parts joined (NULL if any part is NULL).
  const keyParts = spec.keys.map((pair, i) => column(pair[own], `${own} key ${i + 1}`));
  const keyColumn = keyParts.length === 0 ? 'NULL' : keyParts.length === 1 ? keyParts[0]! : keyParts.map((part) => `CAST(${part} AS TEXT)`).join(` || '${KEY_SEPARATOR}' || `);
  const where = spec[own].where ? ` WHERE ${spec[own].where}` : '';
  const sql = `SELECT rowid, ${keyColumn}, ${amountColumn}, ${dateColumn}, ${currencyColumn}, ${feeColumn} FROM ${quoteIdentifier(table.name)}${where} ORDER BY rowid`;
  const hasKey = hasKeys;
  const hasDate = Boolean(spec.date);
  const hasCurrency = Boolean(spec.currency);
  const hasFee = feeColumn !== 'NULL';
  const noCurrency = interners.currencies.internText('');
  const dates = new DistinctValues(context, 'julianday(?)', (value) => (value === null ? Number.NaN : Number(value)));
  const currencyOf = new DistinctValues(context, 'upper(trim(?))', (value) => interners.currencies.internText(value === null ? '' : String(value)));

  // Fresh pages cost ~8 µs each on the first run here (more in Chromium), so the columns are
  // as narrow as their values allow: 22 bytes a row where all-double columns took 32.
  const capacity = Math.max(16, table.rowCount);
  // Two subqueries: SQLite looks up a lone min() or max() of the rowid in the b-tree, but scans the table for both at once.
  const from = quoteIdentifier(table.name);
  const [minRowId, maxRowId] = (context.sqlite.db.exec(`SELECT (SELECT min(rowid) FROM ${from}), (SELECT max(rowid) FROM ${from})`)[0]?.values[0] ?? [0, 0]).map(Number);
  const narrowIds = (minRowId ?? 0) >= -INT32_MAX && (maxRowId ?? 0) <= INT32_MAX;
  let ids: Int32Array | Float64Array = narrowIds ? new Int32Array(capacity) : new Float64Array(capacity);
  let keys = new Int32Array(capacity);
  let amounts = new Float64Array(capacity);
  let days: Float32Array | Float64Array = new Float32Array(capacity);
  let currencies: Uint16Array | Int32Array = new Uint16Array(capacity);
  // Without a fee column no fee array: 8 MB per million rows not written is 8 MB of page faults saved.
  let fees = new Float64Array(hasFee ? capacity : 0);
  // With normalisers, the scan interns raw keys (their ids go in `keys` for now); each distinct
  // raw key is normalised once after the scan, and `keys` is mapped to the normalised ids.
  const raw = keyPipeline(spec.keys) ? new KeyInterner() : null;
  // Sized up front like the shared interner (start-load): regrowing rehashes every key so far.
  raw?.reserve(capacity, capacity * KEY_BYTES_GUESS);
  const scanned = raw ?? interners.keys;
  // By currency code: an array, not a Map, in the per-row loop.
  const totalsByCode: (ExactSum | undefined)[] = [];
  // Rows whose keys wait in the interner's staged batch.
  const stagedRows = new Int32Array(STAGE_BATCH);
  let n = 0;
  // The SQLite calls as locals: through the module object the column reads cost half as much again (native-calls.ts).
  const { columnType, columnDouble, columnText, columnBytes } = context.sqlite.native;
  try {
    scanNative(context.sqlite, sql, (stmt) => {
      if (n === ids.length) {
        scanned.internStaged(keys, stagedRows); // the staged ids go into the array about to be replaced
        ids = grown(ids);
        amounts = grown(amounts);
        days = grown(days);
        if (hasFee) fees = grown(fees);
        keys = grown(keys);
        currencies = grown(currencies);
      }
      const rowId = columnDouble(stmt, 0);
      // Every cell is fetched before the heap view is taken: a text conversion may grow WASM
      // memory. A NULL cell has a null text pointer, which saves a type() call per cell.
      const keyPointer = hasKey ? columnText(stmt, 1) : 0;
      const keyLength = keyPointer ? columnBytes(stmt, 1) : 0;
      const amountValue = columnType(stmt, 2) === SQLITE_INTEGER ? columnDouble(stmt, 2) : Number.NaN;
      const datePointer = hasDate ? columnText(stmt, 3) : 0;
      const dateLength = datePointer ? Math.min(10, columnBytes(stmt, 3)) : 0; // julianday(substr(date, 1, 10))
      const currencyPointer = hasCurrency ? columnText(stmt, 4) : 0;
      const currencyLength = currencyPointer ? columnBytes(stmt, 4) : 0;
      if (hasFee) fees[n] = columnType(stmt, 5) === SQLITE_INTEGER ? columnDouble(stmt, 5) * feeMultiplier : Number.NaN;
      ids[n] = rowId;
      const heap = context.sqlite.heap();
      if (!keyPointer) keys[n] = hasKey && columnType(stmt, 1) !== SQLITE_NULL ? scanned.internText('') : -1;
      else {
        // The text of any value, as CAST(… AS TEXT); its id is filled in when the batch is interned.
        stagedRows[scanned.staged] = n;
        scanned.stage(heap, keyPointer, keyLength);
        if (scanned.staged === STAGE_BATCH) scanned.internStaged(keys, stagedRows);
      }
      const amount = amountValue * multiplier;
      if (!Number.isNaN(amount) && !isExactMinor(amount)) throw new EngineError('bad-input', `Match spec: ${own} amount in row ${rowId} is too large to match exactly`);
      amounts[n] = amount;
      const day = datePointer ? dates.of(heap, datePointer, dateLength) : Number.NaN;
      if (day === day && Math.fround(day) !== day && days instanceof Float32Array) days = Float64Array.from(days);
      days[n] = day;
      // dates.of may have run a query (and grown memory): take a fresh view.
      const currency = hasCurrency ? currencyOf.of(context.sqlite.heap(), currencyPointer, currencyLength) : noCurrency;
      if (currency > 0xffff && currencies instanceof Uint16Array) currencies = Int32Array.from(currencies);
      currencies[n] = currency;
      let totals = totalsByCode[currency];
      if (!totals) totalsByCode[currency] = totals = new ExactSum();
      // Rows without a number count as rows, not as money.
      if (Number.isNaN(amount)) totals.count++;
      else totals.add(amount);
      n++;
    });
    scanned.internStaged(keys, stagedRows);
  } catch (error) {
    if (error instanceof EngineError) throw error;
    throw new EngineError('bad-input', `Match spec: ${own} side query failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  let rawKeys: SideData['rawKeys'];
  if (raw) {
    const { normalised, changed } = normaliseRawKeys(raw, spec.keys, interners.keys);
    for (let i = 0; i < n; i++) if (keys[i]! >= 0) keys[i] = normalised[keys[i]!]!;
    rawKeys = { interner: raw, normalised, changed };
  }
  return {
    side,
    table,
    n,
    ids: ids.subarray(0, n),
    key: keys.subarray(0, n),
    amount: amounts.subarray(0, n),
    day: days.subarray(0, n),
    currency: currencies.subarray(0, n),
    fee: hasFee ? fees.subarray(0, n) : fees,
    sourceTotals: new Map(totalsByCode.flatMap((totals, code) => (totals ? [[code, totals] as const] : []))),
    ...(rawKeys ? { rawKeys } : {}),
    expressions: { key: hasKeys ? `CAST(${keyColumn} AS TEXT)` : 'NULL', amount: `(${amountSql} * ${multiplier})`, currency: currencySql, day: spec.date ? `julianday(substr(${dateColumn}, 1, 10))` : 'NULL' },
  };
}

/**
 * A SQL function applied once per distinct text instead of once per row:
 * the text's bytes are interned where they lie, and the function runs (one
 * tiny query) only for a text not seen before.
 */
class DistinctValues {
  private readonly interner = new KeyInterner();
  private results: number[] = [];
  /** Texts of at most three bytes (currency codes) by their packed bytes: a small-integer Map hit. */
  private readonly short = new Map<number, number>();
  /** The previous row's text: dates in a time-ordered export repeat row after row. */
  private readonly last = new Uint8Array(16);
  private lastLength = -1;
  private lastResult = 0;

  constructor(
    private readonly context: EngineContext,
    private readonly expression: string,
    private readonly convert: (value: unknown) => number,
  ) {}

  of(heap: Uint8Array, pointer: number, length: number): number {
    if (length <= 3) {
      const packed = (length << 24) | (length > 0 ? heap[pointer]! << 16 : 0) | (length > 1 ? heap[pointer + 1]! << 8 : 0) | (length > 2 ? heap[pointer + 2]! : 0);
      const found = this.short.get(packed);
      if (found !== undefined) return found;
      const result = this.lookup(heap, pointer, length);
      this.short.set(packed, result);
      return result;
    }
    if (length === this.lastLength) {
      let same = true;
      for (let i = 0; i < length; i++) {
        if (this.last[i] !== heap[pointer + i]) {
          same = false;
          break;
        }
      }
      if (same) return this.lastResult;
    }
    const result = this.lookup(heap, pointer, length);
    if (length <= this.last.length) {
      for (let i = 0; i < length; i++) this.last[i] = heap[pointer + i]!;
      this.lastLength = length;
      this.lastResult = result;
    }
    return result;
  }

  private lookup(heap: Uint8Array, pointer: number, length: number): number {
    const id = this.interner.intern(heap, pointer, length);
    if (id < this.results.length) return this.results[id]!;
    const value = this.context.sqlite.db.exec(`SELECT ${this.expression}`, [this.interner.text(id)])[0]?.values[0]?.[0] ?? null;
    this.results.push(this.convert(value));
    return this.results[id]!;
  }
}

/** Index of a source rowid in the side's arrays, or -1. */
export function indexOfRow(data: SideData, rowId: number): number {
  let lo = 0;
  let hi = data.n - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const value = data.ids[mid]!;
    if (value === rowId) return mid;
    if (value < rowId) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

const INT32_MAX = 2 ** 31 - 1;

/** A copy of `array` twice as long, of the same kind. */
function grown<T extends Int32Array | Uint16Array | Float32Array | Float64Array>(array: T): T {
  const next = new (array.constructor as new (length: number) => T)(array.length * 2);
  next.set(array);
  return next;
}
