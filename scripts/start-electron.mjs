#!/usr/bin/env node
// `npm start`: make sure the Electron binary exists, build, then launch the app.
// npm 11 may skip Electron's postinstall download, so the binary can be missing even
// after a clean `npm install`; Electron's own installer is tried once before giving up.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const isWindows = process.platform === 'win32';
const INSTALL_TIMEOUT_MS = 5 * 60_000;

/** The binary's path, or null. `require('electron')` from Node returns the path and throws when path.txt is missing. */
function electronBinary() {
  try {
    const resolved = require.resolve('electron');
    delete require.cache[resolved]; // re-read after an install in this same process
    const binary = require('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

function runInstaller() {
  const installer = path.join(root, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer)) return false;
  console.log('start: the Electron binary is missing; running node node_modules/electron/install.js …');
  const result = spawnSync(process.execPath, [installer], { cwd: root, stdio: 'inherit', timeout: INSTALL_TIMEOUT_MS });
  return result.status === 0;
}

let binary = electronBinary();
if (binary === null && runInstaller()) binary = electronBinary();
if (binary === null) {
  console.error(
    '\nThe Electron binary could not be downloaded (no network access to its download host). ' +
      'Run `npm run web` to use Recon Workbench in your browser.\n',
  );
  process.exit(1);
}

const npm = isWindows ? 'npm.cmd' : 'npm';
// shell is needed to run npm.cmd on Windows (Node refuses .cmd files without it since CVE-2024-27980).
const built = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit', shell: isWindows });
if (built.status !== 0) {
  console.error('start: `npm run build` failed; not launching Electron.');
  process.exit(built.status ?? 1);
}

// ELECTRON_RUN_AS_NODE would turn the app binary into a plain Node runtime.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(binary, [root], { cwd: root, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => process.exit(code ?? (signal === null ? 0 : 1)));
child.on('error', (error) => {
  console.error(`start: could not launch Electron: ${error.message}`);
  process.exit(1);
});
