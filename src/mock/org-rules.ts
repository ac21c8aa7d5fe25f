// The profile compiled once into what each write checks: mandatory, typed, looked-up and unique fields per module.

import { compileFieldCheck, type FieldCheck, type RecordExists } from './field-checks.ts';
import { EDITION_CONCURRENCY, type OrgProfile, type ProfileModule } from './org-profile.ts';
import type { Json } from './zoho-errors.ts';

/** One module's rules. */
export interface ModuleRules {
  readonly module: ProfileModule;
  readonly mandatory: readonly string[];
  readonly unique: readonly string[];
  readonly checks: ReadonlyMap<string, FieldCheck>;
}

/** The org the mock plays, ready for the hot path. */
export interface OrgRules {
  readonly profile: OrgProfile;
  readonly modules: ReadonlyMap<string, ModuleRules>;
  /** Calls the edition allows in flight at once. */
  readonly concurrencyLimit: number;
}

/** A rule an input record breaks: the code, its details and message, as one `data[]` entry says it. */
export interface RuleBreach {
  readonly behaviour: string;
  readonly code: string;
  readonly details: Json;
  readonly message: string;
}

/** Compiles a profile once at start-up. */
export function compileOrgRules(profile: OrgProfile): OrgRules {
  const modules = new Map<string, ModuleRules>();
  for (const [name, module] of profile.modules) {
    const checks = new Map<string, FieldCheck>();
    for (const field of module.fields) {
      const check = compileFieldCheck(field);
      if (check) checks.set(field.api_name, check);
    }
    modules.set(name, {
      module,
      mandatory: module.fields.filter((f) => f.system_mandatory).map((f) => f.api_name),
      unique: module.fields.filter((f) => f.unique !== null).map((f) => f.api_name),
      checks,
    });
  }
  return { profile, modules, concurrencyLimit: EDITION_CONCURRENCY[profile.edition] };
}

const isEmpty = (value: unknown): boolean => value === undefined || value === null || value === '';

/**
 * Checks one input record of an insert (`creating`) or update, in Zoho's order: mandatory fields, then each field's
 * type, length, pick list and lookup. On update a mandatory field may be left out but not emptied (UNCONFIRMED:
 * no page says what emptying one answers; MANDATORY_NOT_FOUND is the documented code for a missing mandatory field).
 */
export function checkEntry(
  rules: ModuleRules,
  input: Json,
  index: number,
  creating: boolean,
  exists: RecordExists,
): RuleBreach | undefined {
  for (const field of rules.mandatory) {
    const value = input[field];
    if (creating ? isEmpty(value) : value !== undefined && isEmpty(value)) {
      return {
        behaviour: 'MANDATORY_NOT_FOUND:field',
        code: 'MANDATORY_NOT_FOUND',
        details: { api_name: field, json_path: `$.data[${index}].${field}` },
        message: 'required field not found',
      };
    }
  }
  for (const key in input) {
    const check = rules.checks.get(key);
    const value = input[key];
    if (!check || value === null) continue;
    const details = check(value, exists);
    if (details)
      return {
        behaviour: breachBehaviour(details),
        code: 'INVALID_DATA',
        // json_path on every field error, the over-long one too (users.json `MaxLengthDetails`, record_locking.json
        // `Maximum_Length`: maximum_length, api_name and json_path).
        details: { ...details, json_path: `$.data[${index}].${key}` },
        message: 'invalid data',
      };
  }
  return undefined;
}

function breachBehaviour(details: Json): string {
  if ('maximum_length' in details) return 'INVALID_DATA:length';
  return details['expected_data_type'] === 'lookup' ? 'INVALID_DATA:lookup' : 'INVALID_DATA:type';
}
