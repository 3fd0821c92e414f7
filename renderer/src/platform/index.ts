/**
 * The platform entry point for the React app: Electron when the preload has
 * exposed `window.workbench`, the browser implementation otherwise.
 */
import { createBrowserPlatform } from './browser-platform';
import { createElectronPlatform } from './electron-platform';
import type { WorkbenchPlatform } from './platform';

export type { WorkbenchPlatform } from './platform';

let cached: WorkbenchPlatform | null = null;

export function getPlatform(): WorkbenchPlatform {
  if (cached === null) {
    const bridge = window.workbench;
    cached = bridge === undefined ? createBrowserPlatform() : createElectronPlatform(bridge);
  }
  return cached;
}
