/**
 * Electron main: lifecycle only. Everything with logic lives in a module of
 * its own (security-policy, window, menu, ipc/*) so it can be read and tested
 * on its own.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, session } from 'electron';
import { ipcValidators } from '../../shared/ipc/validate';
import { registerAppProtocol, registerAppSchemePrivileges } from './app-protocol';
import { hardenSession, hardenWebContents } from './harden';
import { createIpcDispatcher } from './ipc/dispatcher';
import { registerIpcHandlers } from './ipc/handle';
import { createMainHandlers } from './ipc/main-handlers';
import { readSettings, writeSettings } from './ipc/settings';
import { installAppMenu } from './menu';
import { isTrustedSender, resolveDevServerUrl, resolveRendererEntry } from './security-policy';
import { openAppStores } from './settings-store';
import { createMainWindow } from './window';

const entry = resolveRendererEntry(resolveDevServerUrl(process.env['VITE_DEV_SERVER_URL'], app.isPackaged));
let mainWindow: BrowserWindow | null = null;

// Tests run each launch against a throw-away profile; never honoured in a packaged build.
const testUserData = process.env['WB_USER_DATA_DIR'];
if (!app.isPackaged && testUserData !== undefined && testUserData !== '') app.setPath('userData', testUserData);

registerAppSchemePrivileges();

app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, entry.trustedOrigins));

function openMainWindow(stores: ReturnType<typeof openAppStores>): void {
  const window = createMainWindow({
    // app.getAppPath() is the project root in development and the asar root when packaged.
    preloadPath: path.join(app.getAppPath(), 'dist', 'electron', 'preload.cjs'),
    startUrl: entry.startUrl,
    savedBounds: readSettings(stores.settings).windowBounds,
    isDevToolsAllowed: !app.isPackaged,
    onCloseBounds: (bounds) => writeSettings(stores.settings, { windowBounds: bounds }),
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  mainWindow = window;
  if (stores.notice !== null) {
    const notice = stores.notice;
    window.once('ready-to-show', () => {
      void dialog.showMessageBox(window, { type: 'warning', message: 'Settings were reset', detail: notice });
    });
  }
}

async function start(): Promise<void> {
  await app.whenReady();
  hardenSession(session.defaultSession, entry.trustedOrigins);
  registerAppProtocol(path.join(app.getAppPath(), 'dist', 'renderer'));
  const stores = openAppStores(app.getPath('userData'));
  const dispatch = createIpcDispatcher({
    validators: ipcValidators,
    handlers: createMainHandlers(stores),
    isTrustedSender: (sender) => isTrustedSender(sender, entry.trustedOrigins),
    onUnexpectedError: (channel, error) => console.error(`[ipc] ${channel} failed:`, error),
  });
  registerIpcHandlers(dispatch);
  installAppMenu({
    isMac: process.platform === 'darwin',
    isDevToolsAllowed: !app.isPackaged,
    targetWindow: () => BrowserWindow.getFocusedWindow() ?? mainWindow,
  });
  openMainWindow(stores);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow(stores);
  });
}

// A second launch (e.g. a file association) focuses the running window instead of racing it for the settings file.
if (app.requestSingleInstanceLock()) {
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  start().catch((error: unknown) => {
    console.error('[main] startup failed:', error);
    dialog.showErrorBox('Recon Workbench could not start', String(error));
    app.exit(1);
  });
} else {
  app.quit();
}
