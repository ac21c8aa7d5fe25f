// What the CLI hands the contract project through vitest's provide/inject, and its defaults for a bare `vitest`.

import type { Target } from '../../../src/harness/index.ts';

/** Options of one contract run, as provided by the CLI. */
export interface ContractRunOptions {
  /** The target; absent means "start the embedded mock". */
  readonly target?: Target;
  /** A verdict service the CLI already started (and told what to send); absent: the global setup starts one. */
  readonly serviceUrl?: string;
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
  }
}
