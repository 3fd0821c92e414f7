import type { Sqlite } from './open-sqlite';
import type { SqlJsModule } from './sqljs-types';
import { prepareHandle } from './native-statement';

const SQLITE_OK = 0;
const SQLITE_DONE = 101;
/** SQLITE_STATIC: SQLite reads the bytes in place; they must stay put until the statement steps. */
const SQLITE_STATIC = 0;
/**
 * Rows per full statement. In sql.js a step()+reset() costs about 1 µs, more
 * than binding a whole row, so one `INSERT … VALUES (…),(…),…` per many rows
 * takes most of that away. Importing 100k rows of the bench sample (15
 * columns, median of 20): 1 row per statement 296 ms, 32: 268, 64: 235,
 * 128: 219, 256: 224, 512: 225. Flat from 128 on; 256 sits in the middle, and
 * larger statements only cost memory (each bound parameter is a 40-byte Mem).
 */
export const ROWS_PER_STATEMENT = 256;
/** Well under SQLITE_MAX_VARIABLE_NUMBER (32766): wide tables get fewer rows per statement. */
const MAX_PARAMS_PER_STATEMENT = 16_384;

/**
 * Writes rows through multi-row INSERT statements driven by sql.js's raw
 * exports, binding (pointer, length) of bytes already in WASM memory.
 *
 * The caller announces how many rows it is about to write (`begin`), so
 * every statement is stepped as soon as its last row is bound: full
 * statements while at least `rowsPerStatement` rows remain, then smaller
 * ones (powers of two) for the rest. Nothing is left pending when the last
 * announced row ends, so the bytes bound with SQLITE_STATIC may be reused or
 * freed right after, and the table is complete before a COMMIT or a yield.
 */
export class NativeBatch {
  /** Most rows one statement carries; per-row side areas are sized by it. */
  readonly rowsPerStatement: number;
  /** Place of the row being bound within the current statement (0-based). */
  slot = 0;
  private readonly module: SqlJsModule;
  private readonly statements = new Map<number, number>();
  private statement = 0;
  private size = 0;
  private offset = 0;
  private remaining = 0;

  constructor(
    private readonly sqlite: Sqlite,
    /** The INSERT for `rows` rows of `paramsPerRow` parameters each. */
    private readonly sqlFor: (rows: number) => string,
    private readonly paramsPerRow: number,
    rowsPerStatement = ROWS_PER_STATEMENT,
  ) {
    this.module = sqlite.module;
    const fit = Math.floor(MAX_PARAMS_PER_STATEMENT / Math.max(1, paramsPerRow));
    this.rowsPerStatement = Math.max(1, Math.min(rowsPerStatement, fit));
  }

  /** Announces exactly how many rows follow; all of them are written by their last endRow(). */
  begin(rows: number): void {
    this.end();
    this.remaining = rows;
    if (rows > 0) this.next();
  }

  /** Throws if announced rows were not all written (they would be lost, or bound to freed bytes). */
  end(): void {
    if (this.remaining !== 0) throw new Error(`internal: ${this.remaining} announced row(s) were not written`);
  }

  /** `index` is the 1-based parameter within the row, as in a single-row INSERT. */
  bindText(index: number, pointer: number, length: number): void {
    this.check(this.module._sqlite3_bind_text(this.statement, this.offset + index, pointer, length, SQLITE_STATIC));
  }

  bindBlob(index: number, pointer: number, length: number): void {
    this.check(this.module._sqlite3_bind_blob(this.statement, this.offset + index, pointer, length, SQLITE_STATIC));
  }

  /**
   * Numbers only ever go to INTEGER columns (integers, decimals in minor units, booleans).
   * A 32-bit integer is bound as one: bound as a double it is stored as REAL and converted
   * back by the column's affinity. Larger values go as doubles (bind_int is 32-bit only)
   * and land as INTEGER the same way.
   */
  bindNumber(index: number, value: number): void {
    const at = this.offset + index;
    this.check((value | 0) === value ? this.module._sqlite3_bind_int(this.statement, at, value) : this.module._sqlite3_bind_double(this.statement, at, value));
  }

  /** Ends the row; parameters left unbound are NULL. Steps the statement once its last row is bound. */
  endRow(): void {
    if (this.remaining <= 0) throw new Error('internal: more rows written than announced');
    this.remaining--;
    if (++this.slot < this.size) {
      this.offset += this.paramsPerRow;
      return;
    }
    const module = this.module;
    const rc = module._sqlite3_step(this.statement);
    const message = rc === SQLITE_DONE ? '' : module.UTF8ToString(module._sqlite3_errmsg(this.sqlite.db.db));
    module._sqlite3_reset(this.statement);
    // Unbinding now also means no statement keeps pointers into a buffer the caller may free.
    module._sqlite3_clear_bindings(this.statement);
    this.statement = 0;
    if (message) {
      this.remaining = 0;
      throw new Error(message);
    }
    if (this.remaining > 0) this.next();
  }

  finalize(): void {
    for (const handle of this.statements.values()) this.module._sqlite3_finalize(handle);
    this.statements.clear();
    this.statement = 0;
  }

  /** Picks the statement for the next rows: full, or the largest power of two that the rest fills. */
  private next(): void {
    let rows = this.rowsPerStatement;
    if (this.remaining < rows) {
      rows = 1;
      while (rows * 2 <= this.remaining) rows *= 2;
    }
    let handle = this.statements.get(rows);
    if (handle === undefined) {
      handle = prepareHandle(this.sqlite, this.sqlFor(rows));
      this.statements.set(rows, handle);
    }
    this.statement = handle;
    this.size = rows;
    this.slot = 0;
    this.offset = 0;
  }

  private check(rc: number): void {
    if (rc !== SQLITE_OK) throw new Error(this.module.UTF8ToString(this.module._sqlite3_errmsg(this.sqlite.db.db)));
  }
}
