// What live mode knows of the org it writes to: edition, current user, modules and their fields, narrowed once from
// the metadata answers (GET /crm/v8/settings/modules, settings/fields, users?type=CurrentUser, org). Pure.

import { isObject } from '../is-object.ts';

/** Zoho CRM editions and their API concurrency limit (calls in flight at once per org; zoho-notes.md section 3). */
export const EDITION_CONCURRENCY = { free: 5, standard: 10, professional: 15, enterprise: 20, ultimate: 25 } as const;

export type Edition = keyof typeof EDITION_CONCURRENCY;

/** One field of a module, as the fields metadata API describes it (the keys live mode reads). */
export interface OrgField {
  readonly apiName: string;
  readonly dataType: string;
  readonly mandatory: boolean;
  readonly length?: number;
  readonly unique: boolean;
  /** Allowed picklist values (actual_value), "-None-" left out. */
  readonly picklist: readonly string[];
  /** For lookups: the module looked up. */
  readonly lookupModule?: string;
  /** The API cannot write it on create: read-only, virtual, or `operation_type.api_create` false. */
  readonly readOnly: boolean;
}

/** One module of the org; `fields` undefined when they could not be read. */
export interface OrgModule {
  readonly apiName: string;
  readonly custom: boolean;
  /** The API serves it and records can be created in it. */
  readonly usable: boolean;
  readonly fields?: readonly OrgField[];
}

/** One product's modules (CRM's or Bigin's), or undefined when its metadata could not be read (why says so). */
export interface ProductMetadata {
  readonly modules?: ReadonlyMap<string, OrgModule>;
  readonly unreadable?: string;
}

/** The org as live mode reads it before writing. */
export interface OrgMetadata {
  readonly edition?: Edition;
  readonly currentUser?: { readonly id: string; readonly name?: string };
  /** Records a ZOHO_* variable names that the org does not have (variable -> why). */
  readonly missingRecords?: Readonly<Record<string, string>>;
  readonly crm: ProductMetadata;
  readonly bigin: ProductMetadata;
}

type Raw = Record<string, unknown>;
const list = (body: unknown, key: string): Raw[] =>
  isObject(body) && Array.isArray(body[key]) ? body[key].filter(isObject) : [];
const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** `{"modules": [...]}` -> modules by API name (only those the API supports are usable). */
export function narrowModules(body: unknown): Map<string, OrgModule> {
  const modules = new Map<string, OrgModule>();
  for (const raw of list(body, 'modules')) {
    const apiName = text(raw['api_name']);
    if (!apiName) continue;
    const usable = raw['api_supported'] !== false && raw['creatable'] !== false;
    modules.set(apiName, { apiName, custom: raw['generated_type'] === 'custom', usable });
  }
  return modules;
}

/** `{"fields": [...]}` -> fields (system_mandatory, unique as an object, lookup.module.api_name, pick_list_values). */
export function narrowFields(body: unknown): OrgField[] {
  return list(body, 'fields').flatMap((raw): OrgField[] => {
    const apiName = text(raw['api_name']);
    const dataType = text(raw['data_type']);
    if (!apiName || !dataType) return [];
    const picklist = (Array.isArray(raw['pick_list_values']) ? raw['pick_list_values'] : [])
      .filter(isObject)
      .map((p) => text(p['actual_value']))
      .filter((v): v is string => v !== undefined && v !== '-None-');
    const lookup =
      isObject(raw['lookup']) && isObject(raw['lookup']['module'])
        ? text(raw['lookup']['module']['api_name'])
        : undefined;
    const length = typeof raw['length'] === 'number' && raw['length'] > 0 ? raw['length'] : undefined;
    return [
      {
        apiName,
        dataType,
        mandatory: raw['system_mandatory'] === true,
        unique: isObject(raw['unique']),
        picklist,
        // Read-only too: a field the API may not write on create (fields.json `operation_type.api_create`) or a
        // virtual one, which the org computes; the suite never plans a value for either.
        readOnly:
          raw['read_only'] === true ||
          raw['field_read_only'] === true ||
          raw['virtual_field'] === true ||
          (isObject(raw['operation_type']) && raw['operation_type']['api_create'] === false),
        ...(length ? { length } : {}),
        ...(lookup ? { lookupModule: lookup } : {}),
      },
    ];
  });
}

/** `{"users": [...]}` of ?type=CurrentUser -> the user the token belongs to. */
export function narrowCurrentUser(body: unknown): OrgMetadata['currentUser'] {
  const user = list(body, 'users')[0];
  const id = text(user?.['id']);
  return id ? { id, ...(text(user?.['full_name']) ? { name: String(user?.['full_name']) } : {}) } : undefined;
}

/** `{"org": [...]}` -> the edition, read from license_details.paid_type (e.g. "professional", "Enterprise"). */
export function narrowEdition(body: unknown): Edition | undefined {
  const org = list(body, 'org')[0];
  const license = isObject(org?.['license_details']) ? org['license_details'] : {};
  const paidType = (text(license['paid_type']) ?? '').toLowerCase();
  if (license['paid'] === false && paidType === '') return 'free';
  return (Object.keys(EDITION_CONCURRENCY) as Edition[]).find((edition) => paidType.includes(edition));
}

/** A module's fields with their data, once both answers are in. */
export function withFields(
  modules: ReadonlyMap<string, OrgModule>,
  fields: ReadonlyMap<string, readonly OrgField[]>,
): Map<string, OrgModule> {
  return new Map(
    [...modules].map(([name, module]) => [
      name,
      fields.has(name) ? { ...module, fields: fields.get(name) ?? [] } : module,
    ]),
  );
}
