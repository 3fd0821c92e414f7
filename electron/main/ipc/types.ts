/**
 * Types shared by the IPC dispatcher and the domain handlers. Handlers receive
 * their dependencies as arguments, never import `electron`, and so run in
 * plain Node under the unit tests.
 */
import type { Channel, FileFilter, Req, Res } from '../../../shared/ipc/contract';

/** Per-call capabilities bound to the sender's webContents by handle.ts. */
export interface CallContext {
  /** Renders the calling page to PDF bytes. */
  printPage(): Promise<Uint8Array>;
}

export type IpcHandlers = {
  readonly [C in Channel]: (request: Req<C>, context: CallContext) => Promise<Res<C>>;
};

/** The native save dialog; resolves to the chosen path, or null when cancelled. */
export type SaveDialog = (options: { readonly defaultPath: string; readonly filters: readonly FileFilter[] }) => Promise<string | null>;

export type WriteFile = (targetPath: string, data: Uint8Array) => Promise<void>;

/** One value in the persistent store (electron-store in the app, a variable in tests). */
export interface KeyValueStore {
  get(): unknown;
  set(value: unknown): void;
}

/** Folder the save dialogs open in: the last export folder, else Documents. */
export interface ExportDirectory {
  current(): string;
  remember(directory: string): void;
}
