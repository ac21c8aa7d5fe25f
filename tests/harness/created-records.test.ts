// A case's own request may create records (Insert, Upsert): they are read from its answer, so a live run deletes them.

import { describe, expect, it } from 'vitest';
import { createdRecords, deletedRecords, type Exchange } from '../../src/harness/index.ts';

const exchange = (url: string, body: unknown, status = 201): Exchange => ({
  itemId: 'i',
  method: 'POST',
  url,
  requestHeaders: {},
  response: { status, headers: {}, body: JSON.stringify(body), timeMs: 1 },
});
const success = (id: string, extra: Record<string, unknown> = {}) => ({
  code: 'SUCCESS',
  details: { id },
  message: 'record added',
  status: 'success',
  ...extra,
});

describe('createdRecords', () => {
  it('names every success entry of an insert with its module, and no failed entry', () => {
    const answer = {
      data: [success('1'), { code: 'MANDATORY_NOT_FOUND', details: {}, status: 'error' }, success('2')],
    };
    expect(createdRecords(exchange('https://gw.example/zoho/crm/v8/Leads', answer))).toEqual([
      { module: 'Leads', id: '1' },
      { module: 'Leads', id: '2' },
    ]);
  });

  it('names an upsert entry only when it inserted, never one that updated a match', () => {
    const answer = { data: [success('1', { action: 'insert' }), success('2', { action: 'update' })] };
    expect(createdRecords(exchange('http://127.0.0.1:4010/crm/v8/Contacts/upsert', answer))).toEqual([
      { module: 'Contacts', id: '1' },
    ]);
  });

  it('reads nothing from an error, a body that is not JSON, or a URL that is no records URL', () => {
    expect(createdRecords(exchange('http://h/crm/v8/Leads', { code: 'INVALID_TOKEN', status: 'error' }, 401))).toEqual(
      [],
    );
    expect(
      createdRecords({
        ...exchange('http://h/crm/v8/Leads', {}),
        response: { status: 201, headers: {}, body: 'not json', timeMs: 1 },
      }),
    ).toEqual([]);
    expect(
      createdRecords(exchange('http://h/crm/v8/Leads/123/Locking_Information__s', { data: [success('9')] })),
    ).toEqual([]);
  });

  it('names the records a delete removed, by ids or by the id in the URL, and none it refused', () => {
    const answer = {
      data: [success('1'), { code: 'INVALID_DATA', details: { id: '2' }, message: 'x', status: 'error' }],
    };
    expect(deletedRecords(exchange('http://h/crm/v8/Leads?ids=1,2&wf_trigger=false', answer, 200))).toEqual([
      { module: 'Leads', id: '1' },
    ]);
    expect(deletedRecords(exchange('http://h/crm/v8/Leads/1', { data: [success('1')] }, 200))).toEqual([
      { module: 'Leads', id: '1' },
    ]);
  });
});
