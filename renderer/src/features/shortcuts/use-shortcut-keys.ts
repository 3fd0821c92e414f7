import { useEffect } from 'react';
import { COMMANDS, matchesAccelerator, type CommandId } from '../../../../shared/commands';
import { isModalOpen } from '../../components/Dialog';
import type { WorkbenchPlatform } from '../../platform';
import { useLatest } from '../../lib/use-latest';

/** Runs a command; returns false when it did not apply (so the key keeps its normal meaning). */
export type CommandRunner = (id: CommandId) => boolean;

/** True for fields that own plain keys (a filter box, the regex field), so single-letter shortcuts stay out of them. */
export function isEditable(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || (target instanceof HTMLElement && target.isContentEditable);
}

/**
 * Binds the shared command list to keys and to the native menu. In Electron
 * the menu owns the `send` accelerators and reports them through
 * onMenuCommand, so binding them here too would run each command twice; the
 * browser has no menu, so the renderer binds them itself. `copy-role`
 * commands are left to the DOM copy event (see use-grid-copy).
 */
export function useShortcutKeys(platform: WorkbenchPlatform, isMac: boolean, run: CommandRunner): void {
  const runRef = useLatest(run);

  useEffect(() => platform.onMenuCommand((id) => void runRef.current(id)), [platform, runRef]);

  useEffect(() => {
    const bound = COMMANDS.filter((command) => command.binding === 'hint' || (command.binding === 'send' && platform.kind === 'browser'));
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat) return;
      const command = bound.find((candidate) => matchesAccelerator(event, candidate.accelerator, isMac));
      if (!command) return;
      // Unmodified keys (Escape) belong to whatever has focus first: a dialog, a filter input, a menu.
      const isPlainKey = !command.accelerator.includes('+');
      if (isPlainKey && (isEditable(event.target) || isModalOpen())) return;
      if (!isPlainKey && isModalOpen() && command.id !== 'view.shortcuts') return;
      if (runRef.current(command.id)) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [platform, isMac, runRef]);
}
