// Public door of the run: the verdict thread, a live run's lifecycle on it, and the vitest call. The CLI is its only
// caller; it never reads argv or env, prints, or exits (what it says goes through the callbacks it is given).

export { runContract, type ContractRunRequest } from './run-contract.ts';
export {
  prestartVerdictThread,
  serveInThread,
  type LiveVerdictThread,
  type PendingVerdictThread,
  type VerdictThread,
  type VerdictThreadOptions,
} from './verdict-thread.ts';
export { withLiveFixtures, type LiveBody, type LiveRunRequest } from './live-run.ts';
export type { LiveCleanup, LiveEvent, LiveRunInput } from './live-fixtures.ts';
export { startTarget, type StartedTarget, type TargetRequest } from './start-target.ts';
export { collectionsCommit } from './collections-commit.ts';
export { describeCases } from './describe-cases.ts';
