import { useCallback, useEffect, useRef, type RefObject } from 'react';
import type { GridQuery } from '../../../../shared/engine/api';
import type { EngineClient } from '../../engine/client';
import { useLatest } from '../../lib/use-latest';
import { formatCount } from '../../lib/format';
import { writeClipboard } from './clipboard';
import type { GridMessageTone } from './grid-handle';
import type { SelectionStore } from './selection-store';

function isTextInput(element: Element | null): boolean {
  return element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || (element instanceof HTMLElement && element.isContentEditable);
}

/**
 * Copy of the selected range as TSV, in the current sort and filter, read
 * from the engine (rows off-screen are not in the grid's memory). Bound to
 * the DOM `copy` event (Electron's Edit ▸ Copy role and the browser's own
 * Ctrl/Cmd+C both raise it), with a keydown fallback for hosts that skip the
 * event when nothing is text-selected.
 */
export function useGridCopy(
  client: EngineClient,
  store: SelectionStore,
  queryRef: RefObject<GridQuery | null>,
  containerRef: RefObject<HTMLElement | null>,
  onMessage: (text: string, tone: GridMessageTone) => void,
): () => void {
  const onMessageRef = useLatest(onMessage);
  const isHandledRef = useRef(false);

  const copySelection = useCallback(() => {
    const bounds = store.bounds();
    const query = queryRef.current;
    if (!bounds || !query) return;
    const cells = (bounds.rowEnd - bounds.rowStart + 1) * bounds.colIds.length;
    void client
      .rangeTsv({ ...query, columns: [...bounds.colIds], startRow: bounds.rowStart, endRow: bounds.rowEnd })
      .then((text) => writeClipboard(text))
      .then(() => onMessageRef.current(`Copied ${formatCount(cells)} ${cells === 1 ? 'cell' : 'cells'}`, 'info'))
      .catch((error: unknown) => onMessageRef.current(`Copy failed: ${error instanceof Error ? error.message : String(error)}`, 'error'));
  }, [client, store, queryRef, onMessageRef]);

  useEffect(() => {
    const isGridFocused = () => {
      const active = document.activeElement;
      return containerRef.current !== null && active !== null && containerRef.current.contains(active) && !isTextInput(active);
    };
    const onCopy = (event: ClipboardEvent) => {
      if (!isGridFocused() || !store.bounds()) return;
      event.preventDefault();
      isHandledRef.current = true;
      copySelection();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'c' || !(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey) return;
      if (!isGridFocused() || !store.bounds()) return;
      isHandledRef.current = false;
      // The copy event, if the host raises it, arrives before this timeout.
      window.setTimeout(() => {
        if (!isHandledRef.current) copySelection();
      }, 0);
    };
    document.addEventListener('copy', onCopy);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [containerRef, copySelection, store]);

  return copySelection;
}
