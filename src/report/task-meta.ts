// The contract between harness files and reporters: each contract test carries its Verdict in vitest's task meta.

import type { Verdict } from '../verdict/index.ts';

declare module '@vitest/runner' {
  interface TaskMeta {
    /** Set by every contract test before it asserts; reporters read only this. */
    verdict?: Verdict;
  }
}

/** Narrows a task's meta to its verdict, if the task is a contract test. */
export function verdictOf(meta: unknown): Verdict | undefined {
  if (typeof meta !== 'object' || meta === null) return undefined;
  const verdict = (meta as { verdict?: unknown }).verdict;
  return typeof verdict === 'object' && verdict !== null && 'caseId' in verdict ? (verdict as Verdict) : undefined;
}
