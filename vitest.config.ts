// Two vitest projects: `unit` (the project's own tests) and `contract` (the harness files, one per collection).
import { defineConfig } from 'vitest/config';
import { CONTRACT_PROJECT } from './src/harness/index.ts';

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
          ...CONTRACT_PROJECT,
          include: [...CONTRACT_PROJECT.include],
          globalSetup: [...CONTRACT_PROJECT.globalSetup],
          setupFiles: [...CONTRACT_PROJECT.setupFiles],
        },
      },
    ],
  },
});
