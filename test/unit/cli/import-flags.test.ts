/** `recon import` and `recon detect` take the preview's overrides as flags (run in-process, no build needed). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../../electron/cli/args';
import { runCommand, type Io } from '../../../electron/cli/commands';
import { importOptionsFromArgs } from '../../../electron/cli/import-flags';
import { sqliteRuntime } from '../../support/sqlite';
import { writeXlsx } from '../xlsx/xlsx-fixture';

function capture(): Io & { out: () => string } {
  let text = '';
  return { stdout: { write: (chunk: string) => (text += chunk) }, stderr: { write: () => true }, isTty: false, out: () => text };
}

describe('import flags', () => {
  it('turns flags into import options', () => {
    const args = parseArgs(['detect', 'f.csv', '--encoding', 'cp852', '--delimiter', 'TAB', '--header-line', '3', '--date-order', 'dmy', '--decimal-mark', ',', '--sheet', 'Q2 Fees', '--column', 'Betrag=decimal:2', '--column', 'a=b=text', '--column', 'Notiz=skip']);
    expect(importOptionsFromArgs(args, 'f.csv')).toEqual({
      importId: 'f.csv',
      encoding: 'cp852',
      delimiter: '\t',
      headerLine: 3,
      dateOrder: 'DMY',
      decimalMark: ',',
      sheet: 'Q2 Fees',
      columns: { Betrag: { type: 'decimal', scale: 2 }, 'a=b': { type: 'text' }, Notiz: { skip: true } },
    });
    expect(importOptionsFromArgs(parseArgs(['import', 'f.csv']), 'f.csv')).toEqual({ importId: 'f.csv' });
  });

  it('rejects what it cannot mean, as usage errors', () => {
    const bad = (...flags: string[]) => () => importOptionsFromArgs(parseArgs(['import', 'f.csv', ...flags]), 'f.csv');
    expect(bad('--header-line', 'two')).toThrow(UsageError);
    expect(bad('--date-order', 'YMD')).toThrow('--date-order must be DMY or MDY');
    expect(bad('--decimal-mark', ';')).toThrow(UsageError);
    expect(bad('--column', 'Betrag')).toThrow('--column needs "Header=type[:scale]"');
    expect(bad('--column', 'Betrag=money')).toThrow('"money" is not one of');
    expect(bad('--column', 'Betrag=decimal:9')).toThrow('the scale must be 0 to 6');
  });

  it('detect and import apply them, XLSX sheets included', async () => {
    const runtime = await sqliteRuntime();
    const dir = mkdtempSync(join(tmpdir(), 'recon-flags-'));
    const book = join(dir, 'book.xlsx');
    writeFileSync(book, writeXlsx([{ name: 'Cover', rows: [['x']] }, { name: 'Fees', rows: [['id', 'memo', 'fee'], ['a', 'm1', 1.5], ['b', 'm2', 2]] }]));
    const detect = capture();
    expect(await runCommand(runtime, parseArgs(['detect', book, '--sheet', 'Fees', '--column', 'memo=skip']), detect)).toBe(0);
    expect(detect.out()).toContain('detected:      XLSX worksheet "Fees" (2 columns)');
    expect(detect.out()).not.toContain('memo');
    const imported = capture();
    const db = join(dir, 'case.sqlite');
    expect(await runCommand(runtime, parseArgs(['import', book, '--db', db, '--sheet', 'Fees', '--column', 'fee=decimal:3']), imported)).toBe(0);
    expect(imported.out()).toContain('2 rows into table "book"');
    const query = capture();
    await runCommand(runtime, parseArgs(['tables', '--db', db]), query);
    expect(query.out()).toMatch(/fee\s+decimal\(3\)/);
  });
});
