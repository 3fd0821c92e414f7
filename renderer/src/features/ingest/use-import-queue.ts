import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { ImportReport, PageResult, TableInfo } from '../../../../shared/engine/api';
import type { EngineClient } from '../../engine/client';
import { useLatest } from '../../lib/use-latest';
import type { WorkbenchPlatform } from '../../platform';
import type { RecentFile } from '../../platform/platform';
import { toEngineError } from './error-text';
import { hashFile } from './hash-file';
import type { ImportJob, ImportNotice, ImportOverrides } from './import-types';

export interface ImportCallbacks {
  /** The table exists with its first rows (the grid's first block, when the worker could read it): show it now, the rest streams in. */
  onTableAppeared(table: TableInfo, firstPage: PageResult | null): void;
  onRowsProgress(tableName: string, rows: number): void;
  onImported(report: ImportReport): void;
  /** The import failed or was cancelled; its partial table (if any) is gone. */
  onFailed(tableName: string | null): void;
  onHashed(table: TableInfo): void;
  /** The host's recent-files list after this import was added to it. */
  onRecentFiles(files: readonly RecentFile[]): void;
}

export interface ImportQueue {
  readonly jobs: readonly ImportJob[];
  readonly notices: readonly ImportNotice[];
  /** Queues files as they are (sample data, "load all"), or with the options a preview settled on. */
  enqueue(files: readonly File[], options?: ImportOverrides): void;
  cancel(id: string): void;
  /** Cancels the running import and everything queued behind it (Escape). */
  cancelAll(): boolean;
  dismissNotice(id: string): void;
}

const PROGRESS_UI_MS = 330;

let nextId = 0;
function newImportId(): string {
  nextId += 1;
  return `import-${Date.now().toString(36)}-${nextId}`;
}

/**
 * Imports files one after another (the engine worker is single-threaded, and
 * one file at full speed finishes each sooner than two interleaved), then
 * hashes each in its own worker.
 */
export function useImportQueue(client: EngineClient, platform: WorkbenchPlatform, budgetBytes: number, callbacks: ImportCallbacks): ImportQueue {
  const [jobs, setJobs] = useState<readonly ImportJob[]>([]);
  const [notices, setNotices] = useState<readonly ImportNotice[]>([]);
  const jobsRef = useRef<readonly ImportJob[]>([]);
  const isRunningRef = useRef(false);
  const callbacksRef = useLatest(callbacks);
  const budgetRef = useLatest(budgetBytes);
  const lastProgressRef = useRef(0);

  const updateJobs = useCallback((update: (current: readonly ImportJob[]) => readonly ImportJob[]) => {
    jobsRef.current = update(jobsRef.current);
    setJobs(jobsRef.current);
  }, []);

  const patchJob = useCallback(
    (id: string, patch: Partial<ImportJob>) => updateJobs((current) => current.map((job) => (job.id === id ? { ...job, ...patch } : job))),
    [updateJobs],
  );

  useEffect(
    () =>
      client.onEvent((event) => {
        if (event.type === 'progress') {
          const job = jobsRef.current.find((candidate) => candidate.id === event.progress.importId);
          if (!job) return;
          // A re-render per worker event (10/s) costs the main thread more than the
          // numbers are worth; 3/s reads as live and leaves frames for scrolling.
          const now = performance.now();
          const isDone = event.progress.bytesRead >= event.progress.totalBytes;
          if (!isDone && now - lastProgressRef.current < PROGRESS_UI_MS) return;
          lastProgressRef.current = now;
          patchJob(job.id, { progress: event.progress });
          if (job.tableName) callbacksRef.current.onRowsProgress(job.tableName, event.progress.rows);
        } else if (event.type === 'firstRows') {
          if (!jobsRef.current.some((job) => job.id === event.importId)) return;
          // A transition: React renders the new table's pane in 5 ms slices between frames, not
          // as one task (it was 40–53 ms on this VM, the longest of a 1M-row import's first second).
          startTransition(() => {
            patchJob(event.importId, { tableName: event.table.name });
            callbacksRef.current.onTableAppeared(event.table, event.firstPage);
          });
        }
      }),
    [client, patchJob, callbacksRef],
  );

  const runJob = useCallback(
    async (job: ImportJob) => {
      patchJob(job.id, { state: 'running' });
      let report: ImportReport;
      try {
        report = await client.importFile(job.file, job.file.name, { ...job.options, importId: job.id, budgetBytes: budgetRef.current });
      } catch (error) {
        const tableName = jobsRef.current.find((candidate) => candidate.id === job.id)?.tableName ?? null;
        callbacksRef.current.onFailed(tableName);
        setNotices((current) => [...current, { id: job.id, fileName: job.file.name, error: toEngineError(error) }]);
        return;
      }
      callbacksRef.current.onImported(report);
      // Bookkeeping after a finished import: its failure must not report the import as failed.
      try {
        // Hashed after the import, not beside it: on two cores a parallel hash worker
        // slowed a 1M-row import by seconds, and the hash is only needed once it is done.
        const hash = hashFile(job.file);
        const path = platform.pathForFile(job.file);
        void platform
          .addRecent(path === null ? { name: job.file.name, sizeBytes: job.file.size } : { name: job.file.name, sizeBytes: job.file.size, path })
          .then((files) => callbacksRef.current.onRecentFiles(files))
          .catch(() => undefined); // a lost recent-files entry must not fail the import
        // The hash may finish before or after the rows; either way it lands on the finished table.
        void hash.result
          .then((hex) => client.setSourceHash(report.table.name, hex))
          .then((table) => callbacksRef.current.onHashed(table))
          .catch(() => undefined); // table dropped meanwhile, or hashing cancelled: nothing to show
      } catch (error) {
        console.error('after importing', job.file.name, error); // no hash or recent-files entry; the table is fine
      }
    },
    [client, patchJob, platform, callbacksRef, budgetRef],
  );

  const pump = useCallback(async () => {
    if (isRunningRef.current) return;
    isRunningRef.current = true;
    try {
      for (;;) {
        const next = jobsRef.current.find((job) => job.state === 'queued');
        if (!next) break;
        await runJob(next);
        updateJobs((current) => current.filter((job) => job.id !== next.id));
      }
    } finally {
      isRunningRef.current = false;
    }
  }, [runJob, updateJobs]);

  const enqueue = useCallback(
    (files: readonly File[], options: ImportOverrides = {}) => {
      if (files.length === 0) return;
      const added: ImportJob[] = files.map((file) => ({ id: newImportId(), file, options, state: 'queued', progress: null, tableName: null }));
      updateJobs((current) => [...current, ...added]);
      void pump();
    },
    [pump, updateJobs],
  );

  const cancel = useCallback(
    (id: string) => {
      const job = jobsRef.current.find((candidate) => candidate.id === id);
      if (!job) return;
      if (job.state === 'queued') {
        updateJobs((current) => current.filter((candidate) => candidate.id !== id));
        return;
      }
      patchJob(id, { state: 'cancelling' });
      void client.cancelImport(id);
    },
    [client, patchJob, updateJobs],
  );

  const cancelAll = useCallback(() => {
    const current = jobsRef.current;
    if (current.length === 0) return false;
    for (const job of [...current].reverse()) cancel(job.id);
    return true;
  }, [cancel]);

  const dismissNotice = useCallback((id: string) => setNotices((current) => current.filter((notice) => notice.id !== id)), []);

  return { jobs, notices, enqueue, cancel, cancelAll, dismissNotice };
}
