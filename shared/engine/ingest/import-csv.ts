import type { ByteSource, ColumnInfo, ImportHooks, ImportOptions, ImportReport, TableInfo } from '../api';
import { databaseBytes, type EngineContext } from '../context';
import { EngineError } from '../errors';
import { prepareNative, type NativeStatement } from '../sqlite/native-statement';
import { enforceBudget } from './budget';
import { ChunkStream } from './chunk-stream';
import { CsvScanner, type ScanProblem } from './csv-scanner';
import { countNulBytes, createTranscoder, detectBinary, detectEncoding } from './detect-encoding';
import { TypeSampler, declaredType } from './infer-types';
import { quoteIdentifier, sanitizeColumnNames, tableNameFor } from './names';
import { RowWriter } from './row-writer';
import { sniffDialect, type Dialect } from './sniff';
import { decodeUtf8 } from './text-codec';

const HEAD_BYTES = 64 * 1024;
const DEFAULT_CHUNK_BYTES = 4 * 1024 * 1024;
const PROGRESS_EVERY_MS = 100;

/** Where one import stands; kept together so cleanup knows what to undo. */
interface ImportState {
  table: TableInfo | null;
  statement: NativeStatement | null;
  writer: RowWriter | null;
  wasmPointer: number;
  wasmCapacity: number;
  inTransaction: boolean;
}

export async function importCsv(context: EngineContext, source: ByteSource, options: ImportOptions, hooks: ImportHooks = {}): Promise<ImportReport> {
  const started = context.now();
  const file = source.name;
  if (source.size === 0) throw new EngineError('empty-file', 'The file is empty (0 bytes).', { file });
  const head = await source.read(0, Math.min(source.size, HEAD_BYTES));
  const binary = detectBinary(head);
  if (binary) throw new EngineError('binary-file', `This is ${binary}, not a text file.`, { file, line: 1 });
  const guess = detectEncoding(head);
  const encoding = options.encoding ?? guess.encoding;
  const bomBytes = options.encoding && options.encoding !== guess.encoding ? 0 : guess.bomBytes;
  if (!encoding.startsWith('utf-16') && countNulBytes(head) > 0) {
    const at = head.indexOf(0);
    throw new EngineError('binary-file', `NUL bytes found (first at byte ${at}): this looks like binary content, not CSV text.`, { file, line: lineAt(head, at) });
  }
  const headText = createTranscoder(encoding)?.push(head.subarray(bomBytes), source.size <= HEAD_BYTES) ?? head.subarray(bomBytes);
  const dialect = sniffDialect(headText, source.size <= HEAD_BYTES, options.delimiter);

  const db = context.sqlite.db;
  const dbBytesBefore = databaseBytes(context);
  const budgetBytes = options.budgetBytes ?? context.budgetBytes;
  const scanner = new CsvScanner({ delimiter: dialect.delimiter.charCodeAt(0), newline: dialect.newline, maxFieldBytes: 1 << 20 });
  const stream = new ChunkStream(source, encoding, bomBytes, options.chunkBytes ?? DEFAULT_CHUNK_BYTES);
  const state: ImportState = { table: null, statement: null, writer: null, wasmPointer: 0, wasmCapacity: 0, inTransaction: false };
  let rows = 0;
  let consumed = 0;
  let skipRows = dialect.preambleRows + (dialect.headerIndex >= 0 ? 1 : 0);
  let labels: string[] = [];
  let lastProgress = 0;
  const renamed: ImportReport['renamedHeaders'] = [];

  try {
    for (;;) {
      await stream.next(consumed);
      if (hooks.isCancelled?.()) throw new EngineError('cancelled', 'Import cancelled; the partial table was removed.', { file });
      const out = scanner.scan(stream.buffer, stream.length, stream.isDone);
      if (out.problem) throw scanError(out.problem, file, encoding, labels);
      consumed = out.consumed;
      let firstRow = 0;
      if (!state.table) {
        if (out.rows <= skipRows && !stream.isDone) {
          // The header is not complete yet: rescan from the start with more bytes.
          consumed = 0;
          scanner.line = 1;
          scanner.blankRowsSkipped = 0;
          continue;
        }
        if (out.rows <= dialect.headerIndex) throw new EngineError('no-data-rows', 'The file has no rows.', { file });
        labels = headerLabels(scanner, stream.buffer, stream.length, dialect);
        const table = createTable(context, source, options, dialect, encoding, labels, scanner, stream.buffer, stream.length, out.rows, skipRows, renamed);
        state.table = table;
        state.statement = prepareNative(context.sqlite, insertSql(table));
        state.writer = new RowWriter(state.statement, table.columns);
        firstRow = Math.min(skipRows, out.rows);
        skipRows = 0;
      }
      placeInWasm(context, state, stream.buffer, stream.length, scanner);
      db.run('BEGIN');
      state.inTransaction = true;
      const writer = state.writer!;
      const width = state.table.columns.length;
      for (let r = firstRow; r < out.rows; r++) {
        const first = scanner.rowFirstField[r]!;
        const count = scanner.rowFirstField[r + 1]! - first;
        if (count !== width) throw raggedRow(file, scanner.rowLine[r]!, count, width, labels);
        writer.write(stream.buffer, scanner.scratch, stream.length, state.wasmPointer, scanner.fieldStart, scanner.fieldEnd, first, scanner.rowLine[r]!);
      }
      rows += Math.max(0, out.rows - firstRow);
      db.run('COMMIT');
      state.inTransaction = false;
      const now = context.now();
      if (rows > 0) {
        const isFirst = state.table.rowCount === 0;
        // Kept current per chunk: the grid's row count while loading comes from here.
        state.table = { ...state.table, rowCount: rows };
        context.catalog.put(state.table);
        if (isFirst) hooks.onFirstRows?.(state.table);
      }
      enforceBudget({ file, budgetBytes, dbBytesBefore, dbBytesNow: databaseBytes(context), bytesRead: stream.bytesRead, totalBytes: source.size });
      if (hooks.onProgress && (now - lastProgress >= PROGRESS_EVERY_MS || stream.isDone)) {
        lastProgress = now;
        hooks.onProgress(progress(options.importId, file, stream.bytesRead, source.size, rows, now - started));
      }
      if (stream.isDone) break;
    }
    if (!state.table || rows === 0) {
      const why = state.table ? 'The file has a header but no data rows.' : 'The file has no rows.';
      throw new EngineError('no-data-rows', why, { file });
    }
    const writer = state.writer!;
    const table: TableInfo = {
      ...state.table,
      rowCount: rows,
      isLoading: false,
      importMs: Math.round(context.now() - started),
      columns: state.table.columns.map((column, index) => ({ ...column, coercedCells: writer.coercedPerColumn[index] ?? 0 })),
    };
    context.catalog.put(table);
    const coercedTotal = writer.coercedPerColumn.reduce((sum, n) => sum + n, 0);
    return {
      table,
      rows,
      blankRowsSkipped: scanner.blankRowsSkipped,
      preambleLines: dialect.preambleRows,
      coercedTotal,
      coercedSamples: writer.coercedSamples,
      renamedHeaders: renamed,
      warnings: warningsFor(table, coercedTotal, dialect, scanner.blankRowsSkipped),
      durationMs: table.importMs,
      dbBytesAfter: databaseBytes(context),
    };
  } catch (error) {
    discardPartial(context, state);
    throw error;
  } finally {
    state.statement?.finalize();
    if (state.wasmPointer) context.sqlite.module._free(state.wasmPointer);
  }
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function headerLabels(scanner: CsvScanner, buf: Uint8Array, length: number, dialect: Dialect): string[] {
  if (dialect.headerIndex < 0) return Array.from({ length: dialect.fieldCount }, (_, i) => `column_${i + 1}`);
  const labels: string[] = [];
  const first = scanner.rowFirstField[dialect.headerIndex]!;
  const end = scanner.rowFirstField[dialect.headerIndex + 1]!;
  for (let f = first; f < end; f++) labels.push(fieldText(scanner, buf, length, f).trim());
  return labels;
}

function fieldText(scanner: CsvScanner, buf: Uint8Array, length: number, field: number): string {
  const start = scanner.fieldStart[field]!;
  const end = scanner.fieldEnd[field]!;
  return start >= length ? decodeUtf8(scanner.scratch.subarray(start - length, end - length)) : decodeUtf8(buf.subarray(start, end));
}

function createTable(
  context: EngineContext,
  source: ByteSource,
  options: ImportOptions,
  dialect: Dialect,
  encoding: string,
  labels: string[],
  scanner: CsvScanner,
  buf: Uint8Array,
  length: number,
  sampleRows: number,
  skipRows: number,
  renamed: ImportReport['renamedHeaders'],
): TableInfo {
  const sampler = new TypeSampler(labels.length);
  for (let r = skipRows; r < sampleRows; r++) {
    const first = scanner.rowFirstField[r]!;
    if (scanner.rowFirstField[r + 1]! - first !== labels.length) continue;
    for (let c = 0; c < labels.length; c++) {
      const start = scanner.fieldStart[first + c]!;
      if (start < length) sampler.add(c, buf, start, scanner.fieldEnd[first + c]!);
    }
  }
  const names = sanitizeColumnNames(labels);
  const columns: ColumnInfo[] = names.map((column, index) => {
    if (column.reason) renamed.push({ label: column.label, name: column.name, reason: column.reason });
    return { name: column.name, label: column.label, ...sampler.typing(index, column.label), coercedCells: 0 };
  });
  const existing = context.sqlite.db.exec("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")[0]?.values.map((row) => String(row[0])) ?? [];
  const name = tableNameFor(options.tableName ?? source.name, existing);
  const definition = columns.map((column) => `${quoteIdentifier(column.name)} ${declaredType(column.type)}`).join(', ');
  context.sqlite.db.run(`CREATE TABLE ${quoteIdentifier(name)} (${definition})`);
  const table: TableInfo = {
    name,
    sourceFile: source.name,
    sizeBytes: source.size,
    sha256: '',
    delimiter: dialect.delimiter,
    encoding,
    headerLine: dialect.headerIndex >= 0 ? scanner.rowLine[dialect.headerIndex]! : 0,
    rowCount: 0,
    importedAt: context.isoNow(),
    importMs: 0,
    columns,
    isLoading: true,
  };
  context.catalog.put(table);
  return table;
}

function insertSql(table: TableInfo): string {
  const placeholders = table.columns.map(() => '?').join(', ');
  return `INSERT INTO ${quoteIdentifier(table.name)} VALUES (${placeholders})`;
}

/** Copies the chunk (and unescaped scratch fields right after it) into one reused WASM buffer. */
function placeInWasm(context: EngineContext, state: ImportState, buf: Uint8Array, length: number, scanner: CsvScanner): void {
  const module = context.sqlite.module;
  const needed = length + scanner.scratchLength + 1;
  if (needed > state.wasmCapacity) {
    if (state.wasmPointer) module._free(state.wasmPointer);
    state.wasmCapacity = Math.max(needed, state.wasmCapacity * 2);
    state.wasmPointer = module._malloc(state.wasmCapacity);
    if (!state.wasmPointer) throw new EngineError('budget-exceeded', 'Out of memory for the import buffer.');
  }
  module.writeArrayToMemory(buf.subarray(0, length), state.wasmPointer);
  if (scanner.scratchLength > 0) module.writeArrayToMemory(scanner.scratch.subarray(0, scanner.scratchLength), state.wasmPointer + length);
}

function discardPartial(context: EngineContext, state: ImportState): void {
  const db = context.sqlite.db;
  if (state.inTransaction) db.run('ROLLBACK');
  if (state.table) {
    db.run(`DROP TABLE IF EXISTS ${quoteIdentifier(state.table.name)}`);
    context.catalog.remove(state.table.name);
  }
}

function scanError(problem: ScanProblem, file: string, encoding: string, labels: string[]): EngineError {
  const columnName = labels[problem.column - 1];
  const where = { file, line: problem.line, column: problem.column, ...(columnName ? { columnName } : {}) };
  switch (problem.kind) {
    case 'unclosed-quote':
      return new EngineError('unclosed-quote', 'A quoted field starts here and is never closed, so the rest of the file would be swallowed into one cell.', where);
    case 'field-too-large':
      return new EngineError('field-too-large', `A field of ${problem.bytes} bytes is larger than the 1 MB limit per cell.`, where);
    case 'invalid-utf8':
      return new EngineError('invalid-encoding', `Bytes here are not valid ${encoding}: choose the file's encoding (for example windows-1252) and load it again.`, where);
  }
}

function raggedRow(file: string, line: number, count: number, width: number, labels: string[]): EngineError {
  const column = Math.min(count, width) + 1;
  const message =
    count > width
      ? `This row has ${count} fields but the header has ${width}: an unquoted delimiter inside a value, or a missing header?`
      : `This row has ${count} fields but the header has ${width} (missing "${labels[count] ?? `column ${count + 1}`}").`;
  return new EngineError('ragged-row', message, { file, line, column });
}

function progress(importId: string, file: string, bytesRead: number, totalBytes: number, rows: number, elapsedMs: number) {
  const seconds = elapsedMs / 1000;
  const bytesPerSecond = seconds > 0 ? bytesRead / seconds : 0;
  return {
    importId,
    file,
    bytesRead,
    totalBytes,
    rows,
    rowsPerSecond: seconds > 0 ? Math.round(rows / seconds) : 0,
    etaSeconds: bytesPerSecond > 0 ? Math.max(0, (totalBytes - bytesRead) / bytesPerSecond) : null,
    elapsedMs,
  };
}

function warningsFor(table: TableInfo, coercedTotal: number, dialect: Dialect, blankRows: number): string[] {
  const warnings: string[] = [];
  if (coercedTotal > 0) {
    const columns = table.columns.filter((column) => column.coercedCells > 0).map((column) => `${column.label} (${column.coercedCells})`);
    warnings.push(`${coercedTotal} cells did not fit their column type and were kept as text: ${columns.join(', ')}.`);
  }
  if (dialect.headerIndex < 0) warnings.push('No header row was found; columns are named column_1, column_2, …');
  if (dialect.preambleRows > 0) warnings.push(`${dialect.preambleRows} line(s) before the header were skipped.`);
  if (blankRows > 0) warnings.push(`${blankRows} blank row(s) were skipped.`);
  return warnings;
}
