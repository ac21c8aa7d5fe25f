// A newman run whose collection has no script boots no script sandbox; a run with any script boots one and runs it.

import { Collection } from 'postman-collection';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadNewman, type Newman } from '../../../src/harness/newman/load-newman.ts';
import { isScriptFree, skipSandboxWithoutScripts } from '../../../src/harness/newman/script-free-runs.ts';
import { startMock, type MockServer } from '../../../src/mock/index.ts';

let mock: MockServer;
let newman: Newman;
let runner: unknown;

beforeAll(async () => {
  mock = await startMock();
  const loaded = await loadNewman(undefined);
  newman = loaded.newman;
  runner = loaded.runtimeRunner;
  expect(skipSandboxWithoutScripts(runner)).toBe(true);
}, 60_000);
afterAll(() => mock.close());

const test = (exec: string) => [{ listen: 'test', script: { type: 'text/javascript', exec: [exec] } }];

/** A collection of one folder holding one GET of the mock's environment, with events where asked. */
function collection(events: { collection?: boolean; folder?: boolean; item?: boolean } = {}): Record<string, unknown> {
  const script = test(
    "pm.test('status is 200', () => pm.response.to.have.status(200)); pm.test('never', () => pm.expect(1).to.equal(2));",
  );
  return {
    info: { name: 'probe', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    event: events.collection ? script : [],
    item: [
      {
        name: 'folder',
        event: events.folder ? script : [],
        item: [
          {
            name: 'environment',
            event: events.item ? script : [],
            request: { method: 'GET', url: `${mock.url}/__mock/environment` },
          },
        ],
      },
    ],
  };
}

/** Runs a collection; returns the host the runtime gave the run, the status and the failed assertions. */
function run(
  json: Record<string, unknown>,
): Promise<{ host: unknown; status: number | undefined; failures: string[] }> {
  return new Promise((resolve, reject) => {
    let host: unknown;
    const emitter = newman.run({ collection: json, reporters: [] }, (error, summary) => {
      if (error) reject(error);
      else
        resolve({
          host,
          status: summary.run.executions[0]?.response?.code,
          failures: summary.run.failures.map((f) => f.error.message),
        });
    });
    emitter.once('start', (_error: unknown, args: { run?: { host?: unknown } }) => (host = args.run?.host));
  });
}

const isSandbox = (host: unknown): boolean =>
  typeof host === 'object' && host !== null && typeof (host as { execute?: unknown }).execute === 'function';

describe('isScriptFree', () => {
  it('is true only when neither the collection nor a folder nor an item has an event', () => {
    expect(isScriptFree(new Collection(collection()))).toBe(true);
    expect(isScriptFree(new Collection(collection({ item: true })))).toBe(false);
    expect(isScriptFree(new Collection(collection({ folder: true })))).toBe(false);
    expect(isScriptFree(new Collection(collection({ collection: true })))).toBe(false);
  });

  it('counts anything it cannot read as scripted, so the sandbox is kept', () => {
    expect(isScriptFree(collection())).toBe(false);
    expect(isScriptFree(undefined)).toBe(false);
  });
});

describe('a newman run on the adjusted runtime', () => {
  it('boots no sandbox when the collection has no script, and still sends the request', async () => {
    const result = await run(collection());
    expect(result.status).toBe(200);
    expect(isSandbox(result.host)).toBe(false);
    expect(result.failures).toEqual([]);
  });

  it.each(['item', 'folder', 'collection'] as const)(
    'boots the sandbox and runs the scripts when the %s has one',
    async (where) => {
      const result = await run(collection({ [where]: true }));
      expect(result.status).toBe(200);
      expect(isSandbox(result.host)).toBe(true);
      expect(result.failures).toEqual(['expected 1 to equal 2']);
    },
  );

  it('is adjusted once however often it is asked, and a runtime of another shape is left as it is', () => {
    const prototype = (runner as { prototype: { run: unknown } }).prototype;
    const adjusted = prototype.run;
    expect(skipSandboxWithoutScripts(runner)).toBe(true);
    expect(prototype.run).toBe(adjusted);
    expect(skipSandboxWithoutScripts({})).toBe(false);
    expect(skipSandboxWithoutScripts(class NoRun {})).toBe(false);
  });
});
