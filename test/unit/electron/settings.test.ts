import { existsSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecentHandlers } from '../../../electron/main/ipc/recent';
import { createSettingsHandlers, readSettings } from '../../../electron/main/ipc/settings';
import type { CallContext, KeyValueStore } from '../../../electron/main/ipc/types';
import { openStoreWithRecovery, quarantinePathFor } from '../../../electron/main/store-recovery';
import { DEFAULT_SETTINGS } from '../../../shared/settings';

const context: CallContext = { printPage: async () => new Uint8Array() };
const fixedNow = new Date('2024-05-06T07:08:09.010Z');
let directory = '';
let configPath = '';

beforeEach(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'wb-settings-'));
  configPath = path.join(directory, 'config.json');
});

afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

/** Behaves like conf: parses the file when opened and throws on bad JSON. */
function openJsonFile(filePath: string): KeyValueStore {
  let value: unknown = existsSync(filePath) ? JSON.parse(readFileSync(filePath, 'utf8')) : undefined;
  return {
    get: () => value,
    set: (next) => {
      value = next;
      writeFileSync(filePath, JSON.stringify(next));
    },
  };
}

function memoryStore(initial?: unknown): KeyValueStore {
  let value = initial;
  return { get: () => value, set: (next) => (value = next) };
}

describe('settings store recovery (RELIABILITY case 45)', () => {
  it('renames a corrupt file aside, starts on defaults and tells the user', async () => {
    writeFileSync(configPath, '{"settings": {"theme": "dark"'); // truncated JSON
    const opened = openStoreWithRecovery({
      open: () => openJsonFile(configPath),
      openInMemory: () => memoryStore(),
      filePath: configPath,
      rename: renameSync,
      now: () => fixedNow,
    });
    const quarantined = quarantinePathFor(configPath, fixedNow);
    expect(quarantined).toBe(`${configPath}.corrupt-2024-05-06T07-08-09-010Z`);
    expect(opened.quarantinedPath).toBe(quarantined);
    expect(opened.isPersistent).toBe(true);
    expect(opened.notice).toContain(quarantined);
    // The user's file is kept byte for byte, never wiped.
    expect(readFileSync(quarantined, 'utf8')).toBe('{"settings": {"theme": "dark"');
    expect(existsSync(configPath)).toBe(false);
    await expect(createSettingsHandlers(opened.store)['wb:settings.get'](null, context)).resolves.toEqual(DEFAULT_SETTINGS);
  });

  it('falls back to an in-memory store when the file cannot be replaced', () => {
    const opened = openStoreWithRecovery({
      open: () => {
        throw new Error('EACCES: permission denied');
      },
      openInMemory: () => memoryStore(),
      filePath: configPath,
      rename: renameSync,
      now: () => fixedNow,
    });
    expect(opened.isPersistent).toBe(false);
    expect(opened.notice).toContain('will not be saved');
    expect(readSettings(opened.store)).toEqual(DEFAULT_SETTINGS);
  });

  it('does the same with the real conf library that electron-store wraps', () => {
    writeFileSync(configPath, 'not json at all');
    const open = (): KeyValueStore => {
      const conf = new Conf<Record<string, unknown>>({ cwd: directory, configName: 'config', clearInvalidConfig: false });
      return { get: () => conf.get('settings'), set: (value) => conf.set('settings', value) };
    };
    const opened = openStoreWithRecovery({ open, openInMemory: () => memoryStore(), filePath: configPath, rename: renameSync, now: () => fixedNow });
    expect(opened.quarantinedPath).not.toBeNull();
    expect(readSettings(opened.store)).toEqual(DEFAULT_SETTINGS);
    opened.store.set({ ...DEFAULT_SETTINGS, theme: 'light' });
    expect(readdirSync(directory).sort()).toEqual(['config.json', path.basename(quarantinePathFor(configPath, fixedNow))]);
  });
});

describe('settings handlers', () => {
  it('normalises a stored value field by field and persists patches', async () => {
    const store = memoryStore({ theme: 'dark', sidebarWidth: 'wide' });
    const handlers = createSettingsHandlers(store);
    await expect(handlers['wb:settings.get'](null, context)).resolves.toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
    const updated = await handlers['wb:settings.update']({ sidebarWidth: 320 }, context);
    expect(updated).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', sidebarWidth: 320 });
    expect(store.get()).toEqual(updated);
  });
});

describe('recent-file handlers', () => {
  it('adds newest first, moves a re-opened file to the top and drops corrupt entries', async () => {
    const store = memoryStore([{ name: 'junk' }, 'garbage']);
    const handlers = createRecentHandlers({ store, now: () => fixedNow });
    await handlers['wb:recent.add']({ name: 'a.csv', path: '/d/a.csv', sizeBytes: 1 }, context);
    await handlers['wb:recent.add']({ name: 'b.csv', path: '/d/b.csv', sizeBytes: 2 }, context);
    const list = await handlers['wb:recent.add']({ name: 'a.csv', path: '/d/a.csv', sizeBytes: 1 }, context);
    expect(list.map((file) => file.name)).toEqual(['a.csv', 'b.csv']);
    expect(list[0]).toEqual({ name: 'a.csv', path: '/d/a.csv', sizeBytes: 1, openedAt: fixedNow.toISOString() });
    await expect(handlers['wb:recent.list'](null, context)).resolves.toEqual(list);
  });
});
