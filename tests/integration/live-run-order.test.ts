// A live run's order and its failures mid-run, at a proxy in front of the mock: the cases that need no fixture go out
// beside the fixture calls, no case before its fixture, a locked record unlocked only once its cases are answered, and
// a fixture call that gets no answer once the cases are under way still ends the run in one line, nothing left behind.

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer as createHttpServer, request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startMock, type MockServer } from '../../src/mock/index.ts';
import { liveEnvironment, recordCounts } from '../support/mock-env.ts';
import { runCli } from '../support/run-cli.ts';

let mock: MockServer | undefined;
afterEach(async () => mock?.close());

/**
 * A loopback host in front of the mock: `before` may hold a request or have its connection dropped; `after` is told each
 * answer (its request, its body, when the request was forwarded) before it is passed on.
 */
async function startProxy(
  upstream: MockServer,
  hooks: {
    before?: (req: IncomingMessage) => Promise<'drop' | undefined> | 'drop' | undefined;
    after?: (req: IncomingMessage, body: Buffer, forwardedAt: number) => void;
  },
): Promise<{ url: string; close: () => Promise<void> }> {
  const to = new URL(upstream.url);
  const server = createHttpServer(async (req, res) => {
    if ((await hooks.before?.(req)) === 'drop') return void req.socket.destroy();
    const forwardedAt = performance.now();
    const forward = httpRequest(
      { host: to.hostname, port: to.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          hooks.after?.(req, Buffer.concat(chunks), forwardedAt);
          res.writeHead(answer.statusCode ?? 502, answer.headers).end(Buffer.concat(chunks));
        });
      },
    );
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('a live run, call by call', () => {
  it('sends the cases that need no fixture while the fixtures are made, no case before its fixture, and unlocks a record only once its cases are answered', async () => {
    const org = await startMock({ latencyMs: 60 });
    mock = org;
    // Every call as the org sees it: when it started and ended, and what it was; and when each record id was first answered.
    const calls: Array<{ start: number; end: number; method: string; url: string; fromNewman: boolean }> = [];
    const answeredId = new Map<string, number>();
    let inFlight = 0;
    let most = 0;
    const fromNewman = (req: IncomingMessage) => /PostmanRuntime/.test(req.headers['user-agent'] ?? '');
    // The locks (the fixtures' last step) are held until a case has arrived, or for 20 s: a run that sends no case
    // before its fixtures exist shows it without depending on how fast this machine is.
    let caseArrived = (): void => undefined;
    const firstCase = new Promise<void>((resolve) => (caseArrived = resolve));
    const recording = await startProxy(org, {
      async before(req) {
        if (fromNewman(req)) caseArrived();
        else if (req.method === 'POST' && req.url?.includes('/Locking_Information__s'))
          await Promise.race([firstCase, new Promise((resolve) => setTimeout(resolve, 20_000))]);
        inFlight += 1;
        most = Math.max(most, inFlight);
        return undefined;
      },
      after(req, body, start) {
        const end = performance.now();
        inFlight -= 1;
        const newman = fromNewman(req);
        calls.push({ start, end, method: req.method ?? '', url: req.url ?? '', fromNewman: newman });
        if (!newman && req.method === 'POST')
          for (const [, id] of body.toString('utf8').matchAll(/"id"\s*:\s*"(\d+)"/g))
            if (id && !answeredId.has(id)) answeredId.set(id, end);
      },
    });
    const out = await mkdtemp(join(tmpdir(), 'live-order-'));
    try {
      const result = await runCli(
        ['--target', 'live', '--concurrency', '8', '--out', out],
        liveEnvironment(org, { ZOHO_API_DOMAIN: recording.url }),
      );
      expect(result.code, result.stdout + result.stderr).toBe(0);
      expect(most).toBeLessThanOrEqual(8);
      const ledger = JSON.parse(await readFile(join(out, 'fixtures.json'), 'utf8')) as {
        created: Array<{ id: string; module: string; lockId?: string }>;
      };
      const cases = calls.filter((c) => c.fromNewman);
      const fixtureCalls = calls.filter((c) => !c.fromNewman && c.method === 'POST');
      // Cases went out before the last fixture call was answered.
      expect(cases.some((c) => c.start < Math.max(...fixtureCalls.map((f) => f.end)))).toBe(true);
      for (const record of ledger.created) {
        const using = cases.filter(
          (c) => c.url.includes(record.id) || (record.lockId && c.url.includes(record.lockId)),
        );
        // No case sent a record's id (or its lock's) before the org had answered with it.
        for (const id of [record.id, record.lockId].filter((v): v is string => v !== undefined))
          for (const use of using.filter((c) => c.url.includes(id)))
            expect(use.start, `${use.method} ${use.url}`).toBeGreaterThanOrEqual(answeredId.get(id) ?? Infinity);
        if (!record.lockId) continue;
        // A locked record is unlocked only once every case that sends its id or its lock's is answered.
        const unlock = calls.find(
          (c) => c.method === 'DELETE' && c.url.includes(`Locking_Information__s/${record.lockId}`),
        );
        expect(unlock, record.id).toBeDefined();
        for (const use of using) expect(use.end, `${use.method} ${use.url}`).toBeLessThanOrEqual(unlock?.start ?? 0);
      }
    } finally {
      await recording.close();
      await rm(out, { recursive: true, force: true });
    }
  }, 120_000);

  it('exits 3 in one line when a fixture gets no answer once the cases are under way, and deletes what was created', async () => {
    // In front of the mock, a host that drops the connection of every Events insert: the other fixtures exist by then,
    // and the cases that need none have gone out beside them.
    const org = await startMock();
    mock = org;
    const dropping = await startProxy(org, {
      before: (req) => (req.method === 'POST' && req.url?.startsWith('/crm/v8/Events') ? 'drop' : undefined),
    });
    const out = await mkdtemp(join(tmpdir(), 'live-dropped-'));
    const before = recordCounts(org);
    try {
      const result = await runCli(
        ['--target', 'live', '--out', out],
        liveEnvironment(org, { ZOHO_API_DOMAIN: dropping.url }),
      );
      expect(result.code, result.stdout + result.stderr).toBe(3);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain('POST /crm/v8/Events got no answer');
      const ledger = JSON.parse(await readFile(join(out, 'fixtures.json'), 'utf8')) as {
        created: Array<{ id: string }>;
        deleted: Array<{ id: string }>;
      };
      expect(ledger.created.length).toBeGreaterThan(0);
      expect(ledger.deleted.map((r) => r.id).sort()).toEqual(ledger.created.map((r) => r.id).sort());
      expect(recordCounts(org)).toEqual(before);
    } finally {
      await dropping.close();
      await rm(out, { recursive: true, force: true });
    }
  }, 120_000);
});
