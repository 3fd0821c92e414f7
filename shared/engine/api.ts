/**
 * The engine contract: what the UI (through the worker), the CLI and the
 * tests may ask of a database. Every method is synchronous over sql.js except
 * imports, which stream and therefore yield between chunks.
 */

export type ColumnType = 'integer' | 'decimal' | 'timestamp' | 'date' | 'boolean' | 'text';

export interface ColumnInfo {
  /** Sanitised SQL name, unique in its table. */
  name: string;
  /** The header exactly as the file had it. */
  label: string;
  type: ColumnType;
  /** Decimal places for `decimal` columns: the column stores value × 10^scale as INTEGER. */
  scale: number;
  /** Cells that did not fit `type` and were kept as text (stored as BLOB in numeric columns). */
  coercedCells: number;
}

export interface TableInfo {
  name: string;
  sourceFile: string;
  sizeBytes: number;
  /** Hex SHA-256 of the source bytes; empty until the host has hashed the file. */
  sha256: string;
  delimiter: string;
  encoding: string;
  headerLine: number;
  rowCount: number;
  importedAt: string;
  importMs: number;
  columns: ColumnInfo[];
  /** True while rows are still streaming in. */
  isLoading: boolean;
}

/** A place in a source file, for errors and reports. Lines and columns are 1-based. */
export interface SourceLocation {
  file: string;
  line?: number;
  column?: number;
  columnName?: string;
}

export interface CoercedCell {
  line: number;
  column: string;
  value: string;
  expected: ColumnType;
}

export interface ImportReport {
  table: TableInfo;
  rows: number;
  blankRowsSkipped: number;
  preambleLines: number;
  coercedTotal: number;
  /** The first coerced cells (capped), with their lines. */
  coercedSamples: CoercedCell[];
  renamedHeaders: { label: string; name: string; reason: string }[];
  warnings: string[];
  durationMs: number;
  dbBytesAfter: number;
}

export interface ImportProgress {
  importId: string;
  file: string;
  bytesRead: number;
  totalBytes: number;
  rows: number;
  rowsPerSecond: number;
  /** Seconds left at the current rate; null until a rate is known. */
  etaSeconds: number | null;
  elapsedMs: number;
}

export interface ImportOptions {
  importId: string;
  /** Preferred table name; the file name is used when absent. */
  tableName?: string;
  /** Override the detected delimiter (`,` `;` `\t` `|`). */
  delimiter?: string;
  /** Override the detected encoding (WHATWG label). */
  encoding?: string;
  /** Stop cleanly if the database would grow past this many bytes. */
  budgetBytes?: number;
  chunkBytes?: number;
}

/** Random-access bytes of a file: a browser File or a Node file descriptor. */
export interface ByteSource {
  name: string;
  size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}

export interface ImportHooks {
  onProgress?(progress: ImportProgress): void;
  /** The table exists and holds its first committed rows. */
  onFirstRows?(table: TableInfo): void;
  isCancelled?(): boolean;
}

export type SortDirection = 'asc' | 'desc';

export interface SortSpec {
  column: string;
  direction: SortDirection;
}

export type ColumnFilter =
  | { kind: 'text'; op: 'contains' | 'equals' | 'startsWith' | 'notContains'; value: string }
  | { kind: 'number'; op: 'eq' | 'lt' | 'gt' | 'lte' | 'gte' | 'between'; value: string; valueTo?: string }
  | { kind: 'date'; from?: string; to?: string }
  | { kind: 'blank' }
  | { kind: 'notBlank' };

export interface GridQuery {
  table: string;
  filters: Record<string, ColumnFilter>;
  sort: SortSpec[];
}

export type CellValue = string | number | null;

export interface PageRequest extends GridQuery {
  offset: number;
  limit: number;
}

export interface PageResult {
  /** Row values in table column order; `_rowid` first. Decimals are integer units at the column scale. */
  rows: CellValue[][];
  /** Column indexes (in `rows`) of cells that did not fit their column type, per row. */
  coerced: number[][];
  elapsedMs: number;
  usedIndex: boolean;
}

export interface RangeRequest extends GridQuery {
  columns: string[];
  startRow: number;
  endRow: number;
}

export interface RangeStats {
  cells: number;
  numericCells: number;
  /** Exact sum as a decimal string at the widest scale of the selected columns. */
  sum: string | null;
  average: string | null;
}

export interface QueryResult {
  columns: string[];
  rows: CellValue[][];
  truncated: boolean;
  elapsedMs: number;
}
