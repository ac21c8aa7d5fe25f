// The mock plays an org profile over loopback: its metadata in the OpenAPI's shapes, its rules on insert and update, its edition's concurrency limit.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseOrgProfile, startMock, type MockServer } from '../../src/mock/index.ts';
import { ROOT } from '../support/docs.ts';
import { call } from '../support/http-call.ts';

const STRICT = join(ROOT, 'tests', 'fixtures', 'org-profiles', 'strict-org.json');
const strict = () => parseOrgProfile(JSON.parse(readFileSync(STRICT, 'utf8')) as unknown, STRICT);

/** A Lead the strict org accepts; each test breaks one rule of it. */
const lead = (extra: Record<string, unknown> = {}) => ({
  Last_Name: 'Rule',
  Company: 'Zylker',
  Region_Code: 'EU-1',
  Lead_Source: 'Partner',
  Follow_Up_Date: '2026-12-24',
  ...extra,
});

let mock: MockServer;
let token: string;
const post = (module: string, data: unknown[]) =>
  call(mock.url, 'POST', `/crm/v8/${module}`, { token, body: { data } });
const put = (module: string, data: unknown[]) => call(mock.url, 'PUT', `/crm/v8/${module}`, { token, body: { data } });
const entry = (json: unknown, i = 0) => (json as { data: Array<Record<string, unknown>> }).data[i];

beforeAll(async () => {
  mock = await startMock({ org: strict() });
  token = mock.variables['access_token'] ?? '';
});
afterAll(() => mock.close());

describe('profile rules on insert and update', () => {
  it('inserts a record that holds to every rule', async () => {
    const res = await post('Leads', [lead()]);
    expect(res.status).toBe(201);
    expect(entry(res.json)).toMatchObject({ code: 'SUCCESS', message: 'record added', status: 'success' });
  });

  it('answers MANDATORY_NOT_FOUND for each missing mandatory field, naming it and its JSON path', async () => {
    const res = await post('Leads', [lead(), lead({ Follow_Up_Date: undefined }), lead({ Lead_Source: '' })]);
    expect(res.status).toBe(202);
    expect(entry(res.json, 0)).toMatchObject({ code: 'SUCCESS' });
    expect(entry(res.json, 1)).toEqual({
      code: 'MANDATORY_NOT_FOUND',
      details: { api_name: 'Follow_Up_Date', json_path: '$.data[1].Follow_Up_Date' },
      message: 'required field not found',
      status: 'error',
    });
    expect(entry(res.json, 2)).toMatchObject({ code: 'MANDATORY_NOT_FOUND', details: { api_name: 'Lead_Source' } });
  });

  it('lets an update leave a mandatory field out, but not empty it', async () => {
    const id = mock.variables['record_id'];
    expect((await put('Leads', [{ id, Description: 'no mandatory field given' }])).status).toBe(200);
    const emptied = await put('Leads', [{ id, Company: null }]);
    expect(entry(emptied.json)).toMatchObject({ code: 'MANDATORY_NOT_FOUND', details: { api_name: 'Company' } });
  });

  it('answers INVALID_DATA for a lookup to a record that does not exist, and accepts one that does', async () => {
    const account = entry((await post('Accounts', [{ Account_Name: 'Lookup target' }])).json)?.['details'] as {
      id: string;
    };
    const missing = await post('Projects_Tracker', [{ Name: 'P1', Client: { id: '3652397000009999999' } }]);
    expect(missing.status).toBe(202);
    expect(entry(missing.json)).toEqual({
      code: 'INVALID_DATA',
      details: { api_name: 'Client', expected_data_type: 'lookup', json_path: '$.data[0].Client' },
      message: 'invalid data',
      status: 'error',
    });
    const found = await post('Projects_Tracker', [{ Name: 'P2', Client: { id: account.id } }]);
    expect(entry(found.json)).toMatchObject({ code: 'SUCCESS' });
  });

  it('answers MANDATORY_NOT_FOUND for a mandatory lookup left out', async () => {
    const res = await post('Projects_Tracker', [{ Name: 'P3' }]);
    expect(entry(res.json)).toMatchObject({ code: 'MANDATORY_NOT_FOUND', details: { api_name: 'Client' } });
  });

  it('answers DUPLICATE_DATA for a value a unique field already holds, on insert and on update', async () => {
    const first = await post('Leads', [lead({ Email: 'unique@zylker.com' })]);
    const holder = (entry(first.json)?.['details'] as { id: string }).id;
    const again = await post('Leads', [lead({ Email: 'unique@zylker.com' })]);
    expect(entry(again.json)).toEqual({
      code: 'DUPLICATE_DATA',
      details: { api_name: 'Email', id: holder },
      message: 'duplicate data',
      status: 'error',
    });
    const update = await put('Leads', [{ id: mock.variables['second_record_id'], Email: 'unique@zylker.com' }]);
    expect(entry(update.json)).toMatchObject({ code: 'DUPLICATE_DATA', details: { api_name: 'Email', id: holder } });
  });

  it.each([
    ['a date that is not YYYY-MM-DD', { Follow_Up_Date: '24/12/2026' }, 'Follow_Up_Date', 'date'],
    ['a picklist value the field does not have', { Lead_Source: 'Cold Call' }, 'Lead_Source', 'picklist'],
    ['a number for a text field', { Company: 42 }, 'Company', 'text'],
    ['a string for a currency field', { Annual_Revenue: 'lots' }, 'Annual_Revenue', 'currency'],
    ['an email without @', { Email: 'not-an-email' }, 'Email', 'email'],
  ])('answers INVALID_DATA with the expected type for %s', async (_name, extra, field, type) => {
    const res = await post('Leads', [lead(extra)]);
    expect(entry(res.json)).toEqual({
      code: 'INVALID_DATA',
      details: { api_name: field, expected_data_type: type, json_path: `$.data[0].${field}` },
      message: 'invalid data',
      status: 'error',
    });
  });

  it('answers INVALID_DATA for a value over the field length, naming the maximum', async () => {
    const res = await post('Leads', [lead({ Region_Code: 'EUROPE-1' })]);
    expect(entry(res.json)).toEqual({
      code: 'INVALID_DATA',
      details: { api_name: 'Region_Code', expected_data_type: 'text', maximum_length: 6 },
      message: 'invalid data',
      status: 'error',
    });
  });

  it('checks datetime, integer and boolean fields of a custom module', async () => {
    const res = await post('Projects_Tracker', [
      { Name: 'P4', Client: { id: mock.variables['record_id'] }, Kick_Off: '2026-12-24 10:00' },
    ]);
    // The Client looked up is a Lead id, not an Account: the lookup fails before anything else.
    expect(entry(res.json)).toMatchObject({ details: { api_name: 'Client', expected_data_type: 'lookup' } });
    const account = (entry((await post('Accounts', [{ Account_Name: 'Typed' }])).json)?.['details'] as { id: string })
      .id;
    const typed = await post('Projects_Tracker', [
      { Name: 'P5', Client: account, Kick_Off: '2026-12-24 10:00' },
      { Name: 'P6', Client: account, Headcount: 2.5 },
      { Name: 'P7', Client: account, Billable: 'yes' },
      {
        Name: 'P8',
        Client: account,
        Kick_Off: '2026-12-24T10:00:00+01:00',
        Headcount: 3,
        Billable: true,
        Budget: 1200.5,
      },
    ]);
    expect(
      (typed.json as { data: Array<{ details: { expected_data_type?: string } }> }).data.map(
        (e) => e.details.expected_data_type,
      ),
    ).toEqual(['datetime', 'integer', 'boolean', undefined]);
  });

  it('answers INVALID_MODULE for a module the org does not have, Custom_Module1 included', async () => {
    for (const module of ['Custom_Module1', 'Campaigns']) {
      const res = await put(module, [{ id: '3652397000000412001', Name: 'x' }]);
      expect(res.status).toBe(400);
      expect(res.json).toEqual({
        code: 'INVALID_MODULE',
        details: {},
        message: 'the module name given seems to be invalid',
        status: 'error',
      });
    }
  });

  it('locks records only in modules the profile marks lockable', async () => {
    const record = entry(
      (
        await post('Projects_Tracker', [
          {
            Name: 'Lockable',
            Client: (
              entry((await post('Accounts', [{ Account_Name: 'Lock client' }])).json)?.['details'] as { id: string }
            ).id,
          },
        ])
      ).json,
    )?.['details'] as { id: string };
    const locked = await call(mock.url, 'POST', `/crm/v8/Projects_Tracker/${record.id}/Locking_Information__s`, {
      token,
      body: { data: [{ Locked_Reason__s: 'rehearsal' }] },
    });
    expect(locked.status).toBe(201);
    const events = await call(mock.url, 'POST', `/crm/v8/Events/${record.id}/Locking_Information__s`, {
      token,
      body: { data: [{ Locked_Reason__s: 'x' }] },
    });
    expect(events.json).toMatchObject({ code: 'INVALID_MODULE' });
  });
});

describe('metadata endpoints, in the shapes of the CRM v8 OpenAPI', () => {
  const get = async (path: string) => {
    const res = await call(mock.url, 'GET', path, { token });
    expect(res.status).toBe(200);
    return res.json as Record<string, Array<Record<string, unknown>>>;
  };
  // The `required` lists of the CRM v8 OpenAPI's schemas (fields.json `fields`, modules.json `modules`, org.json `Org` and `License_Details`).
  const FIELD_KEYS = [
    'associated_module',
    'data_type',
    'operation_type',
    'system_mandatory',
    'webhook',
    'blueprint_supported',
    'virtual_field',
    'field_read_only',
    'customizable_properties',
    'read_only',
    'custom_field',
    'businesscard_supported',
    'filterable',
    'visible',
    'available_in_user_layout',
    'display_field',
    'pick_list_values_sorted_lexically',
    'sortable',
    'layout_associations',
    'separator',
    'searchable',
    'enable_colour_code',
    'mass_update',
    'json_type',
    'created_source',
    'type',
    'display_label',
    'column_name',
    'api_name',
    'display_type',
    'ui_type',
    'colour_code_enabled_by_system',
    'length',
    'decimal_place',
    'quick_sequence_number',
    'email_parser',
    'rollup_summary',
    'refer_from_field',
    'created_time',
    'modified_time',
    'show_type',
    'category',
    'id',
    'multi_module_lookup',
    'sharing_properties',
    'currency',
    'file_upolad_optionlist',
    'lookup',
    'profiles',
    'view_type',
    'unique',
    'sub_module',
    'subform',
    'external',
    'formula',
    'convert_mapping',
    'multiselectlookup',
    'multiuserlookup',
    'autonumber',
    'auto_number',
    'pick_list_values',
    'crypt',
    'tooltip',
    'history_tracking',
    'association_details',
    'allowed_modules',
    'additional_column',
    'field_label',
    'common.picklist',
    'hipaa_compliance_enabled',
    'hipaa_compliance',
    '_update_existing_records',
    'number_separator',
    'textarea',
    'static_field',
  ];
  const MODULE_KEYS = [
    'common.search_supported',
    'deletable',
    'description',
    'creatable',
    'recycle_bin_on_delete',
    'inventory_template_supported',
    'modified_time',
    'plural_label',
    'presence_sub_menu',
    'triggers_supported',
    'id',
    'chart_view',
    'isBlueprintSupported',
    'visibility',
    'visible',
    'convertable',
    'editable',
    'emailTemplate_support',
    'email_parser_supported',
    'filter_supported',
    'show_as_tab',
    'web_link',
    'sequence_number',
    'singular_label',
    'viewable',
    'api_supported',
    'api_name',
    'quick_create',
    'generated_type',
    'feeds_required',
    'scoring_supported',
    'webform_supported',
    'arguments',
    'module_name',
    'chart_view_supported',
    'profile_count',
    'business_card_field_limit',
    'track_current_data',
    'modified_by',
    'profiles',
    'parent_module',
    'activity_badge',
    '$field_states',
    'business_card_fields',
    'per_page',
    '$properties',
    '$on_demand_properties',
    'search_layout_fields',
    'kanban_view_supported',
    'lookup_field_properties',
    'kanban_view',
    'related_lists',
    'filter_status',
    'related_list_properties',
    'display_field',
    'layouts',
    'fields',
    'custom_view',
    'zia_view',
    'default_mapping_fields',
    'layout_associations',
  ];
  const ORG_KEYS = [
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
  ];
  const LICENSE_KEYS = [
    'paid_expiry',
    'users_license_purchased',
    'trial_type',
    'trial_expiry',
    'paid',
    'paid_type',
    'trial_action',
  ];
  const missing = (keys: readonly string[], value: unknown) =>
    keys.filter((key) => typeof value !== 'object' || value === null || !(key in value));

  it('GET /users?type=CurrentUser answers the token holder, with the info block', async () => {
    const body = await get('/crm/v8/users?type=CurrentUser');
    expect(body['users']).toHaveLength(1);
    expect(body['users']?.[0]).toMatchObject({
      id: '3652397000000235011',
      full_name: 'Patricia Boyle',
      email: expect.stringContaining('@'),
      profile: { name: 'Administrator' },
      role: { name: expect.any(String) },
    });
    expect(body['info']).toEqual({ per_page: 200, count: 1, page: 1, more_records: false });
    const other = await call(mock.url, 'GET', '/crm/v8/users?type=CurrentUser', {
      token: mock.variables['token_restricted_user'] ?? '',
    });
    expect((other.json as { users: Array<{ full_name: string }> }).users[0]?.full_name).toBe('Sam Standard');
  });

  it('GET /org answers one org with every required key and the edition as the paid type', async () => {
    const org = (await get('/crm/v8/org'))['org']?.[0] ?? {};
    expect(missing(ORG_KEYS, org)).toEqual([]);
    expect(missing(LICENSE_KEYS, org['license_details'])).toEqual([]);
    expect(org['license_details']).toMatchObject({ paid: true, paid_type: 'professional' });
  });

  it('GET /settings/modules lists exactly the profile modules; a single module answers alone', async () => {
    const modules = (await get('/crm/v8/settings/modules'))['modules'] ?? [];
    expect(modules.map((m) => m['api_name'])).toEqual([
      'Leads',
      'Accounts',
      'Contacts',
      'Deals',
      'Events',
      'Projects_Tracker',
    ]);
    for (const module of modules) expect(missing(MODULE_KEYS, module), String(module['api_name'])).toEqual([]);
    expect(modules.find((m) => m['api_name'] === 'Projects_Tracker')).toMatchObject({
      generated_type: 'custom',
      api_supported: true,
    });
    expect((await get('/crm/v8/settings/modules/Deals'))['modules']).toEqual([modules[3]]);
    expect((await call(mock.url, 'GET', '/crm/v8/settings/modules/Custom_Module1', { token })).json).toMatchObject({
      code: 'INVALID_MODULE',
      status: 'error',
    });
  });

  it('GET /settings/fields?module= serves the profile fields completed to the OpenAPI shape', async () => {
    const fields = (await get('/crm/v8/settings/fields?module=Projects_Tracker'))['fields'] ?? [];
    expect(fields.map((f) => f['api_name'])).toEqual([
      'Name',
      'Client',
      'Budget',
      'Headcount',
      'Kick_Off',
      'Billable',
      'Description',
    ]);
    for (const field of fields) expect(missing(FIELD_KEYS, field), String(field['api_name'])).toEqual([]);
    expect(fields[1]).toMatchObject({
      data_type: 'lookup',
      system_mandatory: true,
      json_type: 'jsonobject',
      lookup: { module: { api_name: 'Accounts' } },
    });
    const leads = (await get('/crm/v8/settings/fields?module=Leads'))['fields'] ?? [];
    expect(leads.find((f) => f['api_name'] === 'Lead_Source')?.['pick_list_values']).toEqual([
      expect.objectContaining({ display_value: 'Trade Show', actual_value: 'Trade Show' }),
      expect.objectContaining({ display_value: 'Web Download' }),
      expect.objectContaining({ display_value: 'Partner' }),
    ]);
    expect(leads.find((f) => f['api_name'] === 'Email')).toMatchObject({
      unique: { casesensitive: 'false' },
      length: 100,
    });
  });

  it('answers a fields request for an unknown module or without a module as the OpenAPI lists', async () => {
    const unknown = await call(mock.url, 'GET', '/crm/v8/settings/fields?module=Nope', { token });
    expect(unknown.status).toBe(400);
    expect(unknown.json).toMatchObject({ code: 'INVALID_MODULE', status: 'error' });
    const none = await call(mock.url, 'GET', '/crm/v8/settings/fields', { token });
    expect(none.json).toEqual({
      code: 'REQUIRED_PARAM_MISSING',
      details: { param_name: 'module' },
      message: 'One of the expected parameter is missing',
      status: 'error',
    });
  });

  it('asks for a token and the metadata scopes', async () => {
    expect((await call(mock.url, 'GET', '/crm/v8/org')).status).toBe(401);
    const scoped = await call(mock.url, 'GET', '/crm/v8/settings/fields?module=Leads', {
      token: mock.variables['token_module_scope_only'] ?? '',
    });
    expect(scoped.json).toMatchObject({ code: 'OAUTH_SCOPE_MISMATCH' });
  });
});

describe("the edition's concurrency limit", () => {
  it("answers N calls in flight and turns the N+1th away with 429 TOO_MANY_REQUESTS in Zoho's envelope", async () => {
    const org = { ...strict(), edition: 'free' as const };
    const held = await startMock({ org, latencyMs: 3_000 });
    try {
      expect(held.concurrencyLimit).toBe(5);
      const auth = held.variables['access_token'] ?? '';
      const first = Array.from({ length: 5 }, () => call(held.url, 'GET', '/crm/v8/org', { token: auth }));
      while (held.inFlight() < 5) await new Promise((resolve) => setTimeout(resolve, 10));
      const extra = await call(held.url, 'GET', '/crm/v8/settings/modules', { token: auth });
      expect(extra.status).toBe(429);
      expect(extra.json).toEqual({
        code: 'TOO_MANY_REQUESTS',
        details: {},
        message: 'too many requests',
        status: 'error',
      });
      expect((await Promise.all(first)).map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
      // Once they are answered, the slots are free again.
      expect((await call(held.url, 'GET', '/crm/v8/org', { token: auth })).status).toBe(200);
      expect(held.provoked()['TOO_MANY_REQUESTS:concurrency']).toBe(1);
    } finally {
      await held.close();
    }
  });

  it('has no limit on the default org, as before profiles', async () => {
    const plain = await startMock();
    try {
      expect(plain.concurrencyLimit).toBe(Number.POSITIVE_INFINITY);
    } finally {
      await plain.close();
    }
  });
});
