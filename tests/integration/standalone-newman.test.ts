// The generated collections run standalone with the plain newman CLI (their own test scripts), as the README shows.

import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type MockServer } from '../../src/mock/index.ts';
import { editJson, startBreakingProxy } from '../support/breaking-proxy.ts';
import { ROOT } from '../support/docs.ts';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(async () => mock.close());

function newman(args: readonly string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        join(ROOT, 'node_modules', 'newman', 'bin', 'newman.js'),
        'run',
        ...args,
        '--reporters',
        'cli',
        '--color',
        'off',
      ],
      { cwd: ROOT },
    );
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('npx newman run <collection> -e <mock>/__mock/environment', () => {
  for (const version of ['v2', 'v2.1', 'v8']) {
    it(`passes every in-collection test of ${version} against the mock`, async () => {
      const result = await newman([
        `collections/crm/${version}/update-records.postman_collection.json`,
        '-e',
        `${mock.url}/__mock/environment`,
      ]);
      expect(result.code, result.output).toBe(0);
      expect(result.output).toMatch(/assertions\s+│\s+\d+\s+│\s+0\s+│/);
    });
  }

  it('fails its in-collection tests against a server that breaks the contract', async () => {
    const proxy = await startBreakingProxy(
      mock.url,
      editJson((b) => ({ ...b, status: 'error-ish' })),
    );
    try {
      const result = await newman([
        'collections/crm/v2.1/update-records.postman_collection.json',
        '-e',
        `${mock.url}/__mock/environment`,
        '--env-var',
        `api_domain=${proxy.url}`,
      ]);
      expect(result.code).toBe(1);
      expect(result.output).toMatch(/body matches the documented schema/);
    } finally {
      await proxy.close();
    }
  });
});
