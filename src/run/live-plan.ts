// A live run's plan before it writes anything: which cases it will send, the records they will create, the calls and
// credits all of it costs (with the org's remaining allowance where Zoho reports it), and --max-credits. Pure but for
// reading the org client's counters.

import { caseModule } from '../catalog/index.ts';
import type { CaseBlock } from '../verdict/index.ts';
import { ConfigError } from '../errors.ts';
import type { Target } from '../harness/index.ts';
import {
  caseNeeds,
  planCredits,
  type CaseCreations,
  type CreditPlan,
  type FixturePlan,
  type OrgClient,
  type OrgMetadata,
} from '../live/index.ts';
import { variablesOf, type LiveCase } from './live-cases.ts';

/** The credit plan of the run: the metadata read so far, the fixtures, the cases it will send, the clean-up. */
export function planRun(input: {
  readonly client: OrgClient;
  readonly plan: FixturePlan;
  readonly cases: readonly LiveCase[];
  readonly org: OrgMetadata;
  readonly target: Target;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly caseLevel: number;
  /** The cases the org's metadata and the configuration leave unsent (blockedCases), as the run settles them. */
  readonly blocked: Readonly<Record<string, CaseBlock>>;
}): CreditPlan {
  const { plan, cases, org, target, env, blocked } = input;
  const known = new Set([
    ...Object.keys(target.variables),
    ...Object.keys(plan.variables),
    ...plan.records.flatMap((r) => [r.variable, r.lockVariable].filter((v): v is string => v !== undefined)),
    'api_domain',
  ]);
  const sent = cases.filter(
    (c) =>
      !blocked[c.key] &&
      caseNeeds(c.testCase, c.product, org, plan, env).every((n) => n.block.outcome !== 'not-checked') &&
      variablesOf(c.testCase).every((v) => known.has(v)),
  );
  return planCredits({
    metadataCalls: callsMade(input.client),
    plan,
    cases: sent.length,
    creations: creations(sent),
    deletedByCases: deletedByCases(sent),
    caseLevel: input.caseLevel,
  });
}

/** The fixture variables the deleting cases (Delete Records) send as ids, expecting SUCCESS: those records go with them. */
function deletedByCases(cases: readonly LiveCase[]): Set<string> {
  return new Set(
    cases.flatMap(({ endpoint, testCase }) => {
      const succeeds = testCase.expect.shape === 'records' && testCase.expect.codes.every((c) => c === 'SUCCESS');
      return endpoint.deletes && succeeds ? variablesOf(testCase) : [];
    }),
  );
}

/** The records the cases will create at most, by module: each SUCCESS a creating endpoint's case expects. */
function creations(cases: readonly LiveCase[]): CaseCreations[] {
  const byModule = new Map<string, number>();
  for (const { endpoint, testCase } of cases) {
    const module = caseModule(testCase);
    if (!endpoint.creates || !module || testCase.expect.shape !== 'records') continue;
    const records = testCase.expect.codes.filter((code) => code === 'SUCCESS').length;
    byModule.set(module, (byModule.get(module) ?? 0) + records);
  }
  return [...byModule].map(([module, records]) => ({ module, records }));
}

/**
 * The modules the creating cases (Insert, Upsert) write to, each with the most records one case sends: the planner
 * fills that many records with what the org makes mandatory (see the harness's record fills).
 */
export function fillRequests(cases: readonly LiveCase[]): Array<{ module: string; records: number }> {
  const most = new Map<string, number>();
  for (const { endpoint, testCase } of cases) {
    const module = caseModule(testCase);
    const body = testCase.request.body;
    const data =
      typeof body === 'object' && body !== null && !Array.isArray(body) && 'data' in body ? body['data'] : [];
    if (!endpoint.creates || !module || !Array.isArray(data)) continue;
    most.set(module, Math.max(most.get(module) ?? 0, data.length));
  }
  return [...most].map(([module, records]) => ({ module, records }));
}

/** Whether a creating case's own body names a record the fixtures make (a lookup to it): its records go first. */
export function creatingBodiesNameFixtures(cases: readonly LiveCase[], plan: FixturePlan): boolean {
  const made = new Set(plan.records.flatMap((r) => (r.variable ? [r.variable] : [])));
  return cases.some(({ endpoint, testCase }) => {
    return Boolean(endpoint.creates) && variablesOf(testCase).some((v) => made.has(v));
  });
}

/** Every call the org client made so far. */
function callsMade(client: OrgClient): number {
  return client.steps().reduce((sum, step) => sum + step.calls, 0);
}

/** `Plan: 443 calls, 443 credits (metadata 9, ...); the org reports 49,557 credits left today`. */
export function describePlan(plan: CreditPlan, remaining: number | undefined): string {
  const left =
    remaining === undefined
      ? 'the org does not report its remaining credits'
      : `the org reports ${remaining} credits left today`;
  return `Plan: ${plan.calls} calls, ${plan.credits} credits (metadata ${plan.metadata}, fixtures ${plan.fixtures}, cases ${plan.cases}, clean-up ${plan.cleanup}); ${left}`;
}

/** --max-credits: a plan over it is refused before any fixture exists. */
export function checkCredits(plan: CreditPlan, max: number | undefined): void {
  if (max !== undefined && plan.credits > max)
    throw new ConfigError(
      `the run plans ${plan.credits} credits, more than --max-credits ${max}; nothing was written`,
      'raise --max-credits, or select fewer cases (--product, --endpoint, --case)',
    );
}

/** `Progress: fixtures ready, 21 of 443 planned calls made`. */
export function progressLine(stage: string, client: OrgClient, cases: number, plan: CreditPlan | undefined): string {
  return `Progress: ${stage}, ${callsMade(client) + cases} of ${plan?.calls ?? '?'} planned calls made`;
}
