import type { Engine } from '../shared/engine';
import type { ColumnFilter, GridQuery, SortSpec } from '../shared/engine/api';
import { round, summarize, type Summary } from './stats';

/** Each page query is timed this many times; the median is the figure. */
const PAGE_RUNS = 5;
const PAGE_ROWS = 100;

export interface PageTiming extends Summary {
  offset: number;
  usedIndex: boolean;
  rowsReturned: number;
}

export interface GridResults {
  indexMs: Record<string, number>;
  pages: Record<string, PageTiming>;
  filtered: { page: PageTiming; countColdMs: number; countCachedMs: number; count: number };
}

/** Start, middle and near-end offsets; for 1M rows these are 0, 500000 and 990000. */
export function pageOffsets(rows: number): number[] {
  return [0, Math.floor(rows / 2), Math.max(0, rows - Math.floor(rows / 100))];
}

export const FILTERS: Record<string, ColumnFilter> = {
  currency: { kind: 'text', op: 'equals', value: 'usd' },
  gross: { kind: 'number', op: 'gt', value: '100' },
};

const SORTS: Record<string, SortSpec> = {
  'gross asc': { column: 'gross', direction: 'asc' },
  'created_utc desc': { column: 'created_utc', direction: 'desc' },
};

function timePage(engine: Engine, query: GridQuery, offset: number): PageTiming {
  const samples: number[] = [];
  let usedIndex = false;
  let rowsReturned = 0;
  for (let run = 0; run < PAGE_RUNS; run++) {
    const started = performance.now();
    const result = engine.page({ ...query, offset, limit: PAGE_ROWS });
    samples.push(performance.now() - started);
    usedIndex = result.usedIndex;
    rowsReturned = result.rows.length;
  }
  return { ...summarize(samples), offset, usedIndex, rowsReturned };
}

/** The grid's hot path on an imported table: index builds, sorted pages, one filtered page and its count. */
export function runGridQueries(engine: Engine, table: string, rows: number): GridResults {
  const indexMs: Record<string, number> = {};
  for (const column of ['gross', 'created_utc']) {
    const started = performance.now();
    engine.ensureIndex(table, column);
    indexMs[column] = round(performance.now() - started);
  }
  const pages: Record<string, PageTiming> = {};
  for (const [label, sort] of Object.entries(SORTS)) {
    for (const offset of pageOffsets(rows)) {
      pages[`sort ${label} @${offset}`] = timePage(engine, { table, filters: {}, sort: [sort] }, offset);
    }
  }
  // The count is cached per filter after its first call, so the cold call is the real cost.
  const countQuery = { table, filters: FILTERS };
  let started = performance.now();
  const count = engine.count(countQuery);
  const countColdMs = round(performance.now() - started);
  started = performance.now();
  engine.count(countQuery);
  const countCachedMs = round(performance.now() - started);
  const page = timePage(engine, { table, filters: FILTERS, sort: [{ column: 'gross', direction: 'asc' }] }, 0);
  return { indexMs, pages, filtered: { page, countColdMs, countCachedMs, count } };
}
