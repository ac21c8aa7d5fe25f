// Which of the selected cases a live org is asked, what each needs of the org, and which can go out before the
// fixtures exist. Pure: read from the catalog's cases, the org's metadata and the fixture plan.

import { caseModule, casesByIds, findCollectionEndpoint, type Selection } from '../catalog/index.ts';
import { referencedVariables } from '../harness/index.ts';
import {
  caseNeeds,
  FIXTURE_NEEDS,
  gravest,
  moduleFixtureNeeds,
  type FixtureNeed,
  type OrgMetadata,
} from '../live/index.ts';
import { caseKey, type CaseBlock, type VerdictRequest } from '../verdict/index.ts';

export type LiveCase = {
  readonly key: string;
  readonly product: string;
  /** Its endpoint (whether it creates or deletes records, what it documents). */
  readonly endpoint: Selection['endpoint'];
  readonly testCase: Selection['cases'][number];
};

/** The selections named by verdict requests (plain data, as the verdict thread is given them), from the catalog. */
export function selectionsOf(requests: readonly VerdictRequest[]): Selection[] {
  return requests.flatMap((request) => {
    const endpoint = findCollectionEndpoint(request.product, request.endpoint, request.version);
    if (!endpoint) return [];
    return [{ endpoint, version: request.version, cases: casesByIds(endpoint, request.version, request.caseIds) }];
  });
}

/** The selected cases a live org can provoke, keyed as the harness keys them. */
export function liveCases(selections: readonly Selection[]): LiveCase[] {
  return selections.flatMap((s) =>
    s.cases
      .filter((c) => c.provocable.includes('live'))
      .map((testCase) => ({
        key: caseKey({ product: s.endpoint.product, endpoint: s.endpoint.id, version: s.version, caseId: testCase.id }),
        product: s.endpoint.product,
        endpoint: s.endpoint,
        testCase,
      })),
  );
}

/** The fixture needs these cases reference (a record, a lock, a value a need exposes). */
export function neededFixtures(cases: readonly LiveCase[]): FixtureNeed[] {
  const referenced = new Set(cases.flatMap(({ testCase }) => variablesOf(testCase)));
  return [
    ...FIXTURE_NEEDS.filter((n) =>
      [n.variable, n.lock, ...(n.wants ?? []).map((w) => w.exposes)].some((v) => v !== undefined && referenced.has(v)),
    ),
    // The records the module variants (--modules) need in their modules.
    ...moduleFixtureNeeds(referenced),
  ];
}

/** The variables a case's path and body reference (`{{name}}`). */
export function variablesOf(testCase: LiveCase['testCase']): string[] {
  return referencedVariables(JSON.stringify([testCase.request.path, testCase.request.body ?? null]));
}

/**
 * The requests split in two: the cases whose path and body reference only variables the run has before any fixture
 * exists (`known`), and the rest. The first go out while the fixtures are made; order is kept within each.
 */
export function splitByFixtures(
  requests: readonly VerdictRequest[],
  known: ReadonlySet<string>,
  filled: ReadonlySet<string> = new Set(),
): { early: VerdictRequest[]; late: VerdictRequest[] } {
  const early: VerdictRequest[] = [];
  const late: VerdictRequest[] = [];
  for (const selection of selectionsOf(requests)) {
    // A creating case whose module has fills waits too: its records may look up a record the fixtures make.
    const fills = (c: (typeof selection.cases)[number]): boolean =>
      Boolean(selection.endpoint.creates) && filled.has(caseModule(c) ?? '');
    const free = selection.cases.filter((c) => !fills(c) && variablesOf(c).every((v) => known.has(v)));
    const base = { product: selection.endpoint.product, endpoint: selection.endpoint.id, version: selection.version };
    const rest = selection.cases.filter((c) => !free.includes(c));
    if (free.length > 0) early.push({ ...base, caseIds: free.map((c) => c.id) });
    if (rest.length > 0) late.push({ ...base, caseIds: rest.map((c) => c.id) });
  }
  return { early, late };
}

/** The first `count` cases of the requests, in order, and the rest. */
export function firstCases(
  requests: readonly VerdictRequest[],
  count: number,
): { first: VerdictRequest[]; rest: VerdictRequest[] } {
  const first: VerdictRequest[] = [];
  const rest: VerdictRequest[] = [];
  let left = Math.max(0, count);
  for (const request of requests) {
    const taken = request.caseIds.slice(0, left);
    left -= taken.length;
    if (taken.length > 0) first.push({ ...request, caseIds: taken });
    if (taken.length < request.caseIds.length) rest.push({ ...request, caseIds: request.caseIds.slice(taken.length) });
  }
  return { first, rest };
}

export function productsOf(cases: readonly LiveCase[]): Array<'crm' | 'bigin'> {
  return (['crm', 'bigin'] as const).filter((p) => cases.some((c) => c.product === p));
}

export function caseModules(cases: readonly LiveCase[]): Record<'crm' | 'bigin', string[]> {
  const of = (product: string) => [
    ...new Set(
      cases
        .filter((c) => c.product === product)
        .map((c) => caseModule(c.testCase) ?? '')
        .filter(Boolean),
    ),
  ];
  return { crm: of('crm'), bigin: of('bigin') };
}

/** The cases not sent to this org, each with how it is settled (not applicable, not checked, or an error) and why. */
export function blockedCases(
  cases: readonly LiveCase[],
  org: OrgMetadata,
  plan: Parameters<typeof caseNeeds>[3],
  env: Readonly<Record<string, string | undefined>>,
): Record<string, CaseBlock> {
  const out: Record<string, CaseBlock> = {};
  for (const { key, product, testCase } of cases) {
    // A persona or record not given at all is left to the missing-variable check, which names the variable.
    const needs = caseNeeds(testCase, product, org, plan, env).filter(
      (n) => !(n.block.outcome === 'not-checked' && n.block.variables),
    );
    const block = gravest(needs.map((n) => n.block));
    if (block) out[key] = block;
  }
  return out;
}

/** Lines that name each setup error once, with every case it left unsent (the verdicts carry the same reason). */
export function setupErrorLines(blocked: Readonly<Record<string, CaseBlock>>): string[] {
  const byReason = new Map<string, string[]>();
  for (const [key, block] of Object.entries(blocked))
    if (block.outcome === 'error') byReason.set(block.reason, [...(byReason.get(block.reason) ?? []), key]);
  return [...byReason].map(
    ([reason, keys]) =>
      `Fixtures: error: ${reason}; ${keys.length} case(s) not sent: ${keys.slice(0, 8).join(', ')}${keys.length > 8 ? ` (+${keys.length - 8} more in the report)` : ''}`,
  );
}
