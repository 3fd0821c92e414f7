import { describe, expect, it } from 'vitest';
import { COMMANDS, formatAccelerator, isCommandId, matchesAccelerator, type KeyChord } from '../../../shared/commands';

const chord = (key: string, modifiers: Partial<KeyChord> = {}): KeyChord => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...modifiers,
});

describe('commands', () => {
  it('have unique ids and unique accelerators', () => {
    expect(new Set(COMMANDS.map((command) => command.id)).size).toBe(COMMANDS.length);
    expect(new Set(COMMANDS.map((command) => command.accelerator)).size).toBe(COMMANDS.length);
  });

  it('guards ids arriving over IPC', () => {
    expect(isCommandId('file.open')).toBe(true);
    expect(isCommandId('file.delete')).toBe(false);
    expect(isCommandId({ id: 'file.open' })).toBe(false);
  });

  it('match key events per platform', () => {
    expect(matchesAccelerator(chord('o', { ctrlKey: true }), 'CmdOrCtrl+O', false)).toBe(true);
    expect(matchesAccelerator(chord('o', { metaKey: true }), 'CmdOrCtrl+O', true)).toBe(true);
    expect(matchesAccelerator(chord('o', { ctrlKey: true }), 'CmdOrCtrl+O', true)).toBe(false);
    expect(matchesAccelerator(chord('L', { ctrlKey: true, shiftKey: true }), 'CmdOrCtrl+Shift+L', false)).toBe(true);
    expect(matchesAccelerator(chord('l', { ctrlKey: true }), 'CmdOrCtrl+Shift+L', false)).toBe(false);
    expect(matchesAccelerator(chord('Escape'), 'Escape', false)).toBe(true);
    expect(matchesAccelerator(chord('/', { ctrlKey: true }), 'CmdOrCtrl+/', false)).toBe(true);
  });

  it('format accelerators for the shortcut help', () => {
    expect(formatAccelerator('CmdOrCtrl+Shift+L', true)).toBe('⌘⇧L');
    expect(formatAccelerator('CmdOrCtrl+Shift+L', false)).toBe('Ctrl+Shift+L');
    expect(formatAccelerator('Escape', false)).toBe('Esc');
  });
});
