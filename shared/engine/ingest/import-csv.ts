import type { ByteSource, ControlTotal, ImportHooks, ImportOptions, ImportReport, TableInfo } from '../api';
import { databaseBytes, type EngineContext } from '../context';
import { EngineError } from '../errors';
import { checkPaypalFooters } from '../profiles/paypal-footers';
import { NativeBatch } from '../sqlite/native-batch';
import { enforceBudget } from './budget';
import { ChunkStream } from './chunk-stream';
import { stripFramingBytes } from './control-bytes';
import { checkSummarySection, checkTrailers } from './control-totals';
import { CsvScanner } from './csv-scanner';
import { addDerivedColumns } from './derived-columns';
import { createTranscoder, detectBinary, detectEncoding, normalizeEncoding } from './detect-encoding';
import { inspectEnvelope } from './envelope';
import { createTable, headerLabels, insertSql, storedPlans, tableColumns, type RowShape, type TableSetup } from './import-table';
import { importJson, looksLikeJson } from './import-json';
import { progress, raggedRow, scanError, warningsFor } from './import-report';
import { quoteIdentifier } from './names';
import { RowWriter } from './row-writer';
import { cellText, isBodyRow, rowCells } from './sections';
import { sniffDialect, type Dialect } from './sniff';
import { isTrailerCandidate } from './trailer';
import { checkNetEqualsGrossMinusFee } from './net-check';

const HEAD_BYTES = 64 * 1024;
const DEFAULT_CHUNK_BYTES = 4 * 1024 * 1024;
const PROGRESS_EVERY_MS = 100;
const MAX_METADATA_ROWS = 500;

/** Where one import stands; kept together so cleanup knows what to undo. */
interface ImportState {
  table: TableInfo | null;
  setup: TableSetup | null;
  batch: NativeBatch | null;
  writer: RowWriter | null;
  wasmPointer: number;
  wasmCapacity: number;
  sidePointer: number;
  inTransaction: boolean;
}

type Metadata = NonNullable<ImportReport['metadata']>;
type RejectedRow = NonNullable<ImportReport['rejectedRows']>[number];
const MAX_REJECTED_ROWS = 1000;
/** More than one ragged row in this many is a broken file or a wrong delimiter, not a stray row. */
const REJECT_RATIO = 100;
/** Up to this many ragged rows are always set aside, whatever the file's size. */
const STRAY_ROWS = 2;

export async function importCsv(context: EngineContext, original: ByteSource, options: ImportOptions, hooks: ImportHooks = {}): Promise<ImportReport> {
  const started = context.now();
  const file = original.name;
  if (original.size === 0) throw new EngineError('empty-file', 'The file is empty (0 bytes).', { file });
  const rawHead = await original.read(0, Math.min(original.size, HEAD_BYTES));
  const binary = detectBinary(rawHead);
  if (binary) throw new EngineError('binary-file', `This is ${binary}, not a text file.`, { file, line: 1 });
  const guess = detectEncoding(rawHead);
  const encoding = options.encoding ? normalizeEncoding(options.encoding, file) : guess.encoding;
  if (encoding === 'utf-8' && looksLikeJson(rawHead, guess.bomBytes)) return importJson(context, original, options, hooks, importCsv);
  const bomBytes = options.encoding && encoding !== guess.encoding ? 0 : guess.bomBytes;
  const envelope = await inspectEnvelope(original, rawHead, encoding);
  const source = envelope.source;
  const headBytes = envelope.stripFraming ? stripFramingBytes(envelope.head.subarray(bomBytes)).bytes : envelope.head.subarray(bomBytes);
  const isWhole = source.size <= HEAD_BYTES;
  const headText = createTranscoder(encoding)?.push(headBytes, isWhole) ?? headBytes;
  const dialect = sniffDialect(headText, isWhole, options.delimiter, options.headerLine);
  if (!dialect) throw new EngineError('bad-input', `Line ${options.headerLine} cannot be the header: it is blank, inside a quoted value, or not among the first 200 rows.`, { file, line: options.headerLine });
  const sections = dialect.sections;

  const db = context.sqlite.db;
  const dbBytesBefore = databaseBytes(context);
  const budgetBytes = options.budgetBytes ?? context.budgetBytes;
  const scanner = new CsvScanner({ delimiter: dialect.delimiter.charCodeAt(0), newline: dialect.newline, maxFieldBytes: 1 << 20 });
  const stream = new ChunkStream(source, encoding, bomBytes, options.chunkBytes ?? DEFAULT_CHUNK_BYTES, envelope.stripFraming);
  const state: ImportState = { table: null, setup: null, batch: null, writer: null, wasmPointer: 0, wasmCapacity: 0, sidePointer: 0, inTransaction: false };
  let rows = 0;
  let consumed = 0;
  let skipRows = dialect.preambleRows + (dialect.headerIndex >= 0 ? 1 : 0);
  let labels: string[] = [];
  let lastProgress = 0;
  /** Scanned-record indexes of the current chunk's data rows. */
  let accepted = new Int32Array(0);
  let headerCode = '';
  const renamed: ImportReport['renamedHeaders'] = [];
  const metadata: Metadata = [];
  const rejected: RejectedRow[] = [];
  const preamble: string[][] = [];
  const trailers: { line: number; cells: string[] }[] = [];
  const footers: { line: number; cells: string[] }[] = [];
  const skipFields = sections?.dropFirst ? 1 : 0;
  const keep = (line: number, kind: Metadata[number]['kind'], cells: string[]) => {
    if (metadata.length < MAX_METADATA_ROWS) metadata.push({ line, kind, text: cells.join(dialect.delimiter) });
  };

  try {
    for (;;) {
      await stream.next(consumed);
      if (hooks.yieldToHost) await hooks.yieldToHost();
      if (hooks.isCancelled?.()) throw new EngineError('cancelled', 'Import cancelled; the partial table was removed.', { file });
      const out = scanner.scan(stream.buffer, stream.length, stream.isDone);
      if (out.problem) throw scanError(out.problem, file, encoding, labels);
      consumed = out.consumed;
      const buf = stream.buffer;
      const length = stream.length;
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
        if (dialect.headerIndex >= 0) headerCode = cellText(scanner, buf, length, scanner.rowFirstField[dialect.headerIndex]!);
        for (let r = 0; r < Math.min(skipRows, out.rows); r++) {
          const cells = rowCells(scanner, buf, length, r);
          if (r < dialect.preambleRows) preamble.push(cells);
          if (r !== dialect.headerIndex) keep(scanner.rowLine[r]!, sections ? 'section' : 'preamble', cells);
        }
        labels = headerLabels(scanner, buf, length, dialect, skipFields);
        const shape: RowShape = { isData: (r) => !sections || isBodyRow(sections, scanner, buf, length, r, headerCode), skipFields };
        const sample = { scanner, buf, length, fromRow: skipRows, toRow: out.rows, shape };
        state.setup = createTable(context, source, options, dialect, encoding, labels, sample, renamed);
        state.table = state.setup.table;
        const table = state.table;
        state.batch = new NativeBatch(context.sqlite, (n) => insertSql(table, n), table.columns.length);
        const sideBytes = RowWriter.sideBytes(state.setup.plans, state.batch.rowsPerStatement);
        if (sideBytes > 0) state.sidePointer = context.sqlite.module._malloc(sideBytes);
        const side = state.sidePointer ? { heap: () => context.sqlite.heap(), pointer: state.sidePointer } : null;
        state.writer = new RowWriter(state.batch, state.setup.plans, side);
        firstRow = Math.min(skipRows, out.rows);
        skipRows = 0;
      }
      const width = state.setup!.plans.length;
      // Short rows (or "Total …" rows) at the very end are a summary, not data; mid-file they stay errors.
      let dataEnd = out.rows;
      if (!sections) {
        while (dataEnd > firstRow && isTrailerCandidate(scanner, buf, length, dataEnd - 1, width)) dataEnd--;
        if (dataEnd < out.rows && !stream.isDone) {
          consumed = dataEnd > 0 ? scanner.rowEnd[dataEnd - 1]! : 0;
          scanner.line = scanner.rowLine[dataEnd]!;
        } else for (let r = dataEnd; r < out.rows; r++) trailers.push({ line: scanner.rowLine[r]!, cells: rowCells(scanner, buf, length, r) });
      }
      // First sort the chunk's records into data, section and set-aside rows, so the batch
      // knows how many rows it will write and steps its last statement with the last of them.
      if (accepted.length < dataEnd - firstRow) accepted = new Int32Array(dataEnd - firstRow);
      let dataRows = 0;
      for (let r = firstRow; r < dataEnd; r++) {
        let first = scanner.rowFirstField[r]!;
        if (sections) {
          if (!isBodyRow(sections, scanner, buf, length, r, headerCode)) {
            const cells = rowCells(scanner, buf, length, r);
            footers.push({ line: scanner.rowLine[r]!, cells });
            keep(scanner.rowLine[r]!, 'section', cells);
            continue;
          }
          first += skipFields;
        }
        const count = scanner.rowFirstField[r + 1]! - first;
        if (count !== width) {
          // A stray ragged row in a large file is quarantined with its line, not fatal
          // (an anonymised ING export has one); many of them mean a wrong dialect: fail.
          const line = scanner.rowLine[r]!;
          const before = rows + dataRows; // data rows ahead of this one, as if already written
          if (rejected.length >= MAX_REJECTED_ROWS || (rejected.length + 1 > STRAY_ROWS && (rejected.length + 1) * REJECT_RATIO > before + rejected.length + 1)) {
            throw raggedRow(file, line, count + skipFields, width + skipFields, labels);
          }
          rejected.push({ line, fields: count + skipFields, text: rowCells(scanner, buf, length, r).join(dialect.delimiter), reason: raggedRow(file, line, count + skipFields, width + skipFields, labels).message });
          continue;
        }
        accepted[dataRows++] = r;
      }
      placeInWasm(context, state, buf, length, scanner);
      db.run('BEGIN');
      state.inTransaction = true;
      const writer = state.writer!;
      const batch = state.batch!;
      batch.begin(dataRows);
      for (let i = 0; i < dataRows; i++) {
        const r = accepted[i]!;
        const first = scanner.rowFirstField[r]! + skipFields; // skipFields is 0 outside sections
        writer.write(buf, scanner.scratch, length, state.wasmPointer, scanner.fieldStart, scanner.fieldEnd, first, scanner.rowLine[r]!);
        rows++;
      }
      // Every row of the chunk is stepped before the buffer is reused and before readers see the table.
      batch.end();
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
    const setup = state.setup!;
    const writer = state.writer!;
    let table: TableInfo = { ...state.table, rowCount: rows, columns: tableColumns(setup.plans, writer.coercedPerColumn, writer.damagedPerColumn) };
    // Skipped columns are not in the table: rules that need them find nothing and add nothing.
    const stored = storedPlans(setup.plans);
    const derived = addDerivedColumns(context, table, stored, setup.derived);
    table = { ...table, columns: [...table.columns, ...derived.columns], isLoading: false, importMs: Math.round(context.now() - started) };
    for (const trailer of trailers) keep(trailer.line, 'trailer', trailer.cells);
    const controlTotals: ControlTotal[] = [
      ...checkTrailers(context, table, setup.plans, trailers, rows),
      ...(sections?.bodyCode === null && preamble.length >= 2 ? checkSummarySection(context, table, stored, preamble[0]!, preamble[1]!, 2, rows) : []),
      ...(setup.profile?.id === 'paypal-stl' || setup.profile?.id === 'paypal-trr' ? checkPaypalFooters(context, table, stored, footers) : []),
    ];
    if (rejected.length > STRAY_ROWS && rejected.length * REJECT_RATIO > rows + rejected.length) throw raggedRow(file, rejected[0]!.line, rejected[0]!.fields, state.setup!.plans.length + skipFields, labels);
    if (rejected.length > 0) storeRejected(context, table.name, rejected);
    context.catalog.put(table);
    const coercedTotal = writer.coercedPerColumn.reduce((sum, n) => sum + n, 0);
    const strippedControlBytes = stream.framingRemoved + envelope.paddingBytes;
    const warnings = [
      ...(rejected.length
        ? [`${rejected.length} row(s) did not have ${setup.plans.length + skipFields} fields and were set aside in table ${table.name}_rejected (first at line ${rejected[0]!.line}: ${rejected[0]!.reason})`]
        : []),
      ...setup.warnings,
      ...warningsFor({ table, coercedTotal, dialect, blankRows: scanner.blankRowsSkipped, trailers, sectionRows: metadata.filter((m) => m.kind === 'section').length, controlTotals, strippedControlBytes }),
      ...derived.warnings,
      ...checkNetEqualsGrossMinusFee(context, table),
    ];
    const report: ImportReport = {
      table,
      rows,
      blankRowsSkipped: scanner.blankRowsSkipped,
      preambleLines: sections ? 0 : dialect.preambleRows,
      coercedTotal,
      coercedSamples: writer.coercedSamples,
      renamedHeaders: renamed,
      warnings,
      durationMs: table.importMs,
      dbBytesAfter: databaseBytes(context),
      metadata,
      ...(rejected.length ? { rejectedRows: rejected.slice(0, 50), rejectedTotal: rejected.length } : {}),
      controlTotals,
    };
    report.detected = describe(table, dialect);
    if (strippedControlBytes > 0) report.strippedControlBytes = strippedControlBytes;
    return report;
  } catch (error) {
    discardPartial(context, state);
    throw error;
  } finally {
    state.batch?.finalize();
    if (state.wasmPointer) context.sqlite.module._free(state.wasmPointer);
    if (state.sidePointer) context.sqlite.module._free(state.sidePointer);
  }
}

function describe(table: TableInfo, dialect: Dialect): string {
  const columns = table.columns.filter((column) => column.role !== 'raw' && column.role !== 'derived').length;
  if (table.profile) return `${table.profile} (${columns} columns)`;
  if (dialect.sections) return `${dialect.sections.name}, ${columns} columns`;
  const delimiter = dialect.delimiter === '\t' ? 'tab' : `"${dialect.delimiter}"`;
  const header = dialect.headerIndex < 0 ? 'no header row' : dialect.preambleRows > 0 ? `header after ${dialect.preambleRows} preamble row(s)` : 'header on the first row';
  return `Generic CSV (${delimiter}-delimited, ${header}, ${columns} columns)`;
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

/** Ragged rows set aside, with their line and text, so nothing is silently dropped. */
function storeRejected(context: EngineContext, tableName: string, rows: RejectedRow[]): void {
  const db = context.sqlite.db;
  const name = quoteIdentifier(`${tableName}_rejected`);
  db.run(`DROP TABLE IF EXISTS ${name}`);
  db.run(`CREATE TABLE ${name} (line INTEGER NOT NULL, fields INTEGER NOT NULL, raw TEXT NOT NULL, reason TEXT NOT NULL)`);
  for (const row of rows) db.run(`INSERT INTO ${name} VALUES (?, ?, ?, ?)`, [row.line, row.fields, row.text, row.reason]);
}

function discardPartial(context: EngineContext, state: ImportState): void {
  const db = context.sqlite.db;
  if (state.inTransaction) db.run('ROLLBACK');
  if (state.table) {
    db.run(`DROP TABLE IF EXISTS ${quoteIdentifier(state.table.name)}`);
    db.run(`DROP TABLE IF EXISTS ${quoteIdentifier(`${state.table.name}_rejected`)}`);
    context.catalog.remove(state.table.name);
  }
}
