// `GET /crm/v8/org` as Zoho answers it: one org in the shape of org.json, its edition from the profile.

import { emailOf, ORG_ID, ZGID } from './metadata-users.ts';
import type { OrgProfile } from './org-profile.ts';
import { SEED_TIME, users } from './seed.ts';
import type { Json } from './zoho-errors.ts';

/** org.json `Response_Wrapper`: one `Org` with every required key, the edition in `license_details.paid_type`. */
export function orgBody(profile: OrgProfile): Json {
  return {
    org: [
      {
        id: ORG_ID,
        company_name: 'Zylker',
        alias: null,
        primary_email: emailOf(users.admin),
        primary_zuid: users.admin.id.slice(-8),
        zgid: ZGID,
        ezgid: ZGID,
        zia_zgid: Number(ZGID),
        domain_name: `org${ZGID}`,
        // org.json `Org.type` enum: Bigin, Production, Developer, Sandbox (capitalised).
        type: 'Production',
        country: 'United States',
        country_code: 'US',
        city: null,
        state: null,
        street: null,
        zip: null,
        phone: null,
        mobile: null,
        fax: null,
        description: null,
        time_zone: 'Etc/UTC',
        currency: 'US Dollar - USD',
        currency_symbol: '$',
        currency_locale: 'en_US',
        iso_code: 'USD',
        employee_count: '10',
        website: null,
        photo_id: null,
        mc_status: false,
        gapps_enabled: false,
        translation_enabled: false,
        privacy_settings: false,
        hipaa_compliance_enabled: false,
        lite_users_enabled: false,
        deletable_org_account: false,
        oauth_presence: true,
        call_icon: null,
        zia_portal_id: null,
        max_per_page: 200,
        created_time: SEED_TIME,
        license_details: {
          paid: profile.edition !== 'free',
          paid_type: profile.edition,
          paid_expiry: '2099-12-31T23:59:59+00:00',
          users_license_purchased: 3,
          trial_type: null,
          trial_expiry: null,
          trial_action: null,
        },
        hierarchy_preferences: { type: 'Role_Hierarchy', strictly_reporting: false },
        checkin_preferences: { restricted_event_types: null },
      },
    ],
  };
}
