/**
 * wb:settings.get / wb:settings.update over a tiny key-value store. Reads are
 * normalised, so a hand-edited or older file yields valid settings field by
 * field; the renderer's patch was already validated strictly.
 */
import { applySettingsPatch, normalizeSettings, type Settings } from '../../../shared/settings';
import type { IpcHandlers, KeyValueStore } from './types';

export function readSettings(store: KeyValueStore): Settings {
  return normalizeSettings(store.get());
}

/** Also used by main for its own keys (window bounds, last export folder). */
export function writeSettings(store: KeyValueStore, patch: Partial<Settings>): Settings {
  const next = applySettingsPatch(readSettings(store), patch);
  store.set(next);
  return next;
}

export function createSettingsHandlers(store: KeyValueStore): Pick<IpcHandlers, 'wb:settings.get' | 'wb:settings.update'> {
  return {
    'wb:settings.get': async () => readSettings(store),
    'wb:settings.update': async (patch) => writeSettings(store, patch),
  };
}
