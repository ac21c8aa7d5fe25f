// Two vitest projects: `unit` (the project's own tests) and `contract` (the harness files, one per collection).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/contract/**', 'node_modules/**'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'contract',
          include: ['tests/contract/**/*.contract.ts'],
          // Harness files share nothing mutable but the compiled schema registry: one module graph per worker
          // (no per-file isolation) saves re-importing newman and ajv for every file; threads start faster than forks.
          pool: 'threads',
          isolate: false,
          maxWorkers: 1,
          globalSetup: ['tests/contract/support/global-setup.ts'],
          setupFiles: ['tests/contract/support/matchers.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
