/** Errors, progress and the warnings of an import, worded for the analyst who reads them. */
import type { ControlTotal, ImportProgress, TableInfo } from '../api';
import { EngineError } from '../errors';
import type { ScanProblem } from './csv-scanner';
import type { Dialect } from './sniff';

export function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

export function scanError(problem: ScanProblem, file: string, encoding: string, labels: string[]): EngineError {
  const columnName = labels[problem.column - 1];
  const where = { file, line: problem.line, column: problem.column, ...(columnName ? { columnName } : {}) };
  switch (problem.kind) {
    case 'unclosed-quote':
      return new EngineError('unclosed-quote', 'A quoted field starts here and is never closed, so the rest of the file would be swallowed into one cell.', where);
    case 'field-too-large':
      return new EngineError('field-too-large', `A field of ${problem.bytes} bytes is larger than the 1 MB limit per cell.`, where);
    case 'invalid-utf8':
      return new EngineError('invalid-encoding', `Bytes here are not valid ${encoding}: choose the file's encoding (for example windows-1252) and load it again.`, where);
  }
}

export function raggedRow(file: string, line: number, count: number, width: number, labels: string[]): EngineError {
  const column = Math.min(count, width) + 1;
  const message =
    count > width
      ? `This row has ${count} fields but the header has ${width}: an unquoted delimiter inside a value, or a missing header?`
      : `This row has ${count} fields but the header has ${width} (missing "${labels[count] ?? `column ${count + 1}`}").`;
  return new EngineError('ragged-row', message, { file, line, column });
}

export function progress(importId: string, file: string, bytesRead: number, totalBytes: number, rows: number, elapsedMs: number): ImportProgress {
  const seconds = elapsedMs / 1000;
  const bytesPerSecond = seconds > 0 ? bytesRead / seconds : 0;
  return {
    importId,
    file,
    bytesRead,
    totalBytes,
    rows,
    rowsPerSecond: seconds > 0 ? Math.round(rows / seconds) : 0,
    etaSeconds: bytesPerSecond > 0 ? Math.max(0, (totalBytes - bytesRead) / bytesPerSecond) : null,
    elapsedMs,
  };
}

export interface WarningFacts {
  table: TableInfo;
  coercedTotal: number;
  dialect: Dialect;
  blankRows: number;
  trailers: { line: number; cells: string[] }[];
  sectionRows: number;
  controlTotals: ControlTotal[];
  strippedControlBytes: number;
}

export function warningsFor(facts: WarningFacts): string[] {
  const { table, coercedTotal, dialect, blankRows } = facts;
  const warnings: string[] = [];
  if (coercedTotal > 0) {
    const columns = table.columns.filter((column) => column.coercedCells > 0).map((column) => `${column.label} (${column.coercedCells})`);
    warnings.push(`${coercedTotal} cells did not fit their column type and were kept as text: ${columns.join(', ')}.`);
  }
  for (const column of table.columns) {
    if (column.damagedCells) {
      warnings.push(
        `Column "${column.label}": ${column.damagedCells} cell(s) were changed by a spreadsheet before this file reached you (scientific notation like 1.23E+22, or a leading apostrophe): precision lost before this file reached you. Kept as text, unusable as a match key; ask the sender for an unedited export.`,
      );
    }
  }
  if (dialect.headerIndex < 0 && !dialect.sections) warnings.push('No header row was found; columns are named column_1, column_2, …');
  if (dialect.preambleRows > 0 && !dialect.sections) warnings.push(`${dialect.preambleRows} line(s) before the header were skipped (kept in the report's metadata).`);
  if (dialect.sections) warnings.push(`Record-type file (${dialect.sections.name}): ${facts.sectionRows} header/footer row(s) kept as metadata, not loaded.`);
  for (const trailer of facts.trailers) warnings.push(`Line ${trailer.line} reads as a summary row, not data, and was not loaded: "${trailer.cells.join(dialect.delimiter)}".`);
  for (const check of facts.controlTotals) {
    if (!check.ok) warnings.push(`Control total mismatch (line ${check.line}, ${check.label}): the file states ${check.expected}, the loaded rows give ${check.actual}.`);
  }
  if (facts.strippedControlBytes > 0) warnings.push(`${facts.strippedControlBytes} control byte(s) (SWIFT framing 0x01/0x03, or NUL padding at the end) were removed.`);
  if (blankRows > 0) warnings.push(`${blankRows} blank row(s) were skipped.`);
  return warnings;
}
