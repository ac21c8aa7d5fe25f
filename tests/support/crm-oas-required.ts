// Facts transcribed from Zoho's CRM v8 OpenAPI (github.com/zoho/crm-oas, v8.0/, commit 45dff2cc9c69): the keys each
// metadata answer's schemas require, the enums Zoho's real answers keep to, each with the file and schema it comes
// from; and one check that walks an answer against them. A transcription, not a copy: no schema file is read.

import { MINIFIED_FIELD, MINIFIED_USER, shape } from './crm-oas-shape.ts';

export { missingRequired, type RequiredShape } from './crm-oas-shape.ts';

const TAB = shape('users.json', 'tab', ['font_color', 'background']);

/**
 * users.json `users` lists no required keys of its own; its objects do. Not checked on purpose (docs/coverage.md):
 * `email`'s pattern, the one-value enums of `date_format` and `number_separator`, and `time_zone` as an object, all
 * plainly derived from one example.
 */
const USER = shape('users.json', 'users', [], {
  enums: {
    time_format: ['HH:mm', 'hh:mm a', null],
    decimal_separator: ['Comma', 'Period', null],
  },
  nested: {
    Modified_By: shape('users.json', 'owner', ['name', 'id', 'last_name', 'first_name']),
    created_by: MINIFIED_USER,
    profile: shape('users.json', 'profile', ['name', 'id']),
    role: shape('users.json', 'role', ['name', 'id']),
    customize_info: shape('users.json', 'customize_info', [
      'notes_desc',
      'show_right_panel',
      'bc_view',
      'unpin_recent_item',
      'show_home',
      'show_detail_view',
    ]),
    theme: shape(
      'users.json',
      'theme',
      ['normal_tab', 'selected_tab', 'new_background', 'background', 'screen', 'type'],
      { nested: { normal_tab: TAB, selected_tab: TAB } },
    ),
  },
});

/** `GET /crm/v8/users` (any type): users.json `Response_Wrapper`. */
export const USERS_ANSWER = shape('users.json', 'Response_Wrapper', ['users', 'info'], {
  each: { users: USER },
  nested: { info: shape('users.json', 'info', ['per_page', 'count', 'page', 'more_records']) },
});

/** users.json `InvalidError`: the 400 INVALID_DATA of `GET /users` (the mock's answer to an unknown `type`). */
export const USERS_INVALID_DATA = shape('users.json', 'InvalidError', ['code', 'details', 'message', 'status'], {
  enums: { code: ['INVALID_DATA'], status: ['error'] },
});

const ORG = shape(
  'org.json',
  'Org',
  [
    'country',
    'photo_id',
    'city',
    'description',
    'mc_status',
    'gapps_enabled',
    'translation_enabled',
    'street',
    'domain_name',
    'alias',
    'currency',
    'id',
    'state',
    'fax',
    'zip',
    'currency_symbol',
    'mobile',
    'currency_locale',
    'primary_zuid',
    'zia_portal_id',
    'time_zone',
    'zgid',
    'country_code',
    'deletable_org_account',
    'license_details',
    'hierarchy_preferences',
    'phone',
    'company_name',
    'privacy_settings',
    'primary_email',
    'iso_code',
    'hipaa_compliance_enabled',
    'lite_users_enabled',
    'max_per_page',
    'ezgid',
    'call_icon',
    'oauth_presence',
    'zia_zgid',
    'checkin_preferences',
  ],
  {
    enums: { type: ['Bigin', 'Production', 'Developer', 'Sandbox'] },
    nested: {
      license_details: shape('org.json', 'License_Details', [
        'paid_expiry',
        'users_license_purchased',
        'trial_type',
        'trial_expiry',
        'paid',
        'paid_type',
        'trial_action',
      ]),
      hierarchy_preferences: shape('org.json', 'hierarchy_preferences', ['type', 'strictly_reporting'], {
        enums: { type: ['Role_Hierarchy', 'Reporting_To_Hierarchy'] },
      }),
      checkin_preferences: shape('org.json', 'checkin_preferences', ['restricted_event_types']),
    },
  },
);

/** `GET /crm/v8/org`: org.json `Response_Wrapper`. */
export const ORG_ANSWER = shape('org.json', 'Response_Wrapper', ['org'], { each: { org: ORG } });

export { MODULES_ANSWER } from './crm-oas-required-modules.ts';
export { FIELDS_ANSWER, FIELDS_INVALID_MODULE, FIELDS_PARAM_MISSING } from './crm-oas-required-fields.ts';
