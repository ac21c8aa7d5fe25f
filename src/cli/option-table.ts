// The CLI's options as data: names, value types, help text. Parsing and help both derive from this table.

/** One command-line option. */
export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  /** Placeholder shown in help for options that take a value. */
  readonly value?: string;
  readonly help: string;
}

/** Options of `contract` (the default command: run the suite). */
export const runOptionTable = {
  product: { type: 'string', value: '<product>', help: 'run only this product (crm)' },
  endpoint: { type: 'string', value: '<endpoint>', help: 'run only this endpoint (e.g. update-records)' },
  'api-version': { type: 'string', value: '<version>', help: 'run only this API version (e.g. v2.1)' },
  case: {
    type: 'string',
    value: '<text>',
    help: 'run only cases whose id or name contains the text (case-insensitive)',
  },
  target: {
    type: 'string',
    value: 'mock|url|live|replay',
    help: 'where requests go (default: mock, the embedded server; live: a Zoho org from .env)',
  },
  'allow-production': { type: 'boolean', help: 'let --target live write to a production org (refused otherwise)' },
  record: { type: 'boolean', help: 'save every exchange (redacted) as a cassette in <report>/cassettes/' },
  cassettes: { type: 'string', value: '<dir>', help: 'with --target replay: the cassettes/ folder of a --record run' },
  'base-url': {
    type: 'string',
    value: '<url>',
    help: 'send every request to this base URL (implies --target url; tokens from ZOHO_* variables)',
  },
  concurrency: {
    type: 'string',
    value: '<n>',
    help: "newman runs in flight at once over the whole run (default 2 against the mock, 4 against a url; live: the org edition's limit, at most n; 5 when unknown)",
  },
  timeout: { type: 'string', value: '<ms>', help: 'per-request timeout in milliseconds (default 30000)' },
  modules: {
    type: 'string',
    value: '<A,B,...>',
    help: "live: run the records API's module-generic cases on these modules of the org (default: the catalog's own)",
  },
  'max-credits': {
    type: 'string',
    value: '<n>',
    help: 'live: refuse a run whose plan (printed before anything is written) costs more than n API credits',
  },
  bail: { type: 'boolean', help: 'stop after the first failing case' },
  shard: {
    type: 'string',
    value: '<k/n>',
    help: 'run shard k of n (vitest sharding; a blob for `merge` is written to the report folder)',
  },
  retries: {
    type: 'string',
    value: '<n>',
    help: 're-run a failing case up to n times; a late pass is reported as flaky (default 0)',
  },
  baseline: {
    type: 'string',
    value: '<summary.json>',
    help: 'compare with an earlier run (default: reports/baseline/summary.json if present)',
  },
  'fail-on': {
    type: 'string',
    value: 'any|new',
    help: 'exit 1 on any failure (default) or only on failures the baseline did not have and on lost coverage',
  },
  'allow-partial': {
    type: 'boolean',
    help: 'exit 0 when every checked case held even if some were not checked (the run still says checked N of M)',
  },
  out: { type: 'string', value: '<dir>', help: 'write the report here instead of reports/<run-id>/' },
  strict: {
    type: 'boolean',
    help: 'fail a case whose answer has a key no page documents (reported but not failing by default)',
  },
  'clock-skew': {
    type: 'string',
    value: '<s>',
    help: "seconds a success's Modified_Time may lie outside its request (default 300)",
  },
  'sandbox-tests': { type: 'boolean', help: "also run each request's in-collection Postman test script (slower)" },
  list: { type: 'boolean', help: 'list the selected cases and exit without running them' },
  dotenv: {
    type: 'string',
    value: '<path>',
    help: 'read ZOHO_* values from this file instead of ./.env (the environment still wins)',
  },
  debug: { type: 'boolean', help: 'print stack traces of setup errors' },
  help: { type: 'boolean', help: 'show this help' },
} as const satisfies Record<string, OptionSpec>;

/** Options of `contract collections`. */
export const collectionsOptionTable = {
  check: { type: 'boolean', help: 'fail (exit 1) if committed collections/schemas/harnesses differ from the catalog' },
  help: { type: 'boolean', help: 'show this help' },
} as const satisfies Record<string, OptionSpec>;

/** Options of `contract drift` and `contract coverage`. */
export const catalogOptionTable = {
  help: { type: 'boolean', help: 'show this help' },
} as const satisfies Record<string, OptionSpec>;

/** Options of `contract doctor`. */
export const doctorOptionTable = {
  ...catalogOptionTable,
  modules: {
    type: 'string',
    value: '<A,B,...>',
    help: 'also say, per module, which module-generic cases a run with --modules would send there and which it cannot',
  },
} as const satisfies Record<string, OptionSpec>;

/** Options of `contract merge <dirs...>`. */
export const mergeOptionTable = {
  out: { type: 'string', value: '<dir>', help: 'write the merged report here (default reports/<run-id>-merged/)' },
  baseline: { type: 'string', value: '<summary.json>', help: 'compare the merged run with an earlier one' },
  'fail-on': {
    type: 'string',
    value: 'any|new',
    help: 'exit 1 on any failure (default) or only on failures the baseline did not have and on lost coverage',
  },
  'allow-partial': { type: 'boolean', help: 'exit 0 when every checked case held even if some were not checked' },
  help: { type: 'boolean', help: 'show this help' },
} as const satisfies Record<string, OptionSpec>;

/** Options of `contract cleanup`. */
export const cleanupOptionTable = {
  'run-id': {
    type: 'string',
    value: '<run-id>',
    help: 'delete what this live run left behind (from reports/<run-id>/fixtures.json)',
  },
  'all-tagged': { type: 'boolean', help: 'delete the leftovers of every live run with a ledger under reports/' },
  help: { type: 'boolean', help: 'show this help' },
} as const satisfies Record<string, OptionSpec>;

/** Options of `contract auth`. */
export const authOptionTable = {
  scopes: {
    type: 'boolean',
    help: 'print the scopes to request for the Self Client grant code (the union the catalog and live mode need)',
  },
  'grant-code': {
    type: 'string',
    value: '<code>',
    help: "exchange this Self Client grant code at the data centre's accounts server for a refresh token",
  },
  'write-env': { type: 'boolean', help: 'store the refresh token in .env (or the --dotenv file); it is never printed' },
  persona: {
    type: 'string',
    value: '<name>',
    help: "store it as this persona's ZOHO_REFRESH_TOKEN_<PERSONA> (e.g. without-scope)",
  },
  dotenv: {
    type: 'string',
    value: '<path>',
    help: 'read the client from, and write the token to, this file instead of ./.env',
  },
  help: { type: 'boolean', help: 'show this help' },
} as const satisfies Record<string, OptionSpec>;

/** Options of `contract import <file>`. */
export const importOptionTable = {
  json: { type: 'boolean', help: 'print the checks as JSON' },
  help: { type: 'boolean', help: 'show this help' },
} as const satisfies Record<string, OptionSpec>;

/** Options of `contract mock`. */
export const mockOptionTable = {
  port: { type: 'string', value: '<port>', help: 'port to listen on (default: a free one)' },
  host: { type: 'string', value: '<host>', help: 'address to bind (default 127.0.0.1)' },
  org: {
    type: 'string',
    value: '<profile.json>',
    help: 'play this org: its edition (and concurrency limit), modules and fields (docs/org-profiles.md)',
  },
  latency: {
    type: 'string',
    value: '<ms>',
    help: 'add this many milliseconds to every answer, like a real network (default 0)',
  },
  help: { type: 'boolean', help: 'show this help' },
} as const satisfies Record<string, OptionSpec>;

/** Subcommands and what each does. */
export const commandTable = {
  run: 'run the contract suite (default)',
  collections: 'regenerate collections/, schemas/ and the harness files from the catalog',
  mock: 'run the embedded mock alone and print the ZOHO_... values it accepts',
  cleanup: 'delete the fixtures a killed live run left behind (--run-id <id> or --all-tagged)',
  doctor: 'check live configuration, token refresh, scopes and reachability; runs no case',
  auth: 'print the scopes to request (--scopes), or exchange a Self Client grant code for a refresh token (--grant-code)',
  drift: 'print the ledger of contradictions in the doc pages (Markdown)',
  coverage: 'print the coverage matrix: every documented code, its case, schema, mock and live',
  import: "check a Postman collection's saved examples against the catalog and schemas (import <file>)",
  'collections-diff': 'what a catalog change did to the contract: collections-diff <old git-ref|folder> [<new>]',
  merge: 'merge the reports of shard runs (merge <dir> <dir> ...) into every report format',
  help: 'show this help',
} as const;

export type CommandName = keyof typeof commandTable;
