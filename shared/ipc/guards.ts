/**
 * Small runtime checks shared by the IPC validators and the settings schema.
 * Hand-written rather than a schema library so the preload bundle stays tiny
 * and every rule is visible in review.
 */

/** Thrown when a payload fails validation; crosses IPC as `{ name, code }`. */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  readonly code = 'E_INVALID_ARGUMENT';
}

export const MAX_NAME_LENGTH = 255;
/** Long enough for deep Windows paths with the `\\?\` prefix. */
export const MAX_PATH_LENGTH = 4096;

export function fail(message: string): never {
  throw new ValidationError(message);
}

/** A JSON-like object: rejects arrays, class instances and null-prototype tricks alike. */
export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function expectRecord(value: unknown, what: string): Record<string, unknown> {
  return isPlainRecord(value) ? value : fail(`${what}: expected an object`);
}

/** Unknown keys are refused so a typo or an injected field never passes silently. */
export function expectOnlyKeys(record: Record<string, unknown>, allowed: readonly string[], what: string): void {
  for (const key of Object.keys(record)) {
    if (!allowed.includes(key)) fail(`${what}: unknown key "${key.slice(0, 40)}"`);
  }
}

// Control characters (C0, DEL, C1) never belong in names or paths we display.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

export function expectString(value: unknown, what: string, maxLength: number): string {
  if (typeof value !== 'string') fail(`${what}: expected a string`);
  if (value.length === 0) fail(`${what}: must not be empty`);
  if (value.length > maxLength) fail(`${what}: longer than ${maxLength} characters`);
  if (CONTROL_CHARACTERS.test(value)) fail(`${what}: contains control characters`);
  return value;
}

// Characters Windows forbids in file names, plus both path separators.
const FORBIDDEN_NAME_CHARACTERS = /[<>:"/\\|?*]/;
const WINDOWS_DEVICE_NAME = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/**
 * A bare file name for a save dialog. The renderer only suggests it; refusing
 * separators and `..` keeps it from steering the dialog into another folder.
 */
export function expectFileName(value: unknown, what: string): string {
  const name = expectString(value, what, MAX_NAME_LENGTH);
  if (FORBIDDEN_NAME_CHARACTERS.test(name)) fail(`${what}: must not contain path separators or <>:"|?*`);
  if (name.includes('..')) fail(`${what}: must not contain ".."`);
  if (name.trim() !== name || name.endsWith('.')) fail(`${what}: must not start or end with spaces or a dot`);
  if (WINDOWS_DEVICE_NAME.test(name)) fail(`${what}: is a reserved device name`);
  return name;
}

export function expectBoolean(value: unknown, what: string): boolean {
  return typeof value === 'boolean' ? value : fail(`${what}: expected a boolean`);
}

export function isIntegerInRange(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max;
}

export function expectInteger(value: unknown, what: string, min: number, max: number): number {
  return isIntegerInRange(value, min, max) ? value : fail(`${what}: expected an integer in [${min}, ${max}]`);
}

export function expectArray(value: unknown, what: string, maxItems: number): readonly unknown[] {
  if (!Array.isArray(value)) fail(`${what}: expected an array`);
  if (value.length > maxItems) fail(`${what}: more than ${maxItems} items`);
  return value;
}

export function expectNull(value: unknown, what: string): null {
  return value === null ? null : fail(`${what}: expected no argument (null)`);
}
