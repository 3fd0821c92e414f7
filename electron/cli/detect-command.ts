/**
 * `recon detect <file>`: what the importer makes of a file, without touching
 * any case. The file is imported into a throwaway in-memory engine, so the
 * answer is exactly what `recon import` would do.
 */
import { existsSync } from 'node:fs';
import type { ColumnInfo, ImportOptions, ImportReport } from '../../shared/engine/api';
import { createEngine } from '../../shared/engine/index';
import { quoteIdentifier } from '../../shared/engine/ingest/names';
import { formatScaled } from '../../shared/engine/money/decimal';
import type { SqliteRuntime } from '../../shared/engine/sqlite/open-sqlite';
import { UsageError, type ParsedArgs } from './args';
import type { Io } from './commands';
import { importOptionsFromArgs } from './import-flags';
import { openByteSource } from './node-byte-source';
import { nodeXlsxReader } from './xlsx-node';

const SAMPLES = 3;

function typeText(column: ColumnInfo): string {
  return column.type === 'decimal' ? `decimal(${column.scale})` : column.type;
}

function shown(value: unknown, column: ColumnInfo): string {
  if (value === null || value === undefined) return '';
  if (column.type === 'decimal' && typeof value === 'number') return formatScaled(value, column.scale);
  const text = value instanceof Uint8Array ? new TextDecoder().decode(value) : String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

function samples(engine: ReturnType<typeof createEngine>, table: string, column: ColumnInfo): string[] {
  const name = quoteIdentifier(column.name);
  const rows = engine.query(`SELECT ${name} FROM ${quoteIdentifier(table)} WHERE ${name} IS NOT NULL LIMIT ${SAMPLES}`).rows;
  return rows.map((row) => shown(row[0], column));
}

function describe(path: string, report: ImportReport, columnSamples: Map<string, string[]>): string {
  const table = report.table;
  const metadata = report.metadata ?? [];
  const count = (kind: string) => metadata.filter((entry) => entry.kind === kind).length;
  const lines = [
    `file:          ${path}`,
    `detected:      ${report.detected ?? 'generic CSV'}`,
    `encoding:      ${table.encoding}${report.strippedControlBytes ? ` (${report.strippedControlBytes} control bytes removed)` : ''}`,
    `delimiter:     ${table.delimiter === '\t' ? 'TAB' : JSON.stringify(table.delimiter)}`,
    `header line:   ${table.headerLine > 0 ? table.headerLine : 'none (names generated)'}`,
    `preamble:      ${report.preambleLines} line(s)`,
    `rows loaded:   ${report.rows}`,
    `not loaded:    ${count('preamble')} preamble, ${count('section')} section header/footer, ${count('trailer')} summary row(s)`,
    `coerced cells: ${report.coercedTotal} (kept as text)`,
  ];
  if (table.signConvention) lines.push(`signs:         ${table.signConvention}`);
  lines.push('', 'columns:');
  for (const column of table.columns) {
    const extras = [column.sourceFormat && `as ${column.sourceFormat}`, column.role, column.currencyColumn && `currency in ${column.currencyColumn}`, column.coercedCells > 0 && `${column.coercedCells} coerced`]
      .filter(Boolean)
      .join('; ');
    const label = column.label !== column.name ? ` "${column.label}"` : '';
    lines.push(`  ${column.name}${label}  ${typeText(column)}${extras ? `  [${extras}]` : ''}`);
    const values = columnSamples.get(column.name) ?? [];
    if (values.length > 0) lines.push(`      e.g. ${values.map((value) => JSON.stringify(value)).join(', ')}`);
  }
  if ((report.controlTotals ?? []).length > 0) {
    lines.push('', 'control totals:');
    for (const check of report.controlTotals ?? []) lines.push(`  ${check.ok ? 'ok      ' : 'MISMATCH'} line ${check.line} ${check.label}: file ${check.expected}, rows ${check.actual}`);
  }
  if (report.warnings.length > 0) lines.push('', 'warnings:', ...report.warnings.map((warning) => `  - ${warning}`));
  return `${lines.join('\n')}\n`;
}

export async function runDetect(runtime: SqliteRuntime, args: ParsedArgs, io: Io): Promise<number> {
  const path = args.positionals[0];
  if (!path) throw new UsageError('detect needs a file');
  if (!existsSync(path)) throw new UsageError(`no such file: ${path}`);
  const options: ImportOptions = importOptionsFromArgs(args, path);
  const engine = createEngine(runtime.open(), { xlsx: nodeXlsxReader });
  const source = openByteSource(path);
  try {
    const report = await engine.importFile(source, options);
    const columnSamples = new Map(report.table.columns.map((column) => [column.name, samples(engine, report.table.name, column)]));
    if (args.flags.has('json')) io.stdout.write(`${JSON.stringify({ ...report, samples: Object.fromEntries(columnSamples) }, null, 2)}\n`);
    else io.stdout.write(describe(path, report, columnSamples));
    return 0;
  } finally {
    source.close();
  }
}
