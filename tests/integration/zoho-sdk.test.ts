// Zoho's own CRM SDK (@zohocrm/typescript-sdk-8.0) against the standalone mock (`npm run mock`) over loopback, read
// through the SDK's parsed objects: what a team building on the SDK sees when it points it at the mock.

import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ZOHOCRMSDK from '@zohocrm/typescript-sdk-8.0';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/docs.ts';
import {
  initializeSdk,
  MemoryStore,
  startStandaloneMock,
  stopStandaloneMock,
  type StandaloneMock,
} from '../support/zoho-sdk-session.ts';

const { Record: Records, RecordLocking, Users, Modules, Fields } = ZOHOCRMSDK;
/** The strict example org over a slightly slow network. */
const STRICT = ['mock', '--org', join(ROOT, 'tests', 'fixtures', 'org-profiles', 'strict-org.json'), '--latency', '20'];
let mock: StandaloneMock;
let dir: string;
const store = new MemoryStore();
const value = (name: string): string => mock.values[name] ?? '';
/** A Record with an id and one field to change. */
const record = (id: string, fields: Record<string, unknown>): ZOHOCRMSDK.Record.Record => {
  const r = new Records.Record();
  r.setId(BigInt(id));
  for (const [key, v] of Object.entries(fields)) r.addKeyValue(key, v);
  return r;
};
const body = (...records: ZOHOCRMSDK.Record.Record[]): ZOHOCRMSDK.Record.BodyWrapper => {
  const wrapper = new Records.BodyWrapper();
  wrapper.setData(records);
  return wrapper;
};

beforeAll(async () => {
  mock = await startStandaloneMock(STRICT);
  dir = await mkdtemp(join(tmpdir(), 'zoho-sdk-'));
  await initializeSdk(mock, dir, store);
}, 120_000);

afterAll(() => stopStandaloneMock(mock, dir));

describe("Zoho's TypeScript SDK against the standalone mock", () => {
  it('the standalone mock plays the org it was given', () => {
    expect(mock.out).toMatch(
      /Playing the org in .*strict-org\.json: professional edition, 6 modules, at most 15 CRM calls in flight/,
    );
    expect(mock.out).toContain('Every answer waits 20 ms');
  });

  it('refreshes its token, reads the current user, org and fields, then updates one Lead: SUCCESS with the id echoed', async () => {
    const response = await new Records.RecordOperations('Leads').updateRecords(
      body(record(value('record_id'), { Company: 'Through the SDK' })),
    );
    expect(response.getStatusCode()).toBe(200);
    const wrapper = response.getObject();
    expect(wrapper).toBeInstanceOf(Records.ActionWrapper);
    const [entry] = (wrapper as ZOHOCRMSDK.Record.ActionWrapper).getData();
    expect(entry).toBeInstanceOf(Records.SuccessResponse);
    const success = entry as ZOHOCRMSDK.Record.SuccessResponse;
    expect(success.getCode().getValue()).toBe('SUCCESS');
    expect(success.getStatus().getValue()).toBe('success');
    expect(success.getMessage().getValue()).toBe('record updated');
    expect(success.getDetails().get('id')).toBe(value('record_id'));
    // The token came from the mock's accounts endpoint (a refresh), and the user signature from its users and org.
    const [saved] = (await store.getTokens()) as ZOHOCRMSDK.OAuthToken[];
    expect(saved?.getAccessToken()).toMatch(/^1000\.[0-9a-f]{64}$/);
    expect(saved?.getAccessToken()).not.toBe(value('access_token'));
    expect(saved?.getUserSignature()?.getName()).toBe('patricia.boyle@zylker.com:3652397');
    // The SDK cached the fields the mock served for Leads in its resource folder (ours, a temp dir).
    expect(await readdir(join(dir, 'resources'))).toHaveLength(1);
  });

  it('a bulk update with a locked record: SuccessResponse then APIException RECORD_LOCKED, in order', async () => {
    const response = await new Records.RecordOperations('Leads').updateRecords(
      body(
        record(value('second_record_id'), { Company: 'Open' }),
        record(value('locked_record_id'), { Company: 'Locked' }),
      ),
    );
    const entries = (response.getObject() as ZOHOCRMSDK.Record.ActionWrapper).getData();
    expect(entries[0]).toBeInstanceOf(Records.SuccessResponse);
    expect((entries[0] as ZOHOCRMSDK.Record.SuccessResponse).getDetails().get('id')).toBe(value('second_record_id'));
    expect(entries[1]).toBeInstanceOf(Records.APIException);
    const locked = entries[1] as ZOHOCRMSDK.Record.APIException;
    expect(locked.getCode().getValue()).toBe('RECORD_LOCKED');
    expect(locked.getStatus().getValue()).toBe('error');
    expect(String(locked.getDetails().get('id'))).toBe(value('locked_record_id'));
  });

  it('an update in a module the org does not have: INVALID_MODULE reaches the caller', async () => {
    // The SDK reads the module's fields before it sends the PUT; the mock answers that read with 400 INVALID_MODULE,
    // and the SDK throws it to the caller as an SDKException carrying the API's code.
    const update = new Records.RecordOperations('No_Such_Module').updateRecords(
      body(record(value('record_id'), { Name: 'x' })),
    );
    const error: unknown = await update.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ZOHOCRMSDK.SDKException);
    // SDKException keeps the API's answer in a field its typings mark private; its message is that answer as JSON.
    expect(JSON.parse((error as ZOHOCRMSDK.SDKException).message)).toMatchObject({
      code: 'INVALID_MODULE',
      status: 'error',
    });
  });

  it('updates the reason of a record lock through the record locking API: SuccessResponse with the lock id', async () => {
    const lock = new RecordLocking.LockRecord();
    lock.setLockedReasonS('reason set through the SDK');
    const request = new RecordLocking.BodyWrapper();
    request.setData([lock]);
    const operations = new RecordLocking.RecordLockingOperations(BigInt(value('locked_lead_id')), 'Leads');
    const response = await operations.updateRecordLockingInformation(BigInt(value('lead_lock_id')), request);
    expect(response.getStatusCode()).toBe(200);
    const wrapper = response.getObject();
    expect(wrapper).toBeInstanceOf(RecordLocking.ActionWrapper);
    const [entry] = (wrapper as ZOHOCRMSDK.RecordLocking.ActionWrapper).getData();
    expect(entry).toBeInstanceOf(RecordLocking.SuccessResponse);
    const success = entry as ZOHOCRMSDK.RecordLocking.SuccessResponse;
    expect(success.getCode().getValue()).toBe('SUCCESS');
    expect(success.getDetails().get('id')).toBe(value('lead_lock_id'));
  });
});

describe("Zoho's TypeScript SDK reads the mock's metadata into its own models", () => {
  it('users?type=CurrentUser: the token holder, Modified_By, a time zone it parses, the info block', async () => {
    const params = new ZOHOCRMSDK.ParameterMap();
    await params.add(Users.GetUsersParam.TYPE, 'CurrentUser');
    const response = await new Users.UsersOperations().getUsers(params);
    expect(response.getStatusCode()).toBe(200);
    const wrapper = response.getObject();
    expect(wrapper).toBeInstanceOf(Users.ResponseWrapper);
    const [user] = (wrapper as ZOHOCRMSDK.Users.ResponseWrapper).getUsers();
    expect(user?.getFullName()).toBe('Patricia Boyle');
    expect(user?.getFirstName()).toBe('Patricia');
    expect(user?.getModifiedBy()?.getName()).toBe('Patricia Boyle');
    // The SDK reads time_zone as a zone id (users.json says `type: object`): a string it can resolve.
    expect(user?.getTimeZone()?.name).toBe('Etc/UTC');
    expect((wrapper as ZOHOCRMSDK.Users.ResponseWrapper).getInfo().getCount()).toBe(1);
  });

  it('an unknown user type: the APIException names the parameter', async () => {
    const params = new ZOHOCRMSDK.ParameterMap();
    await params.add(Users.GetUsersParam.TYPE, 'Everyone');
    const response = await new Users.UsersOperations().getUsers(params);
    expect(response.getStatusCode()).toBe(400);
    const error = response.getObject() as ZOHOCRMSDK.Users.APIException;
    expect(error).toBeInstanceOf(Users.APIException);
    expect(error.getCode().getValue()).toBe('INVALID_DATA');
    expect(error.getDetails().get('api_name')).toBe('type');
  });

  it("settings/modules: the org's modules with lookup field and related list properties and an activity badge", async () => {
    const response = await new Modules.ModulesOperations().getModules();
    const modules = (response.getObject() as ZOHOCRMSDK.Modules.ResponseWrapper).getModules();
    expect(modules.map((m) => m.getAPIName())).toEqual([
      'Leads',
      'Accounts',
      'Contacts',
      'Deals',
      'Events',
      'Projects_Tracker',
    ]);
    const leads = modules[0];
    expect(
      leads
        ?.getLookupFieldProperties()
        .getFields()
        .map((f) => f.getAPIName()),
    ).toEqual(['Last_Name', 'First_Name', 'Company']);
    expect(leads?.getRelatedListProperties().getSortBy().getAPIName()).toBe('Last_Name');
    expect(leads?.getRelatedListProperties().getSortOrder()).toBe('asc');
    expect(leads?.getActivityBadge().getValue()).toBe('Disabled');
    expect(modules[5]?.getGeneratedType().getValue()).toBe('custom');
  });

  it("settings/fields: a custom module's mandatory lookup; an unknown module's APIException names the parameter", async () => {
    const params = new ZOHOCRMSDK.ParameterMap();
    await params.add(Fields.GetFieldsParam.MODULE, 'Projects_Tracker');
    const response = await new Fields.FieldsOperations().getFields(params);
    const fields = (response.getObject() as ZOHOCRMSDK.Fields.ResponseWrapper).getFields();
    const client = fields.find((f) => f.getAPIName() === 'Client');
    expect(client?.getDataType()).toBe('lookup');
    expect(client?.getSystemMandatory()).toBe(true);
    expect(client?.getLookup().getModule().getAPIName()).toBe('Accounts');
    const unknown = new ZOHOCRMSDK.ParameterMap();
    await unknown.add(Fields.GetFieldsParam.MODULE, 'No_Such_Module');
    const refused = (await new Fields.FieldsOperations().getFields(unknown)).getObject();
    expect(refused).toBeInstanceOf(Fields.APIException);
    expect((refused as ZOHOCRMSDK.Fields.APIException).getCode().getValue()).toBe('INVALID_MODULE');
    expect((refused as ZOHOCRMSDK.Fields.APIException).getDetails().get('api_name')).toBe('module');
  });
});
