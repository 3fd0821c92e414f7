/**
 * The app's commands: one list feeds both the native menu (electron/main/menu.ts)
 * and the renderer's shortcut help, so a key shown to the user is the key bound.
 */

/** Which menu a command appears in. */
export type MenuGroup = 'file' | 'edit' | 'view' | 'help';

/**
 * How the native menu binds the command's key.
 * - `send`: the menu owns the accelerator and sends `wb:menu.command`.
 * - `copy-role`: the menu item uses Electron's `copy` role, because a custom
 *   CmdOrCtrl+C handler would break copying in text fields; the renderer turns
 *   the DOM `copy` event into `grid.copy` when the grid has focus.
 * - `hint`: the key is only shown; the renderer handles it (Escape must keep
 *   reaching dialogs and inputs, so the menu must not swallow it).
 */
export type MenuBinding = 'send' | 'copy-role' | 'hint';

export interface AppCommand {
  readonly id: string;
  readonly label: string;
  /** Electron accelerator syntax (`CmdOrCtrl+Shift+L`). */
  readonly accelerator: string;
  readonly menu: MenuGroup;
  readonly binding: MenuBinding;
}

export const COMMANDS = [
  { id: 'file.open', label: 'Open File…', accelerator: 'CmdOrCtrl+O', menu: 'file', binding: 'send' },
  { id: 'file.loadSample', label: 'Load Sample Data', accelerator: 'CmdOrCtrl+Shift+L', menu: 'file', binding: 'send' },
  { id: 'file.exportCsv', label: 'Export CSV…', accelerator: 'CmdOrCtrl+E', menu: 'file', binding: 'send' },
  { id: 'app.printPdf', label: 'Print to PDF…', accelerator: 'CmdOrCtrl+P', menu: 'file', binding: 'send' },
  { id: 'import.cancel', label: 'Cancel Import or Match', accelerator: 'Escape', menu: 'edit', binding: 'hint' },
  { id: 'grid.copy', label: 'Copy', accelerator: 'CmdOrCtrl+C', menu: 'edit', binding: 'copy-role' },
  { id: 'grid.autosize', label: 'Autosize Columns', accelerator: 'CmdOrCtrl+Shift+A', menu: 'view', binding: 'send' },
  { id: 'grid.clearFilters', label: 'Clear Filters', accelerator: 'CmdOrCtrl+Shift+F', menu: 'view', binding: 'send' },
  { id: 'view.toggleSidebar', label: 'Toggle Sidebar', accelerator: 'CmdOrCtrl+B', menu: 'view', binding: 'send' },
  // Not CmdOrCtrl+M: on macOS that is the Window menu's Minimize, which users expect to keep.
  { id: 'view.match', label: 'Toggle Match View', accelerator: 'CmdOrCtrl+Shift+M', menu: 'view', binding: 'send' },
  { id: 'match.nextDifference', label: 'Next Difference', accelerator: 'F8', menu: 'view', binding: 'send' },
  { id: 'match.previousDifference', label: 'Previous Difference', accelerator: 'Shift+F8', menu: 'view', binding: 'send' },
  { id: 'view.shortcuts', label: 'Keyboard Shortcuts', accelerator: 'CmdOrCtrl+/', menu: 'help', binding: 'send' },
] as const satisfies readonly AppCommand[];

export type KnownCommand = (typeof COMMANDS)[number];
export type CommandId = KnownCommand['id'];

/** Runtime guard for ids arriving over IPC (the menu event is checked in the preload). */
export function isCommandId(value: unknown): value is CommandId {
  return typeof value === 'string' && COMMANDS.some((command) => command.id === value);
}

export function findCommand(id: CommandId): AppCommand {
  const command = COMMANDS.find((candidate) => candidate.id === id);
  if (command === undefined) throw new Error(`unknown command ${id}`);
  return command;
}

/** The subset of a KeyboardEvent this module reads (shared/ cannot see the DOM types). */
export interface KeyChord {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

interface ParsedAccelerator {
  readonly key: string;
  readonly isPrimary: boolean;
  readonly isShift: boolean;
  readonly isAlt: boolean;
}

function parseAccelerator(accelerator: string): ParsedAccelerator {
  const parts = accelerator.split('+');
  const key = parts[parts.length - 1] ?? '';
  return {
    key: key.toLowerCase(),
    isPrimary: parts.includes('CmdOrCtrl'),
    isShift: parts.includes('Shift'),
    isAlt: parts.includes('Alt'),
  };
}

/**
 * True when a key event is the command's accelerator. The browser host has no
 * native menu, so the renderer binds keys itself with this.
 */
export function matchesAccelerator(chord: KeyChord, accelerator: string, isMac: boolean): boolean {
  const parsed = parseAccelerator(accelerator);
  const isPrimaryDown = isMac ? chord.metaKey : chord.ctrlKey;
  const isOtherModifierDown = isMac ? chord.ctrlKey : chord.metaKey;
  return (
    chord.key.toLowerCase() === parsed.key &&
    isPrimaryDown === parsed.isPrimary &&
    !isOtherModifierDown &&
    chord.shiftKey === parsed.isShift &&
    chord.altKey === parsed.isAlt
  );
}

/** Human form for the shortcut help: `⌘⇧L` on macOS, `Ctrl+Shift+L` elsewhere. */
export function formatAccelerator(accelerator: string, isMac: boolean): string {
  const macSymbols: Record<string, string> = { CmdOrCtrl: '⌘', Shift: '⇧', Alt: '⌥', Escape: 'Esc' };
  const otherNames: Record<string, string> = { CmdOrCtrl: 'Ctrl', Escape: 'Esc' };
  const parts = accelerator.split('+').map((part) => (isMac ? macSymbols[part] : otherNames[part]) ?? part);
  return parts.join(isMac ? '' : '+');
}
