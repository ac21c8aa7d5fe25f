// One exchange against its case, its request and its endpoint's pages: status, code, schema, then envelope, echoes and
// messages from the endpoint's compiled contract. Pure: the schema check and the policy are passed in.

import type { Case, Endpoint } from '../catalog/index.ts';
import { checkEchoes } from './check-echoes.ts';
import { checkEnvelope } from './check-envelope.ts';
import { checkMessages } from './check-messages.ts';
import { caseContract } from './case-contract.ts';
import { judgeResponse, type ObservedResponse, type ResponseUnderTest, type SchemaCheck } from './judge-response.ts';
import { readRequest, type RequestUnderTest } from './read-request.ts';
import type { Finding, VerdictPolicy } from '../verdict/index.ts';

/** Five minutes either way: the clock skew a time echo is allowed by default. */
export const DEFAULT_CLOCK_SKEW_MS = 5 * 60_000;

/** Undocumented keys reported but not failing; times checked with five minutes of skew. */
export const DEFAULT_POLICY: VerdictPolicy = { strict: false, clockSkewMs: DEFAULT_CLOCK_SKEW_MS };

/** What a case's exchange proved: the findings, the answer's own reading, and what no page let it check. */
export interface CaseJudgement {
  readonly findings: Finding[];
  readonly actual: ObservedResponse;
  readonly unpinned: string[];
}

/** Judges a response against the case's expectation and, where the shape is the documented one, its request and pages. */
export function judgeCase(
  endpoint: Endpoint,
  testCase: Case,
  request: RequestUnderTest,
  response: ResponseUnderTest,
  checkSchema: SchemaCheck,
  policy: VerdictPolicy = DEFAULT_POLICY,
): CaseJudgement {
  const { findings, actual, body } = judgeResponse(testCase.expect, response, checkSchema);
  const shape = testCase.expect.shape;
  if (body === undefined || actual.shape !== shape) return { findings, actual, unpinned: [] };
  const contract = caseContract(endpoint, testCase);
  findings.push(...checkEnvelope(contract, shape, body));
  const echoes = checkEchoes(contract, readRequest(contract, request), shape, body, policy.clockSkewMs);
  // The count of entries is already a finding when it differs from the case's: say it once.
  const counted = findings.some((f) => f.kind === 'entries');
  findings.push(...echoes.findings.filter((f) => !(counted && f.kind === 'entries')));
  const messages = checkMessages(contract, shape, body, testCase);
  findings.push(...messages.findings);
  // Each echo that could not be read from the request is named ("echo of ... not checked: ..."), never a silent pass.
  return { findings, actual, unpinned: [...messages.unpinned, ...echoes.unchecked] };
}

/** Does a finding fail its case? Every kind does, except an undocumented key outside --strict. */
export function failsCase(finding: Finding, policy: Pick<VerdictPolicy, 'strict'>): boolean {
  return finding.kind !== 'undocumented-key' || policy.strict;
}
