import type { QueryResult } from '../../shared/engine/api';
import { csvLine } from '../../shared/engine/export/csv-cell';

export type OutputFormat = 'table' | 'csv' | 'json';

export function formatResult(result: QueryResult, format: OutputFormat): string {
  if (format === 'json') {
    const rows = result.rows.map((row) => Object.fromEntries(result.columns.map((column, i) => [column, row[i] ?? null])));
    return `${JSON.stringify(rows, null, 2)}\n`;
  }
  if (format === 'csv') return [csvLine(result.columns), ...result.rows.map((row) => csvLine(row))].join('\n') + '\n';
  return formatTable(result);
}

/** Aligned plain-text table; numbers right-aligned. */
function formatTable(result: QueryResult): string {
  const cells = result.rows.map((row) => row.map((value) => (value === null ? 'NULL' : String(value))));
  const widths = result.columns.map((column, i) => Math.max(column.length, ...cells.map((row) => row[i]!.length)));
  const isNumeric = result.columns.map((_, i) => result.rows.length > 0 && result.rows.every((row) => row[i] === null || typeof row[i] === 'number'));
  const pad = (text: string, i: number) => (isNumeric[i] ? text.padStart(widths[i]!) : text.padEnd(widths[i]!));
  const lines = [result.columns.map(pad).join('  '), widths.map((width) => '-'.repeat(width)).join('  ')];
  for (const row of cells) lines.push(row.map(pad).join('  ').trimEnd());
  const footer = `(${result.rows.length} row${result.rows.length === 1 ? '' : 's'}${result.truncated ? ', truncated' : ''})`;
  return `${lines.join('\n')}\n${footer}\n`;
}
