// A newman rc file on the machine (~/.postman/newmanrc here) changes plain newman's runs, and never the seam's. Each
// run is in a worker thread of its own, with HOME pointed at a folder that holds the rc file.

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoopbackServer, type LoopbackServer } from '../../../src/loopback-server.ts';
import { ROOT } from '../../support/docs.ts';
import { inThread } from '../../support/in-thread.ts';

let server: LoopbackServer;
let requests = 0;
let home: string;

beforeAll(async () => {
  server = await startLoopbackServer((_req, res) => {
    requests += 1;
    res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"data":[]}');
  });
  home = await mkdtemp(join(tmpdir(), 'newmanrc-'));
  await mkdir(join(home, '.postman'));
  // Three iterations: every request of a run would go out three times.
  await writeFile(join(home, '.postman', 'newmanrc'), JSON.stringify({ run: { iterationCount: 3 } }));
});
afterAll(async () => {
  await server.close();
  await rm(home, { recursive: true, force: true });
});

const collection = () => ({
  info: { name: 'probe', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
  item: [{ id: 'probe.one', name: 'one', request: { method: 'GET', url: `${server.url}/one` } }],
});

/** How many requests one run of the one-request collection sent, in a thread whose HOME holds the rc file. */
async function requestsOfOneRun(body: string): Promise<number> {
  const before = requests;
  await inThread('harness/newman/index.ts', `process.env.HOME = ${JSON.stringify(home)};\n${body}`);
  return requests - before;
}

describe("newman's rc files", () => {
  it('change a plain newman run: the rc file is read (this test can tell)', async () => {
    const loader = JSON.stringify(`file://${join(ROOT, 'src', 'harness', 'newman', 'load-newman.ts')}`);
    const sent = await requestsOfOneRun(`const { loadNewman } = await import(${loader});
      const { newman } = await loadNewman(undefined);
      newman.run({ collection: ${JSON.stringify(collection())}, reporters: [] }, () => parentPort.postMessage('done'));`);
    expect(sent).toBe(3);
  });

  it('do not change a run through the seam, which says it empties their loader', async () => {
    const sent = await requestsOfOneRun(`mod.prepareNewmanThread(${JSON.stringify(ROOT)});
      const request = { collection: ${JSON.stringify(collection())}, items: ${JSON.stringify(collection().item)}, target: { kind: 'url', name: 'probe', apiDomain: '', variables: {}, secrets: [] }, timeoutMs: 10000, sandboxTests: false };
      await mod.runNewman(request);
      const report = mod.newmanSeamReport();
      if (!report.adaptations.includes('no rc files') || report.unconfirmed.includes('rcFileLoader')) throw new Error(JSON.stringify(report));
      parentPort.postMessage('done');`);
    expect(sent).toBe(1);
  });
});
