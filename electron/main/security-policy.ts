/**
 * Pure security decisions for Electron main: which URLs are ours, which IPC
 * senders are trusted, which permissions are granted. No `electron` import,
 * so the unit tests exercise exactly the code the app runs.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** What handle.ts reads from `event.senderFrame`. */
export interface SenderInfo {
  readonly url: string;
  readonly isTopFrame: boolean;
}

/**
 * Origin as a comparable string. Node's URL reports `origin === "null"` for
 * non-special schemes such as `app:`, so the origin is rebuilt from protocol
 * and host instead of trusting `URL.origin`.
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.username !== '' || parsed.password !== '') return null;
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return parsed.origin;
  if (parsed.protocol === `${APP_SCHEME}:`) return `${parsed.protocol}//${parsed.host}`;
  return null;
}

export function isTrustedUrl(url: string, trustedOrigins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== null && trustedOrigins.includes(origin);
}

/**
 * A sender is trusted when its frame still exists (Electron gives null after a
 * navigation or destroy), is the top frame (child frames must not reach IPC,
 * GHSA-mq8j-3h7h-p8g7) and shows one of our origins.
 */
export function isTrustedSender(sender: SenderInfo | null, trustedOrigins: readonly string[]): boolean {
  return sender !== null && sender.isTopFrame && isTrustedUrl(sender.url, trustedOrigins);
}

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/**
 * The Vite dev server URL, honoured only in an unpackaged app and only on
 * loopback: a packaged build must never load remote content, whatever the
 * environment says.
 */
export function resolveDevServerUrl(value: string | undefined, isPackaged: boolean): string | null {
  if (isPackaged || value === undefined || value === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return null;
  }
  const isHttp = parsed.protocol === 'http:' || parsed.protocol === 'https:';
  return isHttp && LOOPBACK_HOSTS.includes(parsed.hostname) ? parsed.href : null;
}

export interface RendererEntry {
  readonly startUrl: string;
  readonly trustedOrigins: readonly string[];
}

export function resolveRendererEntry(devServerUrl: string | null): RendererEntry {
  if (devServerUrl === null) return { startUrl: APP_ENTRY_URL, trustedOrigins: [APP_ORIGIN] };
  const devOrigin = originOf(devServerUrl);
  return { startUrl: devServerUrl, trustedOrigins: devOrigin === null ? [APP_ORIGIN] : [APP_ORIGIN, devOrigin] };
}

/**
 * Everything is denied except sanitized clipboard writes from our own pages:
 * Chromium gates `navigator.clipboard.writeText` (the grid's copy) behind this
 * permission, and a deny-all handler makes every copy fail silently.
 */
const GRANTED_PERMISSIONS: readonly string[] = ['clipboard-sanitized-write'];

export function isPermissionGranted(permission: string, requestingUrl: string, trustedOrigins: readonly string[]): boolean {
  return GRANTED_PERMISSIONS.includes(permission) && isTrustedUrl(requestingUrl, trustedOrigins);
}
