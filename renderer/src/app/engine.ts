import { useSyncExternalStore } from 'react';
import { startEngine, type EngineClient } from '../engine/client';

/**
 * One engine worker for the whole window. Created lazily at module level
 * (not in a component) so StrictMode's double render cannot start two
 * workers, and so the `ready` event is never missed before React subscribes.
 */
let client: EngineClient | null = null;
let isReady = false;
const readyListeners = new Set<() => void>();

export function engineClient(): EngineClient {
  if (client === null) {
    client = startEngine();
    client.onEvent((event) => {
      if (event.type !== 'ready') return;
      isReady = true;
      for (const listener of readyListeners) listener();
    });
  }
  return client;
}

function subscribe(listener: () => void): () => void {
  readyListeners.add(listener);
  return () => readyListeners.delete(listener);
}

/** True once sql.js has loaded in the worker. */
export function useEngineReady(): boolean {
  return useSyncExternalStore(subscribe, () => isReady);
}
