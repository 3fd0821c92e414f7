/**
 * Opening the settings store without ever losing the user's file (RELIABILITY
 * case 45). conf throws on a corrupt file by default and wipes it silently with
 * `clearInvalidConfig`; we want neither. A corrupt file is renamed aside as
 * `<file>.corrupt-<timestamp>`, the app starts on defaults and the user is told.
 * No `electron` import: the tests drive this with a fake store.
 */

export interface StoreRecoveryDeps<T> {
  /** Opens the persistent store; throws on a corrupt file. */
  readonly open: () => T;
  /** Last resort when the file cannot be moved or reopened: settings live for this session only. */
  readonly openInMemory: () => T;
  readonly filePath: string;
  readonly rename: (from: string, to: string) => void;
  readonly now: () => Date;
}

export interface OpenedStore<T> {
  readonly store: T;
  /** Where the unreadable file was moved, if it was. */
  readonly quarantinedPath: string | null;
  readonly isPersistent: boolean;
  /** A sentence for the user when something went wrong, else null. */
  readonly notice: string | null;
}

/** `:` and `.` are not safe in Windows file names, so the ISO timestamp is flattened. */
export function quarantinePathFor(filePath: string, now: Date): string {
  return `${filePath}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`;
}

/** Moves the file aside; returns the new path, or null when there was nothing to move or the move failed. */
export function quarantineFile(filePath: string, now: Date, rename: (from: string, to: string) => void): string | null {
  const target = quarantinePathFor(filePath, now);
  try {
    rename(filePath, target);
    return target;
  } catch {
    return null;
  }
}

export function openStoreWithRecovery<T>(deps: StoreRecoveryDeps<T>): OpenedStore<T> {
  try {
    return { store: deps.open(), quarantinedPath: null, isPersistent: true, notice: null };
  } catch (firstError) {
    const quarantinedPath = quarantineFile(deps.filePath, deps.now(), deps.rename);
    const reason = firstError instanceof Error ? firstError.message : String(firstError);
    try {
      const store = deps.open();
      const moved = quarantinedPath === null ? '' : ` It was kept as ${quarantinedPath}.`;
      return {
        store,
        quarantinedPath,
        isPersistent: true,
        notice: `The settings file could not be read (${reason}), so default settings are in use.${moved}`,
      };
    } catch {
      return {
        store: deps.openInMemory(),
        quarantinedPath,
        isPersistent: false,
        notice: `The settings file could not be read or replaced (${reason}). Settings will not be saved this session.`,
      };
    }
  }
}
