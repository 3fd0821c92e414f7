/**
 * The single IPC contract between the renderer (through the preload) and
 * Electron main. Channel names are `wb:<domain>.<verb>`. Main validates every
 * request at runtime (validate.ts) and answers with a Result (result.ts).
 *
 * Only platform capabilities cross here: dialogs, file writes, settings,
 * printing. Table data never does; it lives in the renderer's sql.js worker.
 */
import type { CommandId } from '../commands';
import type { Settings, SettingsPatch } from '../settings';
import type { NewRecentFile, RecentFile } from './recent-files';

export interface FileFilter {
  /** Label shown in the native dialog ("CSV files"). */
  readonly name: string;
  /** Extensions without the dot ("csv"); "*" for all files. */
  readonly extensions: readonly string[];
}

export interface SaveFileRequest {
  /** Bare file name proposed in the dialog; never a path. */
  readonly suggestedName: string;
  /** Bytes to write, or text written as UTF-8. At most 512 MiB. */
  readonly data: Uint8Array | string;
  readonly filters?: readonly FileFilter[];
}

export interface SavedFile {
  /** Absolute path the user picked in the native dialog. */
  readonly path: string;
}

export interface AppInfo {
  readonly version: string;
  /** `process.platform` in Electron (`darwin`, `win32`, `linux`); `web` in the browser. */
  readonly platform: string;
  readonly isPackaged: boolean;
}

export interface IpcContract {
  /** Show the native save dialog, then write atomically (temp file, fsync, rename). `null` when cancelled. */
  'wb:file.save': { req: SaveFileRequest; res: SavedFile | null };
  /** Current settings, normalised (a corrupt store yields defaults). */
  'wb:settings.get': { req: null; res: Settings };
  /** Apply a validated patch of renderer-owned keys; returns the settings after the update. */
  'wb:settings.update': { req: SettingsPatch; res: Settings };
  /** Record an opened file; returns the updated list, newest first. */
  'wb:recent.add': { req: NewRecentFile; res: RecentFile[] };
  /** Recent files, newest first. */
  'wb:recent.list': { req: null; res: RecentFile[] };
  /** Render the calling page to PDF and save it through the native dialog. `null` when cancelled. */
  'wb:print.toPdf': { req: { readonly suggestedName: string }; res: SavedFile | null };
  /** Version and platform facts for the about box and shortcut labels. */
  'wb:app.info': { req: null; res: AppInfo };
}

export type Channel = keyof IpcContract;
export type Req<C extends Channel> = IpcContract[C]['req'];
export type Res<C extends Channel> = IpcContract[C]['res'];

/** Every channel, for registration loops. The check below fails to compile if one is missing. */
export const CHANNELS = [
  'wb:file.save',
  'wb:settings.get',
  'wb:settings.update',
  'wb:recent.add',
  'wb:recent.list',
  'wb:print.toPdf',
  'wb:app.info',
] as const satisfies readonly Channel[];
const isChannelListComplete: [Exclude<Channel, (typeof CHANNELS)[number]>] extends [never] ? true : false = true;
void isChannelListComplete;

/** Main → renderer events (webContents.send); the preload checks each payload before passing it on. */
export interface IpcEvents {
  /** A native menu item was chosen. */
  'wb:menu.command': CommandId;
}

export const MENU_COMMAND_CHANNEL = 'wb:menu.command' satisfies keyof IpcEvents;
