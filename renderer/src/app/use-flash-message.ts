import { useCallback, useEffect, useRef, useState } from 'react';
import type { GridMessageTone } from '../features/grid/grid-handle';

export interface FlashMessage {
  readonly text: string;
  readonly tone: GridMessageTone;
}

const SHOW_MS = { info: 3000, error: 8000 } as const;

/** A short status-bar message ("Copied 30 cells") that clears itself. */
export function useFlashMessage(): [FlashMessage | null, (text: string, tone: GridMessageTone) => void] {
  const [message, setMessage] = useState<FlashMessage | null>(null);
  const timerRef = useRef<number | undefined>(undefined);
  const flash = useCallback((text: string, tone: GridMessageTone) => {
    window.clearTimeout(timerRef.current);
    setMessage({ text, tone });
    timerRef.current = window.setTimeout(() => setMessage(null), SHOW_MS[tone]);
  }, []);
  useEffect(() => () => window.clearTimeout(timerRef.current), []);
  return [message, flash];
}
