// GET .../search as Zoho's Search Records page describes it: one of criteria, email, phone or word; criteria as
// parenthesised `field:operator:value` conditions joined by and/or, at most 10; 204 when nothing matches.

import { info, project } from './get-records-api.ts';
import type { MockState } from './mock-state.ts';
import type { Handled, RecordsRequest } from './records-api.ts';
import type { MockRecord } from './seed.ts';
import { topLevelError } from './zoho-errors.ts';

const MAX_CONDITIONS = 10;
const MAX_PER_PAGE = 200;
const OPERATORS = new Set([
  'equals',
  'not_equal',
  'starts_with',
  'in',
  'greater_than',
  'greater_equal',
  'less_than',
  'less_equal',
  'between',
]);

/** A parsed criteria: one condition, or conditions joined by one of and/or. */
export type Condition =
  | { readonly field: string; readonly op: string; readonly value: string }
  | { readonly join: 'and' | 'or'; readonly parts: readonly Condition[] };

/** The records matching the search, a page of them, or Zoho's error for the request. */
export function handleSearch(state: MockState, request: RecordsRequest): Handled {
  const { query } = request;
  const matcher = matcherOf(query);
  if ('error' in matcher) return matcher.error;
  const perPage = Math.min(Number(query.get('per_page')) || MAX_PER_PAGE, MAX_PER_PAGE);
  const pageNumber = Math.max(Number(query.get('page')) || 1, 1);
  const found = [...state.moduleRecords(request.module)].filter(([, record]) => matcher.match(record));
  const start = (pageNumber - 1) * perPage;
  const page = found.slice(start, start + perPage);
  if (page.length === 0) return { response: { status: 204, body: {} }, behaviours: ['NO_CONTENT:search'] };
  const fields = query
    .get('fields')
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    response: {
      status: 200,
      body: {
        data: page.map(([id, record]) => project(record, id, fields && fields.length > 0 ? fields : undefined)),
        info: info(start, perPage, page.length, start + perPage < found.length),
      },
    },
    behaviours: ['SUCCESS:search'],
  };
}

type Matcher = { match: (record: MockRecord) => boolean } | { error: Handled };

function matcherOf(query: URLSearchParams): Matcher {
  const values = (r: MockRecord) => Object.values(r.fields).filter((v): v is string => typeof v === 'string');
  const email = query.get('email');
  if (email) return { match: (r) => values(r).some((v) => v.toLowerCase() === email.toLowerCase()) };
  const phone = query.get('phone');
  if (phone) return { match: (r) => values(r).some((v) => digits(v) !== '' && digits(v) === digits(phone)) };
  const word = query.get('word');
  if (word) return { match: (r) => values(r).some((v) => v.toLowerCase().includes(word.toLowerCase())) };
  const criteria = query.get('criteria');
  if (!criteria)
    return {
      error: {
        response: topLevelError('REQUIRED_PARAM_MISSING', { param_name: 'criteria' }),
        behaviours: ['REQUIRED_PARAM_MISSING:search'],
      },
    };
  const parsed = parseCriteria(criteria);
  if (!parsed || !knownOperators(parsed))
    return {
      error: { response: topLevelError('INVALID_QUERY'), behaviours: ['INVALID_QUERY'] },
    };
  if (countConditions(parsed) > MAX_CONDITIONS)
    return {
      error: {
        response: topLevelError('LIMIT_EXCEEDED', { limit: MAX_CONDITIONS }, 'Maximum criteria limit exceeded'),
        behaviours: ['LIMIT_EXCEEDED:criteria'],
      },
    };
  return { match: (r) => evaluate(parsed, r.fields) };
}

/** `((a:op:v)and(b:op:v))` -> a tree; undefined when the parentheses or the joins do not parse (mixed and/or too). */
export function parseCriteria(text: string): Condition | undefined {
  const parts: string[] = [];
  const joins: string[] = [];
  let depth = 0;
  let start = 0;
  let between = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '(') {
      if (depth === 0) {
        if (parts.length > 0) joins.push(between.trim().toLowerCase());
        else if (between.trim() !== '') return undefined;
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
  if (depth !== 0 || parts.length === 0 || between.trim() !== '') return undefined;
  if (parts.length === 1) {
    const inner = parts[0] ?? '';
    if (inner.trimStart().startsWith('(')) return parseCriteria(inner);
    const [field, op, ...rest] = inner.split(':');
    if (!field || !op || rest.length === 0) return undefined;
    return { field: field.trim(), op: op.trim(), value: rest.join(':').replace(/\\(.)/g, '$1') };
  }
  const join = joins[0];
  if ((join !== 'and' && join !== 'or') || joins.some((j) => j !== join)) return undefined;
  const children = parts.map((part) => parseCriteria(`(${part})`));
  return children.every((c): c is Condition => c !== undefined) ? { join, parts: children } : undefined;
}

/** How many `field:op:value` conditions the criteria hold. */
export function countConditions(condition: Condition): number {
  return 'join' in condition ? condition.parts.reduce((n, p) => n + countConditions(p), 0) : 1;
}

function knownOperators(condition: Condition): boolean {
  return 'join' in condition ? condition.parts.every(knownOperators) : OPERATORS.has(condition.op);
}

function evaluate(condition: Condition, fields: Readonly<Record<string, unknown>>): boolean {
  if ('join' in condition) {
    const results = condition.parts.map((p) => evaluate(p, fields));
    return condition.join === 'and' ? results.every(Boolean) : results.some(Boolean);
  }
  const raw = fields[condition.field];
  const actual = typeof raw === 'string' || typeof raw === 'number' ? String(raw).toLowerCase() : '';
  const wanted = condition.value.toLowerCase();
  const [low = '', high = ''] = wanted.split(',').map((v) => v.trim());
  switch (condition.op) {
    // The v8 page: equals on text behaves like contains ("ABC" finds "ABC Inc").
    case 'equals':
      return actual !== '' && actual.includes(wanted);
    case 'not_equal':
      return !actual.includes(wanted);
    case 'starts_with':
      return actual.startsWith(wanted);
    case 'in':
      return wanted.split(',').some((v) => actual === v.trim());
    case 'greater_than':
      return compare(actual, wanted) > 0;
    case 'greater_equal':
      return compare(actual, wanted) >= 0;
    case 'less_than':
      return compare(actual, wanted) < 0;
    case 'less_equal':
      return compare(actual, wanted) <= 0;
    default:
      return compare(actual, low) >= 0 && compare(actual, high) <= 0;
  }
}

/** Numbers as numbers, anything else (dates in ISO form) as text. */
function compare(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  return a !== '' && !Number.isNaN(x) && !Number.isNaN(y) ? x - y : a.localeCompare(b);
}

function digits(text: string): string {
  return text.replace(/\D/g, '');
}
