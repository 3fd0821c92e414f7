#!/usr/bin/env node
// Bundles the Node-side entry points with esbuild (the renderer is built by Vite):
//   electron/main/index.ts    -> dist/electron/main.cjs     (Electron main, CJS)
//   electron/preload/index.ts -> dist/electron/preload.cjs  (sandboxed preload: one file, only `electron` external)
//   electron/cli/recon.ts     -> dist/cli/recon.mjs         (the `recon` CLI, ESM; skipped until it exists)
// Runs from `npm install` (prepare), so it must be fast and must not need the Electron binary.
import { existsSync } from 'node:fs';
import { chmod } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fromRoot = (...parts) => path.join(root, ...parts);
const started = performance.now();

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  absWorkingDir: root,
};

const targets = [
  {
    name: 'main',
    options: {
      ...common,
      entryPoints: [fromRoot('electron/main/index.ts')],
      outfile: fromRoot('dist/electron/main.cjs'),
      format: 'cjs',
      // electron-store 11 is ESM-only and Electron main here is CJS, so it is bundled in
      // (it has no import.meta or top-level await); only Electron itself stays external.
      external: ['electron'],
    },
  },
  {
    name: 'preload',
    options: {
      ...common,
      entryPoints: [fromRoot('electron/preload/index.ts')],
      outfile: fromRoot('dist/electron/preload.cjs'),
      format: 'cjs',
      // A sandboxed preload can require only `electron` (and a few shims), never another file.
      external: ['electron'],
    },
  },
];

const cliEntry = fromRoot('electron/cli/recon.ts');
const cliOut = fromRoot('dist/cli/recon.mjs');
if (existsSync(cliEntry)) {
  targets.push({
    name: 'cli',
    options: {
      ...common,
      entryPoints: [cliEntry],
      outfile: cliOut,
      format: 'esm',
      // sql.js locates its .wasm next to itself; papaparse and DuckDB ship their own builds.
      external: ['sql.js', 'papaparse', '@duckdb/node-api'],
      banner: {
        // Bundled CommonJS code calls require(); ESM output has none, so give it one.
        js: [
          '#!/usr/bin/env node',
          "import { createRequire as __reconCreateRequire } from 'node:module';",
          'const require = __reconCreateRequire(import.meta.url);',
        ].join('\n'),
      },
    },
  });
} else {
  console.log('build-node: electron/cli/recon.ts does not exist yet; skipping the CLI bundle.');
}

try {
  await Promise.all(targets.map((target) => build(target.options)));
  if (existsSync(cliEntry)) await chmod(cliOut, 0o755);
} catch (error) {
  // esbuild has already printed the located errors.
  console.error(`build-node: failed (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
  process.exit(1);
}

const seconds = ((performance.now() - started) / 1000).toFixed(2);
console.log(`build-node: built ${targets.map((target) => target.name).join(', ')} in ${seconds}s`);
