import type { SerializedEngineError } from '../../../shared/engine/errors';
import type { WorkerApi, WorkerEvent, WorkerMethod, WorkerRequest, WorkerResponse } from './protocol';

/** An engine error that arrived from the worker, with its code and source location. */
export class EngineCallError extends Error {
  override readonly name = 'EngineCallError';
  constructor(readonly detail: SerializedEngineError) {
    super(detail.message);
  }
}

export type EngineClient = { [M in WorkerMethod]: (...args: Parameters<WorkerApi[M]>) => Promise<Awaited<ReturnType<WorkerApi[M]>>> } & {
  onEvent(listener: (event: WorkerEvent) => void): () => void;
  terminate(): void;
};

/** Typed RPC over the engine worker: numbered requests, promises, events. */
export function createEngineClient(worker: Worker): EngineClient {
  let seq = 0;
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void; method: string }>();
  const listeners = new Set<(event: WorkerEvent) => void>();

  worker.onmessage = (message: MessageEvent<WorkerResponse>) => {
    const data = message.data;
    if (data.type === 'event') {
      for (const listener of listeners) listener(data.event);
      return;
    }
    const call = pending.get(data.seq);
    if (!call) return;
    pending.delete(data.seq);
    if (data.ok) {
      call.resolve(data.value);
    } else call.reject(new EngineCallError(data.error));
  };
  worker.onerror = (event) => {
    const error = new EngineCallError({ name: 'WorkerError', code: 'internal', message: event.message || 'The engine worker stopped' });
    for (const call of pending.values()) call.reject(error);
    pending.clear();
  };

  function call(method: WorkerMethod, args: unknown[]): Promise<unknown> {
    const id = ++seq;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject, method });
      worker.postMessage({ seq: id, method, args } as WorkerRequest);
    });
  }

  // Keyed by method so the compiler insists every contract method is wired.
  const methods = Object.keys({
    importFile: true, previewFile: true, cancelImport: true, resumeImport: true, listTables: true, getTable: true, dropTable: true, setSourceHash: true,
    page: true, count: true, ensureIndex: true, rangeStats: true, rangeTsv: true, query: true, exportDatabase: true,
    match: true, matchRun: true, cancelMatch: true, matchPreview: true, matchRecordDecision: true, matchAudit: true, matchExplain: true, matchSpecs: true, matchItems: true,
  } satisfies Record<WorkerMethod, true>) as WorkerMethod[];
  const client: Record<string, unknown> = {
    onEvent(listener: (event: WorkerEvent) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    terminate: () => worker.terminate(),
  };
  for (const method of methods) client[method] = (...args: unknown[]) => call(method, args);
  return client as EngineClient;
}

export function startEngine(): EngineClient {
  return createEngineClient(new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' }));
}
