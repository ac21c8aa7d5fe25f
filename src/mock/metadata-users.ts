// `GET /crm/v8/users` as Zoho answers it: the org's users in the shape of users.json, filtered by the v8 `type` values.

import { SEED_TIME, users, type MockUser } from './seed.ts';
import type { Json } from './zoho-errors.ts';

export const ORG_ID = '3652397000000000001';
export const ZGID = '3652397';
export const ADMIN_PROFILE = { name: 'Administrator', id: '3652397000000026011' };
export const STANDARD_PROFILE = { name: 'Standard', id: '3652397000000026014' };

/**
 * The `type` values of the v8 Get Users page (zoho.com/crm/developer/docs/api/v8/get-users.html), each with the users it
 * selects. users.json's `type` enum lists six of them (not AllUsers, DeletedUsers, AdminUsers, ActiveConfirmedAdmins);
 * the page is followed, docs/coverage.md records the gap. Every seeded user is active and confirmed, none deleted.
 */
const USER_TYPES: Readonly<Record<string, (current: MockUser) => readonly MockUser[]>> = {
  AllUsers: () => Object.values(users),
  ActiveUsers: () => Object.values(users),
  DeactiveUsers: () => [],
  ConfirmedUsers: () => Object.values(users),
  NotConfirmedUsers: () => [],
  DeletedUsers: () => [],
  ActiveConfirmedUsers: () => Object.values(users),
  AdminUsers: () => Object.values(users).filter((u) => u.admin),
  ActiveConfirmedAdmins: () => Object.values(users).filter((u) => u.admin),
  CurrentUser: (current) => [current],
};

/** The users a `type` selects (AllUsers when none is given, as the page says), or undefined for a type v8 does not document. */
export function usersOfType(type: string | null, current: MockUser): readonly MockUser[] | undefined {
  return USER_TYPES[type ?? 'AllUsers']?.(current);
}

/** The user's sign-in address, derived from the name (the SDK keys its field cache on it). */
export function emailOf(user: MockUser): string {
  return `${user.name.toLowerCase().replace(/[^a-z]+/g, '.')}@zylker.com`;
}

/** users.json `Minified_User`: name and id required, email beside them. */
export function minifiedUser(user: MockUser): Json {
  return { name: user.name, id: user.id, email: emailOf(user) };
}

/** users.json `owner` (the type of a user's `Modified_By`): name, id, first_name and last_name, all required. */
export function ownerOf(user: MockUser): Json {
  const [first = '', ...rest] = user.name.split(' ');
  return { name: user.name, id: user.id, first_name: first, last_name: rest.join(' ') };
}

/**
 * A `users[]` entry. Where users.json was plainly derived from one example, the value is what Zoho's real answers carry
 * (docs/coverage.md lists each point): `email` does not fit the OpenAPI's `[a-z0-9]{9}[@][a-z0-9]{5}[.]com`,
 * `date_format` and `number_separator` are not the one value each enum allows, and `time_zone` is a zone name (the
 * OpenAPI says `type: object`; Zoho's SDK reads it as a time zone id).
 */
export function userEntry(user: MockUser): Json {
  const owner = ownerOf(user);
  return {
    id: user.id,
    zuid: user.id.slice(-8),
    full_name: user.name,
    first_name: owner['first_name'],
    last_name: owner['last_name'],
    email: emailOf(user),
    alias: null,
    status: 'active',
    confirm: true,
    category: 'regular_user',
    personal_account: false,
    sandboxDeveloper: false,
    microsoft: false,
    Isonline: false,
    role: { name: user.admin ? 'CEO' : 'Manager', id: user.admin ? '3652397000000026005' : '3652397000000026008' },
    profile: user.admin ? ADMIN_PROFILE : STANDARD_PROFILE,
    locale: 'en_US',
    country_locale: 'en_US',
    language: 'en_US',
    country: 'US',
    time_zone: 'Etc/UTC',
    offset: 0,
    time_format: 'HH:mm',
    date_format: 'MM-dd-yyyy',
    decimal_separator: 'Period',
    number_separator: 'Comma',
    sort_order_preference__s: 'First Name,Last Name',
    name_format__s: 'Salutation,First Name,Last Name',
    default_tab_group: '0',
    Currency: 'USD',
    city: null,
    state: null,
    street: null,
    zip: null,
    phone: null,
    mobile: null,
    fax: null,
    website: null,
    dob: null,
    signature: null,
    status_reason__s: null,
    created_by: minifiedUser(users.admin),
    created_time: SEED_TIME,
    // users.json types Modified_By as `owner`; Zoho's SDK also reads a Created_By beside created_by, in the same shape.
    Created_By: ownerOf(users.admin),
    Modified_By: ownerOf(users.admin),
    Modified_Time: SEED_TIME,
    Reporting_To: null,
    customize_info: {
      notes_desc: null,
      show_right_panel: null,
      bc_view: null,
      unpin_recent_item: null,
      show_home: false,
      show_detail_view: true,
    },
    theme: {
      normal_tab: { font_color: '#FFFFFF', background: '#222222' },
      selected_tab: { font_color: '#FFFFFF', background: '#222222' },
      new_background: null,
      background: '#F3F0EB',
      screen: 'fixed',
      type: 'default',
    },
  };
}

/** `GET /crm/v8/users` (users.json `Response_Wrapper`: users and info, both required). */
export function usersBody(list: readonly MockUser[]): Json {
  return { users: list.map(userEntry), info: { per_page: 200, count: list.length, page: 1, more_records: false } };
}
