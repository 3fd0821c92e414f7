/** wb:app.info: facts read once at startup and passed in, so the handler needs no `electron`. */
import type { AppInfo } from '../../../shared/ipc/contract';
import type { IpcHandlers } from './types';

export function createAppInfoHandlers(info: AppInfo): Pick<IpcHandlers, 'wb:app.info'> {
  const frozen: AppInfo = { version: info.version, platform: info.platform, isPackaged: info.isPackaged };
  return { 'wb:app.info': async () => frozen };
}
