/**
 * Files the user drops or opens wait here, one preview dialog at a time,
 * before anything is loaded: the engine previews each with the current
 * choices (a sample in a throwaway database), every change re-runs it, and
 * Load hands the file and the choices to the import queue. Sample data and
 * "Load all" bypass the dialog and import as detected.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { ImportPreview } from '../../../../shared/engine/api';
import type { SerializedEngineError } from '../../../../shared/engine/errors';
import type { EngineClient } from '../../engine/client';
import { toEngineError } from '../ingest/error-text';
import type { ImportOverrides } from '../ingest/import-types';
import { PreviewDialog } from './PreviewDialog';

export interface PreviewState {
  preview: ImportPreview | null;
  /** The preview call itself failed (not the sample's import, which is `preview.error`). */
  failure: SerializedEngineError | null;
  isLoading: boolean;
}

export interface ImportPreviewGate {
  /** Files to preview before loading (drop, Open…). */
  open(files: readonly File[]): void;
  /** The dialog for the file at the front, or null. */
  dialog: ReactNode;
}

const IDLE: PreviewState = { preview: null, failure: null, isLoading: false };

interface Waiting {
  id: number;
  file: File;
}
let nextWaitingId = 0;

export function useImportPreview(client: EngineClient, enqueue: (files: readonly File[], options?: ImportOverrides) => void): ImportPreviewGate {
  const [queue, setQueue] = useState<readonly Waiting[]>([]);
  const [overrides, setOverrides] = useState<ImportOverrides>({});
  const [state, setState] = useState<PreviewState>(IDLE);
  const sequence = useRef(0);
  const front = queue[0] ?? null;
  const file = front?.file ?? null;

  useEffect(() => {
    if (!file) return;
    // Only the latest request may land: an earlier, slower preview must not overwrite it.
    const id = ++sequence.current;
    setState((current) => ({ ...current, isLoading: true }));
    client.previewFile(file, file.name, { importId: `preview-${id}`, ...overrides }).then(
      (preview) => {
        if (sequence.current === id) setState({ preview, failure: null, isLoading: false });
      },
      (error: unknown) => {
        if (sequence.current === id) setState({ preview: null, failure: toEngineError(error), isLoading: false });
      },
    );
  }, [client, file, overrides]);

  const open = useCallback((files: readonly File[]) => {
    if (files.length > 0) setQueue((current) => [...current, ...files.map((added) => ({ id: ++nextWaitingId, file: added }))]);
  }, []);

  const advance = useCallback(() => {
    sequence.current++;
    setQueue((current) => current.slice(1));
    setOverrides({});
    setState(IDLE);
  }, []);

  const load = useCallback(() => {
    if (file) enqueue([file], overrides);
    advance();
  }, [advance, enqueue, file, overrides]);

  const loadAll = useCallback(() => {
    if (file) enqueue([file], overrides);
    enqueue(queue.slice(1).map((waiting) => waiting.file));
    sequence.current++;
    setQueue([]);
    setOverrides({});
    setState(IDLE);
  }, [enqueue, file, overrides, queue]);

  const dialog = front ? (
    <PreviewDialog
      key={front.id}
      file={front.file}
      waiting={queue.length - 1}
      state={state}
      overrides={overrides}
      onChange={setOverrides}
      onLoad={load}
      onLoadAll={loadAll}
      onCancel={advance}
    />
  ) : null;
  return { open, dialog };
}
