// The spawned CLI's catalog commands: import, drift, coverage, and the standalone mock.

import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/docs.ts';
import { runCli } from '../support/run-cli.ts';

const SEED = join(ROOT, 'tests', 'fixtures', 'postman', 'crm-update-records-item.json');

async function file(name: string, content: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'zoho-import-'));
  await writeFile(join(dir, name), content);
  return join(dir, name);
}

describe('contract import <file>', () => {
  it('checks the seed item: every example agrees, contradictions point at the drift ledger, exit 0', async () => {
    const result = await runCli(['import', SEED]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      '~ Leads › RECORD_LOCKED  PUT /crm/v2/Leads/{{record-id}}  HTTP 202 RECORD_LOCKED  drift (crm/update-records)',
    );
    expect(result.stdout).toContain('see drift ledger crm-update-records/record-locked-status');
    expect(result.stdout).toContain(
      '9 examples: 3 agree, 6 agree but take a side on a documented contradiction, 0 disagree, 0 match no catalog endpoint',
    );
  });

  it('exits 1 when a saved example disagrees with the documented contract', async () => {
    const body = JSON.stringify({
      data: [{ code: 'RECORD_LOCKED', details: { id: 1 }, message: 'x', status: 'error' }],
    });
    const path = await file(
      'bad.json',
      JSON.stringify({
        info: { schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
        item: [
          {
            name: 'Leads',
            request: { method: 'PUT', url: 'https://www.zohoapis.com/crm/v2/Leads/1' },
            response: [{ name: 'locked', code: 200, body }],
          },
        ],
      }),
    );
    const result = await runCli(['import', path]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('schema: /data/0/details/id must be string');
  });

  const collection = (items: unknown[]) =>
    JSON.stringify({
      info: { schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      item: items,
    });

  it('disagrees (exit 1) with an INVALID_MODULE example whose message no page prints, as a run would', async () => {
    const body = JSON.stringify({
      code: 'INVALID_MODULE',
      details: {},
      message: 'totally different words',
      status: 'error',
    });
    const path = await file(
      'message.json',
      collection([
        {
          name: 'Leads',
          request: { method: 'PUT', url: 'https://www.zohoapis.com/crm/v2/Lead/1' },
          response: [{ name: 'INVALID_MODULE', code: 400, body }],
        },
      ]),
    );
    const result = await runCli(['import', path]);
    expect(result.code, result.stdout + result.stderr).toBe(1);
    expect(result.stdout).toContain('✗ Leads › INVALID_MODULE');
    expect(result.stdout).toMatch(
      /message: \/message: expected the printed message of INVALID_MODULE \(.*"the module name given seems to be invalid".*\), got "totally different words"/,
    );
  });

  it('exits 2 with one line when nothing could be checked: no example matches a catalog endpoint, or there is none', async () => {
    const unmatched = collection([
      {
        name: 'Invoices',
        request: { method: 'GET', url: 'https://www.zohoapis.com/books/v3/invoices' },
        response: [{ name: 'ok', code: 200, body: '{}' }],
      },
    ]);
    const none = await runCli(['import', await file('unmatched.json', unmatched)]);
    expect(none.code, none.stdout + none.stderr).toBe(2);
    expect(none.stderr.trim().split('\n')).toHaveLength(1);
    expect(none.stderr).toMatch(
      /unmatched\.json: nothing to check, none of its 1 saved examples matches a catalog endpoint \(GET \/books\/v3\/invoices\)/,
    );
    const empty = await runCli([
      'import',
      await file(
        'empty.json',
        collection([{ name: 'Leads', request: { method: 'PUT', url: 'https://www.zohoapis.com/crm/v2/Leads' } }]),
      ),
    ]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/empty\.json: nothing to check, it has no saved example responses/);
  });

  it('keeps listing unmatched examples beside matched ones', async () => {
    const ok = JSON.stringify({
      code: 'INVALID_MODULE',
      details: {},
      message: 'the module name given seems to be invalid',
      status: 'error',
    });
    const items = [
      {
        name: 'Leads',
        request: { method: 'PUT', url: 'https://www.zohoapis.com/crm/v2/Lead/1' },
        response: [{ name: 'INVALID_MODULE', code: 400, body: ok }],
      },
      {
        name: 'Invoices',
        request: { method: 'GET', url: 'https://www.zohoapis.com/books/v3/invoices' },
        response: [{ name: 'ok', code: 200, body: '{}' }],
      },
    ];
    const result = await runCli(['import', await file('mixed.json', collection(items))]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('? Invoices › ok  GET /books/v3/invoices');
    expect(result.stdout).toContain(
      '2 examples: 1 agree, 0 agree but take a side on a documented contradiction, 0 disagree, 1 match no catalog endpoint',
    );
  });

  it.each([
    ['not JSON', 'notes.txt', 'hello', /is not JSON/],
    ['not a collection', 'x.json', '{"hello":1}', /is not a Postman collection or item/],
    [
      'an unknown schema version',
      'old.json',
      '{"info":{"schema":"https://schema.getpostman.com/json/collection/v1.0.0/collection.json"},"item":[]}',
      /is not v2\.0 or v2\.1/,
    ],
  ])('refuses a file that is %s with one line and exit 2', async (_what, name, content, message) => {
    const result = await runCli(['import', await file(name, content)]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
  });

  it('needs a file', async () => {
    const result = await runCli(['import']);
    expect([result.code, result.stderr.trim()]).toEqual([
      2,
      'error E_USAGE: import needs a file (npm run contract -- import <collection.json>)',
    ]);
  });
});

describe('contract drift and coverage', () => {
  it('prints the drift ledger with every point, its variants and the expected one', async () => {
    const result = await runCli(['drift']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('## HTTP status and shape of RECORD_LOCKED');
    expect(result.stdout).toContain('## The sample request sends `-X UPDATE`, which is not an HTTP method');
    expect(result.stdout).toMatch(/2\. HTTP 202 with a per-record entry in data\[\] .*\*\*\(expected\)\*\*/);
  });

  it('prints the coverage matrix and exits 0 when every documented code has a case and a schema', async () => {
    const result = await runCli(['coverage']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /contracts › update-contract-type\s+INVALID_REQUEST_METHOD\s+yes\s+yes\s+yes\s+yes\s+checked\s+invalid-request-method/,
    );
    // Contracts' success is a plain object: no page prints a message for it, and the matrix says so.
    expect(result.stdout).toMatch(
      /contracts › update-contract-type\s+SUCCESS\s+yes\s+yes\s+yes\s+yes\s+none\s+success/,
    );
    // A code some of whose cases cannot check its message is not counted as checked: it is named, with those cases.
    expect(result.stdout).toMatch(/crm › update-records\s+LIMIT_EXCEEDED\s+yes\s+yes\s+yes\s+yes\s+partly\s+/);
    expect(result.stdout).toContain('  crm › update-records LIMIT_EXCEEDED: not by limit-exceeded-records');
    expect(result.stdout).toMatch(/\d+\/\d+ have their message checked by every case/);
    expect(result.stdout).toMatch(/(\d+)\/\1 documented codes have a case, \1\/\1 a schema/);
  });
});

describe('npm run mock', () => {
  it('prints the ZOHO_ values it accepts and stops on SIGINT', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'cli', 'main.ts'), 'mock'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('ZOHO_BULK_IDS=')) resolve();
      });
      child.on('error', reject);
      child.on('close', () => reject(new Error(`mock exited early: ${out}`)));
    });
    const closed = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await closed).toBe(0);
    expect(out).toMatch(/^Zoho mock listening on http:\/\/127\.0\.0\.1:\d+ /m);
    expect(out).toMatch(/^ZOHO_ACCESS_TOKEN=1000\.[0-9a-f]{32}\.[0-9a-f]{32}$/m);
    expect(out).toMatch(/^ZOHO_CONTRACTS_URL=http:\/\/127\.0\.0\.1:\d+$/m);
  });

  it('names a port already in use, with the fix, in one line and exit 2', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      const result = await runCli(['mock', '--port', String(port)]);
      expect(result.code).toBe(2);
      expect(result.stderr.trim()).toBe(
        `error E_USAGE: --port ${port}: the port is already in use on 127.0.0.1 (pick another with --port N, or leave --port out for a free one)`,
      );
    } finally {
      taken.close();
    }
  });

  it('names a --host this machine does not have, in one line and exit 2', async () => {
    // 192.0.2.1 is reserved for documentation (RFC 5737): no machine has it.
    const result = await runCli(['mock', '--host', '192.0.2.1']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toMatch(/^error E_USAGE: --host 192\.0\.2\.1: not an address of this machine \(.+\)$/);
  });
});
