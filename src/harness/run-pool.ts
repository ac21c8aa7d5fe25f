// A bound on newman runs in flight, shared by every collection of a run: units of work queue here, first come first
// served. A live run's pool holds its slots in the run's one call bound, which the org client's calls share.

import { createCallBound, type CallBound } from '../call-bound.ts';

/** Runs tasks with at most `limit` at once; `stop` drops the queued ones (they resolve to undefined). */
export interface RunPool {
  /** Runs in flight at most, now (a live run's bound is raised once the org's edition is read). */
  readonly limit: number;
  run<T>(task: () => Promise<T>): Promise<T | undefined>;
  /** After an interrupt: nothing queued starts; the runs in flight are told through `stopped` to stop sending. */
  stop(): void;
  /** Aborted by `stop`. */
  readonly stopped: AbortSignal;
}

/** A pool of its own `limit`, or one that takes its slots from a bound other callers share. */
export function createRunPool(limit: number | CallBound): RunPool {
  const bound = typeof limit === 'number' ? createCallBound(limit) : limit;
  const stopping = new AbortController();
  return {
    get limit() {
      return bound.limit();
    },
    stopped: stopping.signal,
    async run<T>(task: () => Promise<T>): Promise<T | undefined> {
      if (stopping.signal.aborted) return undefined;
      await bound.acquire();
      try {
        // Stopped while it waited: it never starts.
        return stopping.signal.aborted ? undefined : await task();
      } finally {
        bound.release();
      }
    },
    stop: () => stopping.abort(),
  };
}
