// newman's runtime yields after every step of every request with setTimeout(fn, 0), and Node makes each such timeout
// wait at least a millisecond: about 8 ms of idle per request, which is what forced many runs (and many sandbox boots)
// in flight. In the thread that runs newman, a zero-delay timeout becomes an immediate: the same "after the current
// work, once I/O has had its turn", without the millisecond.

const immediates = new WeakSet<object>();

/** Zero-delay timeouts run as immediates in this thread so far: none after a newman run means the runtime yields otherwise. */
let substituted = 0;

export function zeroDelayTimeoutsSubstituted(): number {
  return substituted;
}

/** Installs the substitution for this thread (idempotent). Timeouts with a delay are left alone. */
export function runZeroDelayTimersAsImmediates(): void {
  const g = globalThis as unknown as Record<string, unknown> & { __zeroDelayTimers?: true };
  if (g.__zeroDelayTimers) return;
  g.__zeroDelayTimers = true;
  const originalSet = globalThis.setTimeout;
  const originalClear = globalThis.clearTimeout;
  const patchedSet = (callback: (...args: unknown[]) => void, delay?: number, ...args: unknown[]): unknown => {
    if (delay !== undefined && delay > 0) return originalSet(callback, delay, ...args);
    substituted += 1;
    const immediate = setImmediate(callback, ...args);
    immediates.add(immediate);
    return immediate;
  };
  const patchedClear = (handle: unknown): void => {
    if (typeof handle === 'object' && handle !== null && immediates.has(handle))
      clearImmediate(handle as NodeJS.Immediate);
    else originalClear(handle as Parameters<typeof clearTimeout>[0]);
  };
  g['setTimeout'] = patchedSet;
  g['clearTimeout'] = patchedClear;
}
