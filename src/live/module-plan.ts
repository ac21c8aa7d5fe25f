// `--modules`: the modules a live run's module-generic cases run on, checked against the org before anything is
// written, and what each case's request needs of the module (a text field with its length, a unique field, records the
// run makes), planned from the module's fields. Pure.

import { MODULE_NAME, moduleVariable, parseModuleVariable } from '../catalog/index.ts';
import { ConfigError } from '../errors.ts';
import type { CaseBlock } from '../verdict/index.ts';
import { fillField, type FillContext } from './fill-field.ts';
import type { FixtureNeed } from './fixture-needs.ts';
import { notLockable } from './org-capabilities.ts';
import type { OrgField, OrgMetadata } from './org-metadata.ts';

/** Types of a field the suite writes a text into, shortest first in preference. */
const TEXT_TYPES = ['text', 'mediumtext', 'textarea'];
/** Types whose values are no text: a text sent to one is of the wrong type (the mock and Zoho check them alike). */
const TYPED = ['integer', 'long', 'bigint', 'double', 'currency', 'percent', 'decimal', 'boolean', 'date', 'datetime'];
/** Types a unique value can be written into (fill-field.ts makes each fresh). */
// Text only: the value goes into the request as a string variable.
const UNIQUE_TYPES = new Set(['text', 'mediumtext', 'textarea', 'email', 'phone', 'website']);

/**
 * Refuses (exit 2, before any fixture) a module the org does not have, one the API cannot write records in, or an org
 * whose modules could not be read: the modules are the user's input, so a wrong one is their setting, not the org's.
 */
export function checkModules(org: OrgMetadata, modules: readonly string[]): void {
  const listed = org.crm.modules;
  if (!listed || listed.size === 0)
    throw new ConfigError(
      `--modules needs the org's modules, and ${listed ? 'the org lists this user none' : `they could not be read (${org.crm.unreadable ?? 'no answer'})`}`,
      'give the token ZohoCRM.settings.modules.READ and ZohoCRM.settings.fields.READ (npm run contract -- auth), or leave --modules out',
    );
  for (const module of modules) {
    const found = listed.get(module);
    if (!found) {
      const names = [...listed.values()].filter((m) => m.usable).map((m) => m.apiName);
      throw new ConfigError(
        `--modules names ${module}, which the org does not have (or hides from this user)`,
        `use API names of the org's modules: ${names.slice(0, 12).join(', ')}${names.length > 12 ? ', ...' : ''}`,
      );
    }
    if (!found.usable)
      throw new ConfigError(
        `--modules names ${module}, in which the API cannot create records`,
        'name modules whose records the API writes (api_supported and creatable in settings/modules)',
      );
  }
}

/** The records a module variant needs made in its module, for each `mod__<Module>__*_id` variable the cases reference. */
export function moduleFixtureNeeds(variables: Iterable<string>): FixtureNeed[] {
  const needs: FixtureNeed[] = [];
  const holders = new Set<string>();
  for (const variable of new Set(variables)) {
    const parsed = parseModuleVariable(variable);
    if (!parsed || !MODULE_NAME.test(parsed.module)) continue;
    const { module, role } = parsed;
    // The unique value is the first record's: a case that repeats it needs that record, whether it names it or not.
    if (role === 'record_id' || role === 'unique_value') {
      const holder = moduleVariable(module, 'record_id');
      if (!holders.has(holder))
        needs.push({ variable: holder, product: 'crm', module, uniqueExposes: moduleVariable(module, 'unique_value') });
      holders.add(holder);
    } else if (role === 'second_id' || role === 'delete_id') needs.push({ variable, product: 'crm', module });
    else if (role === 'locked_id')
      needs.push({ variable, product: 'crm', module, lock: moduleVariable(module, 'lock_id') });
  }
  return needs;
}

/** The field a variant writes its text into: a writable text field with a length, not unique where one is not. */
export function textFieldOf(fields: readonly OrgField[]): OrgField | undefined {
  const writable = fields.filter((f) => !f.readOnly && f.length !== undefined && TEXT_TYPES.includes(f.dataType));
  const rank = (f: OrgField): number => TEXT_TYPES.indexOf(f.dataType) * 4 + (f.unique ? 2 : 0) + (f.mandatory ? 0 : 1);
  return [...writable].sort((a, b) => rank(a) - rank(b))[0];
}

/** The field whose values must be unique in the module, where it has one the suite can fill. */
export function uniqueFieldOf(fields: readonly OrgField[]): OrgField | undefined {
  return fields.find((f) => f.unique && !f.readOnly && UNIQUE_TYPES.has(f.dataType));
}

/**
 * The values of `module`'s variables known before anything is created (field names, a fresh text, a text one character
 * too long), and how the cases that need a role the module lacks are settled.
 */
export function planModuleVariables(
  module: string,
  fields: readonly OrgField[],
  context: FillContext,
  custom = false,
): { variables: Record<string, string>; unavailable: Record<string, CaseBlock> } {
  const variables: Record<string, string> = {};
  const unavailable: Record<string, CaseBlock> = {};
  const name = (role: Parameters<typeof moduleVariable>[1]): string => moduleVariable(module, role);
  // No record is made (nor locked) where the page lists no locking: the lock case is not applicable there.
  const unlockable = notLockable(module, custom);
  if (unlockable) {
    unavailable[name('locked_id')] = unlockable;
    unavailable[name('lock_id')] = unlockable;
  }
  const text = textFieldOf(fields);
  if (text?.length !== undefined) {
    variables[name('text_field')] = text.apiName;
    for (const role of ['text_value', 'text_update', 'text_upsert'] as const) {
      const filled = fillField(module, text, context);
      if ('value' in filled) variables[name(role)] = String(filled.value);
    }
    variables[name('text_too_long')] = 'x'.repeat(text.length + 1);
  } else {
    const block: CaseBlock = {
      outcome: 'not-applicable',
      reason: `${module} has no writable text field with a maximum length (its fields metadata), so no value can be too long for one`,
    };
    for (const role of ['text_field', 'text_value', 'text_update', 'text_upsert', 'text_too_long'] as const)
      unavailable[name(role)] = block;
  }
  const unique = uniqueFieldOf(fields);
  if (unique) variables[name('unique_field')] = unique.apiName;
  else {
    const block: CaseBlock = {
      outcome: 'not-applicable',
      reason: `${module} has no unique field (its fields metadata), so no value can repeat another record's`,
    };
    unavailable[name('unique_field')] = block;
    unavailable[name('unique_value')] = block;
  }
  // Numbers first: a text where a number goes is refused by every API; a date or a boolean comes after.
  const typed = fields
    .filter((f) => !f.readOnly && TYPED.includes(f.dataType))
    .sort((a, b) => TYPED.indexOf(a.dataType) - TYPED.indexOf(b.dataType))[0];
  if (typed) {
    variables[name('typed_field')] = typed.apiName;
    variables[name('typed_wrong')] = `not a ${typed.dataType}`;
  } else {
    const block: CaseBlock = {
      outcome: 'not-applicable',
      reason: `${module} has no writable field of a number, date or boolean type (its fields metadata), so no text can be of the wrong type`,
    };
    unavailable[name('typed_field')] = block;
    unavailable[name('typed_wrong')] = block;
  }
  const lookup = fields.find((f) => !f.readOnly && f.dataType === 'lookup');
  if (lookup) variables[name('lookup_field')] = lookup.apiName;
  else
    unavailable[name('lookup_field')] = {
      outcome: 'not-applicable',
      reason: `${module} has no lookup field (its fields metadata), so no lookup can name a missing record`,
    };
  return { variables, unavailable };
}

/** How a variant expecting MANDATORY_NOT_FOUND is settled on a module where the org makes no field mandatory. */
export function noMandatoryField(module: string, fields: readonly OrgField[]): CaseBlock | undefined {
  return fields.some((f) => f.mandatory && !f.readOnly)
    ? undefined
    : {
        outcome: 'not-applicable',
        reason: `${module} has no mandatory field (its fields metadata), so no record can leave one out`,
      };
}
