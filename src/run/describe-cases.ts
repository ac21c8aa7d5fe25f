// What doctor prints about the org: its edition and limit, the custom module it would lock in, and which live cases
// this org can run, which it cannot and what each needs (a module, a field, a persona, a record the API cannot create):
// settled as a run would settle them (not applicable only when the org lacks a documented capability), writing nothing.

import { caseModule, catalog, casesForVersion } from '../catalog/index.ts';
import {
  EDITION_CONCURRENCY,
  FIXTURE_NEEDS,
  caseNeeds,
  givenRecords,
  gravest,
  planFixtures,
  readOrg,
  type CaseNeed,
  type OrgClient,
} from '../live/index.ts';
import type { CaseBlock } from '../verdict/index.ts';

const KIND: Readonly<Record<CaseNeed['kind'], string>> = {
  module: 'needs a module',
  field: 'needs a field',
  fixture: 'needs a fixture',
  persona: 'needs a persona',
  record: 'needs a record the API cannot create',
};

/** Reads the org's metadata (GETs only) and plans the fixtures without creating them; returns the lines to print. */
export async function describeCases(
  client: OrgClient,
  env: Readonly<Record<string, string | undefined>>,
): Promise<string[]> {
  const cases = catalog.flatMap((endpoint) =>
    endpoint.versions.flatMap((version) =>
      casesForVersion(endpoint, version)
        .filter((c) => c.provocable.includes('live'))
        .map((testCase) => ({ endpoint, version, testCase })),
    ),
  );
  const lockingModule = env['ZOHO_LOCKING_CUSTOM_MODULE']?.trim() || undefined;
  const modules = (product: string) => [
    ...new Set(
      cases
        .filter((c) => c.endpoint.product === product)
        .map((c) => caseModule(c.testCase) ?? '')
        .filter(Boolean),
    ),
  ];
  const org = await readOrg(client, {
    products: ['crm', 'bigin'],
    needs: FIXTURE_NEEDS,
    caseModules: { crm: modules('crm'), bigin: modules('bigin') },
    records: givenRecords(
      cases.map((c) => c.testCase),
      env,
    ),
    ...(lockingModule ? { lockingModule } : {}),
  });
  const plan = planFixtures({
    needs: FIXTURE_NEEDS,
    org,
    runId: 'doctor',
    ...(lockingModule ? { lockingModule } : {}),
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
  return lines;
}
