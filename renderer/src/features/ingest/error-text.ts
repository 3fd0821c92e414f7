import type { EngineErrorCode, SerializedEngineError } from '../../../../shared/engine/errors';
import { EngineCallError } from '../../engine/client';

/**
 * Words for the error card. The engine's message says what happened; the
 * headline names the kind of problem the way an analyst would say it, and
 * the location points at the exact cell in their file.
 */
const HEADLINES: Readonly<Record<EngineErrorCode | 'internal', string>> = {
  'bad-input': 'Unreadable file',
  'empty-file': 'Empty file',
  'no-data-rows': 'No data rows',
  'binary-file': 'Binary file',
  'ragged-row': 'Ragged row',
  'unclosed-quote': 'Unclosed quote',
  'field-too-large': 'Field too large',
  'invalid-encoding': 'Wrong text encoding',
  'budget-exceeded': 'File too large for memory',
  cancelled: 'Import cancelled',
  'unknown-table': 'Table not found',
  'unknown-column': 'Column not found',
  'bad-filter': 'Invalid filter',
  'sql-error': 'Query failed',
  internal: 'Import failed',
};

export function errorHeadline(error: SerializedEngineError): string {
  return HEADLINES[error.code];
}

/** "file.csv, line 57, column 3 (amount)", or null when the engine gave no place. */
export function errorLocation(error: SerializedEngineError): string | null {
  const where = error.location;
  if (!where) return null;
  const parts = [where.file];
  if (where.line !== undefined) parts.push(`line ${where.line.toLocaleString('en-US')}`);
  if (where.column !== undefined) parts.push(`column ${where.column}${where.columnName ? ` (${where.columnName})` : ''}`);
  else if (where.columnName) parts.push(`column ${where.columnName}`);
  return parts.join(', ');
}

/** Turns anything thrown into the serialized shape the card shows. */
export function toEngineError(error: unknown): SerializedEngineError {
  if (error instanceof EngineCallError) return error.detail;
  return { name: 'InternalError', code: 'internal', message: error instanceof Error ? error.message : String(error) };
}
