/// <reference lib="webworker" />
/**
 * The engine worker: a shell. It loads sql.js, dispatches an explicit
 * allow-list of methods to the shared engine, times each call and returns
 * errors as values. Data stays here; the UI only ever sees pages.
 */
import { readSheet } from 'read-excel-file/web-worker';
import initSqlJs from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm.wasm?url';
import { createEngine, type Engine } from '../../../shared/engine';
import type { ByteSource, PageResult, TableInfo } from '../../../shared/engine/api';
import { serializeEngineError } from '../../../shared/engine/errors';
import { READ_EXCEL_OPTIONS, type XlsxCell, type XlsxReader } from '../../../shared/engine/ingest/xlsx/xlsx-reader';
import { loadSqliteRuntime } from '../../../shared/engine/sqlite/open-sqlite';
import { FIRST_PAGE_ROWS, FIRST_SHOW_HOLD_MIN_BYTES, FIRST_SHOW_HOLD_MS, type WorkerEvent, type WorkerRequest, type WorkerResponse } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const started = performance.now();
const cancelled = new Set<string>();
/** Match runs under way, and whether the UI has cancelled each: a late cancel (the run ended) leaves nothing behind. */
const matchRuns = new Map<string, boolean>();

const enginePromise: Promise<Engine> = fetch(wasmUrl)
  .then((response) => response.arrayBuffer())
  .then((wasm) => loadSqliteRuntime(initSqlJs, wasm))
  .then((runtime) => {
    // Previews load their sample into a second database of the same runtime, closed afterwards.
    const engine = createEngine(runtime.open(), { openScratch: () => runtime.open(), xlsx });
    emit({ type: 'ready', elapsedMs: performance.now() - started });
    return engine;
  });

/** read-excel-file's worker entry: it unpacks and parses here, in this worker, off the UI thread. */
const xlsx: XlsxReader = {
  async readSheet(bytes, sheet) {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    // The library types cells loosely (Date as `typeof Date`); with parseNumber they are XlsxCell values.
    return (await readSheet(buffer, sheet, READ_EXCEL_OPTIONS)) as unknown as XlsxCell[][];
  },
};

function emit(event: WorkerEvent): void {
  scope.postMessage({ type: 'event', event } satisfies WorkerResponse);
}

/** A macrotask boundary (MessageChannel, not setTimeout, to avoid the 4 ms clamp). */
function yieldToHost(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Where imports stand, for diagnosing a stalled run from outside: a bench or test reads it
 * with Playwright's `worker.evaluate(() => globalThis.__engineDebug)` (no request needed, so
 * it answers even while an import holds the worker's queue). A few counter writes per read.
 */
const debug = {
  importsRunning: 0,
  imports: 0,
  /** Holds started, and how each ended. */
  holds: 0,
  holdsResumed: 0,
  holdsTimedOut: 0,
  isHeld: false,
  /** resumeImport requests, and those that found no hold. */
  resumes: 0,
  resumesUnheld: 0,
  /** Byte-stream reads (each `reader.read`): started, settled, and when the one pending began. */
  streamReads: 0,
  streamReadsSettled: 0,
  streamReadPendingSince: null as number | null,
  streamReaders: 0,
  lastProgress: null as { bytesRead: number; totalBytes: number; rows: number; at: number } | null,
  lastError: null as string | null,
};
(scope as unknown as { __engineDebug: typeof debug }).__engineDebug = debug;

/** An import waiting for the UI to show its first rows (FIRST_SHOW_HOLD_MS): resolved by resumeImport, cancel or the time limit. */
let uiHold: { done: Promise<void>; release(): void } | null = null;

function holdForUi(): void {
  uiHold?.release();
  let resolve: () => void = () => undefined;
  const done = new Promise<void>((settle) => (resolve = settle));
  const hold = {
    done,
    release() {
      clearTimeout(timer);
      if (uiHold === hold) uiHold = null;
      debug.isHeld = uiHold !== null;
      resolve();
    },
  };
  const timer = setTimeout(() => {
    if (uiHold === hold) debug.holdsTimedOut++;
    hold.release();
  }, FIRST_SHOW_HOLD_MS);
  uiHold = hold;
  debug.holds++;
  debug.isHeld = true;
}

/** Between chunks: wait while the UI builds the first screen, else just let queued requests run. */
function importYield(): Promise<void> {
  return uiHold ? uiHold.done : yieldToHost();
}

/** The grid's first block, read between two import chunks (the table is consistent there). */
function firstPage(engine: Engine, table: TableInfo): PageResult | null {
  try {
    return engine.page({ table: table.name, filters: {}, sort: [], offset: 0, limit: FIRST_PAGE_ROWS });
  } catch {
    return null; // the grid then asks for it as usual
  }
}

/**
 * A File as the engine's ByteSource. Sequential large reads go through one
 * byte stream into the import's own buffers: `slice().arrayBuffer()` per
 * chunk allocated fresh memory for every 4 MB and cost the browser's threads
 * 1.4 s per 50 MB, against 0.08 s streaming (Chromium 156).
 */
function blobSource(blob: Blob, name: string): ByteSource {
  let reader: ReadableStreamBYOBReader | null = null;
  let position = -1;
  return {
    name,
    size: blob.size,
    read: async (offset, length) => new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer()),
    async readInto(offset, into) {
      if (!reader || position !== offset) {
        void reader?.cancel().catch(() => undefined);
        reader = blob.slice(offset).stream().getReader({ mode: 'byob' });
        position = offset;
        debug.streamReaders++;
      }
      // Each read detaches the view it is given and returns the memory in a new one.
      // `into` itself reads as empty once detached, so its place is noted first.
      let buffer = into.buffer;
      const start = into.byteOffset;
      const length = into.length;
      let filled = 0;
      while (filled < length) {
        debug.streamReads++;
        debug.streamReadPendingSince = performance.now();
        const { value, done } = await reader.read(new Uint8Array(buffer, start + filled, length - filled));
        debug.streamReadsSettled++;
        debug.streamReadPendingSince = null;
        if (value) buffer = value.buffer;
        if (done || !value) break;
        filled += value.length;
      }
      position += filled;
      return new Uint8Array(buffer, start, filled);
    },
  };
}

async function dispatch(engine: Engine, request: WorkerRequest): Promise<unknown> {
  switch (request.method) {
    case 'importFile': {
      const [blob, name, options] = request.args;
      cancelled.delete(options.importId);
      debug.imports++;
      debug.importsRunning++;
      try {
        return await engine.importFile(blobSource(blob, name), options, {
          onProgress: (progress) => {
            debug.lastProgress = { bytesRead: progress.bytesRead, totalBytes: progress.totalBytes, rows: progress.rows, at: performance.now() };
            emit({ type: 'progress', progress });
          },
          onFirstRows: (table) => {
            emit({ type: 'firstRows', importId: options.importId, table, firstPage: firstPage(engine, table) });
            if (blob.size >= FIRST_SHOW_HOLD_MIN_BYTES) holdForUi();
          },
          isCancelled: () => cancelled.has(options.importId),
          yieldToHost: importYield,
        });
      } catch (error) {
        debug.lastError = String(error);
        throw error;
      } finally {
        debug.importsRunning--;
        cancelled.delete(options.importId);
        uiHold?.release();
      }
    }
    case 'previewFile': {
      const [blob, name, options] = request.args;
      return engine.previewFile(blobSource(blob, name), options);
    }
    case 'cancelImport':
      cancelled.add(request.args[0]);
      uiHold?.release();
      return true;
    case 'resumeImport': {
      const wasHeld = uiHold !== null;
      debug.resumes++;
      if (wasHeld) debug.holdsResumed++;
      else debug.resumesUnheld++;
      uiHold?.release();
      return wasHeld;
    }
    case 'listTables':
      return engine.listTables();
    case 'getTable':
      return engine.getTable(...request.args);
    case 'dropTable':
      return engine.dropTable(...request.args);
    case 'setSourceHash':
      return engine.setSourceHash(...request.args);
    case 'page':
      return engine.page(...request.args);
    case 'count':
      return engine.count(...request.args);
    case 'ensureIndex':
      return engine.ensureIndex(...request.args);
    case 'rangeStats':
      return engine.rangeStats(...request.args);
    case 'rangeTsv':
      return engine.rangeTsv(...request.args);
    case 'query':
      return engine.query(...request.args);
    case 'exportDatabase':
      return engine.exportDatabase();
    case 'match':
      return engine.match(...request.args);
    case 'matchRun': {
      const [spec, runId] = request.args;
      matchRuns.set(runId, false);
      try {
        return await engine.matchAsync(spec, {
          onProgress: (progress) => emit({ type: 'matchProgress', runId, progress }),
          isCancelled: () => matchRuns.get(runId) === true,
          yieldToHost,
        });
      } finally {
        matchRuns.delete(runId);
      }
    }
    case 'cancelMatch': {
      const runId = request.args[0];
      if (!matchRuns.has(runId)) return false;
      matchRuns.set(runId, true);
      return true;
    }
    case 'matchPreview':
      return engine.matchPreview(...request.args);
    case 'matchRecordDecision':
      return engine.matchRecordDecision(...request.args);
    case 'matchAudit':
      return engine.matchAudit(...request.args);
    case 'matchExplain':
      return engine.matchExplain(...request.args);
    case 'matchSpecs':
      return engine.matchSpecs();
    case 'matchItems':
      return engine.matchItems(...request.args);
    default: {
      // A method added to the contract but not here fails to compile.
      const unhandled: never = request;
      throw new Error(`Unknown engine method ${JSON.stringify(unhandled)}`);
    }
  }
}

scope.onmessage = async (message: MessageEvent<WorkerRequest>) => {
  const request = message.data;
  const begin = performance.now();
  try {
    const engine = await enginePromise;
    const value = await dispatch(engine, request);
    const transfer = value instanceof Uint8Array ? [value.buffer] : [];
    scope.postMessage({ type: 'result', seq: request.seq, ok: true, value, durationMs: performance.now() - begin } satisfies WorkerResponse, transfer);
  } catch (error) {
    scope.postMessage({ type: 'result', seq: request.seq, ok: false, error: serializeEngineError(error) } satisfies WorkerResponse);
  }
};
