// Every bad input gets one clear line naming the input and the fix, its documented exit code, and no stack trace.

import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';

let dir: string;
const at = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zoho-bad-input-'));
  await mkdir(at('a-folder'));
  await writeFile(at('open-quote.env'), 'ZOHO_ACCESS_TOKEN="1000.abc\nZOHO_RECORD_ID=1\n');
  await writeFile(at('not-json.txt'), 'hello');
  await writeFile(at('not-collection.json'), '{"hello": 1}');
  await writeFile(
    at('old-schema.json'),
    '{"info":{"schema":"https://schema.getpostman.com/json/collection/v1.0.0/collection.json"},"item":[]}',
  );
  await writeFile(at('other.json'), '{"hello": 1}');
  await writeFile(
    at('old-catalog.json'),
    JSON.stringify({ schemaVersion: 1, verdicts: [], contractVersions: { 'crm/update-records': '0.1.0' } }),
  );
});

// [name, args, exit code, message]
const table: Array<[string, (string | (() => string))[], number, RegExp]> = [
  ['an unknown flag', ['--no-such-flag'], 2, /^error E_USAGE: unknown option --no-such-flag/],
  ['a flag without its value', ['--out'], 2, /^error E_USAGE: option --out needs a value/],
  ['a value for a flag that takes none', ['--bail=yes'], 2, /^error E_USAGE: option --bail takes no value/],
  ['a stray argument', ['now'], 2, /^error E_USAGE: unknown command "now"/],
  ['--concurrency 0', ['--concurrency', '0'], 2, /--concurrency "0" is not a positive whole number/],
  ['--concurrency abc', ['--concurrency', 'abc'], 2, /--concurrency "abc" is not a positive whole number/],
  ['--timeout=-5', ['--timeout=-5'], 2, /--timeout "-5" is not a positive whole number/],
  [
    '--timeout -5 (a value that looks like a flag)',
    ['--timeout', '-5'],
    2,
    /option --timeout needs a value \(one starting with "-" must be written --timeout=<value>\)/,
  ],
  [
    '--clock-skew five',
    ['--clock-skew', 'five'],
    2,
    /--clock-skew "five" is not a whole number of seconds \(give e.g. --clock-skew 300\)/,
  ],
  ['--retries many', ['--retries', 'many'], 2, /--retries "many" is not a positive whole number/],
  ['--shard 0/3', ['--shard', '0/3'], 2, /--shard "0\/3" is not k\/n with 1 <= k <= n/],
  ['--shard 4/3', ['--shard', '4/3'], 2, /--shard "4\/3" is not k\/n/],
  ['--shard half', ['--shard', 'half'], 2, /--shard "half" is not k\/n/],
  [
    'a product filter that matches nothing',
    ['--product', 'desk'],
    2,
    /^error E_NOTHING_SELECTED: no case matches --product desk/,
  ],
  [
    'an endpoint filter that matches nothing',
    ['--endpoint', 'convert-lead'],
    2,
    /no case matches --endpoint convert-lead/,
  ],
  ['an API version that no endpoint has', ['--api-version', 'v99'], 2, /no case matches --api-version v99/],
  ['a case filter that matches nothing', ['--case', 'teapot'], 2, /no case matches --case teapot/],
  ['an unknown target', ['--target', 'moon'], 2, /--target "moon" is not a target/],
  [
    '--modules empty',
    ['--target', 'live', '--modules', ' , '],
    2,
    /^error E_USAGE: --modules is empty \(name the modules/,
  ],
  [
    '--modules naming a module twice',
    ['--target', 'live', '--modules', 'Leads,Accounts,Leads'],
    2,
    /^error E_USAGE: --modules names Leads twice \(name each module once, e\.g\. --modules Leads,Accounts\)/,
  ],
  [
    '--modules naming something that is no module API name',
    ['--target', 'live', '--modules', 'Leads,Project Tracker'],
    2,
    /^error E_USAGE: --modules: "Project Tracker" is not a module API name/,
  ],
  [
    '--modules with a selection that has no module-generic case',
    ['--target', 'live', '--product', 'bigin', '--modules', 'Deals'],
    2,
    /^error E_USAGE: --modules changes nothing in this selection: none of its cases is module-generic/,
  ],
  [
    '--modules against the mock, which has no org of the user',
    ['--modules', 'Leads'],
    2,
    /^error E_USAGE: --modules is for live runs: a mock target has no org/,
  ],
  [
    '--modules against a base URL, which serves no metadata the run could trust',
    ['--base-url', 'http://127.0.0.1:9', '--modules', 'Leads'],
    2,
    /^error E_USAGE: --modules is for live runs: a url target has no org/,
  ],
  ['--target url without --base-url', ['--target', 'url'], 2, /--target url needs --base-url <url>/],
  [
    'a --base-url that is not a URL',
    ['--base-url', 'localhost 4010'],
    2,
    /^error E_CONFIG: --base-url "localhost 4010" is not a URL/,
  ],
  ['a --base-url that is not http(s)', ['--base-url', 'ftp://127.0.0.1'], 2, /is not http or https/],
  [
    '--base-url with --target mock',
    ['--target', 'mock', '--base-url', 'http://127.0.0.1:9'],
    2,
    /--base-url cannot be used with --target mock/,
  ],
  ['--fail-on sometimes', ['--fail-on', 'sometimes'], 2, /--fail-on "sometimes" is not any or new/],
  [
    '--fail-on new without a baseline',
    ['--fail-on', 'new', '--baseline', '/no/such/summary.json'],
    2,
    /baseline \/no\/such\/summary\.json does not exist/,
  ],
  [
    'a baseline that is not JSON',
    ['--baseline', () => at('not-json.txt')],
    2,
    /baseline .*not-json\.txt is not readable JSON/,
  ],
  [
    'a baseline that is not a summary',
    ['--baseline', () => at('other.json')],
    2,
    /is not a summary\.json of this suite/,
  ],
  [
    'a baseline from another catalog version',
    ['--baseline', () => at('old-catalog.json')],
    2,
    /is from another catalog version: crm\/update-records was 0\.1\.0/,
  ],
  [
    'a missing --dotenv',
    ['--dotenv', '/no/such/.env'],
    2,
    /^error E_CONFIG: env file \/no\/such\/\.env does not exist/,
  ],
  [
    'an --dotenv that is a folder',
    ['--dotenv', () => at('a-folder')],
    2,
    /env file .*a-folder is a folder, not a file/,
  ],
  [
    'an --dotenv with a quote left open',
    ['--dotenv', () => at('open-quote.env')],
    2,
    /open-quote\.env line 1: the value of ZOHO_ACCESS_TOKEN opens a " quote that is never closed/,
  ],
  [
    'a report folder that cannot be written',
    ['--out', '/dev/null/report'],
    2,
    /the report folder \/dev\/null\/report cannot be written/,
  ],
  ['import without a file', ['import'], 2, /import needs a file/],
  ['import of a file that is not JSON', ['import', () => at('not-json.txt')], 2, /not-json\.txt is not JSON/],
  [
    'import of JSON that is not a collection',
    ['import', () => at('not-collection.json')],
    2,
    /is not a Postman collection or item/,
  ],
  ['import of an unknown collection schema', ['import', () => at('old-schema.json')], 2, /which is not v2\.0 or v2\.1/],
  ['merge without folders', ['merge'], 2, /merge needs the report folders of the shard runs/],
  [
    'merge of a folder that is not a shard report',
    ['merge', () => dir],
    2,
    /is not the report folder of a --shard run/,
  ],
  ['collections with an unknown flag', ['collections', '--force'], 2, /unknown option --force/],
  ['mock with a bad port', ['mock', '--port', 'http'], 2, /--port "http" is not a positive whole number/],
  [
    'collections-diff of an unknown revision',
    ['collections-diff', 'no-such-ref-or-folder'],
    2,
    /is neither a folder nor a git revision/,
  ],
];

describe.concurrent('bad input', () => {
  it('has at least 30 rows', () => {
    expect(table.length).toBeGreaterThanOrEqual(30);
  });

  it.each(table)('%s: one line, exit %i, no stack trace', async (_name, args, code, message) => {
    const result = await runCli(args.map((a) => (typeof a === 'function' ? a() : a)));
    expect(result.code, result.stderr + result.stdout).toBe(code);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(lines[0]).toMatch(/\(.+\)$/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints the stack trace only with --debug', async () => {
    const result = await runCli(['--product', 'desk', '--debug']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/\n\s+at /);
  });
});
