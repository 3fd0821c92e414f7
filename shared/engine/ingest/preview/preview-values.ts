/** The preview's columns: the sample table's columns with their first values, as the grid would show them. */
import type { ColumnInfo, ColumnOverride, PreviewColumn, TableInfo } from '../../api';
import type { EngineContext } from '../../context';
import { formatScaled } from '../../money/decimal';
import { quoteIdentifier } from '../names';
import { decodeUtf8 } from '../text-codec';

const SAMPLES = 5;

export function previewColumns(context: EngineContext, table: TableInfo, overrides: Record<string, ColumnOverride>): PreviewColumn[] {
  return table.columns.map((column) => ({
    ...column,
    samples: samples(context, table.name, column),
    isSkipped: Boolean((Object.hasOwn(overrides, column.label) ? overrides[column.label] : Object.hasOwn(overrides, column.name) ? overrides[column.name] : undefined)?.skip),
  }));
}

function samples(context: EngineContext, table: string, column: ColumnInfo): string[] {
  const name = quoteIdentifier(column.name);
  const result = context.sqlite.db.exec(`SELECT ${name} FROM ${quoteIdentifier(table)} WHERE ${name} IS NOT NULL AND ${name} <> '' ORDER BY rowid LIMIT ${SAMPLES}`);
  return (result[0]?.values ?? []).map((row) => shown(row[0], column));
}

/** Decimals are integers at their scale; a kept-as-text cell is a BLOB of its text (see RowWriter). */
function shown(value: unknown, column: ColumnInfo): string {
  if (value instanceof Uint8Array) return decodeUtf8(value);
  if (typeof value === 'number' && column.type === 'decimal') return formatScaled(value, column.scale);
  if (typeof value === 'number' && column.type === 'boolean') return value === 1 ? 'true' : value === 0 ? 'false' : String(value);
  return String(value);
}
