// A search's criteria, `((Field:op:value)and(Field:op:value))`, evaluated on one record: whether a record the target
// answered matches what was searched. Pure. Only the operators a string value settles; any other answers undefined.

/** One condition, or conditions joined by `and`/`or`. */
type Criteria =
  | { readonly field: string; readonly op: string; readonly value: string }
  | { readonly join: 'and' | 'or'; readonly parts: readonly Criteria[] };

/** True or false when every operator is one this evaluates (equals, starts_with, not_equal, in); undefined otherwise. */
export function matchesCriteria(text: string, record: Readonly<Record<string, unknown>>): boolean | undefined {
  const parsed = parseCriteria(text);
  return parsed === undefined ? undefined : evaluate(parsed, record);
}

/** The criteria as a tree; undefined when the text is not balanced `(field:op:value)` groups. */
export function parseCriteria(text: string): Criteria | undefined {
  const trimmed = text.trim();
  const groups = splitTop(trimmed);
  if (groups === undefined) return undefined;
  if (groups.parts.length === 1) {
    const inner = groups.parts[0] ?? '';
    if (inner.startsWith('(')) return parseCriteria(inner);
    const [field, op, ...rest] = inner.split(':');
    if (!field || !op || rest.length === 0) return undefined;
    return { field: field.trim(), op: op.trim(), value: rest.join(':').replace(/\\(.)/g, '$1') };
  }
  const parts = groups.parts.map((part) => parseCriteria(`(${part})`));
  if (parts.some((p) => p === undefined) || groups.joins.some((j) => j !== groups.joins[0])) return undefined;
  return { join: groups.joins[0] ?? 'and', parts: parts as Criteria[] };
}

/** `(a)and(b)or(c)` -> the parenthesised parts and the words between them, escapes (`\(`) kept inside values. */
function splitTop(text: string): { parts: string[]; joins: Array<'and' | 'or'> } | undefined {
  const parts: string[] = [];
  const joins: Array<'and' | 'or'> = [];
  let depth = 0;
  let start = -1;
  let between = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '(') {
      if (depth === 0) {
        const word = between.trim().toLowerCase();
        if (parts.length > 0) {
          if (word !== 'and' && word !== 'or') return undefined;
          joins.push(word);
        } else if (word !== '') return undefined;
        start = i + 1;
      }
      depth++;
    } else if (ch === ')') {
      depth--;
      if (depth < 0) return undefined;
      if (depth === 0) {
        parts.push(text.slice(start, i));
        between = '';
      }
    } else if (depth === 0) between += ch;
  }
  return depth === 0 && parts.length > 0 && between.trim() === '' ? { parts, joins } : undefined;
}

function evaluate(criteria: Criteria, record: Readonly<Record<string, unknown>>): boolean | undefined {
  if ('join' in criteria) {
    const results = criteria.parts.map((p) => evaluate(p, record));
    if (results.some((r) => r === undefined)) return undefined;
    return criteria.join === 'and' ? results.every(Boolean) : results.some(Boolean);
  }
  const raw = record[criteria.field];
  const actual = typeof raw === 'string' || typeof raw === 'number' ? String(raw).toLowerCase() : '';
  const wanted = criteria.value.toLowerCase();
  switch (criteria.op) {
    // Zoho's equals behaves like "contains" for text (the v8 page says so), so a value that holds it matches.
    case 'equals':
      return actual.includes(wanted);
    case 'not_equal':
      return !actual.includes(wanted);
    case 'starts_with':
      return actual.startsWith(wanted);
    case 'in':
      return wanted.split(',').some((v) => actual === v.trim());
    default:
      return undefined;
  }
}
