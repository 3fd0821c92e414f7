import type { ByteSource, ImportHooks, ImportOptions, ImportReport, TableInfo } from '../api';
import { databaseBytes, type EngineContext } from '../context';
import { EngineError } from '../errors';
import { enforceBudget } from '../ingest/budget';
import { declaredType } from '../ingest/infer-types';
import { quoteIdentifier, tableNameFor } from '../ingest/names';
import { decodeStatementBytes } from './decode-statement';
import { detectStatementFormat } from './detect-format';
import { parseStatementText } from './parse-statements';
import type { StatementFormat } from './statement-model';
import { amountScale, entriesTable, statementsTable, type TableSpec } from './statement-tables';

/** Statement files are parsed whole (a year of MT940 is a few MB); past this the file is not a statement we should hold in memory. */
const MAX_STATEMENT_BYTES = 200 * 1024 * 1024;
const READ_BYTES = 16 * 1024 * 1024;
const HEAD_BYTES = 64 * 1024;

const FORMAT_NAMES: Record<StatementFormat, string> = {
  bai2: 'BAI2',
  mt940: 'MT940',
  mt942: 'MT942',
  'camt.052': 'camt.052',
  'camt.053': 'camt.053',
  'camt.054': 'camt.054',
  nacha: 'NACHA',
};

/**
 * A bank statement file (BAI2, MT940/MT942, camt.05x, NACHA) → two tables,
 * <name>_statements and <name>_entries, created, filled and registered in
 * one transaction: on any failure both are gone and the catalog forgets
 * them. The report is the entries table's; the statements table is in
 * `extraTables`, and the parser's balance and control-total findings are
 * its warnings.
 */
export async function loadStatements(context: EngineContext, source: ByteSource, options: ImportOptions, hooks: ImportHooks = {}, format?: StatementFormat): Promise<ImportReport> {
  const started = context.now();
  const file = source.name;
  if (source.size === 0) throw new EngineError('empty-file', 'The file is empty (0 bytes).', { file });
  if (source.size > MAX_STATEMENT_BYTES) {
    throw new EngineError('bad-input', `Statement files are read whole and this one is ${Math.round(source.size / 2 ** 20)} MB, over the ${MAX_STATEMENT_BYTES / 2 ** 20} MB limit. Split it by date.`, { file });
  }
  const bytes = await readAll(source, hooks, file);
  const detected = format ?? detectStatementFormat(bytes.subarray(0, HEAD_BYTES));
  if (!detected) throw new EngineError('bad-input', 'This is not a BAI2, MT940/MT942, camt.052/053/054 or NACHA file.', { file, line: 1 });
  const decoded = decodeStatementBytes(bytes, detected, file, options.encoding);
  const parsed = parseStatementText(detected, decoded.text, file);
  if (parsed.statements.length === 0) throw new EngineError('no-data-rows', `The ${FORMAT_NAMES[parsed.format]} file holds no statements.`, { file });
  if (hooks.isCancelled?.()) throw new EngineError('cancelled', 'Import cancelled; nothing was loaded.', { file });

  const scale = amountScale(parsed);
  const specs = [statementsTable(parsed.statements, scale), entriesTable(parsed.entries, scale)];
  const db = context.sqlite.db;
  const dbBytesBefore = databaseBytes(context);
  const base = baseName(context, options.tableName ?? source.name);
  const created: string[] = [];
  let inTransaction = false;
  try {
    db.run('BEGIN');
    inTransaction = true;
    const tables = specs.map((spec) => {
      const table = createAndFill(context, spec, `${base}${spec.suffix}`, source, decoded.encoding);
      created.push(table.name);
      return table;
    });
    enforceBudget({ file, budgetBytes: options.budgetBytes ?? context.budgetBytes, dbBytesBefore, dbBytesNow: databaseBytes(context), bytesRead: source.size, totalBytes: source.size });
    const importMs = Math.round(context.now() - started);
    const [statementsInfo, entriesInfo] = tables.map((table) => ({ ...table, importMs })) as [TableInfo, TableInfo];
    context.catalog.put(statementsInfo);
    context.catalog.put(entriesInfo);
    db.run('COMMIT');
    inTransaction = false;
    hooks.onFirstRows?.(entriesInfo);
    hooks.onProgress?.({ importId: options.importId, file, bytesRead: source.size, totalBytes: source.size, rows: parsed.entries.length, rowsPerSecond: 0, etaSeconds: 0, elapsedMs: importMs });
    const label = FORMAT_NAMES[parsed.format];
    const warnings = [
      `Detected: ${label} (${plural(parsed.statements.length, 'statement')}, ${plural(parsed.entries.length, 'entry', 'entries')}); statements are in table ${statementsInfo.name}.`,
      ...(decoded.note ? [decoded.note] : []),
      ...(parsed.entries.length === 0 ? ['The file has statements but no entries.'] : []),
      ...parsed.warnings.map((warning) => warning.message),
    ];
    return {
      table: entriesInfo,
      rows: parsed.entries.length,
      blankRowsSkipped: 0,
      preambleLines: 0,
      coercedTotal: 0,
      coercedSamples: [],
      renamedHeaders: [],
      warnings,
      durationMs: importMs,
      dbBytesAfter: databaseBytes(context),
      detected: label,
      extraTables: [statementsInfo],
    };
  } catch (error) {
    if (inTransaction) db.run('ROLLBACK');
    for (const name of created) {
      db.run(`DROP TABLE IF EXISTS ${quoteIdentifier(name)}`);
      context.catalog.remove(name);
    }
    throw error;
  }
}

async function readAll(source: ByteSource, hooks: ImportHooks, file: string): Promise<Uint8Array> {
  const bytes = new Uint8Array(source.size);
  let offset = 0;
  while (offset < source.size) {
    if (hooks.isCancelled?.()) throw new EngineError('cancelled', 'Import cancelled; nothing was loaded.', { file });
    const chunk = await source.read(offset, Math.min(READ_BYTES, source.size - offset));
    if (chunk.length === 0) throw new EngineError('bad-input', `The file ended after ${offset} of ${source.size} bytes while reading: did it change?`, { file });
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

/** A stem free for both "_statements" and "_entries" (an earlier import's pair counts as taken). */
function baseName(context: EngineContext, wanted: string): string {
  const existing = context.sqlite.db.exec("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")[0]?.values.map((row) => String(row[0])) ?? [];
  const stems = existing.flatMap((name) => [name, name.replace(/_(statements|entries)$/, '')]);
  return tableNameFor(wanted, stems);
}

function createAndFill(context: EngineContext, spec: TableSpec, name: string, source: ByteSource, encoding: string): TableInfo {
  const db = context.sqlite.db;
  const definition = spec.columns.map((column) => `${quoteIdentifier(column.name)} ${declaredType(column.type)}`).join(', ');
  db.run(`CREATE TABLE ${quoteIdentifier(name)} (${definition})`);
  const insert = db.prepare(`INSERT INTO ${quoteIdentifier(name)} VALUES (${spec.columns.map(() => '?').join(', ')})`);
  try {
    for (const row of spec.rows) {
      insert.bind(row);
      insert.step();
      insert.reset();
    }
  } finally {
    insert.free();
  }
  return {
    name,
    sourceFile: source.name,
    sizeBytes: source.size,
    sha256: '',
    delimiter: '',
    encoding,
    headerLine: 0,
    rowCount: spec.rows.length,
    importedAt: context.isoNow(),
    importMs: 0,
    columns: spec.columns,
    isLoading: false,
  };
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
