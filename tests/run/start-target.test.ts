// Starting a run's target: nothing for the embedded mock, a url target probed only after the report folder is known to
// be writable, a live org refused before any request when it is production, its tokens refreshed once with a broker
// that closes with it.

import { afterEach, describe, expect, it } from 'vitest';
import { startMock, type MockServer } from '../../src/mock/index.ts';
import { startTarget } from '../../src/run/index.ts';
import { liveEnvironment, mockEnvironment } from '../support/mock-env.ts';

let mock: MockServer | undefined;
afterEach(async () => mock?.close());

describe('startTarget', () => {
  it('starts nothing for the embedded mock (the run starts it), and asks nothing before requests', async () => {
    let asked = 0;
    const started = await startTarget({ kind: 'mock' }, async () => void (asked += 1));
    expect([started.target, asked]).toEqual([undefined, 0]);
    await started.close();
  });

  it('probes a url target only after the run said it may send requests', async () => {
    mock = await startMock();
    const order: string[] = [];
    const started = await startTarget(
      { kind: 'url', baseUrl: mock.url, env: mockEnvironment(mock), probeTimeoutMs: 5_000 },
      async () => void order.push('before requests'),
    );
    expect(order).toEqual(['before requests']);
    expect(started.target).toMatchObject({ kind: 'url', apiDomain: mock.url });
    await started.close();
  });

  it('refuses a url target nobody answers at, with the exit code of an unreachable target', async () => {
    await expect(
      startTarget(
        { kind: 'url', baseUrl: 'http://127.0.0.1:9', env: {}, probeTimeoutMs: 2_000 },
        async () => undefined,
      ),
    ).rejects.toMatchObject({ exitCode: 3 });
  });

  it('refuses a production org without --allow-production before any request, naming the fix', async () => {
    mock = await startMock();
    let asked = 0;
    const env = liveEnvironment(mock, { ZOHO_ENVIRONMENT: 'production' });
    await expect(
      startTarget({ kind: 'live', env, allowProduction: false, print: () => undefined }, async () => void (asked += 1)),
    ).rejects.toMatchObject({ exitCode: 2, hint: expect.stringContaining('--allow-production') });
    expect(asked).toBe(0);
  });

  it('refreshes a live org token once, says what it touches, and closes its broker with it', async () => {
    mock = await startMock();
    const lines: string[] = [];
    const started = await startTarget(
      { kind: 'live', env: liveEnvironment(mock), allowProduction: false, print: (line) => lines.push(line) },
      async () => undefined,
    );
    const target = started.target;
    expect(target?.kind).toBe('live');
    expect(target?.variables['access_token']).toBeTruthy();
    expect(lines).toEqual([
      expect.stringMatching(/^Live run: sandbox org in data centre \w+, API http:\/\/127\.0\.0\.1:\d+/),
    ]);
    const broker = target?.tokenBroker ?? '';
    expect((await fetch(broker, { method: 'POST', body: '{}' })).status).toBe(200);
    await started.close();
    await expect(fetch(broker, { method: 'POST', body: '{}' })).rejects.toThrow();
  });
});
