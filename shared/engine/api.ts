import type { SerializedEngineError } from './errors';

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
  /** How the file wrote this column when it was not plain (`1.234,56`, `DD.MM.YY`), so the UI can show what was detected. */
  sourceFormat?: string;
  /** What a processor profile says the column is. */
  role?: 'money' | 'currency' | 'key' | 'indicator' | 'derived' | 'raw';
  /** For money columns: the column holding each row's currency. */
  currencyColumn?: string;
  /** For derived columns: the columns they were computed from, and how. */
  derivedFrom?: string;
  /** Cells a spreadsheet had already damaged (`1.23E+22`, a leading apostrophe); kept as text. */
  damagedCells?: number;
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
  /** The processor report the headers identify, e.g. 'Adyen Settlement details report'. */
  profile?: string;
  /** How amounts are signed in this file (from the profile). */
  signConvention?: string;
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
  /**
   * What the file was recognised as: a bank-statement format ("MT940", "camt.053", …), or for
   * CSV/JSON a processor report ("Adyen Settlement details report (49 columns)") or layout.
   */
  detected?: string;
  /** Further tables the import created besides `table` (a statement file's <name>_statements). */
  extraTables?: TableInfo[];
  /** Lines that are not data (preamble, section headers and footers, summary rows), as written. */
  metadata?: { line: number; kind: 'preamble' | 'section' | 'trailer'; text: string }[];
  /** Ragged rows set aside (first 50) into table `<name>_rejected`; a file with many fails instead. */
  rejectedRows?: { line: number; fields: number; text: string; reason: string }[];
  rejectedTotal?: number;
  /** Totals the file states about itself, checked against the loaded rows. */
  controlTotals?: ControlTotal[];
  /** Framing bytes (0x01/0x03) or NUL padding removed from an otherwise-text file. */
  strippedControlBytes?: number;
}

export interface ControlTotal {
  /** What was checked, e.g. 'SF GBP gross credits' or '"Total" row: Betrag'. */
  label: string;
  line: number;
  /** As the file states it, and as the rows add up, both as exact decimal text. */
  expected: string;
  actual: string;
  ok: boolean;
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

/** What the user says about one column, keyed by its header as the file wrote it. */
export interface ColumnOverride {
  type?: ColumnType;
  /** Decimal places for a `decimal` column (0–6). */
  scale?: number;
  /** Leave the column out of the table: it is never loaded, so it costs no memory. */
  skip?: boolean;
}

export interface ImportOptions {
  importId: string;
  /** Preferred table name; the file name is used when absent. */
  tableName?: string;
  /** Override the detected delimiter (`,` `;` `\t` `|`). */
  delimiter?: string;
  /** Override the detected encoding (WHATWG label). */
  encoding?: string;
  /** 1-based line of the header row, or 0 for "the file has no header row". */
  headerLine?: number;
  /** Per-column type, scale and selection, keyed by the original header (or `column_N` without one). */
  columns?: Record<string, ColumnOverride>;
  /** How `03/04/2025`-style dates read; settles what the data cannot. */
  dateOrder?: 'DMY' | 'MDY';
  /** The decimal mark of number columns, when `1.234` could be either. */
  decimalMark?: '.' | ',';
  /** The worksheet of an XLSX workbook to load (the first one when absent). */
  sheet?: string;
  /** Stop cleanly if the database would grow past this many bytes. */
  budgetBytes?: number;
  chunkBytes?: number;
}

export interface PreviewColumn extends ColumnInfo {
  /** The first non-empty values as the grid shows them (decimals at their scale, dates as ISO). */
  samples: string[];
  /** Left out by `columns[label].skip`: the preview still shows it, the import will not load it. */
  isSkipped: boolean;
}

/**
 * What an import would make of a file, from its first ~4 MiB loaded into a
 * throwaway database: nothing touches the case. Statement and JSON files
 * are read whole (their structure cannot be cut), an XLSX sheet's first rows.
 */
export interface ImportPreview {
  file: string;
  sizeBytes: number;
  sourceFormat: 'csv' | 'json' | 'statement' | 'xlsx';
  /** Format or processor profile, as the import report words it ("MT940", "Generic CSV (…)"). */
  detected: string;
  encoding: string;
  delimiter: string;
  /** 1-based; 0 when the file has no header row. */
  headerLine: number;
  preambleLines: number;
  columns: PreviewColumn[];
  coercedTotal: number;
  /** The first 50 cells that did not fit their column type, with their lines. */
  coercedCells: CoercedCell[];
  rejectedRows: NonNullable<ImportReport['rejectedRows']>;
  rejectedTotal: number;
  controlTotals: ControlTotal[];
  warnings: string[];
  rowsSampled: number;
  bytesSampled: number;
  /** True when only the start of the file was read. */
  isTruncated: boolean;
  /** Other tables the import creates (a statement file's statements), with their sampled rows. */
  extraTables: { name: string; rows: number }[];
  /** An XLSX workbook's worksheets, and the one previewed. */
  sheets?: string[];
  sheet?: string;
  /** The import of the sample failed: what and where, as the import would report it. */
  error?: SerializedEngineError;
}

/** Random-access bytes of a file: a browser File or a Node file descriptor. */
export interface ByteSource {
  name: string;
  size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
  /**
   * Optional: fills `into` from `offset` and resolves to the bytes read, in
   * the same memory (a browser stream may detach `into` and hand its memory
   * back in a new view: use the result, not `into`). Large sequential reads
   * use it so the import reuses two buffers instead of allocating one per
   * chunk: in Chromium, `Blob.slice().arrayBuffer()` per 4 MB cost 1.4 s per
   * 50 MB, a byte stream into a reused buffer 0.08 s.
   */
  readInto?(offset: number, into: Uint8Array): Promise<Uint8Array>;
}

export interface ImportHooks {
  onProgress?(progress: ImportProgress): void;
  /** The table exists and holds its first committed rows. */
  onFirstRows?(table: TableInfo): void;
  isCancelled?(): boolean;
  /**
   * Lets the host run other work between chunks. In the worker, a read that is
   * already resolved continues as a microtask, so without a real yield the
   * grid's page requests (and Cancel) would wait for the whole import.
   */
  yieldToHost?(): Promise<void>;
}

/** The stages of a match run, in the order they happen. */
export type MatchPhase = 'load' | 'passes' | 'summary' | 'write';

/**
 * Where a match run is: within `phase`, `done` of `total` steps (the two sides
 * for `load`, the enabled passes for `passes`, one step for `summary` and
 * `write`). A step's report comes just before the step starts; the last
 * report of a finished run is `write` with done = total.
 */
export interface MatchProgress {
  phase: MatchPhase;
  done: number;
  total: number;
}

export interface MatchHooks {
  onProgress?(progress: MatchProgress): void;
  /** Asked between phases; a run that is cancelled before writing its results leaves the earlier ones as they were. */
  isCancelled?(): boolean;
  /** As for imports: without a real yield the worker could not see Cancel (or a page request) until the run ends. */
  yieldToHost?(): Promise<void>;
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
