import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { CONTENT_SECURITY_POLICY } from './shared/csp';

const root = fileURLToPath(new URL('./renderer', import.meta.url));

/**
 * The production bundle carries the same CSP as Electron's app:// header.
 * The dev server gets none: React Refresh injects an inline script.
 */
function contentSecurityPolicy(isBuild: boolean): Plugin {
  // frame-ancestors only works as a header (Electron sends it); in a meta tag Chromium ignores it with a warning.
  const metaPolicy = CONTENT_SECURITY_POLICY.split('; ').filter((directive) => !directive.startsWith('frame-ancestors')).join('; ');
  return {
    name: 'recon-csp',
    transformIndexHtml: () =>
      isBuild ? [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: metaPolicy }, injectTo: 'head-prepend' }] : [],
  };
}

export default defineConfig(({ command }) => ({
  root,
  base: './',
  plugins: [react(), contentSecurityPolicy(command === 'build')],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2500,
  },
  worker: { format: 'es' },
  server: { port: 5173 },
  preview: { port: 4173 },
}));
