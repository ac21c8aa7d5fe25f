// No hang, no orphan: a report folder that cannot be made is one line and exit 2 before any request, and a CLI whose
// parent was killed (SIGTERM to `npm run contract`, which never reaches the CLI itself) stops instead of running on.

import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type MockServer } from '../../src/mock/index.ts';
import { startBreakingProxy } from '../support/breaking-proxy.ts';
import { ROOT } from '../support/docs.ts';
import { mockEnvironment } from '../support/mock-env.ts';
import { runCli } from '../support/run-cli.ts';

let mock: MockServer;
// Answers the probe, then holds every request for good: without its fix, the orphaned CLI would wait on it for ever.
let stuck: { url: string; close: () => Promise<void> };
// A target that counts what reaches it: a refused report folder must stop the run before the probe.
let counting: Server;
let countingUrl: string;
let requests = 0;
const leftovers: number[] = [];

beforeAll(async () => {
  mock = await startMock();
  stuck = await startBreakingProxy(
    mock.url,
    (r) => r,
    0,
    (count) => (count > 1 ? new Promise<void>(() => undefined) : undefined),
  );
  counting = createServer((_req, res) => {
    requests += 1;
    res.end('{}');
  });
  await new Promise<void>((resolve) => counting.listen(0, '127.0.0.1', resolve));
  countingUrl = `http://127.0.0.1:${(counting.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => counting.close(resolve));
  await stuck.close();
  await mock.close();
});
// A test that fails must not leave its CLI running on the shared machine.
afterEach(() => {
  for (const pid of leftovers.splice(0)) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
});

function isAlive(pid: number): boolean {
  return existsSync(`/proc/${pid}`) && !/^\d+ \(.*\) Z/.test(readStat(pid));
}

function readStat(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return '';
  }
}

describe('a report folder that cannot be made', () => {
  const refused = async (out: string, reason: RegExp): Promise<void> => {
    const before = requests;
    const result = await runCli(['--base-url', countingUrl, '--out', out]);
    expect(result.code, result.stderr).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(
        `^error E_CONFIG: the report folder ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} cannot be written \\(${reason.source}\\)`,
      ),
    );
    expect(requests - before).toBe(0);
  };

  // Node's own recursive mkdir loops for ever on /proc (ENOENT with the parent in place): this used to spin at 100% CPU.
  it('under /proc: exit 2 and one line, before any request', { timeout: 120_000 }, async () => {
    await refused('/proc/zoho-contract-report/x', /ENOENT/);
  });

  it('with a file in the path: exit 2 and one line, before any request', { timeout: 120_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zoho-out-file-'));
    await writeFile(join(dir, 'a-file'), 'not a folder');
    await refused(join(dir, 'a-file', 'report'), /ENOTDIR/);
  });

  // A folder's mode bits stop every user but root, who may write anywhere they guard; so as root (CI runs as root) the
  // refusal comes from sysfs, which lets nobody make a folder at its top (EPERM), and the case runs either way.
  it('without permission: exit 2 and one line, before any request', { timeout: 120_000 }, async () => {
    if (process.getuid?.() === 0) return refused('/sys/zoho-contract-report/x', /EPERM/);
    const dir = await mkdtemp(join(tmpdir(), 'zoho-out-ro-'));
    await import('node:fs/promises').then((fs) => fs.chmod(dir, 0o500));
    await refused(join(dir, 'report'), /EACCES/);
  });
});

/** The pid of the process whose command line contains `marker` (the CLI started by npm through sh). */
async function findProcess(marker: string): Promise<number | undefined> {
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes(marker) && cmdline.includes('contract.mjs')) return Number(entry);
  }
  return undefined;
}

describe('a CLI whose parent is killed', () => {
  it.runIf(process.platform === 'linux')(
    'stops on its own: SIGTERM to `npm run contract` leaves no CLI running',
    { timeout: 180_000 },
    async () => {
      const out = await mkdtemp(join(tmpdir(), 'zoho-orphan-'));
      const inherited = Object.fromEntries(
        Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && !k.startsWith('ZOHO_')),
      );
      const env = { ...inherited, ...mockEnvironment(mock), CI: '1', NO_COLOR: '1' };
      const npm = spawn(
        'npm',
        ['run', 'contract', '--', '--base-url', stuck.url, '--timeout', '600000', '--out', out],
        { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let output = '';
      const running = new Promise<void>((resolve) => {
        const onData = (d: Buffer): void => {
          output += d.toString();
          if (output.includes('RUN')) resolve();
        };
        npm.stdout.on('data', onData);
        npm.stderr.on('data', onData);
      });
      const npmGone = new Promise((resolve) => npm.on('close', resolve));
      await running;
      const cli = await findProcess(out);
      expect(cli, output).toBeDefined();
      leftovers.push(cli ?? 0);
      npm.kill('SIGTERM');
      await npmGone;
      // npm forwards SIGTERM to `sh -c`, which dies without passing it on: the CLI is left reparented. It must see that and
      // stop. Waited for with the test's own timeout as the bound (no wall-clock assertion).
      while (isAlive(cli ?? 0)) await new Promise((resolve) => setTimeout(resolve, 200));
      expect(isAlive(cli ?? 0)).toBe(false);
    },
  );
});
