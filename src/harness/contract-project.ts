// The contract project's vitest settings (plain data: the harness imports nothing of vitest), in one place:
// vitest.config.ts declares the `contract` project with them, and the CLI hands them to vitest inline, so a run does not
// pay for bundling the config file at start-up.

export const CONTRACT_PROJECT = {
  include: ['tests/contract/**/*.contract.ts'],
  // The harness files only ask the verdict service and assert: one thread, one module graph (no per-file isolation).
  pool: 'threads',
  isolate: false,
  maxWorkers: 1,
  globalSetup: ['tests/contract/support/global-setup.ts'],
  setupFiles: ['tests/contract/support/matchers.ts'],
  testTimeout: 120_000,
  hookTimeout: 300_000,
} as const;
