// Filters (product, endpoint, version, case text) -> the collections and cases a run covers. Pure.

import { casesForVersion } from './catalog.ts';
import type { Case, Endpoint } from './types.ts';

/** What a user narrowed the run to; absent fields select everything. */
export interface CaseFilter {
  readonly product?: string;
  readonly endpoint?: string;
  readonly version?: string;
  /** Matches a case id or name, case-insensitively, as a substring. */
  readonly text?: string;
}

/** One collection (endpoint × version) and its selected cases. */
export interface Selection {
  readonly endpoint: Endpoint;
  readonly version: string;
  readonly cases: readonly Case[];
}

/** Every collection with at least one case matching the filter, in catalog order. */
export function selectCases(endpoints: readonly Endpoint[], filter: CaseFilter): Selection[] {
  const text = filter.text?.toLowerCase();
  const selections: Selection[] = [];
  for (const endpoint of endpoints) {
    if (filter.product && endpoint.product !== filter.product) continue;
    if (filter.endpoint && endpoint.id !== filter.endpoint) continue;
    for (const version of endpoint.versions) {
      if (filter.version && version !== filter.version) continue;
      const cases = casesForVersion(endpoint, version).filter(
        (c) => !text || c.id.toLowerCase().includes(text) || c.name.toLowerCase().includes(text),
      );
      if (cases.length > 0) selections.push({ endpoint, version, cases });
    }
  }
  return selections;
}

/** The module a case's request names: the path's segment after `/<product>/{version}/` (`Leads` in `/crm/{version}/Leads/...`). */
export function caseModule(testCase: Case): string | undefined {
  return /^\/\w+\/\{version\}\/([A-Za-z0-9_]+)/.exec(testCase.request.path)?.[1];
}
