/**
 * What the React app may ask of its host. Electron implements it over the
 * preload bridge; the browser implements it with downloads and localStorage.
 * Features depend on this interface only, never on `window.workbench`.
 */
import type { CommandId } from '../../../shared/commands';
import type { AppInfo, FileFilter } from '../../../shared/ipc/contract';
import type { NewRecentFile, RecentFile } from '../../../shared/ipc/recent-files';
import type { Settings, SettingsPatch } from '../../../shared/settings';

export type { AppInfo, FileFilter, NewRecentFile, RecentFile, Settings, SettingsPatch };

export interface WorkbenchPlatform {
  readonly kind: 'electron' | 'browser';
  /**
   * Save bytes or UTF-8 text under a suggested bare file name. Resolves to the
   * saved path (Electron) or the download name (browser); null when cancelled.
   */
  saveFile(name: string, data: Uint8Array | string, filters?: readonly FileFilter[]): Promise<string | null>;
  /** Never rejects in the browser: corrupt or missing storage yields defaults. */
  getSettings(): Promise<Settings>;
  updateSettings(patch: SettingsPatch): Promise<Settings>;
  addRecent(entry: NewRecentFile): Promise<RecentFile[]>;
  listRecent(): Promise<RecentFile[]>;
  /** Electron: saves a PDF of the window, resolves to its path (null when cancelled). Browser: opens the print dialog, resolves null. */
  printToPdf(name: string): Promise<string | null>;
  /** Native menu commands (Electron only); returns the unsubscribe function. */
  onMenuCommand(listener: (command: CommandId) => void): () => void;
  appInfo(): Promise<AppInfo>;
  /** Absolute path of a picked or dropped file where the host knows it, else null. */
  pathForFile(file: File): string | null;
}
