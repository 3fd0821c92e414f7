import type { Engine } from '../../../shared/engine';
import type { ImportOptions, ImportProgress, ImportReport, TableInfo } from '../../../shared/engine/api';
import type { SerializedEngineError } from '../../../shared/engine/errors';

/**
 * What the UI may ask the engine worker. Everything but importing is the
 * engine's own method, so the contract is derived and cannot drift.
 */
type Synchronous = Omit<Engine, 'importFile'>;

export interface WorkerApi extends Synchronous {
  importFile(file: Blob, name: string, options: ImportOptions): Promise<ImportReport>;
  cancelImport(importId: string): boolean;
}

export type WorkerMethod = keyof WorkerApi;

export type WorkerRequest = {
  [M in WorkerMethod]: { seq: number; method: M; args: Parameters<WorkerApi[M]> };
}[WorkerMethod];

export type WorkerEvent =
  | { type: 'ready'; elapsedMs: number }
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'firstRows'; importId: string; table: TableInfo };

export type WorkerResponse =
  | { type: 'result'; seq: number; ok: true; value: unknown; durationMs: number }
  | { type: 'result'; seq: number; ok: false; error: SerializedEngineError }
  | { type: 'event'; event: WorkerEvent };
