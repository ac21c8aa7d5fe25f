// The newman seam against the installed newman: every assumption its adaptations rest on holds (a failure names the
// internal an upgrade changed), and when one does not, runs go on as plain newman's. Each run is in a worker thread of
// its own: preparing changes the thread's globals.

import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewmanSeamReport } from '../../../src/harness/index.ts';
import { startMock, type MockServer } from '../../../src/mock/index.ts';
import { ROOT } from '../../support/docs.ts';
import { inThread } from '../../support/in-thread.ts';
import { runCli } from '../../support/run-cli.ts';

let mock: MockServer;

beforeAll(async () => {
  // The launcher builds newman's bundle when package-lock.json is newer than it; --help needs nothing else.
  expect((await runCli(['--help'])).code).toBe(0);
  mock = await startMock();
}, 120_000);
afterAll(() => mock.close());

interface Outcome {
  readonly report: NewmanSeamReport;
  /** Per run (script-free, then with its test script): the status the request got, and the sandbox's failed assertions. */
  readonly runs: readonly { status: number | undefined; sandboxFailures: readonly string[] }[];
}

/**
 * In a fresh thread: prepares it (`prepareOptions` is code for the options object, with `loadNewman` in scope), then
 * runs one request to the mock twice through the seam, without and with its test script.
 */
function prepareAndRun(prepareOptions = '{}'): Promise<Outcome> {
  const loader = JSON.stringify(`file://${join(ROOT, 'src', 'harness', 'newman', 'load-newman.ts')}`);
  const script = [
    "pm.test('status is 200', () => pm.response.to.have.status(200));",
    "pm.test('never', () => pm.expect(1).to.equal(2));",
  ];
  const item = {
    id: 'probe.environment',
    name: 'environment',
    request: { method: 'GET', url: `${mock.url}/__mock/environment` },
    event: [{ listen: 'test', script: { type: 'text/javascript', exec: script } }],
  };
  const request = {
    collection: {
      info: { name: 'probe', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      item: [],
    },
    items: [item],
    target: { kind: 'url', name: 'probe', apiDomain: mock.url, variables: {}, secrets: [] },
    timeoutMs: 10_000,
  };
  return inThread(
    'harness/newman/index.ts',
    `const { loadNewman } = await import(${loader});
    mod.prepareNewmanThread(${JSON.stringify(ROOT)}, ${prepareOptions});
    const runs = [];
    for (const sandboxTests of [false, true]) {
      const output = await mod.runNewman({ ...${JSON.stringify(request)}, sandboxTests });
      runs.push({ status: output.exchanges.get('probe.environment')?.response?.status, sandboxFailures: output.sandboxFailures.get('probe.environment') ?? [] });
    }
    parentPort.postMessage({ report: mod.newmanSeamReport(), runs });`,
  ) as Promise<Outcome>;
}

const asPlainNewman = [
  { status: 200, sandboxFailures: [] },
  { status: 200, sandboxFailures: ['never: expected 1 to equal 2'] },
];

describe('the newman seam', () => {
  it('finds the installed newman and postman-runtime as its adaptations assume, and makes them all', async () => {
    const { report, runs } = await prepareAndRun();
    expect(report.broken, 'a newman or postman-runtime upgrade changed an internal the seam relies on').toEqual([]);
    expect(report.unconfirmed, 'no run showed these assumptions to hold').toEqual([]);
    expect([...report.adaptations].sort()).toEqual([
      'newman bundle',
      'no rc files',
      'sandbox boot cache',
      'script-free runs',
      'zero-delay timers',
    ]);
    expect(runs).toEqual(asPlainNewman);
  }, 60_000);

  it('names an rc-file loader not shaped as assumed (a changed newman), and runs as plain newman', async () => {
    const changed = `{ load: async (root) => ({ ...(await loadNewman(root)), rcFile: { read() {} } }) }`;
    const { report, runs } = await prepareAndRun(changed);
    expect(report.broken).toEqual([
      "newman no longer reads its rc files through newman/lib/config/rc-file's load(callback): its rc-file module is not { load(callback) } (newman merges /etc/postman/newmanrc, ~/.postman/newmanrc and ./.newmanrc into every run's options, if they exist)",
    ]);
    expect(report.adaptations).not.toContain('no rc files');
    expect(runs).toEqual(asPlainNewman);
  }, 60_000);

  it('names a Runner without run (a changed postman-runtime), leaves it alone, and runs as plain newman', async () => {
    const changed = `{ load: async (root) => ({ ...(await loadNewman(root)), runtimeRunner: class Runner { execute(collection, options, callback) {} } }) }`;
    const { report, runs } = await prepareAndRun(changed);
    expect(report.broken).toEqual([
      'postman-runtime Runner.prototype.run is gone (every run boots its script sandbox, as plain newman does)',
    ]);
    expect(report.adaptations).not.toContain('script-free runs');
    expect(runs).toEqual(asPlainNewman);
  }, 60_000);

  it('names a Runner.run that takes other arguments, and runs as plain newman', async () => {
    const changed = `{ load: async (root) => ({ ...(await loadNewman(root)), runtimeRunner: class Runner { run(options) {} } }) }`;
    const { report, runs } = await prepareAndRun(changed);
    expect(report.broken).toEqual([
      'postman-runtime Runner.prototype.run no longer takes (collection, options, callback) (every run boots its script sandbox, as plain newman does)',
    ]);
    expect(runs).toEqual(asPlainNewman);
  }, 60_000);

  it('names a Runner that newman does not run on (its run is never called), and runs as plain newman', async () => {
    const changed = `{ load: async (root) => ({ ...(await loadNewman(root)), runtimeRunner: class Runner { run(collection, options, callback) {} } }) }`;
    const { report, runs } = await prepareAndRun(changed);
    expect(report.broken).toEqual([
      "newman no longer runs on postman-runtime's exported Runner (its run was not called) (every run boots its script sandbox, as plain newman does)",
    ]);
    expect(runs).toEqual(asPlainNewman);
  }, 60_000);

  it('names a run newman hands over without abort() (an interrupt could not stop it), and runs as plain newman', async () => {
    // newman as installed, except that its start event carries the run's host but not the run's abort().
    const changed = `{ load: async (root) => {
      const loaded = await loadNewman(root);
      const run = (options, callback) => {
        const emitter = loaded.newman.run(options, callback);
        const emit = emitter.emit.bind(emitter);
        emitter.emit = (name, error, args) => emit(name, error, name === 'start' ? { ...args, run: { host: args.run.host } } : args);
        return emitter;
      };
      return { ...loaded, newman: { ...loaded.newman, run } };
    } }`;
    const { report, runs } = await prepareAndRun(changed);
    expect(report.broken).toEqual([
      "newman's start event no longer carries the run as run with abort() (an interrupt lets the newman runs in flight send all their remaining requests)",
    ]);
    expect(runs).toEqual(asPlainNewman);
  }, 60_000);
});
