import type { SourceLocation } from './api';

/**
 * Expected failures (bad input, budget reached, cancelled) carry a code and,
 * where it applies, the place in the source file. They cross the worker and
 * the CLI as values; anything else is a bug and is reported as internal.
 */
export type EngineErrorCode =
  | 'bad-input'
  | 'empty-file'
  | 'no-data-rows'
  | 'binary-file'
  | 'ragged-row'
  | 'unclosed-quote'
  | 'field-too-large'
  | 'invalid-encoding'
  | 'budget-exceeded'
  | 'cancelled'
  | 'unknown-table'
  | 'unknown-column'
  | 'bad-filter'
  | 'sql-error';

export class EngineError extends Error {
  override readonly name = 'EngineError';
  readonly code: EngineErrorCode;
  readonly location: SourceLocation | undefined;

  constructor(code: EngineErrorCode, message: string, location?: SourceLocation) {
    super(message);
    this.code = code;
    this.location = location;
  }
}

export interface SerializedEngineError {
  name: string;
  code: EngineErrorCode | 'internal';
  message: string;
  location?: SourceLocation;
}

export function serializeEngineError(error: unknown): SerializedEngineError {
  if (error instanceof EngineError) {
    return { name: error.name, code: error.code, message: error.message, ...(error.location ? { location: error.location } : {}) };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { name: 'InternalError', code: 'internal', message };
}

/** "file.csv:12:3: message" — the form the CLI prints and the UI shows under its headline. */
export function formatLocated(error: SerializedEngineError): string {
  const where = error.location;
  if (!where) return error.message;
  const parts = [where.file, where.line, where.column].filter((part) => part !== undefined && part !== '');
  return `${parts.join(':')}: ${error.message}`;
}
