// One check per profile field, compiled once: the value's type, length, picklist value and lookup target.

import type { ProfileField } from './org-profile.ts';
import type { Json } from './zoho-errors.ts';

/** What a check can ask of the org's state: does this record exist? */
export type RecordExists = (module: string, id: string) => boolean;

/** A field's check: undefined when the value is acceptable, else the INVALID_DATA `details` (without json_path). */
export type FieldCheck = (value: unknown, exists: RecordExists) => Json | undefined;

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
// ISO 8601 with seconds and an explicit offset, as Zoho writes and reads datetimes ("2021-05-02T11:17:33+05:30").
const DATETIME =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d([+-]([01]\d|2[0-3]):[0-5]\d|Z)$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const PHONE = /^[+\d\s().\-]+$/;
const STRING_TYPES = new Set(['text', 'textarea', 'mediumtext', 'email', 'phone', 'website', 'autonumber']);
const INTEGER_TYPES = new Set(['integer', 'long', 'bigint']);
const NUMBER_TYPES = new Set(['double', 'currency', 'percent', 'decimal']);

/** Compiles the check of one field; undefined for types the mock stores without checking (subforms, files...). */
export function compileFieldCheck(field: ProfileField): FieldCheck | undefined {
  const type = field.data_type;
  const invalid = (expected: string): Json => ({ api_name: field.api_name, expected_data_type: expected });
  if (STRING_TYPES.has(type)) return stringCheck(field, invalid);
  if (INTEGER_TYPES.has(type))
    return (v) =>
      Number.isInteger(v) || (type !== 'integer' && typeof v === 'string' && /^-?\d+$/.test(v))
        ? undefined
        : invalid(type);
  if (NUMBER_TYPES.has(type)) return (v) => (typeof v === 'number' && Number.isFinite(v) ? undefined : invalid(type));
  if (type === 'boolean') return (v) => (typeof v === 'boolean' ? undefined : invalid('boolean'));
  if (type === 'date')
    return (v) => (typeof v === 'string' && DATE.test(v) && !Number.isNaN(Date.parse(v)) ? undefined : invalid('date'));
  if (type === 'datetime') return (v) => (typeof v === 'string' && DATETIME.test(v) ? undefined : invalid('datetime'));
  if (type === 'picklist') return picklistCheck(field, invalid);
  if (type === 'multiselectpicklist') {
    const one = picklistCheck(field, invalid);
    return (v, exists) =>
      Array.isArray(v) ? v.map((x) => one(x, exists)).find((e) => e !== undefined) : invalid('multiselectpicklist');
  }
  if (type === 'lookup' && field.lookup) return lookupCheck(field.api_name, field.lookup.module.api_name);
  return undefined;
}

function stringCheck(field: ProfileField, invalid: (expected: string) => Json): FieldCheck {
  const type = field.data_type;
  const max = field.length;
  const pattern = type === 'email' ? EMAIL : type === 'phone' ? PHONE : undefined;
  return (v) => {
    if (typeof v !== 'string') return invalid(type);
    // The length error names the type and the maximum; the rule check adds json_path, as to every field error.
    if (max !== undefined && v.length > max)
      return { api_name: field.api_name, expected_data_type: 'text', maximum_length: max };
    return pattern && v !== '' && !pattern.test(v) ? invalid(type) : undefined;
  };
}

/** UNCONFIRMED: whether Zoho refuses a value that is not in the pick list (some orgs add it as an unused value). */
function picklistCheck(field: ProfileField, invalid: (expected: string) => Json): FieldCheck {
  const allowed = new Set(field.pick_list_values.flatMap((p) => [p.actual_value, p.display_value]));
  return (v) => (typeof v === 'string' && (allowed.size === 0 || allowed.has(v)) ? undefined : invalid('picklist'));
}

/** A lookup is `{"id": "..."}` (or the bare id) of a record that exists in the looked-up module. */
function lookupCheck(apiName: string, module: string): FieldCheck {
  return (v, exists) => {
    const id =
      typeof v === 'string'
        ? v
        : typeof v === 'object' && v !== null && 'id' in v
          ? (v as { id: unknown }).id
          : undefined;
    if (typeof id !== 'string' || !exists(module, id)) return { api_name: apiName, expected_data_type: 'lookup' };
    return undefined;
  };
}
