// What Zoho documents every org to have, and how a case that the org's metadata says it cannot run is settled: not
// applicable only when the org lacks a documented capability; not checked (with the fix) when the org hides from this
// user what every org has, or needs a setup the suite cannot make. Pure (docs/outcomes-and-exit-codes.md).

import type { CaseBlock } from '../verdict/index.ts';
import type { Edition } from './org-metadata.ts';

/**
 * Standard modules, present in every org whatever its edition ("Standard, predefined modules are available to all Zoho
 * CRM users, regardless of the Edition", Zoho CRM help, Customize modules): one missing from settings/modules is hidden
 * from this user (the profile's module permissions, or the token's scopes), never absent. Bigin's are its own.
 */
const EVERY_ORG_MODULES: Readonly<Record<'crm' | 'bigin', ReadonlySet<string>>> = {
  crm: new Set([
    'Leads',
    'Contacts',
    'Accounts',
    'Deals',
    'Tasks',
    'Events',
    'Calls',
    'Products',
    'Price_Books',
    'Quotes',
    'Sales_Orders',
    'Purchase_Orders',
    'Invoices',
    'Vendors',
    'Campaigns',
    'Cases',
    'Solutions',
  ]),
  bigin: new Set(['Contacts', 'Accounts', 'Deals', 'Products', 'Tasks', 'Events', 'Calls']),
};

/** Fields the cases write that are custom fields of the docs' example org, so not in every org. */
const DEMO_ORG_FIELDS: Readonly<Record<'crm' | 'bigin', Readonly<Record<string, readonly string[]>>>> = {
  crm: { Deals: ['Foreign_Languages'] },
  bigin: {},
};

/**
 * Modules whose records can be locked: the record locking page's "Possible module names" (leads, accounts, contacts,
 * deals, tasks, cases, solutions, vendors, pricebooks, quotes, salesorders, purchaseorders, invoices and custom), as
 * API names; every custom module too.
 */
const LOCKABLE_MODULES: ReadonlySet<string> = new Set([
  'Leads',
  'Accounts',
  'Contacts',
  'Deals',
  'Tasks',
  'Cases',
  'Solutions',
  'Vendors',
  'Price_Books',
  'Quotes',
  'Sales_Orders',
  'Purchase_Orders',
  'Invoices',
]);

/** How a case that locks a record of `module` is settled where the page lists no locking for it; undefined where it does. */
export function notLockable(module: string, custom: boolean): CaseBlock | undefined {
  if (custom || LOCKABLE_MODULES.has(module)) return undefined;
  return {
    outcome: 'not-applicable',
    reason: `the record locking page does not list ${module} among the modules whose records can be locked`,
  };
}

/** Editions with no custom modules (Zoho's edition comparison lists custom modules from Standard up). */
const NO_CUSTOM_MODULES: ReadonlySet<Edition> = new Set(['free']);

const PROFILE_FIX = 'Setup > Users and Control > Security Control > Profiles';

/** A module the case (or its fixture) needs and the org's module list does not show; `listed` is how many it shows. */
export function missingModule(product: 'crm' | 'bigin', module: string, listed: number): CaseBlock {
  const label = product === 'bigin' ? `Bigin module ${module}` : `module ${module}`;
  if (listed === 0 || EVERY_ORG_MODULES[product].has(module))
    return {
      outcome: 'not-checked',
      cause: 'org-access',
      reason:
        listed === 0
          ? `the org lists no modules to this user, not even ${module}, which every org has`
          : `the org does not show the ${label} to this user; every org has it`,
      fix: `give this user's profile access to ${module} (${PROFILE_FIX}) and use a token with the ${product === 'bigin' ? 'ZohoBigin' : 'ZohoCRM'}.settings.modules.READ scope (npm run contract -- auth --scopes)`,
    };
  return {
    outcome: 'not-checked',
    cause: 'org-setup',
    reason: `this org has no ${label}`,
    fix: `create ${module}, or leave out the cases that name it (--case, --endpoint)`,
  };
}

/** A field a case writes (or its fixture needs) that the module's fields do not show. */
export function missingField(product: 'crm' | 'bigin', module: string, field: string, custom: boolean): CaseBlock {
  if (custom || DEMO_ORG_FIELDS[product][module]?.includes(field))
    return {
      outcome: 'not-checked',
      cause: 'org-setup',
      reason: `${module} has no field ${field} in this org (the docs' example org has it; not every org does)`,
      fix: `add a field ${field} to ${module} as the doc page's example has it, or leave the case out (--case)`,
    };
  return {
    outcome: 'not-checked',
    cause: 'org-access',
    reason: `${module} does not show the field ${field} to this user; Zoho documents it in every org`,
    fix: `give this user's profile access to ${module}.${field} (field permissions, ${PROFILE_FIX})`,
  };
}

/** No custom module to lock a record in: not applicable in an edition without custom modules, else a setup to make. */
export function noCustomModule(edition: Edition | undefined, listed: number): CaseBlock {
  if (edition && NO_CUSTOM_MODULES.has(edition))
    return { outcome: 'not-applicable', reason: `the ${edition} edition has no custom modules` };
  if (listed === 0) return missingModule('crm', 'a custom module', 0);
  return {
    outcome: 'not-checked',
    cause: 'org-setup',
    reason: 'this org has no custom module the API can write (the custom-module locking case needs one)',
    fix: 'create a custom module (Setup > Customization > Modules and Fields), or set ZOHO_LOCKING_CUSTOM_MODULE to one',
  };
}

/** ZOHO_LOCKING_CUSTOM_MODULE names a module this org does not have as a custom module the API can write. */
export function wrongLockingModule(chosen: string, custom: readonly string[]): CaseBlock {
  return {
    outcome: 'not-checked',
    cause: 'configuration',
    reason: `ZOHO_LOCKING_CUSTOM_MODULE names ${chosen}, which is not a custom module of this org the API can write (${custom.length ? `its custom modules: ${custom.join(', ')}` : 'it has none'})`,
    fix: `set ZOHO_LOCKING_CUSTOM_MODULE to one of this org's custom modules, or unset it to use the first one`,
  };
}

/** The suite cannot make what a fixture needs (a mandatory field it cannot fill, lookups in a circle). */
export function cannotPlan(why: string, module: string): CaseBlock {
  return {
    outcome: 'not-checked',
    cause: 'org-setup',
    reason: why,
    fix: `make that field optional or give it a default for the API user's layout, or leave out the cases that need a ${module} record`,
  };
}

const RANK: Readonly<Record<CaseBlock['outcome'], number>> = { error: 0, 'not-checked': 1, 'not-applicable': 2 };

/** One block for a case from all of its own: the gravest outcome wins (an error, then not checked), reasons joined. */
export function gravest(blocks: readonly CaseBlock[]): CaseBlock | undefined {
  const sorted = [...blocks].sort((a, b) => RANK[a.outcome] - RANK[b.outcome]);
  const first = sorted[0];
  if (!first) return undefined;
  const same = sorted.filter((b) => b.outcome === first.outcome);
  const reason = [...new Set(same.map((b) => b.reason))].join('; ');
  if (first.outcome !== 'not-checked') return { ...first, reason };
  const fix = [...new Set(same.map((b) => (b.outcome === 'not-checked' ? b.fix : '')))].join('; ');
  return { ...first, reason, fix };
}
