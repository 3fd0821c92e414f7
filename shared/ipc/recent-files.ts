/**
 * The recent-files list, shared by Electron main (electron-store) and the
 * browser host (localStorage) so both dedupe, cap and repair it the same way.
 */
import { MAX_NAME_LENGTH, MAX_PATH_LENGTH, isIntegerInRange, isPlainRecord } from './guards';

export interface RecentFile {
  /** File name as the user saw it (File.name). */
  readonly name: string;
  /**
   * Absolute path when the host knows it (Electron, via webUtils.getPathForFile).
   * Shown to the user only: main never opens a path from this list without a
   * fresh native dialog, because the renderer supplied it.
   */
  readonly path: string | null;
  readonly sizeBytes: number;
  /** ISO-8601 time it was last opened. */
  readonly openedAt: string;
}

export interface NewRecentFile {
  readonly name: string;
  readonly path?: string;
  readonly sizeBytes: number;
}

export const MAX_RECENT_FILES = 10;

function isRecentFile(value: unknown): value is RecentFile {
  if (!isPlainRecord(value)) return false;
  const { name, path, sizeBytes, openedAt } = value;
  return (
    typeof name === 'string' &&
    name.length > 0 &&
    name.length <= MAX_NAME_LENGTH &&
    (path === null || (typeof path === 'string' && path.length > 0 && path.length <= MAX_PATH_LENGTH)) &&
    isIntegerInRange(sizeBytes, 0, Number.MAX_SAFE_INTEGER) &&
    typeof openedAt === 'string' &&
    !Number.isNaN(Date.parse(openedAt))
  );
}

/** Lenient read of a stored list: drops bad entries instead of losing the whole list. */
export function normalizeRecentFiles(raw: unknown): RecentFile[] {
  if (!Array.isArray(raw)) return [];
  const entries: unknown[] = raw;
  return entries.filter(isRecentFile).slice(0, MAX_RECENT_FILES);
}

function isSameFile(a: RecentFile, b: RecentFile): boolean {
  // Without a path (browser host) the name and size are the best identity we have.
  if (a.path !== null || b.path !== null) return a.path === b.path;
  return a.name === b.name && a.sizeBytes === b.sizeBytes;
}

/** Newest first; re-opening a file moves it to the top instead of duplicating it. */
export function addRecentFile(list: readonly RecentFile[], entry: NewRecentFile, openedAt: Date): RecentFile[] {
  const added: RecentFile = {
    name: entry.name,
    path: entry.path ?? null,
    sizeBytes: entry.sizeBytes,
    openedAt: openedAt.toISOString(),
  };
  return [added, ...list.filter((existing) => !isSameFile(existing, added))].slice(0, MAX_RECENT_FILES);
}
