// The echoes of writes that create or match records: Insert's new id per entry, Upsert's duplicate_field and action,
// a case's own action, and Upsert's action and duplicate_field as documented keys (not undocumented under --strict).

import { describe, expect, it } from 'vitest';
import { insertRecords, upsertRecords, type Case, type Endpoint } from '../../src/catalog/index.ts';
import { judgeCase, type SchemaCheck } from '../../src/validate/index.ts';

const noSchemaErrors: SchemaCheck = () => [];
const JSON_HEADERS = { 'content-type': 'application/json;charset=utf-8' };
const NOW = Date.parse('2026-12-07T15:00:00Z');
const TIME = '2026-12-07T15:00:00+00:00';
const USER = { name: 'Patricia Boyle', id: '3652397000000186017' };
const HOLDER = '3652397000000412003';

const caseOf = (endpoint: Endpoint, id: string): Case => {
  const found = endpoint.cases.find((c) => c.id === id);
  if (!found) throw new Error(`no case ${id}`);
  return found;
};
const success = (id: string, extra: Record<string, unknown> = {}) => ({
  code: 'SUCCESS',
  ...extra,
  details: { Modified_Time: TIME, Modified_By: USER, Created_Time: TIME, Created_By: USER, id },
  message: extra['action'] === 'update' ? 'record updated' : 'record added',
  status: 'success',
});
const judge = (
  endpoint: Endpoint,
  caseId: string,
  body: unknown,
  answer: unknown,
  path = '/crm/v8/Leads',
  status = 201,
) =>
  judgeCase(
    endpoint,
    caseOf(endpoint, caseId),
    {
      method: 'POST',
      url: `http://127.0.0.1:1${path}`,
      body: JSON.stringify(body),
      sentAt: NOW,
      receivedAt: NOW + 50,
      // The run's own values the echoes read: the token's user, the record the upsert fixture holds.
      variables: { current_user_id: USER.id, mobile_holder_id: HOLDER },
    },
    { status, body: JSON.stringify({ data: answer }), headers: JSON_HEADERS },
    noSchemaErrors,
  );
const echoes = (findings: readonly { kind: string; message: string }[]) =>
  findings.filter((f) => f.kind === 'echo').map((f) => f.message);

describe('Insert Records: a new id per entry', () => {
  const two = { data: [{ Last_Name: 'A' }, { Last_Name: 'B' }] };

  it('holds when each entry names its own id, none of them sent', () => {
    const held = judge(insertRecords, 'success-bulk', two, [success('111'), success('222')]);
    expect([held.findings, held.unpinned]).toEqual([[], []]);
  });

  it('fails the later of two entries that name the same id', () => {
    const broken = judge(insertRecords, 'success-bulk', two, [success('111'), success('111')]);
    expect(echoes(broken.findings)).toEqual([
      '/data/1/details/id must be a new id, got "111": /data/0/details/id names it too',
    ]);
  });

  it('fails an id the request itself sent (a record that already existed)', () => {
    const sent = { data: [{ Last_Name: 'A', id: '999' }, { Last_Name: 'B' }] };
    const broken = judge(insertRecords, 'success-bulk', sent, [success('111'), success('999')]);
    expect(echoes(broken.findings)).toEqual([
      '/data/1/details/id must be a new id, got "999": the request sent it (the request\'s /data/0/id)',
    ]);
  });

  it('fails a Created_Time outside the request', () => {
    const late = {
      ...success('111'),
      details: { ...success('111').details, Created_Time: '2026-12-07T16:00:00+00:00' },
    };
    const broken = judge(insertRecords, 'success-bulk', two, [late, success('222')]);
    expect(echoes(broken.findings)).toEqual([
      expect.stringMatching(/^\/data\/0\/details\/Created_Time must be the time of the request/),
    ]);
  });
});

describe('Upsert Records: the field matched and the action taken', () => {
  const match = { data: [{ Last_Name: 'M', Mobile: '98883434559' }], duplicate_check_fields: ['Mobile'] };
  const fresh = { data: [{ Last_Name: 'N' }], duplicate_check_fields: ['Mobile'] };
  const updated = (extra: Record<string, unknown> = {}) =>
    success(HOLDER, { duplicate_field: 'Mobile', action: 'update', ...extra });
  const upsert = (caseId: string, body: unknown, answer: unknown) =>
    judge(upsertRecords, caseId, body, answer, '/crm/v8/Leads/upsert', 200);

  it('holds for a match answered update on the field sent, and a new record answered insert with null', () => {
    const update = upsert('success-update', match, [updated()]);
    expect([update.findings, update.unpinned]).toEqual([[], []]);
    const insert = upsert('success-insert', fresh, [success('555', { duplicate_field: null, action: 'insert' })]);
    expect([insert.findings, insert.unpinned]).toEqual([[], []]);
  });

  it('fails an action flipped to insert while the entry names the field it matched', () => {
    const broken = upsert('success-update', match, [updated({ action: 'insert' })]);
    expect(echoes(broken.findings)).toEqual([
      '/data/0/action must be "update": the entry names the field it matched (duplicate_field "Mobile"): sent "update", got "insert"',
      '/data/0/action must be what the case\'s request and fixtures decide: sent "update", got "insert"',
    ]);
  });

  it("fails a match answered as an insert throughout: the case's own action says update", () => {
    const broken = upsert('success-update', match, [updated({ action: 'insert', duplicate_field: null })]);
    expect(echoes(broken.findings)).toEqual([
      '/data/0/action must be what the case\'s request and fixtures decide: sent "update", got "insert"',
    ]);
  });

  it('fails a duplicate_field the record did not send, or one the request did not list', () => {
    const unsent = upsert('success-update', match, [updated({ duplicate_field: 'Email' })]);
    expect(echoes(unsent.findings)).toEqual([
      '/data/0/duplicate_field must name a field the record sent at /data/0 gave a value: sent ["Last_Name","Mobile"], got "Email"',
    ]);
    const unlisted = upsert('success-update', { ...match, duplicate_check_fields: ['Email'] }, [updated()]);
    expect(echoes(unlisted.findings)).toEqual([
      '/data/0/duplicate_field must be one of the request\'s /duplicate_check_fields: sent ["Email"], got "Mobile"',
    ]);
  });

  it('fails an insert that names an id the request sent', () => {
    const sent = { data: [{ Last_Name: 'N', id: '777' }] };
    const broken = upsert('success-insert', sent, [success('777', { duplicate_field: null, action: 'insert' })]);
    expect(echoes(broken.findings)).toEqual([
      '/data/0/details/id must be a new id, got "777": the request sent it (the request\'s /data/0/id)',
    ]);
  });

  it('documents action and duplicate_field on success entries only: another key is still undocumented', () => {
    const extra = upsert('success-update', match, [updated({ zia_score: 1 })]);
    expect(extra.findings.map((f) => `${f.kind} ${f.path}`)).toEqual(['undocumented-key /data/0/zia_score']);
    const onInsert = judge(insertRecords, 'success-single', { data: [{ Last_Name: 'A' }] }, [
      success('111', { action: 'insert' }),
    ]);
    expect(onInsert.findings.map((f) => `${f.kind} ${f.path}`)).toEqual(['undocumented-key /data/0/action']);
  });
});

describe("The run's own values", () => {
  it("fails an insert created by another user than the token's, and a match answered with another record's id", () => {
    const other = { name: 'Someone Else', id: '3652397000000999999' };
    const inserted = judge(insertRecords, 'success-single', { data: [{ Last_Name: 'A' }] }, [
      { ...success('111'), details: { ...success('111').details, Created_By: other } },
    ]);
    expect(echoes(inserted.findings)).toEqual([
      `/data/0/details/Created_By/id must be the run's current_user_id: sent "${USER.id}", got "${other.id}"`,
    ]);
    const matched = judge(
      upsertRecords,
      'success-update',
      { data: [{ Last_Name: 'A', Mobile: '1' }], duplicate_check_fields: ['Mobile'] },
      [success('3652397000000999999', { duplicate_field: 'Mobile', action: 'update' })],
      '/crm/v8/Leads/upsert',
      200,
    );
    expect(echoes(matched.findings)).toEqual([
      `/data/0/details/id must be the run's mobile_holder_id: sent "${HOLDER}", got "3652397000000999999"`,
    ]);
  });
});
