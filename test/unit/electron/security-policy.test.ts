import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveBundlePath } from '../../../electron/main/bundle-path';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  isPermissionGranted,
  isTrustedSender,
  isTrustedUrl,
  originOf,
  resolveDevServerUrl,
  resolveRendererEntry,
} from '../../../electron/main/security-policy';
import { restoreWindowPlacement } from '../../../electron/main/window-state';

describe('origins', () => {
  it('derives app:// origins even though Node reports "null" for them', () => {
    expect(new URL('app://bundle/index.html').origin).toBe('null');
    expect(originOf('app://bundle/index.html')).toBe(APP_ORIGIN);
    expect(originOf('http://localhost:5173/src/main.tsx')).toBe('http://localhost:5173');
  });

  it.each([
    'file:///C:/Windows/System32/calc.exe',
    'javascript:alert(1)',
    'https://example.com',
    'app://bundle.evil.tld/index.html',
    'app://user:pass@bundle/index.html',
    'http://localhost:5174/',
    'not a url',
  ])('does not trust %s', (url) => {
    expect(isTrustedUrl(url, [APP_ORIGIN, 'http://localhost:5173'])).toBe(false);
  });

  it('trusts only live top frames of our origin', () => {
    expect(isTrustedSender({ url: APP_ENTRY_URL, isTopFrame: true }, [APP_ORIGIN])).toBe(true);
    expect(isTrustedSender({ url: APP_ENTRY_URL, isTopFrame: false }, [APP_ORIGIN])).toBe(false);
    expect(isTrustedSender(null, [APP_ORIGIN])).toBe(false);
  });
});

describe('dev server URL', () => {
  it('is honoured only unpackaged and on loopback', () => {
    expect(resolveDevServerUrl('http://localhost:5173', false)).toBe('http://localhost:5173/');
    expect(resolveDevServerUrl('http://localhost:5173', true)).toBeNull();
    expect(resolveDevServerUrl('https://evil.example', false)).toBeNull();
    expect(resolveDevServerUrl('file:///tmp/index.html', false)).toBeNull();
    expect(resolveDevServerUrl(undefined, false)).toBeNull();
  });

  it('adds the dev origin to the trusted origins', () => {
    expect(resolveRendererEntry(null)).toEqual({ startUrl: APP_ENTRY_URL, trustedOrigins: [APP_ORIGIN] });
    expect(resolveRendererEntry('http://localhost:5173/').trustedOrigins).toEqual([APP_ORIGIN, 'http://localhost:5173']);
  });
});

describe('permissions', () => {
  it('grants only sanitized clipboard writes, and only to our pages', () => {
    expect(isPermissionGranted('clipboard-sanitized-write', APP_ENTRY_URL, [APP_ORIGIN])).toBe(true);
    expect(isPermissionGranted('clipboard-sanitized-write', 'https://evil.example', [APP_ORIGIN])).toBe(false);
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen']) {
      expect(isPermissionGranted(permission, APP_ENTRY_URL, [APP_ORIGIN])).toBe(false);
    }
  });
});

describe('app:// bundle paths', () => {
  const bundle = path.resolve('/srv/bundle');

  it('serves files inside the bundle, index.html for the root', () => {
    expect(resolveBundlePath(bundle, 'app://bundle/')).toBe(path.join(bundle, 'index.html'));
    expect(resolveBundlePath(bundle, 'app://bundle/assets/sql-wasm.wasm')).toBe(path.join(bundle, 'assets', 'sql-wasm.wasm'));
  });

  it.each([
    'app://bundle/../../etc/passwd',
    'app://bundle/%2e%2e/%2e%2e/etc/passwd',
    'app://bundle/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'app://bundle/..%5c..%5cwindows%5cwin.ini',
    'app://bundle/a%00.js',
    'app://bundle/%E0%A4%A',
    'app://other/index.html',
    'https://bundle/index.html',
  ])('never resolves %s outside the bundle', (url) => {
    // The URL parser folds dot segments first, so some of these land (harmlessly) inside the bundle and 404.
    const resolved = resolveBundlePath(bundle, url);
    expect(resolved === null || resolved.startsWith(bundle + path.sep)).toBe(true);
  });

  it('refuses encoded backslashes, NULs, bad escapes and foreign hosts outright', () => {
    for (const url of [
      'app://bundle/..%5c..%5cwindows%5cwin.ini',
      'app://bundle/a%00.js',
      'app://bundle/%E0%A4%A',
      'app://other/index.html',
      'https://bundle/index.html',
    ]) {
      expect(resolveBundlePath(bundle, url)).toBeNull();
    }
  });
});

describe('window placement', () => {
  const screen = { x: 0, y: 0, width: 1920, height: 1080 };

  it('reuses saved bounds that are on a display', () => {
    const saved = { x: 100, y: 100, width: 1000, height: 700, isMaximized: true };
    expect(restoreWindowPlacement(saved, [screen])).toEqual({
      bounds: { x: 100, y: 100, width: 1000, height: 700 },
      isMaximized: true,
    });
  });

  it('falls back to a centred default when the saved display is gone', () => {
    const saved = { x: 3000, y: 100, width: 1000, height: 700, isMaximized: false };
    expect(restoreWindowPlacement(saved, [screen]).bounds).toEqual({ width: 1280, height: 800 });
    expect(restoreWindowPlacement(null, [screen]).bounds).toEqual({ width: 1280, height: 800 });
  });
});
