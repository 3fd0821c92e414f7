import { useCallback, useEffect, useState } from 'react';
import { DEFAULT_SETTINGS, type Settings, type SettingsPatch } from '../../../shared/settings';
import type { WorkbenchPlatform } from '../platform';

/**
 * Settings from the host (electron-store or localStorage). The UI starts on
 * defaults and never waits for them; updates apply at once and are saved in
 * the background (a failed save must not undo what the user just did).
 */
export function useAppSettings(platform: WorkbenchPlatform): [Settings, (patch: SettingsPatch) => void] {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);

  useEffect(() => {
    let isCurrent = true;
    platform
      .getSettings()
      .then((loaded) => {
        if (isCurrent) setSettings(loaded);
      })
      .catch(() => undefined);
    return () => {
      isCurrent = false;
    };
  }, [platform]);

  const update = useCallback(
    (patch: SettingsPatch) => {
      setSettings((current) => ({ ...current, ...patch }));
      void platform.updateSettings(patch).catch(() => undefined);
    },
    [platform],
  );

  return [settings, update];
}
