/**
 * The native menu, built from shared/commands.ts so the menu and the
 * renderer's shortcut help cannot disagree. Chosen items are sent to the
 * renderer as `wb:menu.command`; the renderer decides what each does.
 */
import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { COMMANDS, formatAccelerator, type CommandId, type KnownCommand, type MenuGroup } from '../../shared/commands';
import { MENU_COMMAND_CHANNEL, type IpcEvents } from '../../shared/ipc/contract';

export interface MenuOptions {
  readonly isMac: boolean;
  readonly isDevToolsAllowed: boolean;
  /** The window that should receive commands (the focused one, else the main window). */
  readonly targetWindow: () => BrowserWindow | null;
}

export function sendMenuCommand(window: BrowserWindow, command: IpcEvents[typeof MENU_COMMAND_CHANNEL]): void {
  window.webContents.send(MENU_COMMAND_CHANNEL, command);
}

function commandItem(command: KnownCommand, options: MenuOptions): MenuItemConstructorOptions {
  const send = (id: CommandId): void => {
    const window = options.targetWindow();
    if (window !== null) sendMenuCommand(window, id);
  };
  switch (command.binding) {
    case 'send':
      return { id: command.id, label: command.label, accelerator: command.accelerator, click: () => send(command.id) };
    case 'copy-role':
      // The native role keeps Cmd/Ctrl+C working in text fields; the renderer maps the DOM copy event to grid.copy.
      return { id: command.id, role: 'copy', label: command.label, accelerator: command.accelerator };
    case 'hint':
      // No accelerator: the key (Escape) must keep reaching the page; only the label shows it.
      return {
        id: command.id,
        label: `${command.label} (${formatAccelerator(command.accelerator, options.isMac)})`,
        click: () => send(command.id),
      };
  }
}

function itemsFor(group: MenuGroup, options: MenuOptions): MenuItemConstructorOptions[] {
  return COMMANDS.filter((command) => command.menu === group).map((command) => commandItem(command, options));
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  const developer: MenuItemConstructorOptions[] = options.isDevToolsAllowed
    ? [separator, { role: 'reload' }, { role: 'toggleDevTools' }]
    : [];
  const appMenu: MenuItemConstructorOptions[] = options.isMac ? [{ role: 'appMenu' }] : [];
  const editItems = itemsFor('edit', options);
  return [
    ...appMenu,
    { label: '&File', submenu: [...itemsFor('file', options), separator, options.isMac ? { role: 'close' } : { role: 'quit' }] },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        separator,
        { role: 'cut' },
        ...editItems.filter((item) => item.role === 'copy'),
        { role: 'paste' },
        { role: 'selectAll' },
        separator,
        ...editItems.filter((item) => item.role !== 'copy'),
      ],
    },
    {
      label: '&View',
      submenu: [...itemsFor('view', options), separator, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { role: 'togglefullscreen' }, ...developer],
    },
    { role: 'windowMenu' },
    { label: '&Help', role: 'help', submenu: itemsFor('help', options) },
  ];
}

export function installAppMenu(options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(options)));
}
