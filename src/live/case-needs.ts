// What each live case needs from this org and this configuration (a module, a field, a fixture the org can hold, a
// persona, a record the API cannot create), read from the case's request against the org's metadata. Pure.

import { expectedCodes, variantModule, type Case } from '../catalog/index.ts';
import type { CaseBlock } from '../verdict/index.ts';
import { FIXTURE_NEEDS, LOCKING_MODULE_VARIABLE } from './fixture-needs.ts';
import type { FixturePlan } from './fixture-plan.ts';
import { noMandatoryField } from './module-plan.ts';
import { missingField, missingModule } from './org-capabilities.ts';
import type { OrgMetadata } from './org-metadata.ts';
import { personaOf } from './personas.ts';

/**
 * One thing a case needs that is missing, and how the case is settled for it (docs/outcomes-and-exit-codes.md): not
 * applicable (the org lacks a documented capability), not checked (with the fix) or an error (the org refused its
 * fixture). A persona or record not configured is left to the run's missing-variable check, which names the variable.
 */
export interface CaseNeed {
  readonly kind: 'module' | 'field' | 'fixture' | 'persona' | 'record';
  readonly block: CaseBlock;
}

/** Records the API cannot create, which a live run takes from ZOHO_* values: what each must be. */
export const RECORDS_FROM_ENV: Readonly<Record<string, string>> = {
  locked_record_id: 'a record locked by Zia or a locking rule',
  unapproved_record_id: 'a record awaiting approval',
  private_record_id: "another user's private record",
  rule_locked_lead_id: 'a Lead locked by a record-locking rule',
  rule_lock_id: "that rule lock's id",
  campaign_id: 'a Campaigns record',
  bigin_private_deal_id: "another user's private Bigin deal",
  contract_type_api_name: 'a Contracts contract type (the API cannot create one)',
};

const FIXTURE_VARIABLES = new Set(
  FIXTURE_NEEDS.flatMap((n) => [
    n.variable,
    ...(n.lock ? [n.lock] : []),
    ...(n.wants ?? []).flatMap((w) => (w.exposes ? [w.exposes] : [])),
  ]),
);

/** Everything `testCase` needs and lacks here; an empty list means it can run. `env` holds the ZOHO_* values given. */
export function caseNeeds(
  testCase: Case,
  product: string,
  org: OrgMetadata,
  plan: FixturePlan,
  env: Readonly<Record<string, string | undefined>>,
): CaseNeed[] {
  const needs: CaseNeed[] = [];
  const request = JSON.stringify([testCase.request.path, testCase.request.body ?? null]);
  const variables = [...new Set([...request.matchAll(/\{\{([A-Za-z0-9_]+)\}\}/g)].map((m) => m[1] ?? ''))];
  if ('token' in testCase.request.auth && testCase.request.auth.token !== 'access_token')
    variables.push(testCase.request.auth.token);
  for (const variable of variables) {
    const need = variableNeed(variable, plan, env, org);
    if (need) needs.push(need);
  }
  needs.push(...orgNeeds(testCase, product, org));
  return needs;
}

function variableNeed(
  variable: string,
  plan: FixturePlan,
  env: Readonly<Record<string, string | undefined>>,
  org: OrgMetadata,
): CaseNeed | undefined {
  const given = (name: string): boolean => Boolean(env[name]?.trim());
  const envName = `ZOHO_${variable.toUpperCase()}`;
  const block = plan.unavailable[variable];
  if (block) return { kind: 'fixture', block };
  if (FIXTURE_VARIABLES.has(variable) || variable.startsWith('bulk_id_') || variable === LOCKING_MODULE_VARIABLE)
    return undefined;
  const persona = personaOf(variable);
  if (persona)
    return given(`ZOHO_REFRESH_TOKEN_${persona.suffix}`) || given(envName)
      ? undefined
      : {
          kind: 'persona',
          block: notConfigured(
            `ZOHO_REFRESH_TOKEN_${persona.suffix}`,
            `ZOHO_REFRESH_TOKEN_${persona.suffix}: ${persona.needs}`,
          ),
        };
  const absent = org.missingRecords?.[variable];
  if (absent)
    return {
      kind: 'record',
      block: {
        outcome: 'not-checked',
        cause: 'configuration',
        reason: absent,
        fix: `set ${envName} to the id of ${RECORDS_FROM_ENV[variable] ?? 'a record'} of this org`,
      },
    };
  const record = RECORDS_FROM_ENV[variable];
  if (record)
    return given(envName) ? undefined : { kind: 'record', block: notConfigured(envName, `${envName}: ${record}`) };
  return undefined;
}

/** The module in the path must exist (unless the case is about a wrong module), and the fields it writes must too. */
function orgNeeds(testCase: Case, product: string, org: OrgMetadata): CaseNeed[] {
  const match = /^\/(crm|bigin)\/\{version\}\/([A-Za-z0-9_]+)(\/\{\{[a-z0-9_]+\}\})?(\/.*)?$/.exec(
    testCase.request.path,
  );
  const metadata = product === 'bigin' ? org.bigin : product === 'crm' ? org.crm : undefined;
  if (!match || !metadata?.modules) return [];
  const [, , module = '', , rest] = match;
  const aboutModule = testCase.expect.shape === 'error' && testCase.expect.code === 'INVALID_MODULE';
  const found = metadata.modules.get(module);
  const side = product === 'bigin' ? 'bigin' : 'crm';
  if (!found) return aboutModule ? [] : [{ kind: 'module', block: missingModule(side, module, metadata.modules.size) }];
  if (rest !== undefined || !found.fields) return [];
  // A module variant leaving out what the module makes mandatory, on a module that makes nothing mandatory.
  const mandatory =
    variantModule(testCase.id) &&
    expectedCodes(testCase).includes('MANDATORY_NOT_FOUND') &&
    noMandatoryField(module, found.fields);
  if (mandatory) return [{ kind: 'field', block: mandatory }];
  const body = testCase.request.body;
  const entries =
    typeof body === 'object' && body !== null && !Array.isArray(body) && 'data' in body && Array.isArray(body['data'])
      ? body['data']
      : [];
  const written = new Set(
    entries
      .flatMap((e) => (typeof e === 'object' && e !== null && !Array.isArray(e) ? Object.keys(e) : []))
      // A module variant's field names are run variables, planned from this very metadata.
      .filter((k) => k !== 'id' && !k.startsWith('$') && !k.startsWith('{{')),
  );
  const known = new Set(found.fields.map((f) => f.apiName));
  return [...written]
    .filter((f) => !known.has(f))
    .map((f) => ({ kind: 'field', block: missingField(side, module, f, found.custom) }));
}

function notConfigured(variable: string, reason: string): CaseBlock {
  return {
    outcome: 'not-checked',
    cause: 'configuration',
    reason,
    variables: [variable],
    fix: `set ${variable} (see .env.example)`,
  };
}

/** Records a ZOHO_* variable names (not another user's private record, which this user may not read) in the module a path puts them in. */
export function givenRecords(
  cases: readonly Case[],
  env: Readonly<Record<string, string | undefined>>,
): Array<{ variable: string; envName: string; module: string; id: string }> {
  const found = new Map<string, { variable: string; envName: string; module: string; id: string }>();
  for (const testCase of cases) {
    const match = /^\/crm\/\{version\}\/([A-Za-z0-9_]+)\/\{\{([a-z0-9_]+)\}\}/.exec(testCase.request.path);
    const [, module = '', variable = ''] = match ?? [];
    const envName = `ZOHO_${variable.toUpperCase()}`;
    const id = env[envName]?.trim();
    if (match && id && RECORDS_FROM_ENV[variable] && !variable.includes('private') && !found.has(variable))
      found.set(variable, { variable, envName, module, id });
  }
  return [...found.values()];
}
