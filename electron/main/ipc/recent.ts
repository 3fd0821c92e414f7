/** wb:recent.add / wb:recent.list over a key-value store; list rules live in shared/ipc/recent-files.ts. */
import { addRecentFile, normalizeRecentFiles } from '../../../shared/ipc/recent-files';
import type { IpcHandlers, KeyValueStore } from './types';

export interface RecentHandlerDeps {
  readonly store: KeyValueStore;
  /** Injected so tests pin the timestamp. */
  readonly now: () => Date;
}

export function createRecentHandlers(deps: RecentHandlerDeps): Pick<IpcHandlers, 'wb:recent.add' | 'wb:recent.list'> {
  return {
    'wb:recent.add': async (entry) => {
      const next = addRecentFile(normalizeRecentFiles(deps.store.get()), entry, deps.now());
      deps.store.set(next);
      return next;
    },
    'wb:recent.list': async () => normalizeRecentFiles(deps.store.get()),
  };
}
