/**
 * Per-webContents and per-session hardening, applied from index.ts to every
 * webContents Electron creates (including any a future feature adds).
 */
import type { Session, WebContents } from 'electron';
import { isPermissionGranted, isTrustedUrl } from './security-policy';

interface NavigationEvent {
  readonly url: string;
  preventDefault(): void;
}

export function hardenWebContents(contents: WebContents, trustedOrigins: readonly string[]): void {
  // We never use <webview>; refusing the attach closes that door even if markup is injected.
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // Partner files contain links; opening any window from them is refused.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const guard = (event: NavigationEvent): void => {
    if (!isTrustedUrl(event.url, trustedOrigins)) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-frame-navigate', guard);
  contents.on('will-redirect', guard);
}

export function hardenSession(session: Session, trustedOrigins: readonly string[]): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl, trustedOrigins));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionGranted(permission, requestingOrigin, trustedOrigins),
  );
  session.setDevicePermissionHandler(() => false);
  // file:// and UNC URLs (Windows NTLM hash leak, CVE-2022-36077) are stopped by the CSP and the
  // navigation guard, not by webRequest: its handlers do not fire for file:// (electron#22370, #45903).
}
