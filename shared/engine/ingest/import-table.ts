/** The table an import writes into: its columns, typed from the first chunk, and the SQL to fill it. */
import type { ByteSource, ColumnInfo, ImportOptions, ImportReport, TableInfo } from '../api';
import type { EngineContext } from '../context';
import type { DerivedRule, Profile } from '../profiles';
import { KIND_SKIP, planColumns, type ColumnPlan } from './column-plan';
import type { CsvScanner } from './csv-scanner';
import { declaredType, TypeSampler } from './infer-types';
import { quoteIdentifier, sanitizeColumnNames, tableNameFor } from './names';
import { cellText } from './sections';
import type { Dialect } from './sniff';

export interface TableSetup {
  table: TableInfo;
  plans: ColumnPlan[];
  profile: Profile | null;
  warnings: string[];
  derived: DerivedRule[];
}

/** Which scanned records are data, and where their first table field is. */
export interface RowShape {
  isData(row: number): boolean;
  /** Fields to skip at the start of each data row (the `SB` code of PayPal rows). */
  skipFields: number;
}

export function headerLabels(scanner: CsvScanner, buf: Uint8Array, length: number, dialect: Dialect, skipFields: number): string[] {
  if (dialect.headerIndex < 0) return Array.from({ length: dialect.fieldCount - skipFields }, (_, i) => `column_${i + 1}`);
  const labels: string[] = [];
  const first = scanner.rowFirstField[dialect.headerIndex]! + skipFields;
  const end = scanner.rowFirstField[dialect.headerIndex + 1]!;
  for (let f = first; f < end; f++) labels.push(cellText(scanner, buf, length, f).trim());
  return labels;
}

/** Columns as the catalog lists them: each converted date followed by its `_raw` sibling; skipped ones left out. */
export function tableColumns(plans: ColumnPlan[], coerced?: number[], damaged?: number[]): ColumnInfo[] {
  const columns: ColumnInfo[] = [];
  plans.forEach((plan, index) => {
    if (plan.kind === KIND_SKIP) return;
    const info: ColumnInfo = { ...plan.info, coercedCells: coerced?.[index] ?? 0 };
    const damage = damaged?.[index] ?? 0;
    if (damage > 0) info.damagedCells = damage;
    columns.push(info);
    if (plan.rawName) columns.push({ name: plan.rawName, label: `${plan.info.label} (as written)`, type: 'text', scale: 0, coercedCells: 0, role: 'raw' });
  });
  return columns;
}

export function createTable(
  context: EngineContext,
  source: ByteSource,
  options: ImportOptions,
  dialect: Dialect,
  encoding: string,
  labels: string[],
  sample: { scanner: CsvScanner; buf: Uint8Array; length: number; fromRow: number; toRow: number; shape: RowShape },
  renamed: ImportReport['renamedHeaders'],
): TableSetup {
  const { scanner, buf, length, shape } = sample;
  const sampler = new TypeSampler(labels.length);
  for (let r = sample.fromRow; r < sample.toRow; r++) {
    if (!shape.isData(r)) continue;
    const first = scanner.rowFirstField[r]! + shape.skipFields;
    if (scanner.rowFirstField[r + 1]! - first !== labels.length) continue;
    for (let c = 0; c < labels.length; c++) {
      const start = scanner.fieldStart[first + c]!;
      const end = scanner.fieldEnd[first + c]!;
      if (start < length) sampler.add(c, buf, start, end);
      else if (end > start) sampler.markFilled(c);
    }
    sampler.endRow();
  }
  const names = sanitizeColumnNames(labels);
  for (const column of names) if (column.reason) renamed.push({ label: column.label, name: column.name, reason: column.reason });
  const { plans, profile, warnings, derived } = planColumns(sampler, names, dialect.delimiter, dialect.headerIndex >= 0, options);
  const columns = tableColumns(plans);
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
  if (profile) {
    table.profile = profile.name;
    table.signConvention = profile.signConvention;
  }
  context.catalog.put(table);
  return { table, plans, profile, warnings, derived };
}

/** The plans whose columns are in the table (the user may have skipped some). */
export function storedPlans(plans: ColumnPlan[]): ColumnPlan[] {
  return plans.filter((plan) => plan.kind !== KIND_SKIP);
}

/** The INSERT for `rows` rows at once (see NativeBatch for why many). */
export function insertSql(table: TableInfo, rows = 1): string {
  const tuple = `(${table.columns.map(() => '?').join(',')})`;
  return `INSERT INTO ${quoteIdentifier(table.name)} VALUES ${new Array<string>(rows).fill(tuple).join(',')}`;
}
