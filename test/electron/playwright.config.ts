// Runtime security checks against the real Electron app (RELIABILITY §3.1, type R).
// Separate from the browser e2e suite: it needs the Electron binary, which cannot be
// downloaded everywhere, so the spec skips itself with a reason when it is missing.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '*.electron.spec.ts',
  // One Electron app at a time: each launch is heavy and they would share the display.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  reporter: [['list']],
  outputDir: '../../test-results/electron',
});
