import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../shared/ipc/contract';
import { ValidationError } from '../../../shared/ipc/guards';
import { MAX_SAVE_BYTES, ipcValidators } from '../../../shared/ipc/validate';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../../shared/settings';

function rejects(run: () => unknown): void {
  expect(run).toThrow(ValidationError);
}

describe('validator table', () => {
  it('has exactly one validator per channel', () => {
    expect(Object.keys(ipcValidators).sort()).toEqual([...CHANNELS].sort());
  });

  it.each(CHANNELS)('%s rejects hostile non-values', (channel) => {
    for (const hostile of [undefined, 42, 'x', [], () => 1, Symbol('s'), new Date(0)]) {
      rejects(() => ipcValidators[channel](hostile));
    }
  });
});

describe('wb:file.save', () => {
  const validate = ipcValidators['wb:file.save'];
  const good = { suggestedName: 'matches-2024-05.csv', data: 'a,b\n1,2\n' };

  it('accepts text, bytes and filters, returning only known fields', () => {
    expect(validate(good)).toEqual(good);
    const bytes = new Uint8Array([1, 2, 3]);
    expect(validate({ suggestedName: 'db.sqlite', data: bytes }).data).toBe(bytes);
    const filters = [{ name: 'CSV files', extensions: ['csv', 'txt'] }, { name: 'All', extensions: ['*'] }];
    expect(validate({ ...good, filters })).toEqual({ ...good, filters });
  });

  it.each([
    ['../escape.csv'],
    ['dir/file.csv'],
    ['dir\\file.csv'],
    ['..'],
    ['a..b.csv'],
    ['C:report.csv'],
    [''],
    [' leading.csv'],
    ['trailing.'],
    ['nul\u0000.csv'],
    ['new\nline.csv'],
    ['CON'],
    ['lpt1.txt'],
    ['x'.repeat(256)],
  ])('rejects suggestedName %j', (suggestedName) => {
    rejects(() => validate({ ...good, suggestedName }));
  });

  it('accepts a 255-character name', () => {
    expect(validate({ ...good, suggestedName: `${'x'.repeat(251)}.csv` }).suggestedName).toHaveLength(255);
  });

  it('rejects wrong data types and oversize data', () => {
    rejects(() => validate({ ...good, data: 12 }));
    rejects(() => validate({ ...good, data: [1, 2, 3] }));
    rejects(() => validate({ ...good, data: new ArrayBuffer(4) }));
    rejects(() => validate({ ...good, data: { length: 1 } }));
    // A view that claims more than the limit, without allocating 512 MiB in the test.
    const oversize = new Uint8Array(1);
    Object.defineProperty(oversize, 'byteLength', { value: MAX_SAVE_BYTES + 1 });
    rejects(() => validate({ ...good, data: oversize }));
  });

  it('rejects unknown keys, including prototype tricks', () => {
    rejects(() => validate({ ...good, path: '/etc/passwd' }));
    rejects(() => validate(JSON.parse('{"suggestedName":"a.csv","data":"x","__proto__":{"polluted":true}}')));
    rejects(() => validate(Object.assign(Object.create({ inherited: 1 }), good)));
  });

  it('rejects malformed filters', () => {
    rejects(() => validate({ ...good, filters: 'csv' }));
    rejects(() => validate({ ...good, filters: [{ name: 'CSV', extensions: ['.csv'] }] }));
    rejects(() => validate({ ...good, filters: [{ name: 'CSV', extensions: ['c/v'] }] }));
    rejects(() => validate({ ...good, filters: [{ name: 'CSV', extensions: 'csv' }] }));
    rejects(() => validate({ ...good, filters: [{ name: 'CSV', extensions: ['csv'], extra: 1 }] }));
    rejects(() => validate({ ...good, filters: Array.from({ length: 17 }, () => ({ name: 'n', extensions: ['a'] })) }));
  });
});

describe('wb:settings.update', () => {
  const validate = ipcValidators['wb:settings.update'];

  it('accepts a partial patch of renderer-owned keys', () => {
    expect(validate({ theme: 'dark', sidebarWidth: 300 })).toEqual({ theme: 'dark', sidebarWidth: 300 });
    expect(validate({})).toEqual({});
  });

  it.each([
    [{ theme: 'neon' }],
    [{ sidebarWidth: 12 }],
    [{ sidebarWidth: 300.5 }],
    [{ sidebarWidth: '300' }],
    [{ isSidebarVisible: 'yes' }],
    [{ importBudgetBytes: 8 * 1024 ** 3 }],
    [{ importBudgetBytes: Number.NaN }],
    [{ lastExportDir: '/tmp' }],
    [{ windowBounds: { x: 0, y: 0, width: 800, height: 600, isMaximized: false } }],
    [{ schemaVersion: 2 }],
    [{ unknownKey: true }],
    [null],
  ])('rejects %j', (patch) => {
    rejects(() => validate(patch));
  });
});

describe('wb:recent.add', () => {
  const validate = ipcValidators['wb:recent.add'];

  it('accepts a name and size with or without a path', () => {
    expect(validate({ name: 'stl.csv', sizeBytes: 10 })).toEqual({ name: 'stl.csv', sizeBytes: 10 });
    expect(validate({ name: 'stl.csv', path: '/data/stl.csv', sizeBytes: 0 })).toEqual({
      name: 'stl.csv',
      path: '/data/stl.csv',
      sizeBytes: 0,
    });
  });

  it.each([
    [{ name: '', sizeBytes: 1 }],
    [{ name: 'x'.repeat(256), sizeBytes: 1 }],
    [{ name: 'a.csv', sizeBytes: -1 }],
    [{ name: 'a.csv', sizeBytes: 1.5 }],
    [{ name: 'a.csv', sizeBytes: Number.MAX_SAFE_INTEGER + 2 }],
    [{ name: 'a.csv', sizeBytes: 1, path: 'x'.repeat(4097) }],
    [{ name: 'a.csv', sizeBytes: 1, path: '/a\u0000b' }],
    [{ name: 'a.csv', sizeBytes: 1, openedAt: 'now' }],
  ])('rejects %j', (entry) => {
    rejects(() => validate(entry));
  });
});

describe('wb:print.toPdf and no-argument channels', () => {
  it('checks the PDF name like a save name', () => {
    expect(ipcValidators['wb:print.toPdf']({ suggestedName: 'report.pdf' })).toEqual({ suggestedName: 'report.pdf' });
    rejects(() => ipcValidators['wb:print.toPdf']({ suggestedName: '../../report.pdf' }));
    rejects(() => ipcValidators['wb:print.toPdf']({ suggestedName: 'r.pdf', landscape: true }));
  });

  it.each(['wb:settings.get', 'wb:recent.list', 'wb:app.info'] as const)('%s accepts only null', (channel) => {
    expect(ipcValidators[channel](null)).toBeNull();
    rejects(() => ipcValidators[channel]({}));
    rejects(() => ipcValidators[channel](0));
  });
});

describe('normalizeSettings (lenient read)', () => {
  it('yields defaults for garbage and keeps valid fields of a partly bad file', () => {
    expect(normalizeSettings('not an object')).toEqual(DEFAULT_SETTINGS);
    expect(normalizeSettings({ theme: 'dark', sidebarWidth: -5, importBudgetBytes: 'lots' })).toEqual({
      ...DEFAULT_SETTINGS,
      theme: 'dark',
    });
  });

  it('keeps the warning threshold at or below the budget', () => {
    const settings = normalizeSettings({ importWarnBytes: 2 * 1024 ** 3, importBudgetBytes: 1024 ** 3 });
    expect(settings.importWarnBytes).toBe(1024 ** 3);
  });

  it('defaults the import budget to 2.5 GiB', () => {
    expect(DEFAULT_SETTINGS.importBudgetBytes).toBe(2.5 * 1024 ** 3);
  });
});
