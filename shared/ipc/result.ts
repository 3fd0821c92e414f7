/**
 * The envelope every IPC reply travels in. Electron's `invoke` keeps only an
 * Error's message, so errors cross as plain values and are rebuilt on the
 * other side with their name and code intact.
 */

export interface SerializedError {
  readonly name: string;
  readonly message: string;
  /** Stable machine-readable code (`E_INVALID_ARGUMENT`, `ENOSPC`, …) when known. */
  readonly code?: string;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: SerializedError };

// Messages can embed user data (paths, cell values); cap what crosses the boundary.
const MAX_MESSAGE_LENGTH = 2000;

/** Error rebuilt from a SerializedError; `instanceof Error` works and `name`/`code` survive. */
export class RemoteError extends Error {
  readonly code: string | undefined;

  constructor(serialized: SerializedError) {
    super(serialized.message);
    this.name = serialized.name;
    this.code = serialized.code;
  }
}

function readCode(error: object): string | undefined {
  const code: unknown = Reflect.get(error, 'code');
  return typeof code === 'string' ? code.slice(0, 100) : undefined;
}

/** Never throws, whatever was thrown. Stacks are dropped: they reveal main's file layout and help no analyst. */
export function serializeError(error: unknown): SerializedError {
  if (error instanceof Error) {
    const code = readCode(error);
    const base = { name: error.name.slice(0, 100) || 'Error', message: error.message.slice(0, MAX_MESSAGE_LENGTH) };
    return code === undefined ? base : { ...base, code };
  }
  if (typeof error === 'string') return { name: 'Error', message: error.slice(0, MAX_MESSAGE_LENGTH) };
  return { name: 'Error', message: 'Unknown error (a non-Error value was thrown)' };
}

export function deserializeError(serialized: SerializedError): RemoteError {
  return new RemoteError(serialized);
}

function isSerializedError(value: unknown): value is SerializedError {
  if (typeof value !== 'object' || value === null) return false;
  const code: unknown = Reflect.get(value, 'code');
  return (
    typeof Reflect.get(value, 'name') === 'string' &&
    typeof Reflect.get(value, 'message') === 'string' &&
    (code === undefined || typeof code === 'string')
  );
}

/**
 * Shape check for a reply from main. Main is the trusted side of this boundary,
 * so the value's type comes from the contract; only the envelope is checked.
 */
export function isResultEnvelope<T>(value: unknown): value is Result<T> {
  if (typeof value !== 'object' || value === null) return false;
  const ok: unknown = Reflect.get(value, 'ok');
  if (ok === true) return 'value' in value;
  return ok === false && isSerializedError(Reflect.get(value, 'error'));
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function err<T = never>(error: SerializedError): Result<T> {
  return { ok: false, error };
}
