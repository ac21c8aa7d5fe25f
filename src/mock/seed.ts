// The mock org's deterministic seed: users with profiles, tokens with scopes, and records in several modules.

import { createHash } from 'node:crypto';

/** A CRM user; `canEdit` is the profile's edit permission, `admin` sees every record. */
export interface MockUser {
  readonly id: string;
  readonly name: string;
  readonly canEdit: boolean;
  readonly admin: boolean;
}

/** A stored record: its fields plus the mock-only state Zoho keeps beside them. */
export interface MockRecord {
  fields: Record<string, unknown>;
  readonly ownerId: string;
  readonly createdTime: string;
  readonly createdBy: MockUser;
  modifiedTime: string;
  modifiedBy: MockUser;
  // Always present, so every record has one object shape: the update path reads these on every request, and
  // records of several shapes (seeded with or without a flag, inserted) made those reads polymorphic.
  readonly locked: boolean;
  readonly awaitingApproval: boolean;
  readonly privateToOwner: boolean;
}

const ORG = '3652397000';
const id = (n: number): string => `${ORG}${String(n).padStart(9, '0')}`;
/** Zoho-looking token derived from a label, so every start gives the same values. */
const token = (label: string): string => {
  const hex = createHash('sha256').update(`zoho-mock:${label}`).digest('hex');
  return `1000.${hex.slice(0, 32)}.${hex.slice(32, 64)}`;
};

export const users = {
  admin: { id: id(235011), name: 'Patricia Boyle', canEdit: true, admin: true },
  readOnly: { id: id(235012), name: 'Rita Reader', canEdit: false, admin: false },
  standard: { id: id(235013), name: 'Sam Standard', canEdit: true, admin: false },
} as const satisfies Record<string, MockUser>;

/** What a fully granted token carries across the three products. */
export const FULL_SCOPES = [
  'ZohoCRM.modules.ALL',
  'ZohoCRM.modules.lockinginformation.Update',
  'ZohoCRM.settings.ALL',
  'ZohoCRM.users.READ',
  'ZohoCRM.org.READ',
  'ZohoBigin.modules.ALL',
  'contracts.meta.UPDATE',
  // Search Records needs it beside a module scope ("(and)" on its page).
  'ZohoSearch.securesearch.READ',
];

/** Tokens the mock accepts, with their user and granted scopes. */
export const seedTokens: ReadonlyArray<{
  readonly variable: string;
  readonly token: string;
  readonly user: MockUser;
  readonly scopes: readonly string[];
}> = [
  { variable: 'access_token', token: token('full'), user: users.admin, scopes: FULL_SCOPES },
  {
    variable: 'token_without_scope',
    token: token('no-scope'),
    user: users.admin,
    scopes: ['ZohoCRM.modules.leads.READ', 'ZohoBigin.modules.products.READ', 'contracts.meta.READ'],
  },
  { variable: 'token_no_permission', token: token('no-permission'), user: users.readOnly, scopes: FULL_SCOPES },
  { variable: 'token_restricted_user', token: token('restricted'), user: users.standard, scopes: FULL_SCOPES },
  // Record locking needs two scopes at once (page: lockinginformation.Update "(and)" a module scope): one each.
  {
    variable: 'token_module_scope_only',
    token: token('module-scope-only'),
    user: users.admin,
    scopes: ['ZohoCRM.modules.ALL'],
  },
  {
    variable: 'token_locking_scope_only',
    token: token('locking-scope-only'),
    user: users.admin,
    scopes: ['ZohoCRM.modules.lockinginformation.Update'],
  },
];

export const SEED_TIME = '2021-05-02T11:17:33+00:00';

/** What the seed puts where, and which variable names each role. */
export interface SeedRecord {
  readonly module: string;
  readonly id: string;
  readonly fields: Record<string, unknown>;
  readonly variable?: string;
  readonly locked?: boolean;
  readonly awaitingApproval?: boolean;
  readonly privateToOwner?: boolean;
}

export const EXISTING_MOBILE = '98883434559';

/** The record the read cases read and search for: values no other seeded record holds, exposed as variables. */
export const READ_RECORD = { Last_Name: 'Readwell', Email: 'read.me@zylker.com' } as const;
/** An id that held a record once and holds none now: what a second read of a deleted record asks for. */
export const DELETED_RECORD_ID = id(412099);

/** Bigin's records (kept apart from CRM's: another product, another org). Companies' API name is Accounts. */
export function seedBiginRecords(): SeedRecord[] {
  return [
    { module: 'Deals', id: id(510001), fields: { Deal_Name: 'Bigin renewal' }, variable: 'bigin_deal_id' },
    {
      module: 'Deals',
      id: id(510002),
      fields: { Deal_Name: 'Private deal' },
      variable: 'bigin_private_deal_id',
      privateToOwner: true,
    },
    { module: 'Contacts', id: id(511001), fields: { Last_Name: 'Boyle' }, variable: 'bigin_contact_id' },
    { module: 'Accounts', id: id(512001), fields: { Account_Name: 'Zylker Corp' }, variable: 'bigin_account_id' },
    { module: 'Products', id: id(327001), fields: { Product_Name: 'Widget' }, variable: 'bigin_product_id' },
    { module: 'Products', id: id(854001), fields: { Product_Name: 'Gadget' }, variable: 'bigin_second_product_id' },
    // The page's maximum of 100 related records per call needs 100 products to relate at once.
    ...Array.from({ length: 100 }, (_, i) => ({
      module: 'Products',
      id: id(855001 + i),
      fields: { Product_Name: `Part ${i + 1}` },
      variable: `bigin_bulk_product_${String(i + 1).padStart(3, '0')}`,
    })),
  ];
}

/** A record lock (Locking_Information__s): who set it decides whether its information may be changed. */
export interface SeedLock {
  readonly module: string;
  readonly recordId: string;
  readonly lockId: string;
  /** manual: set through the API or UI; automatic: set by a record-locking rule, not editable. */
  readonly source: 'manual' | 'automatic';
  readonly recordVariable: string;
  readonly lockVariable: string;
}

/** Locked records for the record-locking endpoint: one per supported module kind, plus a rule-held lock. */
export function seedLocks(): SeedLock[] {
  return [
    {
      module: 'Leads',
      recordId: id(430001),
      lockId: id(804001),
      source: 'manual',
      recordVariable: 'locked_lead_id',
      lockVariable: 'lead_lock_id',
    },
    {
      module: 'Deals',
      recordId: id(430002),
      lockId: id(804002),
      source: 'manual',
      recordVariable: 'locked_deal_id',
      lockVariable: 'deal_lock_id',
    },
    {
      module: 'Custom_Module1',
      recordId: id(430003),
      lockId: id(804003),
      source: 'manual',
      recordVariable: 'locked_custom_id',
      lockVariable: 'custom_lock_id',
    },
    {
      module: 'Leads',
      recordId: id(430004),
      lockId: id(804004),
      source: 'automatic',
      recordVariable: 'rule_locked_lead_id',
      lockVariable: 'rule_lock_id',
    },
  ];
}

/** Every seeded record, in a fixed order. */
export function seedRecords(): SeedRecord[] {
  const lead = (n: number, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    Last_Name: `Lead ${n}`,
    Company: 'Zylker',
    ...extra,
  });
  const records: SeedRecord[] = [
    { module: 'Leads', id: id(412001), fields: lead(1), variable: 'record_id' },
    { module: 'Leads', id: id(412002), fields: lead(2), variable: 'second_record_id' },
    {
      module: 'Leads',
      id: id(412003),
      fields: lead(3, { Mobile: EXISTING_MOBILE, Email: 'holder@zylker.com' }),
      variable: 'mobile_holder_id',
    },
    { module: 'Leads', id: id(412004), fields: lead(4), variable: 'locked_record_id', locked: true },
    { module: 'Leads', id: id(412005), fields: lead(5), variable: 'unapproved_record_id', awaitingApproval: true },
    { module: 'Leads', id: id(412006), fields: lead(6), variable: 'private_record_id', privateToOwner: true },
    { module: 'Leads', id: id(412007), fields: lead(7, READ_RECORD), variable: 'read_record_id' },
    {
      module: 'Leads',
      id: id(412008),
      fields: lead(8, { Email: 'second.read@zylker.com' }),
      variable: 'read_second_record_id',
    },
    // Made for deleting, so the delete cases never take a record another case reads or updates.
    { module: 'Leads', id: id(412011), fields: lead(11), variable: 'delete_record_id' },
    { module: 'Leads', id: id(412012), fields: lead(12), variable: 'delete_first_id' },
    { module: 'Leads', id: id(412013), fields: lead(13), variable: 'delete_second_id' },
    {
      module: 'Deals',
      id: id(413001),
      fields: { Deal_Name: 'Zylker renewal', Stage: 'Qualification', Foreign_Languages: ['English'] },
      variable: 'deal_id',
    },
    {
      module: 'Events',
      id: id(414001),
      fields: {
        Event_Title: 'Kick-off',
        Participants: [1, 2, 3].map((n) => ({ type: 'email', participant: `p${n}@zylker.com` })),
      },
      variable: 'event_id',
    },
    { module: 'Accounts', id: id(415001), fields: { Account_Name: 'Zylker Inc' } },
    { module: 'Contacts', id: id(416001), fields: { Last_Name: 'Stewart' } },
    { module: 'Campaigns', id: id(417001), fields: { Campaign_Name: 'Spring launch' }, variable: 'campaign_id' },
    ...seedLocks().map((lock) => ({
      module: lock.module,
      id: lock.recordId,
      fields: { Name: `Locked ${lock.module}` },
    })),
  ];
  for (let n = 1; n <= 101; n += 1) {
    records.push({
      module: 'Leads',
      id: id(420000 + n),
      fields: lead(100 + n),
      variable: `bulk_id_${String(n).padStart(3, '0')}`,
    });
  }
  return records;
}
