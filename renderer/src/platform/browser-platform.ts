/**
 * WorkbenchPlatform for the plain-browser build (`npm run web`): downloads
 * instead of save dialogs, localStorage instead of electron-store. Storage can
 * be missing, full or corrupt; none of that may break the app, so these
 * methods fall back to defaults instead of rejecting.
 */
import { addRecentFile, normalizeRecentFiles } from '../../../shared/ipc/recent-files';
import { applySettingsPatch, normalizeSettings } from '../../../shared/settings';
import type { AppInfo, WorkbenchPlatform } from './platform';

export const SETTINGS_STORAGE_KEY = 'recon-workbench.settings';
export const RECENT_STORAGE_KEY = 'recon-workbench.recent-files';

/** The part of Storage used here, so tests can pass a Map-backed fake. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

// Reading window.localStorage itself throws when storage is disabled (privacy settings, sandboxed iframe).
function defaultStorage(): KeyValueStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function readJson(storage: KeyValueStorage | null, key: string): unknown {
  try {
    const text = storage?.getItem(key) ?? null;
    return text === null ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

function writeJson(storage: KeyValueStorage | null, key: string, value: unknown): void {
  try {
    storage?.setItem(key, JSON.stringify(value));
  } catch {
    // Quota exceeded or storage disabled: keep working with the in-memory value for this session.
  }
}

const MIME_BY_EXTENSION: Readonly<Record<string, string>> = {
  csv: 'text/csv;charset=utf-8',
  json: 'application/json',
  pdf: 'application/pdf',
  html: 'text/html;charset=utf-8',
  txt: 'text/plain;charset=utf-8',
  sqlite: 'application/vnd.sqlite3',
};

function mimeFor(name: string): string {
  const extension = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  return MIME_BY_EXTENSION[extension] ?? 'application/octet-stream';
}

function download(name: string, data: Uint8Array | string): void {
  // Copy bytes into a plain ArrayBuffer-backed view: Blob refuses views over SharedArrayBuffer.
  const part = typeof data === 'string' ? data : new Uint8Array(data);
  const url = URL.createObjectURL(new Blob([part], { type: mimeFor(name) }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a minute is ample.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function readAppVersion(): string {
  const version: unknown = import.meta.env['VITE_APP_VERSION'];
  return typeof version === 'string' && version !== '' ? version : '0.0.0-web';
}

export function createBrowserPlatform(storage: KeyValueStorage | null = defaultStorage()): WorkbenchPlatform {
  const appInfo: AppInfo = { version: readAppVersion(), platform: 'web', isPackaged: false };
  return {
    kind: 'browser',
    saveFile: async (name, data) => {
      download(name, data);
      return name;
    },
    getSettings: async () => normalizeSettings(readJson(storage, SETTINGS_STORAGE_KEY)),
    updateSettings: async (patch) => {
      const next = applySettingsPatch(normalizeSettings(readJson(storage, SETTINGS_STORAGE_KEY)), patch);
      writeJson(storage, SETTINGS_STORAGE_KEY, next);
      return next;
    },
    addRecent: async (entry) => {
      const next = addRecentFile(normalizeRecentFiles(readJson(storage, RECENT_STORAGE_KEY)), entry, new Date());
      writeJson(storage, RECENT_STORAGE_KEY, next);
      return next;
    },
    listRecent: async () => normalizeRecentFiles(readJson(storage, RECENT_STORAGE_KEY)),
    printToPdf: async () => {
      // The browser's print dialog offers "Save as PDF"; its outcome is not observable.
      window.print();
      return null;
    },
    onMenuCommand: () => () => undefined,
    appInfo: async () => appInfo,
    pathForFile: () => null,
  };
}
