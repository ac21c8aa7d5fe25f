// A bound on newman runs in flight, shared by every collection of a run: units of work queue here, first come first served.

/** Runs tasks with at most `limit` at once; `stop` drops the queued ones (they resolve to undefined). */
export interface RunPool {
  readonly limit: number;
  run<T>(task: () => Promise<T>): Promise<T | undefined>;
  /** After an interrupt: nothing queued starts; the runs in flight are told through `stopped` to stop sending. */
  stop(): void;
  /** Aborted by `stop`. */
  readonly stopped: AbortSignal;
}

export function createRunPool(limit: number): RunPool {
  let active = 0;
  let stopped = false;
  const stopping = new AbortController();
  const queue: Array<() => void> = [];
  const next = (): void => {
    if (stopped) {
      for (const start of queue.splice(0)) start();
      return;
    }
    while (active < limit && queue.length > 0) queue.shift()?.();
  };
  return {
    limit,
    stopped: stopping.signal,
    run<T>(task: () => Promise<T>): Promise<T | undefined> {
      return new Promise<T | undefined>((resolve, reject) => {
        queue.push(() => {
          if (stopped) return resolve(undefined);
          active += 1;
          task()
            .then(resolve, reject)
            .finally(() => {
              active -= 1;
              next();
            });
        });
        next();
      });
    },
    stop(): void {
      stopped = true;
      stopping.abort();
      next();
    },
  };
}
