// One bound on calls in flight, shared by everything that calls a live org in a run: the org client's fixture and
// clean-up calls, and the newman runs that send the cases. Zoho counts them all against one concurrency limit, so they
// queue for the same slots; the org client's calls go first, as the run's critical path waits on them.

/** At most `limit()` holders at once; the rest wait in order, those asking `first` ahead of the others. */
export interface CallBound {
  limit(): number;
  /** Raises or lowers the bound; holders beyond a lowered bound finish, and no one new starts until under it. */
  setLimit(limit: number): void;
  /** Resolves once a slot is held; `first` waits ahead of every holder that did not ask first. */
  acquire(first?: boolean): Promise<void>;
  release(): void;
}

/**
 * A bound of `initial` slots; `within` another, each of its slots also holds one of that one's (a share of the org's
 * limit kept for some callers: the cases sent while the fixtures are made leave the fixture calls their room).
 */
export function createCallBound(initial: number, within?: CallBound): CallBound {
  let limit = Math.max(1, initial);
  let active = 0;
  const ahead: Array<() => void> = [];
  const behind: Array<() => void> = [];
  const next = (): void => {
    while (active < limit && (ahead.length > 0 || behind.length > 0)) {
      active += 1;
      (ahead.shift() ?? behind.shift())?.();
    }
  };
  return {
    limit: () => limit,
    setLimit(value) {
      limit = Math.max(1, value);
      next();
    },
    async acquire(first = false) {
      await new Promise<void>((resolve) => {
        (first ? ahead : behind).push(resolve);
        next();
      });
      await within?.acquire(first);
    },
    release() {
      within?.release();
      active -= 1;
      next();
    },
  };
}
