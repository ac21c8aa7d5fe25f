// One copy of each short string over a run's verdicts: every verdict reaches the reporter as its own deserialised copy.

/** Strings up to this long are shared (codes, outcomes, header names and values, doc pages); longer ones are kept as they are. */
const SHARED_UP_TO = 96;

/**
 * The same JSON-like value with each short string taken from `pool` (added there when new). A verdict crosses from
 * vitest's worker to its main thread as a structured clone, which copies every string: 10,000 verdicts carried 57,000
 * copies of "SUCCESS" and as many of each header. The result is equal to the input, field for field, in the same order.
 */
export function compactVerdict<T>(value: T, pool: Map<string, string>): T {
  return share(value, pool) as T;
}

function share(value: unknown, pool: Map<string, string>): unknown {
  if (typeof value === 'string') {
    if (value.length > SHARED_UP_TO) return value;
    const known = pool.get(value);
    if (known !== undefined) return known;
    pool.set(value, value);
    return value;
  }
  if (Array.isArray(value)) return value.map((v: unknown) => share(v, pool));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = share(v, pool);
  return out;
}
