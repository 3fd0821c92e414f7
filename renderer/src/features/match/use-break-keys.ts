import { useEffect } from 'react';
import { isModalOpen } from '../../components/Dialog';
import { useLatest } from '../../lib/use-latest';
import { isEditable } from '../shortcuts/use-shortcut-keys';

/**
 * `n` / `p` step through differences, as in a diff viewer. Single letters, so
 * they stay out of text fields and dialogs, and ignore modified keys (Ctrl+N
 * is the browser's). F8 / Shift+F8 are menu commands (shared/commands.ts).
 */
export function useBreakKeys(isActive: boolean, step: (direction: 1 | -1) => void): void {
  const stepRef = useLatest(step);
  useEffect(() => {
    if (!isActive) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isEditable(event.target) || isModalOpen()) return;
      const key = event.key.toLowerCase();
      if (key !== 'n' && key !== 'p') return;
      event.preventDefault();
      stepRef.current(key === 'n' ? 1 : -1);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [isActive, stepRef]);
}
