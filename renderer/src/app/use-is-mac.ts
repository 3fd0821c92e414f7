import { useEffect, useState } from 'react';
import { guessIsMac } from '../lib/platform-keys';
import type { WorkbenchPlatform } from '../platform';

/** macOS binds and shows ⌘ instead of Ctrl. Electron knows for sure; the browser guesses. */
export function useIsMac(platform: WorkbenchPlatform): boolean {
  const [isMac, setIsMac] = useState(guessIsMac);
  useEffect(() => {
    let isCurrent = true;
    platform
      .appInfo()
      .then((info) => {
        if (isCurrent && info.platform !== 'web') setIsMac(info.platform === 'darwin');
      })
      .catch(() => undefined);
    return () => {
      isCurrent = false;
    };
  }, [platform]);
  return isMac;
}
