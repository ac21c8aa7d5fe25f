// JSON pointers of the catalog's echo rules, read against parsed bodies: `{i}` stands for an entry's index. Pure.

/** A pointer split once into its segments (`/data/{i}/id` -> ['data', '{i}', 'id']). */
export type Pointer = readonly string[];

/** Splits a pointer (RFC 6901 escapes `~1` and `~0` honoured). */
export function compilePointer(pointer: string): Pointer {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The value at `pointer` inside `value`, with `{i}` read as `index`; undefined when any step is missing. */
export function readPointer(value: unknown, pointer: Pointer, index = 0): unknown {
  let current = value;
  for (const raw of pointer) {
    const segment = raw === '{i}' ? String(index) : raw;
    if (Array.isArray(current)) current = current[Number(segment)];
    else if (typeof current === 'object' && current !== null) current = (current as Record<string, unknown>)[segment];
    else return undefined;
  }
  return current;
}

/** The pointer as text with `{i}` replaced, for a finding's path (`/data/1/details/id`). */
export function formatPointer(prefix: string, pointer: Pointer, index = 0): string {
  return `${prefix}${pointer.map((s) => `/${s === '{i}' ? index : s}`).join('')}`;
}
