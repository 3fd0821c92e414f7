// Temporary local config (not committed): own port and build dir, so runs do not collide with other sessions.
import base from './playwright.config';
import { defineConfig } from '@playwright/test';
export default defineConfig({
  ...base,
  use: { ...base.use, baseURL: 'http://127.0.0.1:4271' },
  webServer: { ...base.webServer, command: 'npx vite preview --config vite.config.ts --port 4271 --strictPort --host 127.0.0.1 --outDir /tmp/recon-preview-dist', url: 'http://127.0.0.1:4271', reuseExistingServer: false },
});
