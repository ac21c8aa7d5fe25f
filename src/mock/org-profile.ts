// An org profile: the edition and the modules and fields an org has, narrowed once from outside JSON.

import { ConfigError } from '../errors.ts';
import { isObject } from '../is-object.ts';

/** Zoho CRM editions and their API concurrency limit (calls in flight at once per org; zoho-notes.md section 3). */
export const EDITION_CONCURRENCY = { free: 5, standard: 10, professional: 15, enterprise: 20, ultimate: 25 } as const;

export type Edition = keyof typeof EDITION_CONCURRENCY;

/** Modules Zoho's API does not serve: "The modules such as Documents and Projects are not supported in the current API"
 * (INVALID_MODULE, "The given module is not supported in API": crm-update-records.txt and
 * bigin-update-related-records.txt, Possible Errors). Every call to one answers INVALID_MODULE, so no org has one. */
export const UNSUPPORTED_MODULES: ReadonlySet<string> = new Set(['Documents', 'Projects']);

/** The `data_type` values of Zoho's fields metadata API (the v8 SDK's type table, plus formula). */
export const FIELD_DATA_TYPES = new Set([
  'text',
  'textarea',
  'email',
  'phone',
  'website',
  'mediumtext',
  'profileimage',
  'autonumber',
  'integer',
  'boolean',
  'long',
  'bigint',
  'double',
  'percent',
  'currency',
  'decimal',
  'fileupload',
  'datetime',
  'event_reminder',
  'date',
  'lookup',
  'picklist',
  'multiselectpicklist',
  'subform',
  'ownerlookup',
  'userlookup',
  'multiuserlookup',
  'ALARM',
  'RRULE',
  'multireminder',
  'consent_lookup',
  'imageupload',
  'multiselectlookup',
  'linetax',
  'module',
  'layout',
  'multi_module_lookup',
  'time_range',
  'formula',
]);

/** One field, in the shape of an entry of `GET /crm/v8/settings/fields` (the keys the mock reads; any others are kept). */
export interface ProfileField {
  readonly api_name: string;
  readonly data_type: string;
  readonly system_mandatory: boolean;
  readonly length?: number;
  /** Present (an object, `{}` will do) when values must be unique in the module. */
  readonly unique: Readonly<Record<string, unknown>> | null;
  readonly pick_list_values: ReadonlyArray<{ readonly display_value: string; readonly actual_value: string }>;
  /** For lookups: the module looked up. */
  readonly lookup: { readonly module: { readonly api_name: string } } | null;
  /** The entry as the profile gave it, served back by the fields API. */
  readonly source: Readonly<Record<string, unknown>>;
}

/** One module of the org. */
export interface ProfileModule {
  readonly api_name: string;
  /** A module the org created (generated_type "custom"). */
  readonly custom: boolean;
  /** Records of this module can be locked through the record locking API. */
  readonly lockable: boolean;
  readonly fields: readonly ProfileField[];
}

/** What the mock plays: an edition and its modules. */
export interface OrgProfile {
  readonly edition: Edition;
  readonly modules: ReadonlyMap<string, ProfileModule>;
}

type Raw = Record<string, unknown>;

/** Narrows a parsed profile file (outside data) into an OrgProfile, or throws one ConfigError naming what is wrong. */
export function parseOrgProfile(value: unknown, source: string): OrgProfile {
  const bad = (what: string, fix: string): ConfigError => new ConfigError(`--org ${source}: ${what}`, fix);
  if (!isObject(value))
    throw bad(
      'not a JSON object',
      'give a file like {"edition": "professional", "modules": {"Leads": {"fields": [...]}}}',
    );
  const edition = value['edition'];
  if (typeof edition !== 'string' || !(edition in EDITION_CONCURRENCY)) {
    throw bad(
      `unknown edition ${JSON.stringify(edition)}`,
      `use one of ${Object.keys(EDITION_CONCURRENCY).join(', ')}`,
    );
  }
  const rawModules = value['modules'];
  if (!isObject(rawModules) || Object.keys(rawModules).length === 0)
    throw bad('"modules" must be an object with at least one module', 'map module API names to {"fields": [...]}');
  const modules = new Map<string, ProfileModule>();
  for (const [name, raw] of Object.entries(rawModules)) modules.set(name, parseModule(name, raw, bad));
  for (const module of modules.values()) {
    for (const field of module.fields) {
      const target = field.lookup?.module.api_name;
      if (target !== undefined && !modules.has(target)) {
        throw bad(
          `${module.api_name}.${field.api_name} looks up module "${target}", which the profile does not have`,
          `add "${target}" to "modules" or remove the lookup`,
        );
      }
    }
  }
  return { edition: edition as Edition, modules };
}

function parseModule(name: string, raw: unknown, bad: (what: string, fix: string) => ConfigError): ProfileModule {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name))
    throw bad(`module name "${name}" is not an API name`, 'use the module API name, e.g. Leads or Projects_Tracker');
  // Loaded, such a profile would have the mock refuse every insert into the module, and a rehearsal read the refusal
  // as something the org lacks (issue 21): the contradiction is the profile's, so it is named before anything runs.
  if (UNSUPPORTED_MODULES.has(name)) {
    const custom = isObject(raw) && raw['custom'] === true;
    throw bad(
      `${custom ? 'custom module' : 'module'} "${name}": Zoho's pages list ${name} as not supported by the API (crm-update-records.txt § Possible Errors: INVALID_MODULE "The given module is not supported in API"), so every call to it would answer INVALID_MODULE`,
      custom
        ? `give the custom module an API name of its own, e.g. ${name}_Tracker`
        : `remove "${name}" from "modules"`,
    );
  }
  if (!isObject(raw) || !Array.isArray(raw['fields']))
    throw bad(`module ${name} needs a "fields" array`, 'give "fields": [] for a module without declared fields');
  const flag = (key: string): boolean => {
    const v = raw[key];
    if (v !== undefined && typeof v !== 'boolean')
      throw bad(`module ${name}: "${key}" must be true or false`, `write "${key}": true`);
    return v === true;
  };
  const fields = raw['fields'].map((field: unknown, i: number) => parseField(name, i, field, bad));
  const seen = new Set<string>();
  for (const field of fields) {
    if (seen.has(field.api_name))
      throw bad(`module ${name} declares field ${field.api_name} twice`, 'keep one entry per api_name');
    seen.add(field.api_name);
  }
  return { api_name: name, custom: flag('custom'), lockable: flag('lockable'), fields };
}

function parseField(
  module: string,
  index: number,
  raw: unknown,
  bad: (what: string, fix: string) => ConfigError,
): ProfileField {
  const where = `module ${module}, fields[${index}]`;
  if (!isObject(raw) || typeof raw['api_name'] !== 'string' || raw['api_name'] === '')
    throw bad(`${where} needs an "api_name"`, 'give each field its API name');
  const api = raw['api_name'];
  const type = raw['data_type'];
  if (typeof type !== 'string' || !FIELD_DATA_TYPES.has(type)) {
    throw bad(
      `${module}.${api} has unknown data_type ${JSON.stringify(type)}`,
      "use a data_type of Zoho's fields API: text, email, phone, picklist, date, datetime, lookup, integer, currency...",
    );
  }
  const length = raw['length'];
  if (length !== undefined && (typeof length !== 'number' || !Number.isInteger(length) || length <= 0))
    throw bad(`${module}.${api}: "length" must be a positive integer`, 'write e.g. "length": 80');
  const picks = raw['pick_list_values'] ?? [];
  if (
    !Array.isArray(picks) ||
    !picks.every(
      (p) => isObject(p) && (typeof p['actual_value'] === 'string' || typeof p['display_value'] === 'string'),
    )
  ) {
    throw bad(
      `${module}.${api}: "pick_list_values" must be a list of {"display_value", "actual_value"}`,
      'write e.g. [{"display_value": "Hot", "actual_value": "Hot"}]',
    );
  }
  const lookupModule =
    isObject(raw['lookup']) && isObject(raw['lookup']['module']) ? raw['lookup']['module']['api_name'] : undefined;
  if (type === 'lookup' && typeof lookupModule !== 'string')
    throw bad(
      `${module}.${api} is a lookup without "lookup.module.api_name"`,
      'write "lookup": {"module": {"api_name": "Accounts"}}',
    );
  const unique = raw['unique'];
  return {
    api_name: api,
    data_type: type,
    system_mandatory: raw['system_mandatory'] === true,
    ...(typeof length === 'number' ? { length } : {}),
    unique: isObject(unique) ? unique : null,
    pick_list_values: (picks as Raw[]).map((p) => {
      const actual = typeof p['actual_value'] === 'string' ? p['actual_value'] : String(p['display_value']);
      return {
        display_value: typeof p['display_value'] === 'string' ? p['display_value'] : actual,
        actual_value: actual,
      };
    }),
    lookup: typeof lookupModule === 'string' ? { module: { api_name: lookupModule } } : null,
    source: raw,
  };
}
