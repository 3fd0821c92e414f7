import type { ColumnFilter, ColumnInfo, GridQuery, SortSpec, TableInfo } from '../api';
import { EngineError } from '../errors';
import { quoteIdentifier } from '../ingest/names';
import { parseToScaled } from '../money/decimal';
import type { BindValue } from '../sqlite/sqljs-types';

/**
 * Grid requests → SQL with bound parameters. Column names are looked up in
 * the table's catalog entry and never taken from the request as SQL; every
 * value is a parameter.
 */
export interface SqlFragment {
  sql: string;
  params: BindValue[];
}

export function columnOf(table: TableInfo, name: string): ColumnInfo {
  const column = table.columns.find((candidate) => candidate.name === name);
  if (!column) throw new EngineError('unknown-column', `Table "${table.name}" has no column "${name}"`);
  return column;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}

function numberParam(column: ColumnInfo, text: string): number {
  // Filter values may have more decimals than the column (12.345 vs 12.34): keep them exact as a fraction.
  const scale = column.type === 'decimal' ? column.scale : 0;
  const fractionDigits = (/\.(\d+)/.exec(text.trim())?.[1]?.length ?? 0);
  const exact = parseToScaled(text, Math.max(scale, fractionDigits));
  if (exact === null) throw new EngineError('bad-filter', `"${text}" is not a number (filter on ${column.label})`);
  return Number(exact) / 10 ** Math.max(0, fractionDigits - scale);
}

function filterSql(column: ColumnInfo, filter: ColumnFilter): SqlFragment {
  const col = quoteIdentifier(column.name);
  switch (filter.kind) {
    case 'blank':
      return { sql: `(${col} IS NULL OR ${col} = '')`, params: [] };
    case 'notBlank':
      return { sql: `(${col} IS NOT NULL AND ${col} <> '')`, params: [] };
    case 'text':
      switch (filter.op) {
        case 'contains':
          return { sql: `${col} LIKE ? ESCAPE '\\'`, params: [`%${escapeLike(filter.value)}%`] };
        case 'notContains':
          return { sql: `(${col} IS NULL OR ${col} NOT LIKE ? ESCAPE '\\')`, params: [`%${escapeLike(filter.value)}%`] };
        case 'startsWith':
          return { sql: `${col} LIKE ? ESCAPE '\\'`, params: [`${escapeLike(filter.value)}%`] };
        case 'equals':
          return { sql: `${col} = ?`, params: [filter.value] };
      }
      break;
    case 'number': {
      const value = numberParam(column, filter.value);
      const ops = { eq: '=', lt: '<', gt: '>', lte: '<=', gte: '>=' } as const;
      if (filter.op === 'between') {
        const to = numberParam(column, filter.valueTo ?? '');
        return { sql: `(typeof(${col}) IN ('integer', 'real') AND ${col} BETWEEN ? AND ?)`, params: [Math.min(value, to), Math.max(value, to)] };
      }
      const op = ops[filter.op];
      if (!op) throw new EngineError('bad-filter', `Unknown number filter on ${column.label}`);
      return { sql: `(typeof(${col}) IN ('integer', 'real') AND ${col} ${op} ?)`, params: [value] };
    }
    case 'date': {
      const parts: string[] = [];
      const params: BindValue[] = [];
      if (filter.from) {
        parts.push(`${col} >= ?`);
        params.push(filter.from);
      }
      // '~' sorts after every time suffix, so the whole `to` day is included.
      if (filter.to) {
        parts.push(`${col} <= ?`);
        params.push(`${filter.to}~`);
      }
      return { sql: parts.length ? `(${parts.join(' AND ')})` : '1', params };
    }
  }
  throw new EngineError('bad-filter', `Unknown filter on ${column.label}`);
}

export function whereClause(table: TableInfo, filters: GridQuery['filters']): SqlFragment {
  const parts: string[] = [];
  const params: BindValue[] = [];
  for (const [name, filter] of Object.entries(filters)) {
    const fragment = filterSql(columnOf(table, name), filter);
    parts.push(fragment.sql);
    params.push(...fragment.params);
  }
  return { sql: parts.length ? ` WHERE ${parts.join(' AND ')}` : '', params };
}

export function orderClause(table: TableInfo, sort: SortSpec[]): string {
  const terms = sort.map((spec) => {
    if (spec.direction !== 'asc' && spec.direction !== 'desc') throw new EngineError('bad-filter', 'Sort direction must be asc or desc');
    return `${quoteIdentifier(columnOf(table, spec.column).name)} ${spec.direction.toUpperCase()}`;
  });
  // rowid breaks ties so equal values never reorder between blocks.
  const rowidDirection = sort[0]?.direction === 'desc' ? 'DESC' : 'ASC';
  terms.push(`rowid ${rowidDirection}`);
  return ` ORDER BY ${terms.join(', ')}`;
}

/** SELECT of `columns` (all when empty) for the query's rows, in grid order. */
export function selectSql(table: TableInfo, query: GridQuery, columns: string[], withRowid: boolean): SqlFragment {
  const names = (columns.length ? columns.map((name) => columnOf(table, name)) : table.columns).map((column) => quoteIdentifier(column.name));
  const list = [...(withRowid ? ['rowid AS _rowid'] : []), ...names].join(', ');
  const where = whereClause(table, query.filters);
  return { sql: `SELECT ${list} FROM ${quoteIdentifier(table.name)}${where.sql}${orderClause(table, query.sort)}`, params: where.params };
}

export function countSql(table: TableInfo, filters: GridQuery['filters']): SqlFragment {
  const where = whereClause(table, filters);
  return { sql: `SELECT count(*) FROM ${quoteIdentifier(table.name)}${where.sql}`, params: where.params };
}

export function indexName(table: string, column: string): string {
  return `_wb_ix_${table}__${column}`;
}
