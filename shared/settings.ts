/**
 * Settings schema, defaults and normalisation, used by Electron main (over
 * electron-store) and by the browser host (over localStorage). Reading is
 * lenient (a bad field falls back to its default, never the whole file);
 * patching over IPC is strict (a bad field is an error).
 */
import { MAX_PATH_LENGTH, expectOnlyKeys, expectRecord, fail, isIntegerInRange, isPlainRecord } from './ipc/guards';

const MIB = 1024 * 1024;
const GIB = 1024 * MIB;

export type Theme = 'system' | 'light' | 'dark';

export interface WindowBounds {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly isMaximized: boolean;
}

export interface Settings {
  /** Bumped with a pure migration when a field changes meaning (conf's own migrations are unsupported upstream). */
  readonly schemaVersion: 1;
  readonly theme: Theme;
  /** Last normal (unmaximised) bounds; null until the window has closed once. */
  readonly windowBounds: WindowBounds | null;
  readonly sidebarWidth: number;
  readonly isSidebarVisible: boolean;
  /** Database size at which the import warns (about 10M rows of a 12-column export). */
  readonly importWarnBytes: number;
  /** Database size at which the import stops cleanly; sql.js crashes the renderer at about 3.4 GiB. */
  readonly importBudgetBytes: number;
  /** Folder of the last successful export; main sets it from the native dialog's answer only. */
  readonly lastExportDir: string | null;
}

/**
 * Keys only Electron main writes. Window bounds come from the window itself,
 * and the export folder from a path the user picked in a native dialog (main
 * acts only on paths it issued), so the renderer may not patch them.
 */
export type MainOwnedSettingKey = 'schemaVersion' | 'windowBounds' | 'lastExportDir';
export type SettingsPatch = Partial<Omit<Settings, MainOwnedSettingKey>>;
type PatchKey = keyof SettingsPatch;

export const SETTINGS_LIMITS = {
  sidebarWidth: { min: 160, max: 800 },
  // Above 3 GiB sql.js' doubling copies crash the renderer before the budget can stop the import.
  importBytes: { min: 64 * MIB, max: 3 * GIB },
  windowSize: { min: 400, max: 32_000 },
  windowPosition: { min: -32_000, max: 32_000 },
} as const;

export const DEFAULT_SETTINGS: Settings = {
  schemaVersion: 1,
  theme: 'system',
  windowBounds: null,
  sidebarWidth: 280,
  isSidebarVisible: true,
  importWarnBytes: 1.5 * GIB,
  importBudgetBytes: 2.5 * GIB,
  lastExportDir: null,
};

function isTheme(value: unknown): value is Theme {
  return value === 'system' || value === 'light' || value === 'dark';
}

function isWindowBounds(value: unknown): value is WindowBounds {
  if (!isPlainRecord(value)) return false;
  const { windowSize: size, windowPosition: position } = SETTINGS_LIMITS;
  return (
    isIntegerInRange(value['x'], position.min, position.max) &&
    isIntegerInRange(value['y'], position.min, position.max) &&
    isIntegerInRange(value['width'], size.min, size.max) &&
    isIntegerInRange(value['height'], size.min, size.max) &&
    typeof value['isMaximized'] === 'boolean'
  );
}

function isStoredPath(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_PATH_LENGTH && !value.includes('\u0000');
}

function isImportBytes(value: unknown): value is number {
  return isIntegerInRange(value, SETTINGS_LIMITS.importBytes.min, SETTINGS_LIMITS.importBytes.max);
}

type FieldGuards = { readonly [K in keyof Settings]: (value: unknown) => value is Settings[K] };

const FIELD_GUARDS: FieldGuards = {
  schemaVersion: (value): value is 1 => value === 1,
  theme: isTheme,
  windowBounds: (value): value is WindowBounds | null => value === null || isWindowBounds(value),
  sidebarWidth: (value): value is number => isIntegerInRange(value, SETTINGS_LIMITS.sidebarWidth.min, SETTINGS_LIMITS.sidebarWidth.max),
  isSidebarVisible: (value): value is boolean => typeof value === 'boolean',
  importWarnBytes: isImportBytes,
  importBudgetBytes: isImportBytes,
  lastExportDir: (value): value is string | null => value === null || isStoredPath(value),
};

const PATCH_KEYS = ['theme', 'sidebarWidth', 'isSidebarVisible', 'importWarnBytes', 'importBudgetBytes'] as const satisfies readonly PatchKey[];
// Compile-time check that PATCH_KEYS lists every patchable key.
const isPatchKeyListComplete: [Exclude<PatchKey, (typeof PATCH_KEYS)[number]>] extends [never] ? true : false = true;
void isPatchKeyListComplete;

function isPatchKey(key: string): key is PatchKey {
  return PATCH_KEYS.some((candidate) => candidate === key);
}

function pick<K extends keyof Settings>(source: Record<string, unknown>, key: K): Settings[K] {
  const value = source[key];
  const guard: (value: unknown) => value is Settings[K] = FIELD_GUARDS[key];
  return guard(value) ? value : DEFAULT_SETTINGS[key];
}

/** Lenient read of stored settings: never throws; each invalid field falls back to its default. */
export function normalizeSettings(raw: unknown): Settings {
  const source = isPlainRecord(raw) ? raw : {};
  const settings: Settings = {
    schemaVersion: 1,
    theme: pick(source, 'theme'),
    windowBounds: pick(source, 'windowBounds'),
    sidebarWidth: pick(source, 'sidebarWidth'),
    isSidebarVisible: pick(source, 'isSidebarVisible'),
    importWarnBytes: pick(source, 'importWarnBytes'),
    importBudgetBytes: pick(source, 'importBudgetBytes'),
    lastExportDir: pick(source, 'lastExportDir'),
  };
  // A warning above the budget would never fire; keep the pair consistent.
  return settings.importWarnBytes > settings.importBudgetBytes
    ? { ...settings, importWarnBytes: settings.importBudgetBytes }
    : settings;
}

function copyField<K extends PatchKey>(patch: SettingsPatch, key: K, value: unknown): void {
  const guard: (value: unknown) => value is Settings[K] = FIELD_GUARDS[key];
  if (!guard(value)) fail(`settings.${key}: invalid value`);
  patch[key] = value;
}

/** Strict parse of a patch from the renderer: unknown, main-owned or invalid keys throw. */
export function parseSettingsPatch(raw: unknown): SettingsPatch {
  const record = expectRecord(raw, 'settings patch');
  expectOnlyKeys(record, PATCH_KEYS, 'settings patch');
  const patch: SettingsPatch = {};
  for (const key of Object.keys(record)) {
    if (isPatchKey(key)) copyField(patch, key, record[key]);
  }
  return patch;
}

/** Merge then re-normalise, so cross-field rules (warn ≤ budget) hold after every update. */
export function applySettingsPatch(current: Settings, patch: Partial<Settings>): Settings {
  return normalizeSettings({ ...current, ...patch, schemaVersion: 1 });
}
