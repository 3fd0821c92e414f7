import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    // Fixtures (sample data generated and imported in beforeAll) take seconds on a busy 2-core machine.
    hookTimeout: 60_000,
    // Two cores: one fork per core keeps sql.js heaps from competing for memory.
    pool: 'forks',
    maxWorkers: 2,
  },
});
