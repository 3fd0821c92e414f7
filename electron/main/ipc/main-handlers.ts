/**
 * Thin wiring: binds the electron-free domain handlers to Electron's dialog,
 * app paths and the settings store. Kept apart from the handlers so they
 * stay testable in plain Node.
 */
import { app, BrowserWindow, dialog, type SaveDialogOptions } from 'electron';
import { writeFileAtomic } from '../atomic-write';
import type { AppStores } from '../settings-store';
import { createAppInfoHandlers } from './app-info';
import { createFileHandlers } from './files';
import { createPrintHandlers } from './print';
import { createRecentHandlers } from './recent';
import { createSettingsHandlers, readSettings, writeSettings } from './settings';
import type { ExportDirectory, IpcHandlers, SaveDialog, WriteFile } from './types';

const showSaveDialog: SaveDialog = async ({ defaultPath, filters }) => {
  const options: SaveDialogOptions = {
    defaultPath,
    filters: filters.map((filter) => ({ name: filter.name, extensions: [...filter.extensions] })),
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const parent = BrowserWindow.getFocusedWindow();
  const result = parent === null ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(parent, options);
  return result.canceled || result.filePath === undefined || result.filePath === '' ? null : result.filePath;
};

const writeAtomically: WriteFile = (targetPath, data) => writeFileAtomic(targetPath, data);

export function createMainHandlers(stores: AppStores): IpcHandlers {
  const exportDirectory: ExportDirectory = {
    current: () => readSettings(stores.settings).lastExportDir ?? app.getPath('documents'),
    remember: (directory) => {
      writeSettings(stores.settings, { lastExportDir: directory });
    },
  };
  const fileDeps = { showSaveDialog, writeFileAtomic: writeAtomically, exportDirectory };
  return {
    ...createFileHandlers(fileDeps),
    ...createPrintHandlers(fileDeps),
    ...createSettingsHandlers(stores.settings),
    ...createRecentHandlers({ store: stores.recentFiles, now: () => new Date() }),
    ...createAppInfoHandlers({ version: app.getVersion(), platform: process.platform, isPackaged: app.isPackaged }),
  };
}
