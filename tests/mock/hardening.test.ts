// The mock survives abuse: header floods, slow clients, and it listens on loopback only unless told otherwise.

import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type MockServer } from '../../src/mock/index.ts';
import { call } from '../support/http-call.ts';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMock({ headersTimeoutMs: 500 });
});
afterAll(async () => mock.close());

describe('mock hardening', () => {
  it('answers a header flood with 431 and stays up', async () => {
    const res = await call(mock.url, 'PUT', '/crm/v8/Leads', { headers: { 'X-Flood': 'x'.repeat(64 * 1024) } });
    expect(res.status).toBe(431);
    expect(
      (
        await call(mock.url, 'PUT', '/crm/v8/Lead/1', {
          token: mock.variables['access_token'] ?? '',
          body: { data: [{}] },
        })
      ).status,
    ).toBe(400);
  });

  it('closes a client that never finishes its headers', async () => {
    const { port } = new URL(mock.url);
    const closed = await new Promise<string>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1', () =>
        socket.write('PUT /crm/v8/Leads HTTP/1.1\r\nHost: x\r\n'),
      );
      let answer = '';
      socket.on('data', (d) => (answer += d.toString()));
      socket.on('close', () => resolve(answer));
      setTimeout(() => socket.destroy(), 10_000).unref();
    });
    expect(closed).toMatch(/^HTTP\/1\.1 408 Request Timeout/);
  });

  it('listens on 127.0.0.1 by default', () => {
    expect(new URL(mock.url).hostname).toBe('127.0.0.1');
    expect(new URL(mock.contractsUrl).hostname).toBe('127.0.0.1');
  });
});
