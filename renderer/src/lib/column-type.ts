import type { ColumnInfo, ColumnType } from '../../../shared/engine/api';

/**
 * The short badge shown next to a column name (grid headers, sidebar), so an
 * analyst sees at a glance whether "amount" was read as money or as text.
 */
export function typeBadge(column: Pick<ColumnInfo, 'type' | 'scale'>): string {
  switch (column.type) {
    case 'integer':
      return '#';
    case 'decimal':
      return column.scale > 0 ? `0.${'0'.repeat(column.scale)}` : '0';
    case 'date':
      return 'date';
    case 'timestamp':
      return 'ts';
    case 'boolean':
      return 'bool';
    case 'text':
      return 'abc';
  }
}

const TYPE_NAMES: Readonly<Record<ColumnType, string>> = {
  integer: 'integer',
  decimal: 'decimal',
  date: 'date',
  timestamp: 'timestamp',
  boolean: 'boolean',
  text: 'text',
};

/** "gross — decimal(2)" for tooltips. */
export function describeColumn(column: Pick<ColumnInfo, 'name' | 'type' | 'scale'>): string {
  const type = column.type === 'decimal' ? `decimal, ${column.scale} places` : TYPE_NAMES[column.type];
  return `${column.name} — ${type}`;
}

export function isNumericType(type: ColumnType): boolean {
  return type === 'integer' || type === 'decimal';
}
