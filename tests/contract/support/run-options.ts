// What the contract project is provided: the run's options (defaults for a bare `vitest`), its target and verdict service.

import type { Target } from '../../../src/harness/index.ts';

/** Options of one contract run under a bare `vitest --project contract` (provide `contractRun` to change them). */
export interface ContractRunOptions {
  /** The target; absent means "start the embedded mock". */
  readonly target?: Target;
  /** newman runs in flight at once, over all collections. */
  readonly concurrency: number;
  readonly timeoutMs: number;
  readonly sandboxTests: boolean;
  /** --record: write every exchange (redacted) as a cassette here. */
  readonly recordDir?: string;
}

export const defaultRunOptions: ContractRunOptions = { concurrency: 4, timeoutMs: 30_000, sandboxTests: false };

declare module 'vitest' {
  interface ProvidedContext {
    contractRun: ContractRunOptions;
    target: Target;
    verdictService: string;
    /** --modules: the modules a live run's module-generic cases run on (absent: the modules the catalog writes them for). */
    modules: readonly string[];
  }
}
