import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = join(__dirname, '../../../dist/cli/recon.mjs');
const CORPUS = join(__dirname, '../../../../shared/corpus');

function corpusFiles(): string[] {
  return readdirSync(CORPUS)
    .filter((entry) => statSync(join(CORPUS, entry)).isDirectory())
    .flatMap((folder) => readdirSync(join(CORPUS, folder)).map((file) => join(CORPUS, folder, file)))
    .sort();
}

describe('the whole corpus through the CLI', () => {
  it('imports every partner file in one `recon import` run, each into its own table', () => {
    const files = corpusFiles();
    expect(files.length).toBeGreaterThanOrEqual(40);
    const db = join(mkdtempSync(join(tmpdir(), 'recon-corpus-')), 'corpus.sqlite');
    const result = spawnSync(process.execPath, [BIN, 'import', ...files, '--db', db], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const imported = result.stdout.split('\n').filter((line) => / rows into table "/.test(line));
    expect(imported).toHaveLength(files.length);
    // Bank formats load as two tables (statements and entries); everything else as one.
    const tables = spawnSync(process.execPath, [BIN, 'tables', '--db', db, '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const names = (JSON.parse(tables.stdout) as { name: string }[]).map((table) => table.name);
    const statementFiles = files.filter((file) => /\/(bai2|mt940|camt|nacha)\//.test(file)).length;
    expect(names.filter((name) => name.endsWith('_entries'))).toHaveLength(statementFiles);
    expect(names.length).toBe(files.length + statementFiles);
  });
});
