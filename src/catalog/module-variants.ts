// The records API's module-generic cases on any module (`--modules`): the same documented behaviour, with the request
// rewritten for the module. Field names and values the module's metadata decides are run variables
// (`{{mod__<Module>__<role>}}`), planned by a live run from that metadata; the rest is fixed here. Pure.

import { casesForVersion } from './catalog.ts';
import { caseModule, type Selection } from './select-cases.ts';
import type { Case, CaseRequest, EchoRule, Endpoint, JsonValue } from './types.ts';

/** What a module variant asks of its module: each a run variable `{{mod__<Module>__<role>}}` the live run fills. */
export type ModuleRole =
  /** A writable text field of the module, with its maximum length (the record's name where it has one). */
  | 'text_field'
  /** A value that field takes (fresh for the run, unique where the field is). */
  | 'text_value'
  /** Another such value, for an update (an insert and an update of a unique field must not meet). */
  | 'text_update'
  /** A third, for an upsert that inserts (it must match no record the run made). */
  | 'text_upsert'
  /** A value one character longer than that field allows. */
  | 'text_too_long'
  /** A field whose values must be unique in the module. */
  | 'unique_field'
  /** The value a record the run made holds in that field. */
  | 'unique_value'
  /** A writable field of a type that is not text (a number, a date, a boolean). */
  | 'typed_field'
  /** A text that is no value of that field's type. */
  | 'typed_wrong'
  /** A writable lookup field of the module. */
  | 'lookup_field'
  /** A record the run made and locked in the module. */
  | 'locked_id'
  /** The id of that record's lock. */
  | 'lock_id'
  /** A record the run made in the module: it holds `unique_value`, and no case changes it. */
  | 'record_id'
  /** A second record the run made in the module: the update cases write to it. */
  | 'second_id'
  /** A record the run made for a delete case to delete. */
  | 'delete_id';

/** A module API name, as Zoho spells them (Leads, Projects_Tracker). */
export const MODULE_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** The separator between a case id and its module in a variant's id (`success-single__Accounts`). */
const SEPARATOR = '__';

/** The run variable that holds `role` for `module`. */
export function moduleVariable(module: string, role: ModuleRole): string {
  return `mod${SEPARATOR}${module}${SEPARATOR}${role}`;
}

/** The module and role of a variable `moduleVariable` named, if it is one. */
export function parseModuleVariable(variable: string): { module: string; role: ModuleRole } | undefined {
  const match = /^mod__([A-Za-z][A-Za-z0-9_]*?)__([a-z_]+)$/.exec(variable);
  return match && (ROLES as readonly string[]).includes(match[2] ?? '')
    ? { module: match[1] ?? '', role: match[2] as ModuleRole }
    : undefined;
}

const ROLES: readonly ModuleRole[] = [
  'text_field',
  'text_value',
  'text_update',
  'text_upsert',
  'text_too_long',
  'unique_field',
  'unique_value',
  'typed_field',
  'typed_wrong',
  'lookup_field',
  'locked_id',
  'lock_id',
  'record_id',
  'second_id',
  'delete_id',
];

/** A variant's request on `module`, given the module's variables. */
type Template = (module: string, v: (role: ModuleRole) => string) => CaseRequest;

const FULL = { token: 'access_token' } as const;
const request = (method: string, path: string, body?: JsonValue): CaseRequest => ({
  method,
  path,
  auth: FULL,
  ...(body === undefined ? {} : { body }),
});
const named = (v: (role: ModuleRole) => string, value: string): { [key: string]: JsonValue } => ({
  [v('text_field')]: value,
});

/**
 * The module-generic cases, by endpoint and case id: success, a missing mandatory field, a duplicate in a unique field,
 * a lookup to a record that does not exist, a value of the wrong type, a value over its length, a bulk call over the
 * limit, a lock's update where the module's records can be locked, and a read and a delete of the module's own record.
 */
const TEMPLATES: Readonly<Record<string, Readonly<Record<string, Template>>>> = {
  'insert-records': {
    'success-single': (m, v) => request('POST', `/crm/{version}/${m}`, { data: [named(v, v('text_value'))] }),
    // Nothing at all: whatever the module makes mandatory is missing.
    'mandatory-not-found': (m) => request('POST', `/crm/{version}/${m}`, { data: [{}] }),
    'invalid-data-length': (m, v) => request('POST', `/crm/{version}/${m}`, { data: [named(v, v('text_too_long'))] }),
    'invalid-data-type': (m, v) =>
      request('POST', `/crm/{version}/${m}`, { data: [{ [v('typed_field')]: v('typed_wrong') }] }),
    // The Update Records page's unknown id: no org is given it.
    'invalid-data-lookup': (m, v) =>
      request('POST', `/crm/{version}/${m}`, { data: [{ [v('lookup_field')]: { id: '3652397000099999999' } }] }),
    'duplicate-data': (m, v) =>
      request('POST', `/crm/{version}/${m}`, { data: [{ [v('unique_field')]: v('unique_value') }] }),
    'limit-exceeded-records': (m, v) =>
      request('POST', `/crm/{version}/${m}`, { data: Array.from({ length: 101 }, () => named(v, v('text_value'))) }),
  },
  'upsert-records': {
    // Nothing the module holds matches a fresh value of its fields: the upsert inserts.
    'success-insert': (m, v) => request('POST', `/crm/{version}/${m}/upsert`, { data: [named(v, v('text_upsert'))] }),
    // The run's first record holds the unique value: the upsert updates it.
    'success-update': (m, v) =>
      request('POST', `/crm/{version}/${m}/upsert`, {
        data: [{ [v('unique_field')]: v('unique_value') }],
        duplicate_check_fields: [v('unique_field')],
      }),
    'mandatory-not-found': (m) => request('POST', `/crm/{version}/${m}/upsert`, { data: [{}] }),
    'invalid-data-length': (m, v) =>
      request('POST', `/crm/{version}/${m}/upsert`, { data: [named(v, v('text_too_long'))] }),
    'limit-exceeded-records': (m, v) =>
      request('POST', `/crm/{version}/${m}/upsert`, {
        data: Array.from({ length: 101 }, () => named(v, v('text_upsert'))),
      }),
  },
  'update-records': {
    // On the second record: the first keeps the unique value the duplicate cases repeat, whatever runs first.
    'success-single': (m, v) =>
      request('PUT', `/crm/{version}/${m}/${v('second_id')}`, { data: [named(v, v('text_update'))] }),
    'invalid-data-length': (m, v) =>
      request('PUT', `/crm/{version}/${m}/${v('second_id')}`, { data: [named(v, v('text_too_long'))] }),
    'duplicate-data': (m, v) =>
      request('PUT', `/crm/{version}/${m}/${v('second_id')}`, { data: [{ [v('unique_field')]: v('unique_value') }] }),
  },
  'update-record-locking-information': {
    'success-leads': (m, v) =>
      request('PUT', `/crm/{version}/${m}/${v('locked_id')}/Locking_Information__s/${v('lock_id')}`, {
        data: [{ Locked_Reason__s: 'deal  info updated' }],
      }),
  },
  'get-records': {
    'success-by-id': (m, v) => request('GET', `/crm/{version}/${m}/${v('record_id')}`),
  },
  'delete-records': {
    'success-single': (m, v) => request('DELETE', `/crm/{version}/${m}/${v('delete_id')}`),
  },
};

/** The catalog fixtures a case's own echoes name, and the module's record that takes their place on another module. */
const ECHO_VARIABLES: Readonly<Record<string, Readonly<Record<string, ModuleRole>>>> = {
  // Upsert's update matches the record holding the unique value the run wrote.
  'upsert-records/success-update': { mobile_holder_id: 'record_id' },
};

/** A case's own echo rule on `module`: as it is, with a fixture's variable mapped, or none where it reads a fixture. */
function onModule(rule: EchoRule, module: string, mapped: Readonly<Record<string, ModuleRole>>): EchoRule[] {
  const echo = rule.echo;
  if (echo.kind === 'variable') {
    const role = mapped[echo.name];
    return role ? [{ ...rule, echo: { kind: 'variable', name: moduleVariable(module, role) } }] : [];
  }
  return echo.kind === 'written-found' || echo.kind === 'values-written' ? [] : [rule];
}

/** True when the case runs on any module (`--modules`). */
export function isModuleGeneric(endpoint: Endpoint, testCase: Case): boolean {
  return endpoint.product === 'crm' && Boolean(TEMPLATES[endpoint.id]?.[baseId(testCase.id)]);
}

/** The module a variant's id names (`success-single__Accounts` -> Accounts), if it is a variant's. */
export function variantModule(caseId: string): string | undefined {
  const at = caseId.indexOf(SEPARATOR);
  return at < 0 ? undefined : caseId.slice(at + SEPARATOR.length);
}

function baseId(caseId: string): string {
  const at = caseId.indexOf(SEPARATOR);
  return at < 0 ? caseId : caseId.slice(0, at);
}

/**
 * The case on `module`: the catalog's own on the module it is written for, else its variant (id `<id>__<Module>`, the
 * name says the module). A variant keeps what the page documents (status, codes, messages, the endpoint's echoes) and
 * those of the case's own echoes that hold on any module (an upsert's action); one naming a catalog fixture is kept with
 * the module's record in its place where there is one, else left out. Only a live org is asked: the module is the org's.
 */
export function caseOnModule(endpoint: Endpoint, testCase: Case, module: string): Case {
  const template = TEMPLATES[endpoint.id]?.[testCase.id];
  if (!template || caseModule(testCase) === module) return testCase;
  const { echoes: own, ...rest } = testCase;
  const echoes = (own ?? []).flatMap((rule) =>
    onModule(rule, module, ECHO_VARIABLES[`${endpoint.id}/${testCase.id}`] ?? {}),
  );
  return {
    ...rest,
    ...(echoes.length > 0 ? { echoes } : {}),
    id: `${testCase.id}${SEPARATOR}${module}`,
    name: `${testCase.name} [${module}]`,
    request: template(module, (role) => `{{${moduleVariable(module, role)}}}`),
    provocable: ['live'],
    note: `The catalog's case written for ${caseModule(testCase) ?? 'its module'}, run on ${module}: its field names and values come from ${module}'s metadata.`,
  };
}

/**
 * The selections with each module-generic case run on every module of `modules` (in that order) instead of the one it
 * is written for; the other cases are kept as they are. A selection left with no case is dropped.
 */
export function withModules(selections: readonly Selection[], modules: readonly string[]): Selection[] {
  return selections.flatMap((selection) => {
    const cases = selection.cases.flatMap((c) =>
      isModuleGeneric(selection.endpoint, c) ? modules.map((m) => caseOnModule(selection.endpoint, c, m)) : [c],
    );
    return cases.length > 0 ? [{ ...selection, cases }] : [];
  });
}

/**
 * The cases of one collection with these ids, in catalog order (a variant where its base case is): how the verdict
 * thread and the harness files find a variant from its id alone.
 */
export function casesByIds(endpoint: Endpoint, version: string, ids: readonly string[]): Case[] {
  const wanted = new Set(ids);
  return casesForVersion(endpoint, version).flatMap((c) => {
    const own = wanted.has(c.id) ? [c] : [];
    if (!isModuleGeneric(endpoint, c)) return own;
    const variants = ids
      .filter((id) => baseId(id) === c.id && MODULE_NAME.test(variantModule(id) ?? ''))
      .map((id) => caseOnModule(endpoint, c, variantModule(id) ?? ''));
    return [...own, ...variants];
  });
}
