// Zoho's own CRM SDK (@zohocrm/typescript-sdk-8.0) creates a Lead and upserts it by email against the standalone mock,
// read through the SDK's parsed objects: a create answers SUCCESS with a new id, an upsert of the same email updates
// that record (action update, duplicate_field Email, the same id).

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

const { Record: Records } = ZOHOCRMSDK;

let mock: StandaloneMock;
let dir: string;
const value = (name: string): string => mock.values[name] ?? '';
/** A Lead with the default org's mandatory field and an email no seeded record holds. */
const EMAIL = 'sdk.created@zylker.com';
const lead = (lastName: string): ZOHOCRMSDK.Record.Record => {
  const r = new Records.Record();
  r.addKeyValue('Last_Name', lastName);
  r.addKeyValue('Company', 'Zylker');
  r.addKeyValue('Email', EMAIL);
  return r;
};
/** The one entry of an action answer, which must be a SuccessResponse. */
type ActionResponse = Awaited<ReturnType<ZOHOCRMSDK.Record.RecordOperations['createRecords']>>;
const onlySuccess = (response: ActionResponse) => {
  const wrapper = response.getObject();
  expect(wrapper).toBeInstanceOf(Records.ActionWrapper);
  const entries = (wrapper as ZOHOCRMSDK.Record.ActionWrapper).getData();
  expect(entries).toHaveLength(1);
  expect(entries[0]).toBeInstanceOf(Records.SuccessResponse);
  return entries[0] as ZOHOCRMSDK.Record.SuccessResponse;
};

beforeAll(async () => {
  // The default org: Leads asks only Last_Name (and Company), and Email is its system duplicate check field.
  mock = await startStandaloneMock(['mock']);
  dir = await mkdtemp(join(tmpdir(), 'zoho-sdk-write-'));
  await initializeSdk(mock, dir, new MemoryStore());
}, 120_000);

afterAll(() => stopStandaloneMock(mock, dir));

describe("Zoho's TypeScript SDK writes records to the standalone mock", () => {
  let createdId = '';

  it('creates a Lead: SuccessResponse SUCCESS, "record added", a new id', async () => {
    const body = new Records.BodyWrapper();
    body.setData([lead('Created Through The SDK')]);
    const response = await new Records.RecordOperations('Leads').createRecords(body);
    expect(response.getStatusCode()).toBe(201);
    const success = onlySuccess(response);
    expect(success.getCode().getValue()).toBe('SUCCESS');
    expect(success.getStatus().getValue()).toBe('success');
    expect(success.getMessage().getValue()).toBe('record added');
    createdId = String(success.getDetails().get('id'));
    expect(createdId).toMatch(/^[0-9]+$/);
    expect(createdId).not.toBe(value('record_id'));
  });

  it('upserts by email: the same record, action update, duplicate_field Email, "record updated"', async () => {
    expect(createdId).not.toBe('');
    const body = new Records.BodyWrapper();
    body.setData([lead('Upserted Through The SDK')]);
    body.setDuplicateCheckFields(['Email']);
    const response = await new Records.RecordOperations('Leads').upsertRecords(body);
    expect(response.getStatusCode()).toBe(200);
    const success = onlySuccess(response);
    expect(success.getCode().getValue()).toBe('SUCCESS');
    expect(success.getAction().getValue()).toBe('update');
    expect(success.getDuplicateField()).toBe('Email');
    expect(success.getMessage().getValue()).toBe('record updated');
    expect(String(success.getDetails().get('id'))).toBe(createdId);
  });
});
