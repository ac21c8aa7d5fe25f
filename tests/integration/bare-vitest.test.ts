// A bare `npx vitest run --project contract` (no CLI): the project's global setup starts the mock and a verdict
// service in vitest's own process, and every case passes.

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { casesForVersion, catalog } from '../../src/catalog/index.ts';
import { ROOT } from '../support/docs.ts';

const dir = mkdtempSync(join(tmpdir(), 'bare-vitest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('runs every case of the catalog through the global setup, all passing', async () => {
  const output = join(dir, 'result.json');
  // The outer vitest's own variables would make the inner one think it runs inside a worker.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && !key.startsWith('ZOHO_')),
  );
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'),
        'run',
        '--project',
        'contract',
        '--reporter=json',
        `--outputFile=${output}`,
      ],
      {
        cwd: ROOT,
        env: { ...env, CI: '1' },
        stdio: 'ignore',
      },
    );
    child.on('error', reject);
    child.on('close', resolve);
  });
  const result = JSON.parse(readFileSync(output, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numTotalTests: number;
  };
  const expected = catalog.reduce(
    (total, endpoint) => total + endpoint.versions.reduce((n, v) => n + casesForVersion(endpoint, v).length, 0),
    0,
  );
  expect({ code, passed: result.numPassedTests, failed: result.numFailedTests }).toEqual({
    code: 0,
    passed: expected,
    failed: 0,
  });
}, 120_000);
