// The harness files' side of the verdict service: one POST per collection. Kept apart from the service (in this small
// module rather than the harness), and on
// node:http rather than fetch, because every contract run loads it in vitest's worker: the service's imports would go
// through vite's transforms there, and fetch loads undici (~25 ms of CPU) for this one call.

import { request as httpRequest } from 'node:http';
import type { Verdict } from './types.ts';

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
  const body = JSON.stringify(request);
  const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = httpRequest(
      `${serviceUrl}/verdicts`,
      { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
  if (status !== 200)
    throw new Error(
      `the verdict service could not run ${request.product}/${request.endpoint}/${request.version}: ${text}`,
    );
  return JSON.parse(text) as Verdict[];
}
