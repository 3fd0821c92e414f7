import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import * as realFs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeFileAtomic, type AtomicWriteFs } from '../../../electron/main/atomic-write';
import { createFileHandlers } from '../../../electron/main/ipc/files';
import { createPrintHandlers } from '../../../electron/main/ipc/print';
import type { CallContext, ExportDirectory } from '../../../electron/main/ipc/types';

let directory = '';

beforeEach(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'wb-atomic-'));
});

afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

function failingAt(step: 'rename' | 'write'): AtomicWriteFs {
  const ioError = Object.assign(new Error(`EIO: injected ${step} failure`), { code: 'EIO' });
  return {
    open: step === 'write' ? async () => Promise.reject(ioError) : realFs.open,
    rename: step === 'rename' ? async () => Promise.reject(ioError) : realFs.rename,
    unlink: realFs.unlink,
  };
}

describe('writeFileAtomic', () => {
  it('writes a new file and leaves no temp file', async () => {
    const target = path.join(directory, 'report.csv');
    await writeFileAtomic(target, new TextEncoder().encode('a,b\n1,2\n'));
    expect(await readFile(target, 'utf8')).toBe('a,b\n1,2\n');
    expect(await readdir(directory)).toEqual(['report.csv']);
  });

  it('replaces an existing file', async () => {
    const target = path.join(directory, 'report.csv');
    await writeFile(target, 'old');
    await writeFileAtomic(target, new TextEncoder().encode('new'));
    expect(await readFile(target, 'utf8')).toBe('new');
  });

  it.each(['rename', 'write'] as const)('a failing %s keeps the old file and removes the temp file', async (step) => {
    const target = path.join(directory, 'report.csv');
    await writeFile(target, 'old contents');
    await expect(writeFileAtomic(target, new TextEncoder().encode('new'), { fs: failingAt(step) })).rejects.toThrow('EIO');
    expect(await readFile(target, 'utf8')).toBe('old contents');
    expect(await readdir(directory)).toEqual(['report.csv']);
  });

  it('retries a rename that Windows reports as busy', async () => {
    const target = path.join(directory, 'report.csv');
    let failuresLeft = 2;
    const flaky: AtomicWriteFs = {
      ...realFs,
      rename: async (from, to) => {
        if (failuresLeft-- > 0) throw Object.assign(new Error('EBUSY'), { code: 'EBUSY' });
        await realFs.rename(from, to);
      },
    };
    await writeFileAtomic(target, new TextEncoder().encode('x'), { fs: flaky, platform: 'win32', sleep: async () => undefined });
    expect(await readFile(target, 'utf8')).toBe('x');
  });
});

describe('file and print handlers', () => {
  const context: CallContext = { printPage: async () => new TextEncoder().encode('%PDF-1.7') };

  function exportDirectory(): ExportDirectory & { remembered: string[] } {
    const remembered: string[] = [];
    return { remembered, current: () => directory, remember: (dir) => remembered.push(dir) };
  }

  it('returns null and writes nothing when the dialog is cancelled', async () => {
    const write = vi.fn(async () => undefined);
    const exportDir = exportDirectory();
    const handlers = createFileHandlers({ showSaveDialog: async () => null, writeFileAtomic: write, exportDirectory: exportDir });
    await expect(handlers['wb:file.save']({ suggestedName: 'a.csv', data: 'x' }, context)).resolves.toBeNull();
    expect(write).not.toHaveBeenCalled();
    expect(exportDir.remembered).toEqual([]);
  });

  it('suggests the name in the export folder, writes UTF-8 atomically and remembers the folder', async () => {
    const showSaveDialog = vi.fn(async () => path.join(directory, 'picked.csv'));
    const exportDir = exportDirectory();
    const handlers = createFileHandlers({ showSaveDialog, writeFileAtomic, exportDirectory: exportDir });
    const saved = await handlers['wb:file.save'](
      { suggestedName: 'a.csv', data: 'café', filters: [{ name: 'CSV', extensions: ['csv'] }] },
      context,
    );
    expect(saved).toEqual({ path: path.join(directory, 'picked.csv') });
    expect(showSaveDialog).toHaveBeenCalledWith({
      defaultPath: path.join(directory, 'a.csv'),
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    });
    expect(await readFile(path.join(directory, 'picked.csv'), 'utf8')).toBe('café');
    expect(exportDir.remembered).toEqual([directory]);
  });

  it('prints to PDF only after a path is chosen', async () => {
    const printPage = vi.fn(context.printPage);
    const handlers = createPrintHandlers({
      showSaveDialog: async ({ defaultPath }) => defaultPath,
      writeFileAtomic,
      exportDirectory: exportDirectory(),
    });
    const saved = await handlers['wb:print.toPdf']({ suggestedName: 'summary' }, { printPage });
    expect(saved).toEqual({ path: path.join(directory, 'summary.pdf') });
    expect(await readFile(path.join(directory, 'summary.pdf'), 'utf8')).toBe('%PDF-1.7');

    const cancelled = createPrintHandlers({ showSaveDialog: async () => null, writeFileAtomic, exportDirectory: exportDirectory() });
    printPage.mockClear();
    await expect(cancelled['wb:print.toPdf']({ suggestedName: 'x.pdf' }, { printPage })).resolves.toBeNull();
    expect(printPage).not.toHaveBeenCalled();
  });
});
