/**
 * The `app://bundle/` protocol that serves the built renderer. A custom
 * protocol instead of file:// keeps a real origin (for the sender check and
 * CSP 'self'), never grants file:// privileges, and lets every response carry
 * the CSP header. Only files inside the bundle directory are served.
 */
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { mimeTypeFor, resolveBundlePath } from './bundle-path';
import { APP_SCHEME } from './security-policy';

/** Must run before `app.ready`: privileges can only be granted at startup. */
export function registerAppSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // standard: real origin and relative URLs; secure: a secure context (crypto.subtle, clipboard);
      // supportFetchAPI: the worker fetches the sql.js .wasm; codeCache: faster second start.
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
    },
  ]);
}

function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: securityHeaders('text/plain; charset=utf-8') });
}

export function registerAppProtocol(bundleDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET') return new Response(null, { status: 405 });
    const filePath = resolveBundlePath(bundleDir, request.url);
    if (filePath === null) return notFound();
    try {
      const body = await readFile(filePath);
      return new Response(body, { status: 200, headers: securityHeaders(mimeTypeFor(filePath)) });
    } catch {
      return notFound();
    }
  });
}
