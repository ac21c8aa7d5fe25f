// Zoho's own CRM SDK (@zohocrm/typescript-sdk-8.0) reads, searches and deletes against the standalone mock over
// loopback: get a record with the fields asked for, search by email, delete, and read the deleted id again, each
// asserted on the SDK's parsed objects.

import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ZOHOCRMSDK from '@zohocrm/typescript-sdk-8.0';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  initializeSdk,
  MemoryStore,
  startStandaloneMock,
  stopStandaloneMock,
  type StandaloneMock,
} from '../support/zoho-sdk-session.ts';
import { ROOT } from '../support/docs.ts';

const { Record: Records } = ZOHOCRMSDK;

let mock: StandaloneMock;
let dir: string;
const value = (name: string): string => mock.values[name] ?? '';

beforeAll(async () => {
  // The strict example org over a slightly slow network, as a user starts it.
  mock = await startStandaloneMock([
    'mock',
    '--org',
    join(ROOT, 'tests', 'fixtures', 'org-profiles', 'strict-org.json'),
    '--latency',
    '20',
  ]);
  dir = await mkdtemp(join(tmpdir(), 'zoho-sdk-read-'));
  await initializeSdk(mock, dir, new MemoryStore());
}, 120_000);

afterAll(() => stopStandaloneMock(mock, dir));

/** The records of a read's ResponseWrapper (fails the test when the SDK parsed something else). */
function recordsOf(response: { getObject(): unknown }): ZOHOCRMSDK.Record.Record[] {
  const wrapper = response.getObject();
  expect(wrapper).toBeInstanceOf(Records.ResponseWrapper);
  return (wrapper as ZOHOCRMSDK.Record.ResponseWrapper).getData();
}

describe("Zoho's TypeScript SDK reads, searches and deletes against the standalone mock", () => {
  it('gets one Lead by id with the fields asked for: its id and values, nothing else', async () => {
    const params = new ZOHOCRMSDK.ParameterMap();
    await params.add(Records.GetRecordParam.FIELDS, 'Last_Name,Email');
    const response = await new Records.RecordOperations('Leads').getRecord(BigInt(value('read_record_id')), params);
    expect(response.getStatusCode()).toBe(200);
    const [lead, ...rest] = recordsOf(response);
    expect(rest).toEqual([]);
    expect(String(lead?.getId())).toBe(value('read_record_id'));
    expect(lead?.getKeyValue('Email')).toBe(value('read_record_email'));
    expect(lead?.getKeyValue('Last_Name')).toBe(value('read_record_last_name'));
    // Only what was asked for: the SDK's parsed record holds the two fields and the id, not Company.
    expect([...(lead?.getKeyValues().keys() ?? [])].sort()).toEqual(['Email', 'Last_Name', 'id']);
  });

  it('gets a page of Leads with info: more records, and the page size asked for', async () => {
    const params = new ZOHOCRMSDK.ParameterMap();
    await params.add(Records.GetRecordsParam.FIELDS, 'Last_Name');
    await params.add(Records.GetRecordsParam.PER_PAGE, 2);
    const response = await new Records.RecordOperations('Leads').getRecords(params);
    const wrapper = response.getObject() as ZOHOCRMSDK.Record.ResponseWrapper;
    expect(wrapper.getData()).toHaveLength(2);
    expect(wrapper.getInfo().getMoreRecords()).toBe(true);
    expect(wrapper.getInfo().getPerPage()).toBe(2);
  });

  it('searches Leads by email: the one record the seed wrote with it', async () => {
    const params = new ZOHOCRMSDK.ParameterMap();
    await params.add(Records.SearchRecordsParam.EMAIL, value('read_record_email'));
    const response = await new Records.RecordOperations('Leads').searchRecords(params);
    expect(response.getStatusCode()).toBe(200);
    const found = recordsOf(response);
    expect(found.map((r) => String(r.getId()))).toEqual([value('read_record_id')]);
    expect(found[0]?.getKeyValue('Email')).toBe(value('read_record_email'));
  });

  it('a search that matches nothing: 204, and the SDK parses no object', async () => {
    const params = new ZOHOCRMSDK.ParameterMap();
    await params.add(Records.SearchRecordsParam.EMAIL, 'nobody.at.all@zylker.invalid');
    const response = await new Records.RecordOperations('Leads').searchRecords(params);
    expect(response.getStatusCode()).toBe(204);
    expect(response.getObject()).toBeNull();
  });

  it('deletes Leads by ids: a SuccessResponse per id, in order; a second read of one is 204', async () => {
    const ids = [value('delete_first_id'), value('delete_second_id')];
    const params = new ZOHOCRMSDK.ParameterMap();
    await params.add(Records.DeleteRecordsParam.IDS, ids.join(','));
    const response = await new Records.RecordOperations('Leads').deleteRecords(params);
    expect(response.getStatusCode()).toBe(200);
    const wrapper = response.getObject();
    expect(wrapper).toBeInstanceOf(Records.ActionWrapper);
    const entries = (wrapper as ZOHOCRMSDK.Record.ActionWrapper).getData();
    for (const entry of entries) expect(entry).toBeInstanceOf(Records.SuccessResponse);
    const successes = entries as ZOHOCRMSDK.Record.SuccessResponse[];
    expect(successes.map((s) => s.getDetails().get('id'))).toEqual(ids);
    expect(successes.map((s) => s.getMessage().getValue())).toEqual(['record deleted', 'record deleted']);
    const again = await new Records.RecordOperations('Leads').getRecord(BigInt(ids[0] ?? '0'));
    expect(again.getStatusCode()).toBe(204);
    expect(again.getObject()).toBeNull();
  });
});
