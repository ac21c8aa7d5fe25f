// What a read owes its request: the records asked for, only the fields asked for, only what matches the search; and a
// delete, one entry per id sent, in order. Each rule fails on an answer that breaks it.

import { describe, expect, it } from 'vitest';
import { deleteRecords, getRecords, searchRecords, type Case, type Endpoint } from '../../src/catalog/index.ts';
import { judgeCase, type SchemaCheck } from '../../src/validate/index.ts';

const noSchemaErrors: SchemaCheck = () => [];
const caseOf = (endpoint: Endpoint, id: string): Case => {
  const found = endpoint.cases.find((c) => c.id === id);
  if (!found) throw new Error(`no case ${id}`);
  return found;
};
const judge = (endpoint: Endpoint, id: string, url: string, status: number, answer: unknown) =>
  judgeCase(
    endpoint,
    caseOf(endpoint, id),
    { method: 'GET', url: `http://127.0.0.1:1${url}` },
    { status, body: JSON.stringify(answer) },
    noSchemaErrors,
  );
const echoes = (j: ReturnType<typeof judge>) => j.findings.filter((f) => f.kind === 'echo' || f.kind === 'entries');

describe('Get Records echoes', () => {
  it('passes the record asked for by URL id', () => {
    expect(echoes(judge(getRecords, 'success-by-id', '/crm/v8/Leads/11', 200, { data: [{ id: '11' }] }))).toEqual([]);
  });

  it('fails another record than the URL id, or than the ids asked for', () => {
    const byId = judge(getRecords, 'success-by-id', '/crm/v8/Leads/11', 200, { data: [{ id: '12' }] });
    expect(echoes(byId).map((f) => f.path)).toEqual(['/data/0/id']);
    const url = '/crm/v8/Leads?ids=11,12&fields=Last_Name,Email';
    const answer = { data: [{ id: '11', Last_Name: 'A', Email: 'a@z' }, { id: '13' }], info: {} };
    expect(echoes(judge(getRecords, 'success-ids', url, 200, answer)).map((f) => f.path)).toEqual(['/data/1/id']);
  });

  it('fails a record the run wrote whose values are not the ones written, and says when it cannot tell', () => {
    const variables = {
      read_record_id: '11',
      read_record_email: 'read.me@zylker.com',
      read_record_last_name: 'Readwell',
    };
    const read = (answer: unknown, vars?: Record<string, string>) =>
      judgeCase(
        getRecords,
        caseOf(getRecords, 'success-by-id'),
        { method: 'GET', url: 'http://127.0.0.1:1/crm/v8/Leads/11', ...(vars ? { variables: vars } : {}) },
        { status: 200, body: JSON.stringify(answer) },
        noSchemaErrors,
      );
    const lead = { id: '11', Email: 'read.me@zylker.com', Last_Name: 'Readwell', Company: 'Z' };
    expect(echoes(read({ data: [lead] }, variables))).toEqual([]);
    const changed = read({ data: [{ ...lead, Email: 'someone@else.com' }] }, variables);
    expect(echoes(changed).map((f) => [f.path, f.sent, f.got])).toEqual([
      ['/data/0/Email', 'read.me@zylker.com', 'someone@else.com'],
    ]);
    expect(read({ data: [lead] }).unpinned).toEqual([
      expect.stringContaining('did not say which record it wrote (read_record_id)'),
    ]);
  });

  it('fails a record carrying a field that was not asked for', () => {
    const url = '/crm/v8/Leads?fields=Last_Name,Email&per_page=2';
    const answer = {
      data: [
        { id: '1', Last_Name: 'A' },
        { id: '2', Last_Name: 'B', Mobile: '1' },
      ],
      info: {},
    };
    const found = echoes(judge(getRecords, 'success-fields', url, 200, answer));
    expect(found.map((f) => [f.path, f.got])).toEqual([['/data/1', 'Mobile']]);
  });
});

describe("a read's envelope", () => {
  it("reports a top-level key beside data and info as undocumented, and none for the org's own fields", () => {
    const answer = { data: [{ id: '11', Any_Field: 'x' }], info: {}, code: 'SUCCESS' };
    const judged = judge(getRecords, 'success-by-id', '/crm/v8/Leads/11', 200, answer);
    expect(judged.findings.filter((f) => f.kind === 'undocumented-key').map((f) => f.path)).toEqual(['/code']);
  });
});

describe('Search Records echoes', () => {
  it('passes records that match the email, word or criteria searched for', () => {
    const url = '/crm/v8/Leads/search?email=a@zylker.com';
    expect(
      echoes(judge(searchRecords, 'success-email', url, 200, { data: [{ id: '1', Email: 'A@zylker.com' }], info: {} })),
    ).toEqual([]);
    const criteria = '/crm/v8/Leads/search?criteria=((Last_Name:equals:Boyle)and(Email:equals:a@zylker.com))';
    const hit = { data: [{ id: '1', Last_Name: 'Boyle', Email: 'a@zylker.com' }], info: {} };
    expect(echoes(judge(searchRecords, 'success-criteria', criteria, 200, hit))).toEqual([]);
  });

  it('fails a record that does not match what was searched for', () => {
    const url = '/crm/v8/Leads/search?email=a@zylker.com';
    const answer = {
      data: [
        { id: '1', Email: 'a@zylker.com' },
        { id: '2', Email: 'b@zylker.com' },
      ],
      info: {},
    };
    const judged = judge(searchRecords, 'success-email', url, 200, answer);
    expect(judged.findings.filter((f) => f.kind === 'echo').map((f) => f.path)).toEqual(['/data/1']);
    const word = '/crm/v8/Leads/search?word=Readwell';
    expect(
      echoes(judge(searchRecords, 'success-word', word, 200, { data: [{ id: '3', Last_Name: 'Boyle' }], info: {} }))
        .length,
    ).toBe(1);
  });

  it('fails a search for the email the run wrote that does not find the record it wrote it into', () => {
    const variables = { read_record_id: '11', read_record_email: 'read.me@zylker.com' };
    const search = (ids: string[]) =>
      judgeCase(
        searchRecords,
        caseOf(searchRecords, 'success-email'),
        { method: 'GET', url: 'http://127.0.0.1:1/crm/v8/Leads/search?email=read.me@zylker.com', variables },
        {
          status: 200,
          body: JSON.stringify({ data: ids.map((id) => ({ id, Email: 'read.me@zylker.com' })), info: {} }),
        },
        noSchemaErrors,
      ).findings.filter((f) => f.kind === 'echo');
    expect(search(['11'])).toEqual([]);
    expect(search(['12']).map((f) => [f.path, f.sent, f.got])).toEqual([['/data', '11', '12']]);
  });

  it('says, never passes in silence, a search it cannot evaluate', () => {
    const url = '/crm/v8/Leads/search?criteria=(Created_Time:between:a,b)';
    const judged = judge(searchRecords, 'success-criteria', url, 200, { data: [{ id: '1' }], info: {} });
    expect(judged.unpinned).toContainEqual(
      expect.stringContaining(
        'echo of /data/0 not checked: the criteria use an operator the verdict does not evaluate',
      ),
    );
  });
});

describe('Delete Records echoes', () => {
  const deleted = (id: string) => ({ code: 'SUCCESS', details: { id }, message: 'record deleted', status: 'success' });
  const url = '/crm/v8/Leads?ids=11,12&wf_trigger=false';

  it('passes one entry per id sent, in order, and the URL id for a single delete', () => {
    expect(echoes(judge(deleteRecords, 'success-bulk', url, 200, { data: [deleted('11'), deleted('12')] }))).toEqual(
      [],
    );
    expect(echoes(judge(deleteRecords, 'success-single', '/crm/v8/Leads/11', 200, { data: [deleted('11')] }))).toEqual(
      [],
    );
  });

  it('fails ids out of order, and an entry dropped', () => {
    const swapped = echoes(judge(deleteRecords, 'success-bulk', url, 200, { data: [deleted('12'), deleted('11')] }));
    expect(swapped.map((f) => f.path)).toEqual(['/data/0/details/id', '/data/1/details/id']);
    const dropped = judge(deleteRecords, 'success-bulk', url, 200, { data: [deleted('11')] });
    expect(dropped.findings.map((f) => f.kind)).toContain('entries');
  });
});
