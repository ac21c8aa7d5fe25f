// The CLI's part of a live run: read the org, pick the concurrency, plan and create the fixtures, run the cases that
// this org can run, delete the fixtures in a finally, keep the ledger, and count the calls and credits.

import type { Selection } from '../catalog/index.ts';
import type { Target } from '../harness/index.ts';
import {
  EDITION_CONCURRENCY,
  FIXTURE_NEEDS,
  caseNeeds,
  createFixtures,
  createOrgClient,
  deleteFixtures,
  leftovers,
  planFixtures,
  readOrg,
  writeLedger,
  type FixtureRecord,
  type OrgClient,
  type OrgMetadata,
} from '../live/index.ts';
import { renderSummaryJson, writeArtifacts, type ApiUsage, type RunSummary } from '../report/index.ts';

/** What a live run is given besides its target. */
export interface LiveRunInput {
  readonly target: Target;
  readonly runId: string;
  readonly outDir: string;
  readonly selections: readonly Selection[];
  readonly env: Readonly<Record<string, string | undefined>>;
  /** --concurrency, when given. */
  readonly concurrency?: number;
  readonly print: (line: string) => void;
}

/**
 * Runs the cases. `ready` settles with the target (its fixtures in place) and the calls allowed in flight once the org
 * is read and the fixtures exist: the body starts at once, so vitest's start-up overlaps those calls. `onCasesSent`
 * is to be called once every case is answered (the clean-up starts then, while the reports are still being written).
 */
export type LiveBody = (
  ready: Promise<{ target: Target; concurrency: number }>,
  onCaseCalls: (calls: number) => void,
  onCasesSent: () => void,
) => Promise<RunSummary>;

const DEFAULT_LIVE_CONCURRENCY = 5;

/** Runs `body` with the org read and the fixtures in place; they are deleted afterwards whatever happens (failure, interrupt). */
export async function withLiveFixtures(input: LiveRunInput, body: LiveBody): Promise<RunSummary> {
  const { target, runId, outDir, print } = input;
  const client = createOrgClient({
    apiDomain: target.apiDomain,
    accessToken: target.variables['access_token'] ?? '',
    limit: input.concurrency ?? DEFAULT_LIVE_CONCURRENCY,
  });
  let created: readonly FixtureRecord[] = [];
  let caseCalls = 0;
  const ledger = (deleted: readonly FixtureRecord[]) =>
    writeLedger(outDir, { runId, apiDomain: target.apiDomain, created, deleted });
  let concurrency: ApiUsage['concurrency'] = { limit: client.limit(), source: input.concurrency ? 'flag' : 'default' };
  const prepared = (async () => {
    const fixtures = await prepareFixtures(input, client, async (sofar) => {
      created = [...sofar];
      await ledger([]);
    });
    created = fixtures.created;
    concurrency = fixtures.concurrency;
    return { target: fixtures.target, concurrency: concurrency.limit };
  })();
  prepared.catch(() => undefined); // awaited by the body and below
  // Once, whichever comes first: every case answered, or the body over (failed, interrupted, or retries pending).
  // Its line is printed after the body's output, not in the middle of the reporter's.
  let cleaning: Promise<string> | undefined;
  const cleanUpOnce = (): Promise<string> =>
    (cleaning ??= prepared
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => cleanUp(client, target, created, ledger, runId)));
  let summary: RunSummary;
  try {
    summary = await body(
      prepared,
      (calls) => (caseCalls = calls),
      () => void cleanUpOnce(),
    );
  } catch (error) {
    // The org read or a fixture failed: that is the run's error, not the body's consequence of it.
    await prepared;
    throw error;
  } finally {
    print(await cleanUpOnce());
  }
  // Only once the clean-up's calls are counted too.
  return withUsage(summary, client, caseCalls, concurrency, outDir, target.secrets);
}

/** Reads the org, picks the concurrency, plans and creates the fixtures: the target the cases are sent with. */
async function prepareFixtures(
  input: LiveRunInput,
  client: OrgClient,
  onCreated: (records: readonly FixtureRecord[]) => Promise<void>,
): Promise<{ target: Target; created: readonly FixtureRecord[]; concurrency: ApiUsage['concurrency'] }> {
  const { target, runId, outDir, print } = input;
  const cases = liveCases(input.selections);
  const referenced = new Set(cases.flatMap(({ testCase }) => variablesOf(testCase)));
  const needs = FIXTURE_NEEDS.filter((n) =>
    [n.variable, n.lock, ...(n.wants ?? []).map((w) => w.exposes)].some((v) => v !== undefined && referenced.has(v)),
  );
  const lockingModule = input.env['ZOHO_LOCKING_CUSTOM_MODULE']?.trim() || undefined;
  const org = await readOrg(client, {
    products: productsOf(cases),
    needs,
    caseModules: caseModules(cases),
    ...(lockingModule ? { lockingModule } : {}),
  });
  const concurrency = chooseConcurrency(org, input.concurrency);
  client.setLimit(concurrency.limit);
  print(describeOrg(org, concurrency));
  const plan = planFixtures({ needs, org, runId, ...(lockingModule ? { lockingModule } : {}) });
  for (const note of plan.notes) print(`Org: ${note}`);
  const fixtures = await createFixtures(client, plan, runId, onCreated);
  const notApplicable = notApplicableCases(cases, org, { ...plan, unavailable: fixtures.unavailable }, input.env);
  print(
    `Fixtures: created ${fixtures.created.length} records tagged "zoho-contract-suite ${runId}" (ledger ${outDir}/fixtures.json)${Object.keys(notApplicable).length ? `; ${Object.keys(notApplicable).length} cases not applicable to this org` : ''}`,
  );
  return {
    target: { ...target, variables: { ...target.variables, ...fixtures.variables }, notApplicable },
    created: fixtures.created,
    concurrency,
  };
}

/** The org's edition's limit (never more than --concurrency asks), else --concurrency, else 5 (Free's limit, safe everywhere). */
function chooseConcurrency(org: OrgMetadata, flag: number | undefined): ApiUsage['concurrency'] {
  if (org.edition) {
    const limit = EDITION_CONCURRENCY[org.edition];
    return flag !== undefined && flag < limit
      ? { limit: flag, source: 'flag', edition: org.edition }
      : { limit, source: 'edition', edition: org.edition };
  }
  return flag ? { limit: flag, source: 'flag' } : { limit: DEFAULT_LIVE_CONCURRENCY, source: 'default' };
}

function describeOrg(org: OrgMetadata, concurrency: ApiUsage['concurrency']): string {
  const edition = org.edition ? `${org.edition} edition` : 'edition unknown';
  return `Org: ${edition}, user ${org.currentUser?.name ?? org.currentUser?.id ?? 'unknown'}; at most ${concurrency.limit} calls at once${concurrency.source === 'flag' ? ' (--concurrency)' : ''}`;
}

/** Unlocks and deletes what the run created, keeps the ledger, and returns the line that says how it went. */
async function cleanUp(
  client: OrgClient,
  target: Target,
  created: readonly FixtureRecord[],
  ledger: (deleted: readonly FixtureRecord[]) => Promise<void>,
  runId: string,
): Promise<string> {
  // The run's token may have expired meanwhile: ask the broker for the current one (it renews a token about to expire).
  const token = await currentToken(target).catch(() => undefined);
  if (token) client.useToken(token);
  const deleted = created.length ? await deleteFixtures(client, created).catch(() => []) : [];
  await ledger(deleted);
  const left = leftovers({ runId, apiDomain: target.apiDomain, created, deleted });
  return left.length === 0
    ? `Fixtures: deleted all ${deleted.length} records`
    : `Fixtures: ${left.length} records could not be deleted; run \`npm run contract -- cleanup --run-id ${runId}\``;
}

/** The summary with the run's calls and credits, rewritten to summary.json (the reporter wrote it before the clean-up). */
async function withUsage(
  summary: RunSummary,
  client: OrgClient,
  caseCalls: number,
  concurrency: ApiUsage['concurrency'],
  outDir: string,
  secrets: readonly string[],
): Promise<RunSummary> {
  const steps = client.steps();
  const fixturesEnd = steps.findIndex((s) => s.name.startsWith('clean-up'));
  const before = fixturesEnd < 0 ? steps : steps.slice(0, fixturesEnd);
  const after = fixturesEnd < 0 ? [] : steps.slice(fixturesEnd);
  const sum = (list: readonly { name: string; calls: number }[], prefix: string) =>
    list.filter((s) => s.name.startsWith(prefix)).reduce((n, s) => n + s.calls, 0);
  const byPhase = {
    metadata: sum(before, 'metadata'),
    fixtures: sum(before, 'fixtures'),
    cases: caseCalls,
    cleanup: sum(after, 'clean-up'),
  };
  const calls = byPhase.metadata + byPhase.fixtures + byPhase.cases + byPhase.cleanup;
  const ordered = [...before, { name: 'cases', calls: caseCalls }, ...after];
  const apiUsage: ApiUsage = { calls, credits: calls, byPhase, steps: ordered, concurrency };
  const withApi = { ...summary, apiUsage };
  await writeArtifacts(outDir, renderSummaryJson(withApi), secrets);
  return withApi;
}

/** The live run's current token, from its broker when it has one. */
async function currentToken(target: Target): Promise<string | undefined> {
  if (!target.tokenBroker) return target.variables['access_token'];
  const answer = await fetch(target.tokenBroker, { method: 'POST', body: '{}', signal: AbortSignal.timeout(30_000) });
  const token = ((await answer.json()) as { accessToken?: unknown }).accessToken;
  return typeof token === 'string' ? token : undefined;
}

type LiveCase = { readonly key: string; readonly product: string; readonly testCase: Selection['cases'][number] };

/** The selected cases a live org can provoke, keyed as the harness keys them. */
function liveCases(selections: readonly Selection[]): LiveCase[] {
  return selections.flatMap((s) =>
    s.cases
      .filter((c) => c.provocable.includes('live'))
      .map((testCase) => ({
        key: `${s.endpoint.product}/${s.endpoint.id}/${s.version}/${testCase.id}`,
        product: s.endpoint.product,
        testCase,
      })),
  );
}

function variablesOf(testCase: LiveCase['testCase']): string[] {
  return [
    ...JSON.stringify([testCase.request.path, testCase.request.body ?? null]).matchAll(/\{\{([A-Za-z0-9_]+)\}\}/g),
  ].map((m) => m[1] ?? '');
}

function productsOf(cases: readonly LiveCase[]): Array<'crm' | 'bigin'> {
  return (['crm', 'bigin'] as const).filter((p) => cases.some((c) => c.product === p));
}

function caseModules(cases: readonly LiveCase[]): Record<'crm' | 'bigin', string[]> {
  const of = (product: string) => [
    ...new Set(
      cases
        .filter((c) => c.product === product)
        .map((c) => /^\/\w+\/\{version\}\/([A-Za-z0-9_]+)/.exec(c.testCase.request.path)?.[1] ?? '')
        .filter(Boolean),
    ),
  ];
  return { crm: of('crm'), bigin: of('bigin') };
}

/** Cases whose needs this org cannot meet (a module, a field, a fixture it refused), with why. */
function notApplicableCases(
  cases: readonly LiveCase[],
  org: OrgMetadata,
  plan: Parameters<typeof caseNeeds>[3],
  env: LiveRunInput['env'],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { key, product, testCase } of cases) {
    const why = caseNeeds(testCase, product, org, plan, env)
      .filter((n) => n.org)
      .map((n) => n.what);
    if (why.length > 0) out[key] = [...new Set(why)].join('; ');
  }
  return out;
}
