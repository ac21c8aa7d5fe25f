// The mock answers Get, Search and Delete Records from the request and its state, as the fact sheets say Zoho does,
// for the default org and a stricter profile alike.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseOrgProfile, startMock, type MockServer } from '../../src/mock/index.ts';
import { ROOT } from '../support/docs.ts';
import { call } from '../support/http-call.ts';

const STRICT = join(ROOT, 'tests', 'fixtures', 'org-profiles', 'strict-org.json');
const profiles = {
  default: undefined,
  strict: parseOrgProfile(JSON.parse(readFileSync(STRICT, 'utf8')) as unknown, STRICT),
};

for (const [profile, org] of Object.entries(profiles)) {
  describe(`the ${profile} org`, () => {
    let mock: MockServer;
    let v: Readonly<Record<string, string>>;
    beforeAll(async () => {
      mock = await startMock(org ? { org } : {});
      v = mock.variables;
    });
    afterAll(async () => mock.close());
    const get = (path: string, token = v['access_token'] ?? '') => call(mock.url, 'GET', `/crm/v8${path}`, { token });
    const del = (path: string) => call(mock.url, 'DELETE', `/crm/v8${path}`, { token: v['access_token'] ?? '' });
    const records = (json: unknown) => (json as { data: Array<Record<string, unknown>> }).data;
    const info = (json: unknown) => (json as { info: Record<string, unknown> }).info;

    describe('Get Records', () => {
      it('reads one record by id with every field, and only the fields asked for', async () => {
        const whole = await get(`/Leads/${v['read_record_id']}`);
        expect(whole.status).toBe(200);
        expect(records(whole.json)).toEqual([
          expect.objectContaining({ id: v['read_record_id'], Email: v['read_record_email'] }),
        ]);
        const some = await get(`/Leads/${v['read_record_id']}?fields=Email`);
        expect(records(some.json)).toEqual([{ Email: v['read_record_email'], id: v['read_record_id'] }]);
      });

      it('pages by page/per_page with info.more_records, then on by the next page token', async () => {
        const first = await get('/Leads?fields=Last_Name&per_page=2');
        expect(records(first.json)).toHaveLength(2);
        expect(info(first.json)).toMatchObject({ per_page: 2, count: 2, page: 1, more_records: true });
        const token = String(info(first.json)['next_page_token']);
        const next = await get(`/Leads?fields=Last_Name&per_page=2&page_token=${token}`);
        const second = await get('/Leads?fields=Last_Name&per_page=2&page=2');
        expect(records(next.json)).toEqual(records(second.json));
        expect(records(next.json).map((r) => r['id'])).not.toContain(records(first.json)[0]?.['id']);
      });

      it('answers the records named by ids, and 204 with no body past the last one', async () => {
        const named = await get(`/Leads?ids=${v['read_record_id']},${v['read_second_record_id']}&fields=Email`);
        expect(
          records(named.json)
            .map((r) => r['id'])
            .sort(),
        ).toEqual([v['read_record_id'], v['read_second_record_id']].sort());
        expect(info(named.json)['more_records']).toBe(false);
        const past = await get(`/Leads?ids=${v['read_record_id']}&fields=Email&page=2&per_page=1`);
        expect([past.status, past.text]).toEqual([204, '']);
      });

      it('wants fields on a list read, at most 50, and the first 2000 records by page only', async () => {
        expect((await get('/Leads')).json).toMatchObject({
          code: 'REQUIRED_PARAM_MISSING',
          details: { param_name: 'fields' },
        });
        const fiftyOne = Array.from({ length: 51 }, (_, i) => `F${i}`).join(',');
        expect(await get(`/Leads?fields=${fiftyOne}`)).toMatchObject({ status: 400, json: { code: 'LIMIT_EXCEEDED' } });
        const fifty = Array.from({ length: 50 }, (_, i) => `F${i}`).join(',');
        expect((await get(`/Leads?fields=${fifty}&per_page=1`)).status).toBe(200);
        expect((await get('/Leads?fields=Last_Name&page=10&per_page=200')).status).not.toBe(400);
        expect((await get('/Leads?fields=Last_Name&page=11&per_page=200')).json).toMatchObject({
          code: 'DISCRETE_PAGINATION_LIMIT_EXCEEDED',
        });
      });

      it('answers 204 with no body for an id that holds no record', async () => {
        const gone = await get(`/Leads/${v['deleted_record_id']}`);
        expect([gone.status, gone.text]).toEqual([204, '']);
      });
    });

    describe('Search Records', () => {
      it('finds the record by email, by phone, by word and by criteria, and none that does not match', async () => {
        const byEmail = await get(`/Leads/search?email=${v['read_record_email']}`);
        expect(records(byEmail.json).map((r) => r['id'])).toEqual([v['read_record_id']]);
        const byPhone = await get(`/Leads/search?phone=${v['existing_mobile']}`);
        expect(records(byPhone.json)).toHaveLength(1);
        const byWord = await get(`/Leads/search?word=${v['read_record_last_name']}`);
        expect(records(byWord.json).map((r) => r['id'])).toEqual([v['read_record_id']]);
        const criteria = encodeURIComponent(
          `((Last_Name:equals:${v['read_record_last_name']})and(Email:starts_with:read.me))`,
        );
        expect(records((await get(`/Leads/search?criteria=${criteria}`)).json)).toHaveLength(1);
        const either = encodeURIComponent(`((Email:equals:${v['read_record_email']})or(Email:equals:second.read))`);
        expect(records((await get(`/Leads/search?criteria=${either}`)).json)).toHaveLength(2);
      });

      it('answers 204 with no body when nothing matches', async () => {
        const none = await get('/Leads/search?email=nobody@zylker.invalid');
        expect([none.status, none.text]).toEqual([204, '']);
      });

      it('refuses no search, criteria that do not parse or use no operator, and more than 10 conditions', async () => {
        expect((await get('/Leads/search')).json).toMatchObject({ code: 'REQUIRED_PARAM_MISSING' });
        expect((await get('/Leads/search?criteria=(Last_Name:like:x)')).json).toMatchObject({ code: 'INVALID_QUERY' });
        expect((await get('/Leads/search?criteria=(Last_Name:equals:x')).json).toMatchObject({ code: 'INVALID_QUERY' });
        const conditions = (n: number) =>
          encodeURIComponent(`(${Array.from({ length: n }, (_, i) => `(Last_Name:equals:N${i})`).join('or')})`);
        expect((await get(`/Leads/search?criteria=${conditions(10)}`)).status).toBe(204);
        expect((await get(`/Leads/search?criteria=${conditions(11)}`)).json).toMatchObject({ code: 'LIMIT_EXCEEDED' });
      });

      it('wants ZohoSearch.securesearch.READ beside the module scope', async () => {
        const res = await get(`/Leads/search?email=${v['read_record_email']}`, v['token_module_scope_only']);
        expect(res).toMatchObject({ status: 401, json: { code: 'OAUTH_SCOPE_MISMATCH' } });
      });
    });

    describe('Delete Records', () => {
      it('deletes each id in order, then a second read of one answers 204', async () => {
        const res = await del(`/Leads?ids=${v['delete_first_id']},${v['delete_second_id']}&wf_trigger=false`);
        expect(res.status).toBe(200);
        expect(records(res.json).map((e) => (e['details'] as { id: string }).id)).toEqual([
          v['delete_first_id'],
          v['delete_second_id'],
        ]);
        expect((await get(`/Leads/${v['delete_first_id']}`)).status).toBe(204);
        const again = await del(`/Leads/${v['delete_first_id']}`);
        expect(again).toMatchObject({ status: 202, json: { data: [{ code: 'INVALID_DATA' }] } });
      });

      it('wants ids on the bulk path, at most 100', async () => {
        expect((await del('/Leads')).json).toMatchObject({
          code: 'REQUIRED_PARAM_MISSING',
          details: { param_name: 'ids' },
        });
        const ids = Array.from({ length: 101 }, (_, i) => String(9_000_000 + i)).join(',');
        expect(await del(`/Leads?ids=${ids}`)).toMatchObject({ status: 400, json: { code: 'LIMIT_EXCEEDED' } });
      });
    });
  });
}
