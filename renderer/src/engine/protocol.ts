import type { Engine } from '../../../shared/engine';
import type { ImportOptions, ImportPreview, ImportProgress, ImportReport, MatchProgress, PageResult, TableInfo } from '../../../shared/engine/api';
import type { MatchRun } from '../../../shared/engine/match/run-match';
import type { SerializedEngineError } from '../../../shared/engine/errors';

/**
 * What the UI may ask the engine worker. Everything but importing and
 * previewing (they take a Blob) and the async match (its hooks are functions,
 * which cannot cross; matchRun stands for it) is the engine's own method, so
 * the contract is derived and cannot drift. matchDecide is left out: it
 * re-runs the whole match inside one request (seconds at 1M rows, with no
 * progress and no Cancel); the UI records with matchRecordDecision and
 * re-runs with matchRun.
 */
type Synchronous = Omit<Engine, 'importFile' | 'previewFile' | 'matchAsync' | 'matchDecide'>;

export interface WorkerApi extends Synchronous {
  importFile(file: Blob, name: string, options: ImportOptions): Promise<ImportReport>;
  previewFile(file: Blob, name: string, options: ImportOptions): Promise<ImportPreview>;
  cancelImport(importId: string): boolean;
  /**
   * The UI has shown a streaming table's first screen of rows: an import held
   * after `firstRows` (see FIRST_SHOW_HOLD_MS) continues. False when none was held.
   */
  resumeImport(): boolean;
  /** engine.matchAsync with `matchProgress` events tagged with runId, which cancelMatch names. */
  matchRun(spec: unknown, runId: string): Promise<MatchRun>;
  /** False when the run is no longer under way (it finished first). */
  cancelMatch(runId: string): boolean;
}

export type WorkerMethod = keyof WorkerApi;

export type WorkerRequest = {
  [M in WorkerMethod]: { seq: number; method: M; args: Parameters<WorkerApi[M]> };
}[WorkerMethod];

/**
 * Rows the worker reads itself when a table first has rows, and sends with
 * `firstRows`: the grid's first block (its block size), unsorted and unfiltered.
 * The grid shows them without a round trip that would wait behind the next
 * import chunk.
 */
export const FIRST_PAGE_ROWS = 200;

/**
 * After sending `firstRows` for a large file, the import waits (between two
 * chunks) until the UI calls `resumeImport`, at most this long. Building the
 * grid and its first screen of rows is ~250 ms of main-thread work; on a
 * two-core machine the import, V8's compiler threads and the compositor left
 * the main thread a quarter of a core then, and 15 ms tasks took 50–85 ms.
 * With the import waiting, the same screen comes up sooner and in short tasks.
 */
export const FIRST_SHOW_HOLD_MS = 800;

/** Files smaller than this import in a few chunks: holding them would only delay the end. */
export const FIRST_SHOW_HOLD_MIN_BYTES = 32 * 1024 * 1024;

export type WorkerEvent =
  | { type: 'ready'; elapsedMs: number }
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'matchProgress'; runId: string; progress: MatchProgress }
  | { type: 'firstRows'; importId: string; table: TableInfo; firstPage: PageResult | null };

export type WorkerResponse =
  | { type: 'result'; seq: number; ok: true; value: unknown; durationMs: number }
  | { type: 'result'; seq: number; ok: false; error: SerializedEngineError }
  | { type: 'event'; event: WorkerEvent };
