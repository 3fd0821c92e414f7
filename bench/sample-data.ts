import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const SEED = 42;
const GENERATOR = 'resources/sample-data/generate.ts';

function manifestMatches(dir: string, rows: number): boolean {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path) || !existsSync(join(dir, 'processor_balance.csv'))) return false;
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as { rows?: unknown; seed?: unknown };
  return manifest.rows === rows && manifest.seed === SEED;
}

/** The sample files for `rows`, generated once: 1M rows take a while and never change for a seed. */
export async function ensureSampleData(root: string, rows: number, log: (line: string) => void): Promise<string> {
  const dir = join(root, 'bench', rows === 1_000_000 ? 'data' : `data-${rows}`);
  if (manifestMatches(dir, rows)) return dir;
  if (!existsSync(join(root, GENERATOR))) throw new Error(`${GENERATOR} is missing: cannot generate the sample`);
  log(`generating ${rows.toLocaleString('en-US')} rows into ${dir}…`);
  await new Promise<void>((resolve, reject) => {
    const proc = spawn('npx', ['tsx', GENERATOR, '--rows', String(rows), '--out', dir, '--seed', String(SEED)], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
    proc.on('error', reject);
    proc.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`sample generator exited with ${code}`))));
  });
  if (!manifestMatches(dir, rows)) throw new Error(`sample generator wrote no matching manifest in ${dir}`);
  return dir;
}
