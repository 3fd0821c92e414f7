import type { WorkbenchBridge } from '../../../shared/ipc/bridge';

declare global {
  interface Window {
    /** Present only in Electron, where the preload exposes it; absent in the browser build. */
    readonly workbench?: WorkbenchBridge<File>;
  }
}

export {};
