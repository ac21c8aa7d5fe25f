// A real run against a --base-url target: no token value reaches stdout, stderr or any file the run wrote.

import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECRET_VARIABLES } from '../../src/harness/index.ts';
import { startMock, type MockServer } from '../../src/mock/index.ts';
import { mockEnvironment } from '../support/mock-env.ts';
import { runCli } from '../support/run-cli.ts';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(async () => mock.close());

describe('secrets', () => {
  it('never print or write a token, in any report format', async () => {
    const out = await mkdtemp(join(tmpdir(), 'zoho-secrets-'));
    const result = await runCli(
      ['--product', 'crm', '--api-version', 'v8', '--base-url', mock.url, '--out', out],
      mockEnvironment(mock),
    );
    expect(result.code, result.stdout).toBe(0);
    const tokens = SECRET_VARIABLES.map((name) => mock.variables[name] ?? '').filter(Boolean);
    expect(tokens.length).toBeGreaterThanOrEqual(6);
    const files = await readdir(out);
    expect(files).toEqual(
      expect.arrayContaining(['summary.json', 'junit.xml', 'report.html', 'report.md', 'drift.md']),
    );
    const texts = [
      result.stdout,
      result.stderr,
      ...(await Promise.all(files.map((f) => readFile(join(out, f), 'utf8')))),
    ];
    for (const token of tokens) for (const text of texts) expect(text.includes(token)).toBe(false);
    expect(await readFile(join(out, 'summary.json'), 'utf8')).toContain('Zoho-oauthtoken [REDACTED]');
  });
});
