// An echo is read from the request behind any base URL, and an echo whose sent value cannot be read is named in the
// verdict's unpinned notes ("echo of ... not checked: ..."), never passed in silence.

import { describe, expect, it } from 'vitest';
import {
  updateContractType,
  updateRecordLockingInformation,
  updateRecords,
  type Case,
  type Endpoint,
} from '../../src/catalog/index.ts';
import { judgeCase, type SchemaCheck } from '../../src/validate/index.ts';

const noSchemaErrors: SchemaCheck = () => [];
const JSON_HEADERS = { 'content-type': 'application/json;charset=utf-8' };
const NOW = Date.parse('2026-12-02T15:00:00Z');
const GATEWAY = 'http://127.0.0.1:1/zoho';

const caseOf = (endpoint: Endpoint, id: string): Case => {
  const found = endpoint.cases.find((c) => c.id === id);
  if (!found) throw new Error(`no case ${id}`);
  return found;
};
const lockAnswer = (id: string) => ({
  data: [{ code: 'SUCCESS', details: { id }, message: 'relation updated', status: 'success' }],
});
const judge = (
  endpoint: Endpoint,
  id: string,
  url: string,
  answer: unknown,
  extra: { body?: unknown; baseUrls?: string[]; sentAt?: number } = {},
) =>
  judgeCase(
    endpoint,
    caseOf(endpoint, id),
    {
      method: 'PUT',
      url,
      ...(extra.body === undefined ? {} : { body: JSON.stringify(extra.body) }),
      ...(extra.sentAt === undefined ? {} : { sentAt: extra.sentAt, receivedAt: extra.sentAt + 50 }),
      ...(extra.baseUrls ? { baseUrls: extra.baseUrls } : {}),
    },
    { status: 200, body: JSON.stringify(answer), headers: JSON_HEADERS },
    noSchemaErrors,
  );
const echoNotes = (unpinned: readonly string[]) => unpinned.filter((note) => note.startsWith('echo'));

describe('echoes behind a base URL with a path', () => {
  const lockUrl = `${GATEWAY}/crm/v8/Leads/7/Locking_Information__s/99`;
  const body = { data: [{ Locked_Reason__s: 'r' }] };

  it("takes the base URL's path off before reading the lock id from the URL", () => {
    const held = judge(updateRecordLockingInformation, 'success-leads', lockUrl, lockAnswer('99'), {
      body,
      baseUrls: [GATEWAY],
    });
    expect([held.findings, held.unpinned]).toEqual([[], []]);
    const broken = judge(updateRecordLockingInformation, 'success-leads', lockUrl, lockAnswer('7'), {
      body,
      baseUrls: [GATEWAY],
    });
    expect(broken.findings).toMatchObject([{ kind: 'echo', path: '/data/0/details/id', sent: '99', got: '7' }]);
  });

  it('takes off only a base URL of the same origin, whole segments', () => {
    for (const baseUrls of [['http://127.0.0.1:2/zoho'], ['http://127.0.0.1:1/zo']]) {
      const judged = judge(updateRecordLockingInformation, 'success-leads', lockUrl, lockAnswer('7'), {
        body,
        baseUrls,
      });
      expect(judged.findings).toEqual([]);
      expect(echoNotes(judged.unpinned)).toHaveLength(1);
    }
  });

  it("reads a Contracts apiName behind the gateway's path", () => {
    const url = `${GATEWAY}/api/v1/admin/contracttypes/MSS`;
    const answer = { Type: 'success', apiName: 'NDA' };
    const judged = judge(updateContractType, 'success', url, answer, { body: {}, baseUrls: [GATEWAY] });
    expect(judged.findings).toMatchObject([{ kind: 'echo', path: '/apiName', sent: 'MSS', got: 'NDA' }]);
  });
});

describe('an echo whose sent value cannot be read', () => {
  it('is an "echo ..." unpinned note when the URL matches none of the endpoint\'s paths (no base URL given)', () => {
    const url = `${GATEWAY}/crm/v8/Leads/7/Locking_Information__s/99`;
    const judged = judge(updateRecordLockingInformation, 'success-leads', url, lockAnswer('7'), {
      body: { data: [{ Locked_Reason__s: 'r' }] },
    });
    expect(judged.findings).toEqual([]);
    expect(judged.unpinned).toEqual([
      "echo of /data/0/details/id not checked: the URL's record_locking_id (its path matches none of the endpoint's paths) could not be read",
    ]);
  });

  it('is a note when the value sent is a variable never filled in, one note for many entries', () => {
    const body = { data: [{ id: '{{bulk_id_001}}' }, { id: '{{bulk_id_002}}' }] };
    const success = (id: string) => ({
      code: 'SUCCESS',
      details: { id },
      message: 'record updated',
      status: 'success',
    });
    const judged = judge(
      updateRecords,
      'success-bulk',
      'http://127.0.0.1:1/crm/v8/Leads',
      {
        data: [success('1'), success('2')],
      },
      { body, sentAt: NOW },
    );
    expect(judged.findings.filter((f) => f.kind === 'echo')).toEqual([]);
    expect(echoNotes(judged.unpinned)).toEqual([
      "echo of /data/{i}/details/id (2 entries) not checked: the URL's record_id (not in the path it matched) could not be read, nor the request's /data/{i}/id (a variable never filled in)",
    ]);
  });

  it('is a note when the request carries no record to read a key from, or no time it left', () => {
    const missing = { code: 'MANDATORY_NOT_FOUND', details: { api_name: 'id' }, message: 'x', status: 'error' };
    const keyed = judge(updateRecords, 'mandatory-not-found', 'http://127.0.0.1:1/crm/v8/Leads', {
      data: [missing],
    });
    expect(echoNotes(keyed.unpinned)).toEqual([
      'echo of /data (one entry per record sent) not checked: the request sent no /data list',
      'echo of /data/0/details/api_name not checked: the request sent no record at /data/0 to read its keys from',
    ]);
    const timed = judge(
      updateRecords,
      'success-single',
      'http://127.0.0.1:1/crm/v8/Leads/1',
      {
        data: [
          {
            code: 'SUCCESS',
            details: { id: '1', Modified_Time: '2026-12-02T15:00:00+00:00' },
            message: 'record updated',
            status: 'success',
          },
        ],
      },
      { body: { data: [{}] } },
    );
    expect(echoNotes(timed.unpinned)).toEqual([
      'echo of /data/0/details/Modified_Time not checked: the time the request left is not known',
    ]);
  });

  it('leaves no note when every echo was read', () => {
    const judged = judge(
      updateRecords,
      'success-single',
      'http://127.0.0.1:1/crm/v8/Leads/1',
      {
        data: [
          {
            code: 'SUCCESS',
            details: { id: '1', Modified_Time: '2026-12-02T15:00:00+00:00' },
            message: 'record updated',
            status: 'success',
          },
        ],
      },
      { body: { data: [{}] }, sentAt: NOW },
    );
    expect(judged.unpinned).toEqual([]);
  });
});
