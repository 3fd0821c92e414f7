/**
 * The main BrowserWindow: locked-down webPreferences, bounds restored from
 * and saved to settings, content from app://bundle (or the Vite dev server in
 * an unpackaged run).
 */
import { BrowserWindow, screen } from 'electron';
import type { WindowBounds } from '../../shared/settings';
import { restoreWindowPlacement } from './window-state';

export interface MainWindowOptions {
  readonly preloadPath: string;
  readonly startUrl: string;
  readonly savedBounds: WindowBounds | null;
  readonly isDevToolsAllowed: boolean;
  /** Called once when the window closes, with its normal (unmaximised) bounds. */
  readonly onCloseBounds: (bounds: WindowBounds) => void;
}

function captureBounds(window: BrowserWindow): WindowBounds {
  const normal = window.getNormalBounds();
  return {
    x: Math.round(normal.x),
    y: Math.round(normal.y),
    width: Math.round(normal.width),
    height: Math.round(normal.height),
    isMaximized: window.isMaximized(),
  };
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const placement = restoreWindowPlacement(
    options.savedBounds,
    screen.getAllDisplays().map((display) => display.workArea),
  );
  const window = new BrowserWindow({
    ...placement.bounds,
    minWidth: 640,
    minHeight: 400,
    title: 'Recon Workbench',
    // Shown on ready-to-show, so the user never sees a blank white frame.
    show: false,
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: options.isDevToolsAllowed,
    },
  });
  window.once('ready-to-show', () => {
    if (placement.isMaximized) window.maximize();
    window.show();
  });
  window.on('close', () => options.onCloseBounds(captureBounds(window)));
  window.loadURL(options.startUrl).catch((error: unknown) => {
    console.error(`[window] could not load ${options.startUrl}: ${String(error)}`);
  });
  return window;
}
