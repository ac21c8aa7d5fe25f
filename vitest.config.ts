// Two vitest projects: `unit` (the project's own tests) and `contract` (the harness files, one per collection).
import { defineConfig } from 'vitest/config';
import { CONTRACT_PROJECT } from './src/harness/index.ts';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          // Two workers on two cores: most files wait on spawned CLIs, mocks and proxies over loopback, not on this
          // process, so the default (one worker on two cores) left a core idle; 336 s became 241 s, every file passing.
          maxWorkers: 2,
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/contract/**', 'node_modules/**'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'contract',
          ...CONTRACT_PROJECT,
          include: [...CONTRACT_PROJECT.include],
          globalSetup: [...CONTRACT_PROJECT.globalSetup],
          setupFiles: [...CONTRACT_PROJECT.setupFiles],
        },
      },
    ],
  },
});
