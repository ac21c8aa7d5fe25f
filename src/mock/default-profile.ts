// The org the mock plays without --org: the seeded demo org of the doc pages, with the checks it always had.

import { parseOrgProfile, type OrgProfile } from './org-profile.ts';

const text = (api_name: string, length: number, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  api_name,
  data_type: 'text',
  length,
  ...extra,
});
const picklist = (
  api_name: string,
  values: readonly string[],
  extra: Record<string, unknown> = {},
): Record<string, unknown> => ({
  api_name,
  data_type: 'picklist',
  pick_list_values: values.map((v) => ({ display_value: v, actual_value: v })),
  ...extra,
});
const plain = (...names: string[]): Array<Record<string, unknown>> =>
  names.map((api_name) => ({ api_name, data_type: 'text', length: 255 }));
const lockable = { lockable: true };

/** The demo org: the record locking page's "possible module names" are lockable, Custom_Module1 is the one custom module. */
const DEFAULT_PROFILE = {
  edition: 'enterprise',
  modules: {
    Leads: {
      ...lockable,
      fields: [
        text('Last_Name', 80, { system_mandatory: true }),
        text('First_Name', 80),
        text('Company', 80),
        { api_name: 'Email', data_type: 'email', length: 100, unique: {} },
        { api_name: 'Mobile', data_type: 'phone', length: 30, unique: {} },
        { api_name: 'Annual_Revenue', data_type: 'currency' },
        { api_name: 'Description', data_type: 'textarea', length: 32000 },
      ],
    },
    Accounts: { ...lockable, fields: [text('Account_Name', 200, { system_mandatory: true, unique: {} })] },
    Contacts: { ...lockable, fields: [text('Last_Name', 80, { system_mandatory: true }), text('First_Name', 80)] },
    Deals: {
      ...lockable,
      fields: [
        text('Deal_Name', 120, { system_mandatory: true }),
        { api_name: 'Account_Name', data_type: 'lookup', lookup: { module: { api_name: 'Accounts' } } },
        picklist('Stage', [
          'Qualification',
          'Needs Analysis',
          'Value Proposition',
          'Proposal/Price Quote',
          'Negotiation/Review',
          'Closed Won',
          'Closed Lost',
        ]),
        // The update-records page's $append_values example writes it.
        {
          ...picklist('Foreign_Languages', ['English', 'Korean', 'German', 'French', 'Hindi']),
          data_type: 'multiselectpicklist',
        },
        { api_name: 'Description', data_type: 'textarea', length: 32000 },
      ],
    },
    Campaigns: { fields: plain('Campaign_Name') },
    Tasks: { ...lockable, fields: [] },
    Cases: { ...lockable, fields: [] },
    Events: { fields: [] },
    Calls: { fields: [] },
    Solutions: { ...lockable, fields: [] },
    Products: { fields: [] },
    Vendors: { ...lockable, fields: [] },
    Price_Books: { ...lockable, fields: [] },
    Quotes: { ...lockable, fields: [] },
    Sales_Orders: { ...lockable, fields: [] },
    Purchase_Orders: { ...lockable, fields: [] },
    Invoices: { ...lockable, fields: [] },
    Custom_Module1: { custom: true, ...lockable, fields: [] },
  },
};

/** The default profile, parsed like any other so it holds to the same rules. */
export function defaultOrgProfile(): OrgProfile {
  return parseOrgProfile(DEFAULT_PROFILE, 'the built-in default profile');
}
