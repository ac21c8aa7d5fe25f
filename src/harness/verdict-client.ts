// The harness files' side of the verdict service: one POST per collection. Kept apart from the service, with no
// imports of its own, because every contract run loads it in vitest's worker (through vite's transforms).

import type { Verdict } from '../validate/index.ts';

/** The cases of one collection a harness file (or the CLI, ahead of it) asks verdicts for. */
export interface VerdictRequest {
  readonly product: string;
  readonly endpoint: string;
  readonly version: string;
  readonly caseIds: readonly string[];
  /** Send them again even when verdicts are ready (a vitest retry). */
  readonly again?: boolean;
}

/** Asks a verdict service for the verdicts of some cases of one collection. */
export async function requestVerdicts(serviceUrl: string, request: VerdictRequest): Promise<Verdict[]> {
  const res = await fetch(`${serviceUrl}/verdicts`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(request) });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`the verdict service could not run ${request.product}/${request.endpoint}/${request.version}: ${text}`);
  return JSON.parse(text) as Verdict[];
}
