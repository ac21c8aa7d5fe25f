// The main thread's side of a live run: hands the org, the fixtures and the cases to the verdict thread
// (live-fixtures.ts), passes on what it reports, deletes the fixtures itself if the thread died before it could, and
// counts the run's calls and credits.

import type { Selection } from '../catalog/index.ts';
import type { Target } from '../harness/index.ts';
import {
  createOrgClient,
  diffOrg,
  readOrgSnapshot,
  writeLedger,
  type FixtureRecord,
  type OrgSnapshot,
} from '../live/index.ts';
import {
  explainOrgChanges,
  renderMarkdown,
  renderSummaryJson,
  writeArtifacts,
  type ApiUsage,
  type RunSummary,
} from '../report/index.ts';
import { shareOf } from './live-concurrency.ts';
import { deleteAll, type LiveCleanup, type LiveEvent, type LiveRunInput } from './live-fixtures.ts';

/** What a live run is given: what the verdict thread is (LiveRunInput), with the selections as the catalog has them. */
export interface LiveRunRequest extends Omit<LiveRunInput, 'selections' | 'env'> {
  readonly selections: readonly Selection[];
  /** Every value the run was given; the thread is given the ZOHO_* ones. */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly print: (line: string) => void;
  /** The org the baseline's run read (its summary.json `org`), to say what changed since. */
  readonly baselineOrg?: unknown;
}

/** Runs the cases (runContract with `live`), telling the requests the cases sent through `onCaseCalls`. */
export type LiveBody = (
  live: { readonly input: LiveRunInput; readonly onEvent: (event: LiveEvent) => void },
  onCaseCalls: (calls: number) => void,
) => Promise<RunSummary>;

/** Runs `body` as a live run: the fixtures are deleted afterwards whatever happens (failure, interrupt, a thread that died). */
export async function withLiveFixtures(request: LiveRunRequest, body: LiveBody): Promise<RunSummary> {
  const { target, print } = request;
  let created: readonly FixtureRecord[] = [];
  let cleanup: LiveCleanup | undefined;
  let caseCalls = 0;
  let org: OrgSnapshot | undefined;
  const onEvent = (event: LiveEvent): void => {
    if (event.type === 'print') print(event.line);
    else if (event.type === 'created') created = event.records;
    else if (event.type === 'org') org = event.snapshot;
    else cleanup = event.cleanup;
  };
  const input: LiveRunInput = {
    target,
    runId: request.runId,
    outDir: request.outDir,
    selections: request.selections.map((s) => ({
      product: s.endpoint.product,
      endpoint: s.endpoint.id,
      version: s.version,
      caseIds: s.cases.map((c) => c.id),
    })),
    env: Object.fromEntries(Object.entries(request.env).filter(([name]) => name.startsWith('ZOHO_'))),
    ...(request.concurrency ? { concurrency: request.concurrency } : {}),
    ...(request.shards ? { shards: request.shards } : {}),
    ...(request.maxCredits !== undefined ? { maxCredits: request.maxCredits } : {}),
    ...(request.modules ? { modules: request.modules } : {}),
    prefetchOnly: request.prefetchOnly,
  };
  let summary: RunSummary;
  try {
    summary = await body({ input, onEvent }, (calls) => (caseCalls = calls));
  } finally {
    // The thread deletes the fixtures as it closes; one that died (or never started the run) leaves it to this thread.
    cleanup ??= await cleanUpHere(request, created);
    print(cleanup.line);
  }
  // Only once the clean-up's calls are counted too.
  const withOrg = org ? { ...summary, org: { ...org }, ...orgDrift(summary, org, request.baselineOrg) } : summary;
  return withUsage(withOrg, cleanup, caseCalls, request.outDir, target.secrets);
}

/** What changed in the org since the baseline's run, when the baseline kept the org it read. */
function orgDrift(summary: RunSummary, now: OrgSnapshot, baselineOrg: unknown): Pick<RunSummary, 'orgDrift'> {
  const before = readOrgSnapshot(baselineOrg);
  if (!before || !summary.baseline) return {};
  const changes = explainOrgChanges(diffOrg(before, now), summary.verdicts);
  return { orgDrift: { since: summary.baseline.source, changes } };
}

/** Deletes what the thread reported it created, from this thread, and keeps the ledger. */
async function cleanUpHere(request: LiveRunRequest, created: readonly FixtureRecord[]): Promise<LiveCleanup> {
  const { target, runId, outDir } = request;
  const client = createOrgClient({
    apiDomain: target.apiDomain,
    accessToken: target.variables['access_token'] ?? '',
    limit: shareOf(5, request.shards ?? 1, request.concurrency),
  });
  const ledger = (deleted: readonly FixtureRecord[]) =>
    writeLedger(outDir, { runId, apiDomain: target.apiDomain, created, deleted });
  const { line, deleted } = await deleteAll(client, target, created, created, ledger, runId, () => brokerToken(target));
  const concurrency: ApiUsage['concurrency'] = {
    limit: client.limit(),
    source: request.concurrency ? 'flag' : 'default',
  };
  return { line, created, deleted, steps: client.steps(), concurrency };
}

/** The summary with the run's calls and credits, rewritten to summary.json (the reporter wrote it before the clean-up). */
async function withUsage(
  summary: RunSummary,
  cleanup: LiveCleanup,
  caseCalls: number,
  outDir: string,
  secrets: readonly string[],
): Promise<RunSummary> {
  const steps = cleanup.steps;
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
  const planned = cleanup.planned;
  const apiUsage: ApiUsage = {
    calls,
    credits: calls,
    ...(planned
      ? {
          planned: {
            calls: planned.calls,
            credits: planned.credits,
            byPhase: {
              metadata: planned.metadata,
              fixtures: planned.fixtures,
              cases: planned.cases,
              cleanup: planned.cleanup,
            },
          },
        }
      : {}),
    byPhase,
    steps: ordered,
    concurrency: cleanup.concurrency,
  };
  const withApi = { ...summary, apiUsage };
  // report.md too: the calls, the plan and the org's changes are only known now.
  await writeArtifacts(outDir, [...renderSummaryJson(withApi), ...renderMarkdown(withApi)], secrets);
  if (withApi.org)
    await writeArtifacts(outDir, [{ path: 'org.json', content: `${JSON.stringify(withApi.org, null, 2)}\n` }], secrets);
  return withApi;
}

/** The live run's current token, from its broker when it has one (it renews a token about to expire). */
async function brokerToken(target: Target): Promise<string | undefined> {
  if (!target.tokenBroker) return target.variables['access_token'];
  const answer = await fetch(target.tokenBroker, { method: 'POST', body: '{}', signal: AbortSignal.timeout(30_000) });
  const token = ((await answer.json()) as { accessToken?: unknown }).accessToken;
  return typeof token === 'string' ? token : undefined;
}
