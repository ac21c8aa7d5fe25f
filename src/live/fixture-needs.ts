// What the live cases need the suite to create, by collection variable, and the demo org's fields to fall back on
// when an org's metadata cannot be read. Pure data.

import type { OrgField } from './org-metadata.ts';

/** One record a case needs: the variable its id fills, where it lives, the fields the cases rely on, its lock. */
export interface FixtureNeed {
  readonly variable: string;
  readonly product: 'crm' | 'bigin';
  /** A module API name, or LOCKING_CUSTOM: the lockable custom module the run picks from the org. */
  readonly module: string;
  /** Fields the cases read beyond what the org makes mandatory; `exposes` names the variable that gets the value. */
  readonly wants?: ReadonlyArray<{ readonly field: string; readonly exposes?: string }>;
  /** The record is locked after it is created (Locking_Information__s); the lock's id fills this variable. */
  readonly lock?: string;
  /** The module's unique field (module-plan.ts picks it) is filled fresh, and its value fills this variable. */
  readonly uniqueExposes?: string;
  /** The record is deleted again before the cases: its id is one the org no longer has (a read of a deleted id). */
  readonly deleted?: true;
}

/** Stands for the custom module the run locks a record in. */
export const LOCKING_CUSTOM = '<custom module>';
/** The variable that names that module in the locking collection's path. */
export const LOCKING_MODULE_VARIABLE = 'locking_custom_module';

const crm = (variable: string, module: string, extra: Partial<FixtureNeed> = {}): FixtureNeed => ({
  variable,
  product: 'crm',
  module,
  ...extra,
});
const bigin = (variable: string, module: string): FixtureNeed => ({ variable, product: 'bigin', module });

/** Every record the catalog's live cases reference that the API can create. */
export const FIXTURE_NEEDS: readonly FixtureNeed[] = [
  crm('record_id', 'Leads'),
  crm('second_record_id', 'Leads'),
  crm('mobile_holder_id', 'Leads', { wants: [{ field: 'Mobile', exposes: 'existing_mobile' }] }),
  crm('deal_id', 'Deals', { wants: [{ field: 'Foreign_Languages' }] }),
  crm('event_id', 'Events'),
  // Get and Search Records read these back: the values the run wrote become the variables the cases search for.
  crm('read_record_id', 'Leads', {
    wants: [
      { field: 'Email', exposes: 'read_record_email' },
      { field: 'Last_Name', exposes: 'read_record_last_name' },
    ],
  }),
  crm('read_second_record_id', 'Leads'),
  // Delete Records deletes only these: records the run created for it, in the fixture ledger.
  crm('delete_record_id', 'Leads'),
  crm('delete_first_id', 'Leads'),
  crm('delete_second_id', 'Leads'),
  crm('deleted_record_id', 'Leads', { deleted: true }),
  ...Array.from({ length: 101 }, (_, i) => crm(`bulk_id_${String(i + 1).padStart(3, '0')}`, 'Leads')),
  crm('locked_lead_id', 'Leads', { lock: 'lead_lock_id' }),
  crm('locked_deal_id', 'Deals', { lock: 'deal_lock_id' }),
  crm('locked_custom_id', LOCKING_CUSTOM, { lock: 'custom_lock_id' }),
  bigin('bigin_deal_id', 'Deals'),
  bigin('bigin_contact_id', 'Contacts'),
  bigin('bigin_account_id', 'Accounts'),
  bigin('bigin_product_id', 'Products'),
  bigin('bigin_second_product_id', 'Products'),
  ...Array.from({ length: 100 }, (_, i) => bigin(`bigin_bulk_product_${String(i + 1).padStart(3, '0')}`, 'Products')),
];

const field = (apiName: string, dataType: string, mandatory: boolean, extra: Partial<OrgField> = {}): OrgField => ({
  apiName,
  dataType,
  mandatory,
  unique: false,
  picklist: [],
  readOnly: false,
  ...extra,
});
const description = field('Description', 'textarea', false, { length: 32000 });

/** The demo org's fields (the docs' examples), used for a product whose metadata the token cannot read. */
export const DEFAULT_FIELDS: Readonly<Record<'crm' | 'bigin', Readonly<Record<string, readonly OrgField[]>>>> = {
  crm: {
    Leads: [
      field('Last_Name', 'text', true, { length: 80 }),
      field('Company', 'text', true, { length: 100 }),
      field('Mobile', 'phone', false, { unique: true, length: 30 }),
      field('Email', 'email', false, { length: 100 }),
      field('Annual_Revenue', 'currency', false),
      description,
    ],
    Deals: [
      field('Deal_Name', 'text', true, { length: 120 }),
      field('Stage', 'picklist', true, { picklist: ['Qualification'] }),
      field('Account_Name', 'lookup', false, { lookupModule: 'Accounts' }),
      field('Foreign_Languages', 'multiselectpicklist', false, { picklist: ['English'] }),
      description,
    ],
    Events: [
      field('Event_Title', 'text', true),
      field('Start_DateTime', 'datetime', true),
      field('End_DateTime', 'datetime', true),
      description,
    ],
    Custom_Module1: [field('Name', 'text', true, { length: 120 }), description],
  },
  bigin: {
    Deals: [
      field('Deal_Name', 'text', true, { length: 120 }),
      field('Stage', 'picklist', true, { picklist: ['Qualification'] }),
      description,
    ],
    Contacts: [field('Last_Name', 'text', true, { length: 80 }), description],
    Accounts: [field('Account_Name', 'text', true, { unique: true, length: 200 }), description],
    Products: [field('Product_Name', 'text', true, { unique: true, length: 200 }), description],
  },
};
