/**
 * WorkbenchPlatform over the preload bridge. The bridge resolves to Result
 * envelopes (contextBridge would strip an Error's name and code), and this
 * is where they become values or RemoteErrors again.
 */
import type { WorkbenchBridge } from '../../../shared/ipc/bridge';
import { deserializeError, type Result } from '../../../shared/ipc/result';
import type { WorkbenchPlatform } from './platform';

async function unwrap<T>(reply: Promise<Result<T>>): Promise<T> {
  const result = await reply;
  if (!result.ok) throw deserializeError(result.error);
  return result.value;
}

export function createElectronPlatform(bridge: WorkbenchBridge<File>): WorkbenchPlatform {
  return {
    kind: 'electron',
    saveFile: async (name, data, filters) => {
      const request = filters === undefined ? { suggestedName: name, data } : { suggestedName: name, data, filters };
      const saved = await unwrap(bridge.saveFile(request));
      return saved?.path ?? null;
    },
    getSettings: () => unwrap(bridge.getSettings()),
    updateSettings: (patch) => unwrap(bridge.updateSettings(patch)),
    addRecent: (entry) => unwrap(bridge.addRecent(entry)),
    listRecent: () => unwrap(bridge.listRecent()),
    printToPdf: async (name) => {
      const saved = await unwrap(bridge.printToPdf({ suggestedName: name }));
      return saved?.path ?? null;
    },
    onMenuCommand: (listener) => bridge.onMenuCommand(listener),
    appInfo: () => unwrap(bridge.appInfo()),
    pathForFile: (file) => {
      // Files built in memory (samples, tests) have no path; webUtils returns "" for them.
      const filePath = bridge.pathForFile(file);
      return filePath === '' ? null : filePath;
    },
  };
}
