/**
 * What the preload exposes as `window.workbench`: named capabilities only,
 * never a generic `invoke(channel)`, `ipcRenderer` or `process`. Each method
 * maps to one channel of the contract.
 *
 * Methods resolve to the Result envelope instead of rejecting: contextBridge
 * copies a thrown Error with its message only, losing `name` and `code`, so the
 * renderer's platform layer unwraps the envelope itself.
 *
 * `FileLike` is the host's File type: shared/ cannot see the DOM, so the
 * preload and the renderer each plug in their own `File`.
 */
import type { CommandId } from '../commands';
import type { Settings, SettingsPatch } from '../settings';
import type { Req, Res } from './contract';
import type { Result } from './result';

export interface WorkbenchBridge<FileLike> {
  saveFile(request: Req<'wb:file.save'>): Promise<Result<Res<'wb:file.save'>>>;
  getSettings(): Promise<Result<Settings>>;
  updateSettings(patch: SettingsPatch): Promise<Result<Settings>>;
  addRecent(entry: Req<'wb:recent.add'>): Promise<Result<Res<'wb:recent.add'>>>;
  listRecent(): Promise<Result<Res<'wb:recent.list'>>>;
  printToPdf(request: Req<'wb:print.toPdf'>): Promise<Result<Res<'wb:print.toPdf'>>>;
  appInfo(): Promise<Result<Res<'wb:app.info'>>>;
  /** Subscribe to native menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: CommandId) => void): () => void;
  /** Absolute path of a dropped or picked file (File.path no longer exists in Electron); "" when it has none. */
  pathForFile(file: FileLike): string;
}

/** The exact key set exposed; the Electron runtime test compares `Object.keys(window.workbench)` with it. */
export const BRIDGE_KEYS = [
  'saveFile',
  'getSettings',
  'updateSettings',
  'addRecent',
  'listRecent',
  'printToPdf',
  'appInfo',
  'onMenuCommand',
  'pathForFile',
] as const satisfies readonly (keyof WorkbenchBridge<unknown>)[];
const isBridgeKeyListComplete: [Exclude<keyof WorkbenchBridge<unknown>, (typeof BRIDGE_KEYS)[number]>] extends [never]
  ? true
  : false = true;
void isBridgeKeyListComplete;
