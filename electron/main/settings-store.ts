/**
 * electron-store behind the KeyValueStore interface, opened with recovery:
 * a corrupt config.json is renamed aside and defaults are used (case 45).
 * electron-store is used for settings and the recent list only, never for
 * project data.
 */
import { renameSync } from 'node:fs';
import path from 'node:path';
import { ipcMain } from 'electron';
import Store from 'electron-store';
import { openStoreWithRecovery, quarantineFile } from './store-recovery';
import type { KeyValueStore } from './ipc/types';

interface KeyedBackend {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export interface AppStores {
  readonly settings: KeyValueStore;
  readonly recentFiles: KeyValueStore;
  /** Message for the user when the file had to be moved aside or cannot be saved. */
  readonly notice: string | null;
}

function memoryBackend(): KeyedBackend {
  const values = new Map<string, unknown>();
  return { get: (key) => values.get(key), set: (key, value) => values.set(key, value) };
}

export function openAppStores(userDataDir: string): AppStores {
  const filePath = path.join(userDataDir, 'config.json');
  const opened = openStoreWithRecovery<KeyedBackend>({
    // conf re-reads the file on every get, so corruption after startup is handled in keyed() too.
    open: () => new Store<Record<string, unknown>>({ cwd: userDataDir, name: 'config', clearInvalidConfig: false }),
    openInMemory: memoryBackend,
    filePath,
    rename: renameSync,
    now: () => new Date(),
  });
  if (opened.notice !== null) console.warn(`[settings] ${opened.notice}`);
  // electron-store registers a sync IPC listener so renderer-side stores can find userData. We have
  // none, and no IPC may bypass ipc/handle.ts, so it is removed (it would also leak the profile path).
  ipcMain.removeAllListeners('electron-store-get-data');

  function keyed(key: string): KeyValueStore {
    return {
      get: () => {
        try {
          return opened.store.get(key);
        } catch (error) {
          const moved = quarantineFile(filePath, new Date(), renameSync);
          console.warn(`[settings] unreadable ${filePath} (${String(error)}); moved to ${moved ?? '(not moved)'}`);
          return undefined;
        }
      },
      set: (value) => opened.store.set(key, value),
    };
  }

  return { settings: keyed('settings'), recentFiles: keyed('recentFiles'), notice: opened.notice };
}
