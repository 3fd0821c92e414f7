import type { HashRequest, HashResponse } from './hash-protocol';

export interface HashTask {
  /** Resolves to the lowercase hex SHA-256; rejects if hashing fails or is cancelled. */
  readonly result: Promise<string>;
  cancel(): void;
}

/** Starts hashing `file` in its own short-lived worker. */
export function hashFile(file: Blob): HashTask {
  const worker = new Worker(new URL('./hash.worker.ts', import.meta.url), { type: 'module' });
  let settle: ((outcome: HashResponse) => void) | null = null;
  const result = new Promise<string>((resolve, reject) => {
    settle = (outcome) => {
      settle = null;
      worker.terminate();
      if (outcome.ok) resolve(outcome.hex);
      else reject(new Error(outcome.message));
    };
  });
  // Nobody awaits a cancelled hash; keep its rejection from surfacing as unhandled.
  result.catch(() => undefined);
  worker.onmessage = (message: MessageEvent<HashResponse>) => settle?.(message.data);
  worker.onerror = (event) => settle?.({ ok: false, message: event.message || 'The hash worker stopped' });
  worker.postMessage({ file } satisfies HashRequest);
  return {
    result,
    cancel: () => settle?.({ ok: false, message: 'cancelled' }),
  };
}
