/**
 * Static checks over the Electron sources (RELIABILITY §3.1, type S): they run
 * without the Electron binary, so they guard every CI run. Comments are
 * stripped first, so a comment explaining a rule does not trip it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CSP_DIRECTIVES } from '../../../shared/csp';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const electronDir = path.join(root, 'electron');

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
    return /\.(ts|mts|cts|js|mjs|cjs)$/.test(entry.name) ? [full] : [];
  });
}

function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

const sources = sourceFiles(electronDir).map((file) => ({
  file: path.relative(root, file).split(path.sep).join('/'),
  code: withoutComments(readFileSync(file, 'utf8')),
}));

function filesMatching(pattern: RegExp): string[] {
  return sources.filter((source) => pattern.test(source.code)).map((source) => source.file);
}

describe('Electron sources', () => {
  it('exist (the scan is not vacuous)', () => {
    expect(sources.map((source) => source.file)).toContain('electron/main/window.ts');
    expect(sources.map((source) => source.file)).toContain('electron/preload/index.ts');
  });

  it.each([
    ['nodeIntegration: true', /nodeIntegration\s*:\s*true/],
    ['nodeIntegrationInWorker: true', /nodeIntegrationInWorker\s*:\s*true/],
    ['nodeIntegrationInSubFrames: true', /nodeIntegrationInSubFrames\s*:\s*true/],
    ['sandbox: false', /sandbox\s*:\s*false/],
    ['contextIsolation: false', /contextIsolation\s*:\s*false/],
    ['webSecurity: false', /webSecurity\s*:\s*false/],
    ['allowRunningInsecureContent: true', /allowRunningInsecureContent\s*:\s*true/],
    ['experimentalFeatures', /experimentalFeatures/],
    ['enableBlinkFeatures', /enableBlinkFeatures/],
    ['webviewTag: true', /webviewTag\s*:\s*true/],
    ['loadFile (use app:// instead of file://)', /\.loadFile\s*\(/],
    ['@electron/remote', /@electron\/remote/],
  ])('never use %s', (_label, pattern) => {
    expect(filesMatching(pattern)).toEqual([]);
  });

  it('set the secure webPreferences explicitly in the window factory', () => {
    const window = sources.find((source) => source.file === 'electron/main/window.ts');
    expect(window?.code).toMatch(/contextIsolation\s*:\s*true/);
    expect(window?.code).toMatch(/sandbox\s*:\s*true/);
    expect(window?.code).toMatch(/nodeIntegration\s*:\s*false/);
  });

  it('call ipcMain.handle / ipcMain.on only in ipc/handle.ts', () => {
    expect(filesMatching(/ipcMain\s*\.\s*(handle|handleOnce|on|once|addListener)\s*\(/)).toEqual(['electron/main/ipc/handle.ts']);
  });

  it('never load http: URLs directly', () => {
    expect(filesMatching(/loadURL\s*\(\s*['"`]http:/)).toEqual([]);
  });

  it('call shell.openExternal from at most one module', () => {
    expect(filesMatching(/shell\s*\.\s*openExternal/).length).toBeLessThanOrEqual(1);
  });

  it('expose exactly one object from the preload, with no generic IPC', () => {
    const preload = sources.find((source) => source.file === 'electron/preload/index.ts')?.code ?? '';
    expect(preload.match(/exposeInMainWorld\s*\(/g)).toHaveLength(1);
    expect(preload).toMatch(/exposeInMainWorld\s*\(\s*'workbench'/);
    const exposed = /const workbench = \{([\s\S]*?)\} satisfies WorkbenchBridge/.exec(preload)?.[1] ?? '';
    expect(exposed).not.toBe('');
    // No generic channel parameter, no raw ipcRenderer/process value in the exposed object.
    expect(exposed).not.toMatch(/\binvoke\s*:|\(\s*channel\b/);
    expect(exposed).not.toMatch(/:\s*(ipcRenderer|process)\s*[,}\n]|^\s*(ipcRenderer|process)\s*,/m);
  });
});

describe('Content-Security-Policy', () => {
  it('never allows eval or inline script', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-eval'");
    expect(CSP_DIRECTIVES['script-src']).not.toContain("'unsafe-inline'");
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self' 'wasm-unsafe-eval'(;|$)/);
  });

  it('is the exact policy the renderer and main agree on', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; " +
        "form-action 'none'; frame-src 'none'; frame-ancestors 'none'",
    );
  });

  it('is sent on app:// responses', () => {
    const protocolSource = sources.find((source) => source.file === 'electron/main/app-protocol.ts')?.code ?? '';
    expect(protocolSource).toMatch(/'Content-Security-Policy'\s*:\s*CONTENT_SECURITY_POLICY/);
  });
});
