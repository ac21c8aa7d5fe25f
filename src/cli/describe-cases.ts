// What doctor prints about the org: its edition and limit, the custom module it would lock in, and which live cases
// this org can run, which it cannot and what each needs (a module, a field, a persona, a record the API cannot create).

import { catalog, casesForVersion } from '../catalog/index.ts';
import {
  EDITION_CONCURRENCY,
  FIXTURE_NEEDS,
  caseNeeds,
  planFixtures,
  readOrg,
  type CaseNeed,
  type OrgClient,
} from '../live/index.ts';

const KIND: Readonly<Record<CaseNeed['kind'], string>> = {
  module: 'needs a module',
  field: 'needs a field',
  fixture: 'needs a record this org cannot hold',
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
        .map((c) => /^\/\w+\/\{version\}\/([A-Za-z0-9_]+)/.exec(c.testCase.request.path)?.[1] ?? '')
        .filter(Boolean),
    ),
  ];
  const org = await readOrg(client, {
    products: ['crm', 'bigin'],
    needs: FIXTURE_NEEDS,
    caseModules: { crm: modules('crm'), bigin: modules('bigin') },
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
  const blocked = [...byCase].filter(([, e]) => e.needs.length > 0);
  const notApplicable = blocked.filter(([, e]) => e.needs.some((n) => n.org)).length;
  lines.push(
    `cases: ${byCase.size - blocked.length} of ${byCase.size} live cases can run against this org; ${notApplicable} not applicable here, ${blocked.length - notApplicable} need configuration`,
  );
  for (const [key, entry] of blocked.sort(
    ([, a], [, b]) => Number(b.needs.some((n) => n.org)) - Number(a.needs.some((n) => n.org)),
  )) {
    const label = entry.needs.some((n) => n.org) ? 'not applicable' : 'needs configuration';
    lines.push(
      `  ${label}: ${key} [${entry.versions.join(', ')}]: ${[...new Set(entry.needs.map((n) => `${KIND[n.kind]}: ${n.what}`))].join('; ')}`,
    );
  }
  return lines;
}
