/**
 * The one Content-Security-Policy of the app. Electron main sends it as a header
 * on every `app://` response, and the renderer's index.html carries the same
 * string in a meta tag (a test asserts they match).
 *
 * Why each relaxation exists:
 * - `'wasm-unsafe-eval'`: sql.js compiles WebAssembly; this allows that and
 *   nothing else (no `eval`, no `new Function`).
 * - `worker-src blob:`: Vite may wrap a module worker in a blob URL.
 * - `style-src 'unsafe-inline'`: AG Grid and React set inline styles; styles
 *   cannot run script, so this is not a script-injection hole.
 * - `connect-src 'self'`: the worker fetches the sql.js `.wasm` from the bundle.
 *   Nothing else goes to the network.
 */
export const CSP_DIRECTIVES = {
  'default-src': ["'none'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'worker-src': ["'self'", 'blob:'],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-src': ["'none'"],
  'frame-ancestors': ["'none'"],
} as const satisfies Record<string, readonly string[]>;

export const CONTENT_SECURITY_POLICY: string = Object.entries(CSP_DIRECTIVES)
  .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
  .join('; ');
