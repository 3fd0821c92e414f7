import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

/** The built `recon` bin (npm's prepare script and `npm test` build it first). */
const BIN = join(__dirname, '../../../dist/cli/recon.mjs');
let dir: string;

function recon(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: dir });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  expect(existsSync(BIN), 'run `npm run build:node` first').toBe(true);
  dir = mkdtempSync(join(tmpdir(), 'recon-cli-'));
  writeFileSync(join(dir, 'pay.csv'), 'id,currency,net\n001,usd,10.05\n002,usd,-0.05\n003,jpy,1200\n');
  writeFileSync(join(dir, 'bad.csv'), 'id,net\n1,2\n2,3\n3,"never closed\n4,5\n');
});

describe('recon CLI', () => {
  it('imports, lists and queries with exact totals', () => {
    const imported = recon('import', 'pay.csv', '--db', 'case.sqlite');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('3 rows into table "pay"');
    const tables = recon('tables', '--db', 'case.sqlite');
    expect(tables.stdout).toMatch(/net\s+decimal\(2\)/);
    expect(tables.stdout).toMatch(/id\s+text/);
    const query = recon('query', '--db', 'case.sqlite', 'SELECT currency, count(*) AS n, dec(sum(net), 2) AS net FROM pay GROUP BY 1 ORDER BY 1', '--format', 'json');
    expect(query.code).toBe(0);
    expect(JSON.parse(query.stdout)).toEqual([
      { currency: 'jpy', n: 1, net: '1200.00' },
      { currency: 'usd', n: 2, net: '10.00' },
    ]);
    const csv = recon('query', '--db', 'case.sqlite', "SELECT id, '=1+1' AS f FROM pay ORDER BY id LIMIT 1", '--format', 'csv');
    expect(csv.stdout).toBe("id,f\n001,'=1+1\n");
  });

  it('exits 2 with file:line:column on bad input and keeps the case intact', () => {
    const bad = recon('import', 'bad.csv', '--db', 'case.sqlite');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bad.csv:4:2:');
    expect(recon('query', '--db', 'case.sqlite', 'SELECT count(*) AS n FROM pay', '--format', 'json').stdout).toContain('"n": 3');
  });

  it('exits 2 on usage errors and SQL errors', () => {
    expect(recon('query', 'SELECT 1').code).toBe(2);
    expect(recon('frobnicate').code).toBe(2);
    const sql = recon('query', '--db', 'case.sqlite', 'SELECT nope FROM pay');
    expect(sql.code).toBe(2);
    expect(sql.stderr).toContain('no such column');
  });
});
