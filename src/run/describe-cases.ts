// What doctor prints about the org: its edition and limit, the custom module it would lock in, and which live cases
// this org can run, which it cannot and what each needs (a module, a field, a persona, a record the API cannot create):
// settled as a run would settle them (not applicable only when the org lacks a documented capability), writing nothing.

import {
  caseModule,
  catalog,
  casesForVersion,
  isModuleGeneric,
  withModules,
  type Case,
  type Endpoint,
} from '../catalog/index.ts';
import {
  EDITION_CONCURRENCY,
  FIXTURE_NEEDS,
  caseNeeds,
  checkModules,
  givenRecords,
  moduleFixtureNeeds,
  gravest,
  planFixtures,
  readOrg,
  type CaseNeed,
  type OrgClient,
} from '../live/index.ts';
import type { CaseBlock } from '../verdict/index.ts';
import { variablesOf } from './live-cases.ts';

const KIND: Readonly<Record<CaseNeed['kind'], string>> = {
  module: 'needs a module',
  field: 'needs a field',
  fixture: 'needs a fixture',
  persona: 'needs a persona',
  record: 'needs a record the API cannot create',
};

/**
 * Reads the org's metadata (GETs only) and plans the fixtures without creating them; returns the lines to print. With
 * `modules` (--modules), the module-generic cases are described on those modules, and each module gets its lines.
 */
export async function describeCases(
  client: OrgClient,
  env: Readonly<Record<string, string | undefined>>,
  modules?: readonly string[],
): Promise<string[]> {
  const all = catalog.flatMap((endpoint) =>
    endpoint.versions.map((version) => ({
      endpoint,
      version,
      cases: casesForVersion(endpoint, version).filter((c) => c.provocable.includes('live')),
    })),
  );
  const cases = (modules ? withModules(all, modules) : all).flatMap(({ endpoint, version, cases: list }) =>
    list.map((testCase) => ({ endpoint, version, testCase })),
  );
  const lockingModule = env['ZOHO_LOCKING_CUSTOM_MODULE']?.trim() || undefined;
  const modulesOf = (product: string) => [
    ...new Set(
      cases
        .filter((c) => c.endpoint.product === product)
        .map((c) => caseModule(c.testCase) ?? '')
        .filter(Boolean),
    ),
  ];
  const referenced = cases.flatMap((c) => variablesOf(c.testCase));
  const needs = [...FIXTURE_NEEDS, ...moduleFixtureNeeds(referenced)];
  const org = await readOrg(client, {
    products: ['crm', 'bigin'],
    needs,
    caseModules: { crm: modulesOf('crm'), bigin: modulesOf('bigin') },
    records: givenRecords(
      cases.map((c) => c.testCase),
      env,
    ),
    ...(lockingModule ? { lockingModule } : {}),
  });
  if (modules) checkModules(org, modules);
  const plan = planFixtures({
    needs,
    org,
    runId: 'doctor',
    ...(lockingModule ? { lockingModule } : {}),
    ...(modules ? { modules } : {}),
  });
  const lines = [
    `org: ${org.edition ? `${org.edition} edition, at most ${EDITION_CONCURRENCY[org.edition]} calls at once` : 'edition not readable, a run keeps to --concurrency (default 5)'}; user ${org.currentUser?.name ?? org.currentUser?.id ?? 'not readable'}`,
  ];
  lines.push(...plan.notes.map((note) => `org: ${note}`));
  // One line per case and what it needs, its API versions together.
  const byCase = new Map<string, { versions: string[]; needs: CaseNeed[] }>();
  for (const { endpoint, version, testCase } of cases) {
    const key = `${endpoint.product} › ${endpoint.id} › ${testCase.id}`;
    const entry = byCase.get(key) ?? { versions: [], needs: caseNeeds(testCase, endpoint.product, org, plan, env) };
    entry.versions.push(version);
    byCase.set(key, entry);
  }
  const settled = [...byCase].flatMap(([key, entry]) => {
    const block = gravest(entry.needs.map((n) => n.block));
    const kind = entry.needs.find((n) => n.block.outcome === block?.outcome)?.kind ?? 'module';
    return block ? [{ key, versions: entry.versions, block, kind }] : [];
  });
  const count = (outcome: CaseBlock['outcome']) => settled.filter((b) => b.block.outcome === outcome).length;
  lines.push(
    `cases: ${byCase.size - settled.length} of ${byCase.size} live cases can run against this org; ${count('not-applicable')} not applicable here (the org lacks what they need), ${count('not-checked')} would not be checked (each says what to do)`,
  );
  for (const { key, versions, block, kind } of settled.sort(
    (a, b) => Number(b.block.outcome === 'not-applicable') - Number(a.block.outcome === 'not-applicable'),
  )) {
    const label = block.outcome === 'not-applicable' ? 'not applicable' : 'not checked';
    const fix = block.outcome === 'not-checked' ? ` (fix: ${block.fix})` : '';
    lines.push(`  ${label}: ${key} [${versions.join(', ')}]: ${KIND[kind]}: ${block.reason}${fix}`);
  }
  for (const module of modules ?? []) lines.push(...moduleLines(module, cases, byCase));
  return lines;
}

/** Per module of --modules: the module-generic cases a run would send there, and those it cannot, with why. */
function moduleLines(
  module: string,
  cases: ReadonlyArray<{ endpoint: Endpoint; testCase: Case }>,
  byCase: ReadonlyMap<string, { needs: CaseNeed[] }>,
): string[] {
  const own = [
    ...new Map(
      cases
        .filter((c) => isModuleGeneric(c.endpoint, c.testCase) && caseModule(c.testCase) === module)
        .map((c) => [`${c.endpoint.product} › ${c.endpoint.id} › ${c.testCase.id}`, c] as const),
    ).entries(),
  ];
  const blocked = own.flatMap(([key, c]) => {
    const block = gravest((byCase.get(key)?.needs ?? []).map((n) => n.block));
    return block ? [{ name: `${c.endpoint.id} › ${c.testCase.name}`, block }] : [];
  });
  const runs = own.filter(([key]) => !gravest((byCase.get(key)?.needs ?? []).map((n) => n.block)));
  return [
    `module ${module}: ${runs.length} of ${own.length} module-generic cases would run: ${runs.map(([, c]) => `${c.endpoint.id} › ${c.testCase.name.replace(` [${module}]`, '')}`).join('; ') || 'none'}`,
    ...blocked.map(
      ({ name, block }) =>
        `  ${block.outcome === 'not-applicable' ? 'not applicable' : 'not checked'}: ${name}: ${block.reason}${block.outcome === 'not-checked' ? ` (fix: ${block.fix})` : ''}`,
    ),
  ];
}
