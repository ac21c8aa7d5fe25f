// The README's walkthroughs, run as the README writes them: `npm run mock -- ...` spawned, the `ZOHO_...=value` lines it
// prints exported as a user would, then the README's `npm run contract -- ...` run with them. The commands are read
// from README.md, so a README change that breaks a walkthrough breaks this test.

import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../support/docs.ts';
import { groupRunning, spawnGroup, stopGroup } from '../support/process-group.ts';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
/** The port the README's walkthroughs name. */
const README_PORT = '4010';

interface Walkthrough {
  readonly mock: readonly string[];
  readonly contract: readonly string[];
  /** What the README tells the reader to do between the two commands. */
  readonly between: string;
  /** Every comment of the block, the commands' own included. */
  readonly comments: string;
}

/** The fenced blocks of the README that start the standalone mock and then run a contract run against it. */
function walkthroughBlocks(): string[] {
  return [...README.matchAll(/^```\n([\s\S]*?)^```$/gm)]
    .map((m) => m[1] ?? '')
    .filter((block) => /^npm run mock -- /m.test(block) && /^npm run contract -- /m.test(block));
}

/** The walkthrough in the fenced block right after the README line that starts with `intro`. */
function walkthrough(intro: string): Walkthrough {
  const at = README.indexOf(`\n${intro}`);
  expect(at, `README.md has no line starting "${intro}"`).toBeGreaterThan(0);
  const block = /\n```\n([\s\S]*?)\n```/.exec(README.slice(at))?.[1] ?? '';
  const lines = block.split('\n');
  // A command is the line without its trailing `# ...` comment, split on spaces (the README quotes nothing).
  const command = (prefix: string) =>
    (lines.find((line) => line.startsWith(prefix)) ?? '')
      .replace(/\s+#.*$/, '')
      .split(/\s+/)
      .filter(Boolean);
  return {
    mock: command('npm run mock -- '),
    contract: command('npm run contract -- '),
    between: lines.filter((line) => line.startsWith('#')).join('\n'),
    comments: lines.flatMap((line) => /#.*$/.exec(line) ?? []).join('\n'),
  };
}

/** Every process group this file started: stopped after each test, whatever the test did (the mock runs until told). */
const started: ChildProcess[] = [];
afterEach(async () => {
  for (const child of started.splice(0)) {
    await stopGroup(child);
    expect(groupRunning(child.pid ?? 0), 'a process of the walkthrough is still running').toBe(false);
  }
});

/** The test process's environment without ZOHO_* (the walkthrough's come from the mock) or vitest's own. */
function baseEnvironment(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] =>
        entry[1] !== undefined && !entry[0].startsWith('ZOHO_') && !entry[0].startsWith('VITEST'),
    ),
  );
}

function start(argv: readonly string[], env: Record<string, string>): ChildProcess {
  const child = spawnGroup(argv, ROOT, { ...env, NO_COLOR: '1', FORCE_COLOR: '0' });
  started.push(child);
  return child;
}

async function freePort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return String(port);
}

/** Starts the README's mock command and resolves with the `KEY=value` lines it printed, as a user would export them. */
function startMockAsWritten(argv: readonly string[]): Promise<Record<string, string>> {
  const child = start(argv, baseEnvironment());
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      // The mock's last line before it waits: every value has been printed by then.
      if (!/^# Postman environment: .*\n/m.test(out)) return;
      const exported = [...out.matchAll(/^([A-Z][A-Z0-9_]*)=(.*)$/gm)];
      resolve(Object.fromEntries(exported.map((m) => [m[1] ?? '', m[2] ?? ''])));
    });
    child.once('close', (code) =>
      reject(new Error(`the mock exited (${code}) before printing its values: ${out}${err}`)),
    );
  });
}

function runAsWritten(
  argv: readonly string[],
  env: Record<string, string>,
): Promise<{ code: number | null; out: string }> {
  const child = start(argv, env);
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, out })));
}

/** The run's last `checked N of M selected: ...` line, its counts by name. */
function finalCounts(out: string): Record<string, number> {
  const line = [...out.matchAll(/^checked (\d+) of (\d+) selected: (.*)$/gm)].at(-1);
  expect(line, out).toBeDefined();
  const counts: Record<string, number> = { checked: Number(line?.[1]), selected: Number(line?.[2]) };
  // What passes left unchecked is said in parentheses after "N passed": not a count of its own here.
  const parts = (line?.[3] ?? '').replace(/ \([^)]*\)/g, '');
  for (const [, n, what] of parts.matchAll(/(\d+) ([a-z ]+?)(?:,|$)/g)) counts[what ?? ''] = Number(n);
  return counts;
}

/** Runs a walkthrough on a free port instead of the README's 4010 (only the port number changes: 4010 may be taken on
 * this machine, by a user's own mock or a parallel test), with its report in a temporary folder. */
async function runWalkthrough(
  w: Walkthrough,
): Promise<{ code: number | null; out: string; exported: Record<string, string> }> {
  const port = await freePort();
  const onPort = (argv: readonly string[]) => argv.map((arg) => arg.replace(new RegExp(`\\b${README_PORT}\\b`), port));
  const exported = await startMockAsWritten(onPort(w.mock));
  // --out keeps the report out of the checkout's reports/ (and away from other tests' reports/latest).
  const out = await mkdtemp(join(tmpdir(), 'zoho-walkthrough-'));
  const run = await runAsWritten([...onPort(w.contract), '--out', out], { ...baseEnvironment(), ...exported });
  return { ...run, exported };
}

describe("the README's walkthroughs", () => {
  it('are the two tested here: every README block that starts the mock and runs against it', () => {
    expect(walkthroughBlocks()).toHaveLength(2);
  });

  it('url: the mock on 4010, its lines exported, a --base-url run: every case it can check passes, exit 0', async () => {
    const w = walkthrough('Try a url run against the standalone mock');
    expect(w.mock).toEqual(['npm', 'run', 'mock', '--', '--port', README_PORT]);
    expect(w.contract).toEqual(['npm', 'run', 'contract', '--', '--base-url', `http://127.0.0.1:${README_PORT}`]);
    expect(w.between).toContain('export those lines');
    const { code, out, exported } = await runWalkthrough(w);
    expect(exported['ZOHO_ACCESS_TOKEN']).toMatch(/^1000\./);
    expect(code, out).toBe(0);
    const counts = finalCounts(out);
    // Mock-only faults are not sent to a url target; everything else is checked, and held.
    expect(counts).toMatchObject({ passed: counts['checked'], failed: 0, errors: 0, 'not checked': 0 });
    expect((counts['checked'] ?? 0) + (counts['not applicable'] ?? 0)).toBe(counts['selected']);
    expect(counts['checked']).toBeGreaterThan(100);
  }, 300_000);

  it('live rehearsal: the mock playing an org, its lines exported, a --target live run: every case it checks passes, exit 0', async () => {
    const w = walkthrough('Rehearse a live run against the mock playing an org');
    expect(w.mock.slice(0, 6)).toEqual(['npm', 'run', 'mock', '--', '--port', README_PORT]);
    expect(w.mock).toContain('--org');
    expect(w.contract.slice(0, 6)).toEqual(['npm', 'run', 'contract', '--', '--target', 'live']);
    expect(w.between).toContain('export those lines');
    const { code, out, exported } = await runWalkthrough(w);
    // The lines alone point live mode at the mock: its accounts server, API domain and Contracts host.
    expect(Object.keys(exported)).toEqual(
      expect.arrayContaining(['ZOHO_ACCOUNTS_URL', 'ZOHO_API_DOMAIN', 'ZOHO_CONTRACTS_URL', 'ZOHO_REFRESH_TOKEN']),
    );
    expect(code, out).toBe(0);
    expect(out).toContain('Live run: sandbox org');
    const counts = finalCounts(out);
    expect(counts).toMatchObject({ passed: counts['checked'], failed: 0, errors: 0 });
    expect((counts['checked'] ?? 0) + (counts['not checked'] ?? 0) + (counts['not applicable'] ?? 0)).toBe(
      counts['selected'],
    );
    expect(counts['checked']).toBeGreaterThan(100);
    // What the run could not check is what the README says it will not: each variable it names, the README names.
    const missing = new Set([...out.matchAll(/not configured for this target: (ZOHO_[A-Z0-9_]+)/g)].map((m) => m[1]));
    expect(missing.size > 0).toBe((counts['not checked'] ?? 0) > 0);
    expect([...missing].filter((name) => name && !w.comments.includes(name))).toEqual([]);
  }, 300_000);
});
