// Why a selected case is not sent to the target, decided before any request: a target that cannot provoke it, a case
// the live org's metadata or fixtures settled, a missing recording or variable. Pure.

import type { Case } from '../catalog/index.ts';
import type { CaseResult } from '../validate/index.ts';
import type { CaseBlock } from '../verdict/index.ts';
import { whyNotReplayed } from './replay-case.ts';
import type { CollectionItem } from './select-items.ts';
import { environmentName, referencedVariables, type Target } from './target.ts';

/** A live case the org's metadata or fixtures settled: not applicable, not checked (with the fix), or a setup error. */
function blockedResult(blocked: CaseBlock): CaseResult {
  if (blocked.outcome === 'not-applicable')
    return { kind: 'not-applicable', reason: `not applicable to this org: ${blocked.reason}` };
  if (blocked.outcome === 'error') return { kind: 'setup-error', reason: blocked.reason };
  const { outcome: _outcome, ...notChecked } = blocked;
  return { kind: 'not-checked', ...notChecked };
}

export function noItem(testCase: Case): CaseResult {
  return {
    kind: 'not-checked',
    reason: `collection has no item for case ${testCase.id}`,
    cause: 'configuration',
    fix: 'run `npm run collections`',
  };
}

/**
 * Why a case is not sent to this target, if it is not: a target that cannot provoke it (a url target reaches Zoho or a
 * gateway, so it provokes what live does) makes it not applicable; a missing recording or variable leaves it not checked.
 */
export function whyNotSent(
  testCase: Case,
  item: CollectionItem,
  target: Target,
  key: string,
  collection: unknown,
): CaseResult | undefined {
  const reach = target.kind === 'mock' ? 'mock' : 'live';
  // A recording of a url or live run cannot hold a mock-only case; one of a mock run can, and is replayed.
  if (target.kind === 'replay') return whyNotReplayed(testCase, target, key, collection);
  if (!testCase.provocable.includes(reach))
    return {
      kind: 'not-applicable',
      reason: `${target.kind} cannot provoke it (${testCase.provocable.join(' and ')} only)`,
    };
  // Live: what this org lacks, hides or refused (a module, a field, a fixture), from its metadata and the fixtures' answers.
  const blocked = target.blocked?.[key];
  if (blocked) return blockedResult(blocked);
  const known = new Set([...Object.keys(target.variables), 'api_domain']);
  const missing = referencedVariables(JSON.stringify(item.json)).filter((v) => !known.has(v));
  if (missing.length === 0) return undefined;
  const variables = [...new Set(missing.map(environmentName))];
  return {
    kind: 'not-checked',
    reason: `not configured for this target: ${variables.join(', ')}`,
    cause: 'configuration',
    variables,
    fix: `set ${variables.join(', ')} (see .env.example)`,
  };
}
