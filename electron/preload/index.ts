/**
 * The preload: exposes `window.workbench`, a fixed set of named capabilities
 * (see shared/ipc/bridge.ts). No generic invoke, no ipcRenderer, no event
 * objects reach the page. It runs sandboxed, so esbuild bundles it into one
 * file whose only runtime import is `electron`.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { isCommandId, type CommandId } from '../../shared/commands';
import type { WorkbenchBridge } from '../../shared/ipc/bridge';
import { MENU_COMMAND_CHANNEL, type Channel, type Req, type Res } from '../../shared/ipc/contract';
import { err, isResultEnvelope, serializeError, type Result } from '../../shared/ipc/result';

/** Resolves to main's Result envelope; transport failures become `{ ok: false }` too, so callers have one path. */
async function call<C extends Channel>(channel: C, request: Req<C>): Promise<Result<Res<C>>> {
  try {
    const reply: unknown = await ipcRenderer.invoke(channel, request);
    if (isResultEnvelope<Res<C>>(reply)) return reply;
    return err({ name: 'IpcError', message: `malformed reply on ${channel}` });
  } catch (error) {
    return err(serializeError(error));
  }
}

const workbench = {
  saveFile: (request) => call('wb:file.save', request),
  getSettings: () => call('wb:settings.get', null),
  updateSettings: (patch) => call('wb:settings.update', patch),
  addRecent: (entry) => call('wb:recent.add', entry),
  listRecent: () => call('wb:recent.list', null),
  printToPdf: (request) => call('wb:print.toPdf', request),
  appInfo: () => call('wb:app.info', null),
  onMenuCommand: (listener: (command: CommandId) => void) => {
    // The page gets the command id only, never the IpcRendererEvent (it carries `sender`).
    const forward = (_event: IpcRendererEvent, command: unknown): void => {
      if (isCommandId(command)) listener(command);
    };
    ipcRenderer.on(MENU_COMMAND_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(MENU_COMMAND_CHANNEL, forward);
    };
  },
  pathForFile: (file: File) => webUtils.getPathForFile(file),
} satisfies WorkbenchBridge<File>;

contextBridge.exposeInMainWorld('workbench', workbench);
