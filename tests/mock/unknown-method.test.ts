// A method Node's parser does not know (the Contracts sample's UPDATE) is answered as the route its path names would
// answer it: behind one host with CRM (a url run), Contracts still gets its own page's wording, CRM and Bigin theirs.

import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type MockServer } from '../../src/mock/index.ts';
import { call } from '../support/http-call.ts';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMock({ headersTimeoutMs: 500 });
});
afterAll(async () => mock.close());

const token = () => mock.variables['access_token'] ?? '';
const v = (name: string) => mock.variables[name] ?? '';
const update = (base: string, path: string, auth = token()) =>
  call(base, 'UPDATE', path, { token: auth, body: { name: 'Renamed' } });

/** Sends `packets` one after another on a raw socket (each its own write, a tick apart) and resolves with the answer. */
function rawExchange(base: string, packets: readonly string[]): Promise<string> {
  const { port } = new URL(base);
  return new Promise((resolve) => {
    let answer = '';
    const socket = connect(Number(port), '127.0.0.1', () => {
      const next = (i: number): void => {
        const packet = packets[i];
        if (packet === undefined) return;
        socket.write(packet, () => setImmediate(() => next(i + 1)));
      };
      next(0);
    });
    socket.on('data', (d) => (answer += d.toString()));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(answer));
  });
}

const bodyOf = (answer: string): unknown => JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));

describe('a method the HTTP parser rejects', () => {
  it("is answered in Contracts' wording for a Contracts path on the API domain (one host for every product)", async () => {
    const before = mock.provoked()['contracts:INVALID_REQUEST_METHOD'] ?? 0;
    const res = await update(mock.url, '/api/v1/admin/contracttypes/MSS');
    expect([res.status, res.json]).toEqual([
      400,
      {
        code: 'INVALID_REQUEST_METHOD',
        details: {},
        message: 'The HTTP request method is not a valid one.',
        status: 'error',
      },
    ]);
    // Counted as the behaviour it is, as a PATCH to the same URL would be.
    expect(mock.provoked()['contracts:INVALID_REQUEST_METHOD']).toBe(before + 1);
  });

  it("is answered in CRM's wording for a CRM path, the record-locking page's 403 for a lock, Bigin's for Bigin", async () => {
    const crm = await update(mock.url, '/crm/v8/Leads');
    expect([crm.status, crm.json]).toEqual([
      400,
      {
        code: 'INVALID_REQUEST_METHOD',
        details: {},
        message: 'The http request method type is not a valid one',
        status: 'error',
      },
    ]);
    const lock = await update(
      mock.url,
      `/crm/v8/Leads/${v('locked_lead_id')}/Locking_Information__s/${v('lead_lock_id')}`,
    );
    expect([lock.status, (lock.json as { message: string }).message]).toEqual([
      403,
      'The http request method type is not a valid one.',
    ]);
    const before = mock.provoked()['bigin:INVALID_REQUEST_METHOD'] ?? 0;
    const bigin = await update(mock.url, `/bigin/v1/Deals/${v('bigin_deal_id')}/Products/${v('bigin_product_id')}`);
    expect([bigin.status, (bigin.json as { code: string }).code]).toEqual([400, 'INVALID_REQUEST_METHOD']);
    expect(mock.provoked()['bigin:INVALID_REQUEST_METHOD']).toBe(before + 1);
  });

  it('is decided as any request is: a token the mock does not know is answered first, a Contracts path only on its host', async () => {
    const unknown = await update(mock.url, '/api/v1/admin/contracttypes/MSS', 'not-a-token');
    expect([unknown.status, (unknown.json as { code: string }).code]).toEqual([401, 'INVALID_TOKEN']);
    const crmOnContracts = await update(mock.contractsUrl, '/crm/v8/Leads');
    expect([crmOnContracts.status, (crmOnContracts.json as { code: string }).code]).toEqual([
      404,
      'INVALID_URL_PATTERN',
    ]);
  });

  it('is read whole when its head arrives in pieces', async () => {
    const answer = await rawExchange(mock.url, [
      'UPDATE /api/v1/admin/contr',
      `acttypes/MSS HTTP/1.1\r\nHost: x\r\nAuthorization: Zoho-oau`,
      `thtoken ${token()}\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}`,
    ]);
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(bodyOf(answer)).toMatchObject({ message: 'The HTTP request method is not a valid one.' });
  });

  it('whose head never ends is cut off with 408, and bytes that are no request get 400 at once', async () => {
    const slow = await rawExchange(mock.url, ['UPDATE /crm/v8/Leads HTTP/1.1\r\nHost: x\r\n']);
    expect(slow).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    const noise = await rawExchange(mock.url, ['\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u01fc\u0003\u0003']);
    expect(noise).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(bodyOf(noise)).toMatchObject({ code: 'INVALID_REQUEST' });
  });
});
