import type { ColumnFilter, ColumnInfo } from '../../../../shared/engine/api';

/**
 * AG Grid's filter model → the engine's ColumnFilter, so filtering runs in
 * SQL over all rows instead of over the few blocks the grid holds. The model
 * arrives untyped from the datasource, so every field is checked here.
 * Each column allows one condition (maxNumConditions: 1), matching the engine.
 */

export const TEXT_FILTER_OPTIONS = ['contains', 'notContains', 'equals', 'startsWith', 'blank', 'notBlank'];
export const NUMBER_FILTER_OPTIONS = ['equals', 'lessThan', 'lessThanOrEqual', 'greaterThan', 'greaterThanOrEqual', 'inRange', 'blank', 'notBlank'];
export const DATE_FILTER_OPTIONS = ['equals', 'greaterThan', 'lessThan', 'inRange', 'blank', 'notBlank'];

type Model = Record<string, unknown>;

function isModel(value: unknown): value is Model {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A JS number from the number filter → decimal text in major units ("12.5").
 * Avoids exponent notation, which the engine's exact parser rejects.
 */
export function numberToDecimalText(value: number): string | null {
  if (!Number.isFinite(value)) return null;
  if (Number.isInteger(value)) return BigInt(value).toString();
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toFixed(20).replace(/\.?0+$/, '');
}

/** "2024-03-05 00:00:00" → "2024-03-05"; anything else → null. */
function isoDay(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const day = value.slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : null;
}

function shiftDay(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function textFilter(model: Model): ColumnFilter | null {
  const value = model['filter'];
  if (typeof value !== 'string' || value === '') return null;
  switch (model['type']) {
    case 'contains':
    case 'notContains':
    case 'equals':
    case 'startsWith':
      return { kind: 'text', op: model['type'], value };
    default:
      return null;
  }
}

const NUMBER_OPS = { equals: 'eq', lessThan: 'lt', lessThanOrEqual: 'lte', greaterThan: 'gt', greaterThanOrEqual: 'gte' } as const;

function isNumberOp(type: unknown): type is keyof typeof NUMBER_OPS {
  return typeof type === 'string' && Object.hasOwn(NUMBER_OPS, type);
}

function numberFilter(model: Model): ColumnFilter | null {
  const from = typeof model['filter'] === 'number' ? numberToDecimalText(model['filter']) : null;
  if (from === null) return null;
  if (model['type'] === 'inRange') {
    const to = typeof model['filterTo'] === 'number' ? numberToDecimalText(model['filterTo']) : null;
    return to === null ? null : { kind: 'number', op: 'between', value: from, valueTo: to };
  }
  return isNumberOp(model['type']) ? { kind: 'number', op: NUMBER_OPS[model['type']], value: from } : null;
}

/** Day-level date filters; the engine's `to` already covers the whole day. */
function dateFilter(model: Model): ColumnFilter | null {
  const from = isoDay(model['dateFrom']);
  if (from === null) return null;
  switch (model['type']) {
    case 'equals':
      return { kind: 'date', from, to: from };
    case 'greaterThan':
      return { kind: 'date', from: shiftDay(from, 1) };
    case 'lessThan':
      return { kind: 'date', to: shiftDay(from, -1) };
    case 'inRange': {
      const to = isoDay(model['dateTo']);
      return to === null ? null : { kind: 'date', from, to };
    }
    default:
      return null;
  }
}

function columnFilter(model: Model): ColumnFilter | null {
  if (model['type'] === 'blank') return { kind: 'blank' };
  if (model['type'] === 'notBlank') return { kind: 'notBlank' };
  switch (model['filterType']) {
    case 'text':
      return textFilter(model);
    case 'number':
      return numberFilter(model);
    case 'date':
      return dateFilter(model);
    default:
      return null;
  }
}

export function toEngineFilters(filterModel: unknown, columns: ReadonlyMap<string, ColumnInfo>): Record<string, ColumnFilter> {
  const filters: Record<string, ColumnFilter> = {};
  if (!isModel(filterModel)) return filters;
  for (const [colId, model] of Object.entries(filterModel)) {
    if (!columns.has(colId) || !isModel(model)) continue;
    const filter = columnFilter(model);
    if (filter) filters[colId] = filter;
  }
  return filters;
}
