// A value for one field of a fixture record, by the field's type as the org describes it: text within its length,
// an allowed picklist value, a date, a number, an email, a phone; unique where the field is unique. Pure.

import type { OrgField } from './org-metadata.ts';

/** What every value of a run is derived from: a short tag of the run and a counter, so unique fields stay unique. */
export interface FillContext {
  readonly runId: string;
  /** A few base-36 characters derived from the run id. */
  readonly tag: string;
  /** Next number of the run (each call takes one). */
  next(): number;
  readonly currentUserId?: string;
}

/** A value, a reference to another fixture record (its id once created), or why the field cannot be filled. */
export type Filled =
  | { readonly value: unknown }
  | { readonly lookup: string }
  | { readonly why: string }
  | { readonly skip: true };

/** Types the org fills itself: never sent. */
const SYSTEM_FILLED = new Set(['autonumber', 'formula', 'rollup_summary']);

/** Fills `field` of `module`; `datetimeIndex` orders the datetimes of one record (an end after its start). */
export function fillField(module: string, field: OrgField, context: FillContext, datetimeIndex = 0): Filled {
  if (SYSTEM_FILLED.has(field.dataType) || field.readOnly) return { skip: true };
  const n = context.next();
  const seq = n.toString(36);
  switch (field.dataType) {
    case 'text':
    case 'textarea':
    case 'mediumtext':
      return {
        value: fitText(
          field.unique ? `zcs-${context.tag}-${seq}` : `zoho-contract-suite ${context.runId}`,
          field.length ?? 255,
          `${context.tag}${seq}`,
        ),
      };
    case 'email':
      return { value: `zcs.${context.tag}.${seq}@example.com` };
    case 'phone':
      return {
        value: `9${digitsOf(context.tag).slice(0, 5).padEnd(5, '0')}${String(n % 10_000).padStart(4, '0')}`.slice(
          0,
          field.length ?? 30,
        ),
      };
    case 'website':
      return { value: `https://example.com/zcs-${context.tag}-${seq}` };
    case 'picklist':
    case 'multiselectpicklist': {
      const first = field.picklist[0];
      if (first === undefined)
        return { why: `${module}.${field.apiName} is a mandatory picklist with no value to choose` };
      return { value: field.dataType === 'picklist' ? first : [first] };
    }
    case 'date':
      return { value: '2030-01-15' };
    case 'datetime':
      return { value: `2030-01-15T${String(10 + datetimeIndex).padStart(2, '0')}:00:00+00:00` };
    case 'integer':
    case 'long':
    case 'bigint':
    case 'double':
    case 'decimal':
    case 'percent':
    case 'currency':
      return { value: field.unique ? n : 1 };
    case 'boolean':
      return { value: true };
    case 'lookup':
      return field.lookupModule
        ? { lookup: field.lookupModule }
        : { why: `${module}.${field.apiName} is a mandatory lookup that names no module` };
    case 'ownerlookup':
    case 'userlookup':
      return context.currentUserId
        ? { value: { id: context.currentUserId } }
        : { why: `${module}.${field.apiName} needs a user, and the current user could not be read` };
    default:
      return {
        why: `${module}.${field.apiName} is mandatory and of type ${field.dataType}, which the suite cannot fill`,
      };
  }
}

/** `preferred` cut to `length`; a unique value too long for it keeps its distinguishing end. */
function fitText(preferred: string, length: number, short: string): string {
  if (preferred.length <= length) return preferred;
  return preferred.startsWith('zcs-') ? short.slice(-length) : preferred.slice(0, length);
}

function digitsOf(tag: string): string {
  return [...tag].map((c) => (parseInt(c, 36) % 10).toString()).join('');
}

/**
 * The run's fill context: its tag is derived from the run id and `seed` (runs that start in the same second, the
 * shards of a CI matrix, share a run id: only the seed keeps their unique values apart), its counter starts at 1.
 */
export function fillContext(runId: string, currentUserId?: string, seed = ''): FillContext {
  let hash = 0;
  for (const c of `${runId}${seed}`) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  let count = 0;
  return {
    runId,
    tag: hash.toString(36).slice(0, 4).padStart(4, '0'),
    next: () => (count += 1),
    ...(currentUserId ? { currentUserId } : {}),
  };
}
