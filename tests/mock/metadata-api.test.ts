// The metadata endpoints over loopback, the mock playing the strict example org: what each answers from the profile,
// the v8 user types, the methods and scopes the OpenAPI documents (required keys: metadata-required-keys.test.ts).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseOrgProfile, startMock, type MockServer } from '../../src/mock/index.ts';
import { ROOT } from '../support/docs.ts';
import { call } from '../support/http-call.ts';

const STRICT = join(ROOT, 'tests', 'fixtures', 'org-profiles', 'strict-org.json');
const strict = () => parseOrgProfile(JSON.parse(readFileSync(STRICT, 'utf8')) as unknown, STRICT);

type Obj = Record<string, unknown>;
let mock: MockServer;
let token: string;
const get = async (path: string, as = token) => call(mock.url, 'GET', path, { token: as });
const list = (json: unknown, key: string): Obj[] => (json as Record<string, Obj[]>)[key] ?? [];

beforeAll(async () => {
  mock = await startMock({ org: strict() });
  token = mock.variables['access_token'] ?? '';
});
afterAll(() => mock.close());

describe('users', () => {
  it('type=CurrentUser answers the token holder, with the info block and the owner shape of Modified_By', async () => {
    const res = await get('/crm/v8/users?type=CurrentUser');
    const [user] = list(res.json, 'users');
    expect(user).toMatchObject({
      id: '3652397000000235011',
      full_name: 'Patricia Boyle',
      email: 'patricia.boyle@zylker.com',
      profile: { name: 'Administrator' },
      Modified_By: { name: 'Patricia Boyle', id: '3652397000000235011', first_name: 'Patricia', last_name: 'Boyle' },
      time_zone: 'Etc/UTC',
    });
    expect((res.json as Obj)['info']).toEqual({ per_page: 200, count: 1, page: 1, more_records: false });
    const other = await get('/crm/v8/users?type=CurrentUser', mock.variables['token_restricted_user'] ?? '');
    expect(list(other.json, 'users')[0]?.['full_name']).toBe('Sam Standard');
  });

  it('answers each type the v8 Get Users page lists; an empty selection is 204 with no body', async () => {
    const names = async (type: string) => list((await get(`/crm/v8/users?type=${type}`)).json, 'users').length;
    expect(await names('AllUsers')).toBe(3);
    expect(await names('ActiveConfirmedUsers')).toBe(3);
    expect(await names('AdminUsers')).toBe(1);
    expect(await names('ActiveConfirmedAdmins')).toBe(1);
    for (const type of ['DeactiveUsers', 'NotConfirmedUsers', 'DeletedUsers']) {
      const res = await get(`/crm/v8/users?type=${type}`);
      expect(res.status, type).toBe(204);
      expect(res.text, type).toBe('');
    }
  });

  it('refuses a type v8 does not document with a 400 INVALID_DATA naming the parameter', async () => {
    const res = await get('/crm/v8/users?type=Everyone');
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      code: 'INVALID_DATA',
      details: { api_name: 'type' },
      message: 'invalid data',
      status: 'error',
    });
  });

  it('users/{id} answers that user, or 204 for an id the org does not have', async () => {
    const res = await get('/crm/v8/users/3652397000000235013');
    expect(list(res.json, 'users').map((u) => u['full_name'])).toEqual(['Sam Standard']);
    expect((await get('/crm/v8/users/3652397000000999999')).status).toBe(204);
  });
});

describe('org, modules and fields', () => {
  it('org: the edition as the paid type, the environment as the enum spells it', async () => {
    const [org] = list((await get('/crm/v8/org')).json, 'org');
    expect(org?.['license_details']).toMatchObject({ paid: true, paid_type: 'professional' });
    expect(org?.['type']).toBe('Production');
  });

  it('settings/modules lists exactly the profile modules; one module answers alone; an unknown one is INVALID_MODULE', async () => {
    const modules = list((await get('/crm/v8/settings/modules')).json, 'modules');
    expect(modules.map((m) => m['api_name'])).toEqual([
      'Leads',
      'Accounts',
      'Contacts',
      'Deals',
      'Events',
      'Projects_Tracker',
    ]);
    expect(modules[5]).toMatchObject({ generated_type: 'custom', api_supported: true, activity_badge: 'Disabled' });
    expect(modules[0]?.['lookup_field_properties']).toEqual({
      fields: [
        { sequence_number: 1, api_name: 'Last_Name', id: expect.stringMatching(/^\d+$/) },
        { sequence_number: 2, api_name: 'First_Name', id: expect.stringMatching(/^\d+$/) },
        { sequence_number: 3, api_name: 'Company', id: expect.stringMatching(/^\d+$/) },
      ],
    });
    expect(modules[0]?.['related_list_properties']).toMatchObject({
      sort_by: { api_name: 'Last_Name' },
      fields: ['Last_Name', 'First_Name', 'Company'],
      sort_order: 'asc',
    });
    expect(list((await get('/crm/v8/settings/modules/Deals')).json, 'modules')).toEqual([modules[3]]);
    expect((await get('/crm/v8/settings/modules/Custom_Module1')).json).toMatchObject({ code: 'INVALID_MODULE' });
  });

  it('settings/fields serves the profile fields, with the ids the modules answer names them by', async () => {
    const fields = list((await get('/crm/v8/settings/fields?module=Projects_Tracker')).json, 'fields');
    expect(fields.map((f) => f['api_name'])).toEqual([
      'Name',
      'Client',
      'Budget',
      'Headcount',
      'Kick_Off',
      'Billable',
      'Description',
    ]);
    expect(fields[1]).toMatchObject({
      data_type: 'lookup',
      system_mandatory: true,
      json_type: 'jsonobject',
      lookup: { module: { api_name: 'Accounts' } },
    });
    const leads = list((await get('/crm/v8/settings/fields?module=Leads')).json, 'fields');
    expect(leads.find((f) => f['api_name'] === 'Lead_Source')?.['pick_list_values']).toEqual([
      expect.objectContaining({ display_value: 'Trade Show', actual_value: 'Trade Show' }),
      expect.objectContaining({ display_value: 'Web Download' }),
      expect.objectContaining({ display_value: 'Partner' }),
    ]);
    expect(leads.find((f) => f['api_name'] === 'Email')).toMatchObject({
      unique: { casesensitive: 'false' },
      length: 100,
    });
    const [module] = list((await get('/crm/v8/settings/modules/Leads')).json, 'modules');
    expect(leads[0]?.['id']).toBe((module?.['display_field'] as Obj)['id']);
    const one = await get(`/crm/v8/settings/fields/${String(leads[2]?.['id'])}?module=Leads`);
    expect(list(one.json, 'fields')).toEqual([leads[2]]);
    expect((await get('/crm/v8/settings/fields/Nope?module=Leads')).status).toBe(204);
  });

  it("answers an unknown module with InvalidParamError's details, and a missing module parameter", async () => {
    const unknown = await get('/crm/v8/settings/fields?module=Nope');
    expect(unknown.status).toBe(400);
    expect(unknown.json).toEqual({
      code: 'INVALID_MODULE',
      details: { api_name: 'module' },
      message: 'The module name given seems to be invalid',
      status: 'error',
    });
    expect((await get('/crm/v8/settings/fields')).json).toEqual({
      code: 'REQUIRED_PARAM_MISSING',
      details: { param_name: 'module' },
      message: 'One of the expected parameter is missing',
      status: 'error',
    });
  });
});

describe('methods and scopes as documented', () => {
  it('asks for a token and the read scope of each resource', async () => {
    expect((await call(mock.url, 'GET', '/crm/v8/org')).status).toBe(401);
    const scoped = await get('/crm/v8/settings/fields?module=Leads', mock.variables['token_module_scope_only'] ?? '');
    expect(scoped.json).toMatchObject({ code: 'OAUTH_SCOPE_MISMATCH' });
  });

  it('answers a method the OpenAPI does not document on the path with INVALID_REQUEST_METHOD', async () => {
    for (const [method, path] of [
      ['DELETE', '/crm/v8/org'],
      ['PATCH', '/crm/v8/settings/modules'],
      ['DELETE', '/crm/v8/settings/modules/Leads'],
      ['PUT', '/crm/v8/settings/fields'],
    ] as const) {
      const res = await call(mock.url, method, path, { token, body: {} });
      expect(res.json, `${method} ${path}`).toMatchObject({ code: 'INVALID_REQUEST_METHOD' });
    }
  });

  it("checks a documented write's scope, then refuses it: the mock plays the org, it does not change it", async () => {
    // The full token reads users (ZohoCRM.users.READ) but may not create them.
    const users = await call(mock.url, 'POST', '/crm/v8/users', { token, body: { users: [] } });
    expect(users.json).toMatchObject({ code: 'OAUTH_SCOPE_MISMATCH' });
    // It holds ZohoCRM.settings.ALL, so the write passes the scope check and meets the org's refusal.
    const module = await call(mock.url, 'PUT', '/crm/v8/settings/modules/Leads', { token, body: { modules: [] } });
    expect(module.status).toBe(403);
    expect(module.json).toEqual({ code: 'NO_PERMISSION', details: {}, message: 'permission denied', status: 'error' });
  });
});
