// Declares one vitest test per case of a collection, gets the selected cases' verdicts from the verdict service, asserts each.

import { beforeAll, expect, inject, test } from 'vitest';
import { casesForVersion, withModules, type Endpoint } from '../../../src/catalog/index.ts';
// The report's door declares the task meta's `verdict` field this file sets.
import type {} from '../../../src/report/index.ts';
import { requestVerdicts, type Verdict } from '../../../src/verdict/index.ts';

/** The test name a case gets: product › endpoint › version › case. */
export function contractTestName(endpoint: Endpoint, version: string, caseName: string): string {
  return `${endpoint.product} › ${endpoint.id} › ${version} › ${caseName}`;
}

/** Registers the tests of one collection (endpoint × API version) in the calling harness file. */
export function defineCollectionSuite(endpoint: Endpoint, version: string): void {
  // A live run given --modules runs the module-generic cases on each of them (the CLI selected the same variants).
  const modules = inject('modules');
  const own = casesForVersion(endpoint, version);
  const cases = modules?.length ? (withModules([{ endpoint, version, cases: own }], modules)[0]?.cases ?? []) : own;
  const verdicts = new Map<string, Verdict>();
  let runCases: ((caseIds: readonly string[], again?: boolean) => Promise<Verdict[]>) | undefined;
  // The file suite is the hook's second argument; vitest 4 reads the first as a fixture context, which must be written
  // as an object pattern (here an empty one: no fixture is used).
  beforeAll(async ({}, file) => {
    // Run only what vitest will run (name filters mark the rest as skipped before hooks start).
    const wanted = new Set(file.tasks.filter((t) => t.mode === 'run' || t.mode === 'only').map((t) => t.name));
    const caseIds = cases.filter((c) => wanted.has(contractTestName(endpoint, version, c.name))).map((c) => c.id);
    if (caseIds.length === 0) return;
    // The verdict service (started by the CLI or the global setup) sends the requests; the CLI's has usually begun already.
    const service = inject('verdictService');
    runCases = (ids, again = false) =>
      requestVerdicts(service, { product: endpoint.product, endpoint: endpoint.id, version, caseIds: ids, again });
    for (const verdict of await runCases(caseIds)) verdicts.set(verdict.caseId, verdict);
  });
  for (const testCase of cases) {
    test(contractTestName(endpoint, version, testCase.name), async (context) => {
      let verdict = verdicts.get(testCase.id);
      if (!verdict) throw new Error(`no verdict for ${testCase.id}: the collection run did not finish`);
      // A retry (--retries) sends the request again; every attempt is kept, and a late pass is reported as flaky.
      if ((context.task.result?.retryCount ?? 0) > 0 && runCases) {
        const [again] = await runCases([testCase.id], true);
        if (again) {
          const attempts = [...(verdict.attempts ?? []), withoutAttempts(verdict)];
          verdict = { ...again, attempts, ...(again.outcome === 'pass' ? { flaky: true } : {}) };
          verdicts.set(testCase.id, verdict);
        }
      }
      context.task.meta.verdict = verdict;
      // Not sent: vitest shows them skipped; our reports say not applicable or not checked (the exit code counts the latter).
      if (verdict.outcome === 'not-applicable' || verdict.outcome === 'not-checked')
        context.skip(`${verdict.outcome}: ${verdict.reason}`);
      expect(verdict).toHoldContract();
    });
  }
}

function withoutAttempts(verdict: Verdict): Omit<Verdict, 'attempts'> {
  const { attempts: _attempts, ...rest } = verdict;
  return rest;
}
