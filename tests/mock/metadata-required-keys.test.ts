// The metadata Zoho's SDK and live mode read (users, org, modules, fields), for the default org and the strict example
// org, against the required keys transcribed from Zoho's CRM v8 OpenAPI; and the check shown to fail on short answers.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseOrgProfile, startMock, type MockServer } from '../../src/mock/index.ts';
import {
  FIELDS_ANSWER,
  FIELDS_INVALID_MODULE,
  FIELDS_PARAM_MISSING,
  MODULES_ANSWER,
  missingRequired,
  ORG_ANSWER,
  USERS_ANSWER,
  USERS_INVALID_DATA,
} from '../support/crm-oas-required.ts';
import { ROOT } from '../support/docs.ts';
import { call } from '../support/http-call.ts';

const STRICT = join(ROOT, 'tests', 'fixtures', 'org-profiles', 'strict-org.json');
const strict = () => parseOrgProfile(JSON.parse(readFileSync(STRICT, 'utf8')) as unknown, STRICT);

const orgs: Array<[string, () => Promise<MockServer>]> = [
  ['the default org', () => startMock()],
  ['the strict example org', () => startMock({ org: strict() })],
];

describe.each(orgs)('the metadata of %s, against the OpenAPI required keys', (_name, start) => {
  let mock: MockServer;
  const get = async (path: string, status = 200): Promise<unknown> => {
    const res = await call(mock.url, 'GET', path, { token: mock.variables['access_token'] ?? '' });
    expect(res.status, path).toBe(status);
    return res.json;
  };
  beforeAll(async () => {
    mock = await start();
  });
  afterAll(() => mock.close());

  it('users: the current user, every user, the administrators', async () => {
    for (const type of ['CurrentUser', 'AllUsers', 'AdminUsers', 'ActiveConfirmedUsers'])
      expect(missingRequired(await get(`/crm/v8/users?type=${type}`), USERS_ANSWER), type).toEqual([]);
    expect(missingRequired(await get('/crm/v8/users'), USERS_ANSWER)).toEqual([]);
  });

  it('org', async () => {
    expect(missingRequired(await get('/crm/v8/org'), ORG_ANSWER)).toEqual([]);
  });

  it("modules, and every module's fields (the record locking module's too)", async () => {
    const modules = await get('/crm/v8/settings/modules');
    expect(missingRequired(modules, MODULES_ANSWER)).toEqual([]);
    const names = (modules as { modules: Array<{ api_name: string }> }).modules.map((m) => m.api_name);
    for (const name of [...names, 'Locking_Information__s']) {
      expect(missingRequired(await get(`/crm/v8/settings/fields?module=${name}`), FIELDS_ANSWER), name).toEqual([]);
    }
    expect(missingRequired(await get(`/crm/v8/settings/modules/${names[0]}`), MODULES_ANSWER)).toEqual([]);
  });

  it('the 400s of an unknown module, a missing module parameter and an unknown user type', async () => {
    expect(missingRequired(await get('/crm/v8/settings/fields?module=Nope', 400), FIELDS_INVALID_MODULE)).toEqual([]);
    expect(missingRequired(await get('/crm/v8/settings/fields', 400), FIELDS_PARAM_MISSING)).toEqual([]);
    expect(missingRequired(await get('/crm/v8/users?type=Nope', 400), USERS_INVALID_DATA)).toEqual([]);
  });
});

describe('the required-keys check fails on an answer that falls short', () => {
  let mock: MockServer;
  type Obj = Record<string, unknown>;
  /** Test data the mock just answered: read as an object to break one key of it. */
  const obj = (value: unknown): Obj => value as Obj;
  const first = (value: unknown): Obj => obj((value as unknown[])[0]);
  const get = async (path: string): Promise<Obj> =>
    obj((await call(mock.url, 'GET', path, { token: mock.variables['access_token'] ?? '' })).json);
  beforeAll(async () => {
    mock = await startMock({ org: strict() });
  });
  afterAll(() => mock.close());

  it("names a user's Modified_By without first_name", async () => {
    const body = await get('/crm/v8/users?type=CurrentUser');
    delete obj(first(body['users'])['Modified_By'])['first_name'];
    expect(missingRequired(body, USERS_ANSWER)).toEqual([
      '$.users[0].Modified_By: first_name missing (crm-oas/users.json § components.schemas.owner)',
    ]);
  });

  it('names a module without lookup_field_properties.fields, a sort_by without id and an activity_badge outside its enum', async () => {
    const body = await get('/crm/v8/settings/modules');
    const leads = first(body['modules']);
    leads['lookup_field_properties'] = {};
    leads['related_list_properties'] = { sort_by: { api_name: 'Last_Name' }, fields: [], sort_order: null };
    leads['activity_badge'] = 'Not_Supported';
    expect(missingRequired(body, MODULES_ANSWER)).toEqual([
      '$.modules[0].activity_badge: "Not_Supported" is not one of ["Enabled","Disabled",null] (crm-oas/modules.json § components.schemas.modules)',
      '$.modules[0].lookup_field_properties: fields missing (crm-oas/modules.json § components.schemas.modules.properties.lookup_field_properties)',
      '$.modules[0].related_list_properties.sort_by: id missing (crm-oas/fields.json § components.schemas.Minified_Field)',
    ]);
  });

  it("names a field without view_type, a pick list value without colour_code and an org's lower-case type", async () => {
    const fields = await get('/crm/v8/settings/fields?module=Leads');
    const source = (fields['fields'] as Obj[]).find((f) => f['api_name'] === 'Lead_Source') ?? {};
    delete source['view_type'];
    delete first(source['pick_list_values'])['colour_code'];
    const problems = missingRequired(fields, FIELDS_ANSWER);
    expect(problems).toHaveLength(2);
    expect(problems.join('\n')).toMatch(/view_type missing \(crm-oas\/fields\.json § components\.schemas\.fields\)/);
    expect(problems.join('\n')).toMatch(/pick_list_values\[0\]: colour_code missing/);
    const org = await get('/crm/v8/org');
    first(org['org'])['type'] = 'production';
    expect(missingRequired(org, ORG_ANSWER)).toEqual([
      '$.org[0].type: "production" is not one of ["Bigin","Production","Developer","Sandbox"] (crm-oas/org.json § components.schemas.Org)',
    ]);
  });

  it('names an INVALID_MODULE without details.api_name', () => {
    const answer = { code: 'INVALID_MODULE', details: {}, message: 'x', status: 'error' };
    expect(missingRequired(answer, FIELDS_INVALID_MODULE)).toEqual([
      '$.details: api_name missing (crm-oas/fields.json § components.schemas.InvalidParamDetails)',
    ]);
  });
});
