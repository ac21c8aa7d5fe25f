// Every way a target can misbehave yields a verdict with its own named reason: transport faults are errors, breaches fail.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCollection, buildEndpointSchema, schemaId } from '../../src/generate/index.ts';
import { runCollection, type Target } from '../../src/harness/index.ts';
import { startMock, WIRE_FAULTS, type MockServer } from '../../src/mock/index.ts';
import { createSchemaRegistry } from '../../src/validate/index.ts';
import type { Verdict } from '../../src/verdict/index.ts';
import { faultEndpoint } from '../support/fault-endpoint.ts';

const TIMEOUT_MS = 2_000;
const endpoint = faultEndpoint([...WIRE_FAULTS]);
const schema = buildEndpointSchema({
  product: endpoint.product,
  endpoint: endpoint.id,
  title: endpoint.title,
  docPage: endpoint.docPage,
  details: endpoint.details,
});
const registry = createSchemaRegistry([schema]);
const collection = JSON.parse(JSON.stringify(buildCollection(endpoint, 'v8', schema))) as unknown;
let mock: MockServer;
let target: Target;

const run = (overrides: Partial<Target> = {}, caseIds?: string[]): Promise<Verdict[]> =>
  runCollection({
    endpoint,
    version: 'v8',
    collection,
    target: { ...target, ...overrides },
    registry,
    schemaId: schemaId(endpoint),
    timeoutMs: TIMEOUT_MS,
    concurrency: 10,
    ...(caseIds ? { caseIds } : {}),
  });

beforeAll(async () => {
  mock = await startMock();
  target = { kind: 'mock', name: 'mock', apiDomain: mock.url, variables: mock.variables, secrets: [] };
});
afterAll(async () => mock.close());

describe('fault classification', () => {
  const expected: Record<string, ['error' | 'fail', RegExp]> = {
    drop: ['error', /^transport error: connection dropped before any response/],
    hang: ['error', /^transport error: no answer within the per-request timeout/],
    'reset-mid-body': ['error', /^transport error: connection reset mid-body/],
    'slow-body': ['error', /^transport error: slow response, the body took \d+ ms \(per-request timeout 2000 ms\)$/],
    'html-500': [
      'fail',
      /^expected HTTP 200, got 500; Content-Type is text\/html, not application\/json; body is an HTML page, not JSON/,
    ],
    'truncated-json': ['fail', /^body is truncated or malformed JSON \(53 bytes/],
    'empty-200': ['fail', /^body is empty, not JSON$/],
    'huge-body': ['fail', /^body too large: \d+ bytes \(limit 1048576\), not parsed$/],
    'redirect-loop': ['fail', /^expected HTTP 200, got 302 \(a redirect to \/crm\/v8\/Leads\/\d+, not followed\)/],
    'wrong-content-type': ['fail', /^Content-Type is text\/plain, not application\/json/],
  };

  it('gives each injected fault its outcome and a distinct, named reason, without crashing or hanging', async () => {
    const verdicts = await run();
    expect(verdicts.map((v) => v.caseId.replace('fault-', '')).sort()).toEqual([...WIRE_FAULTS].sort());
    for (const v of verdicts) {
      const [outcome, reason] = expected[v.caseId.replace('fault-', '')] ?? ['error', /never/];
      expect([v.caseId, v.outcome], v.reason).toEqual([v.caseId, outcome]);
      expect(v.reason, v.caseId).toMatch(reason);
    }
    expect(new Set(verdicts.map((v) => v.reason.split(/[(;]/)[0])).size).toBe(verdicts.length);
  });

  it.each([
    ['connection refused', { apiDomain: 'http://127.0.0.1:9' }, /^transport error: connection refused/],
    ['a DNS failure', { apiDomain: 'http://no-such-host.invalid' }, /^transport error: DNS lookup failed/],
  ])('reports %s as a transport error', async (_name, overrides, reason) => {
    const [verdict] = await run(overrides, ['fault-drop']);
    expect(verdict?.outcome).toBe('error');
    expect(verdict?.reason).toMatch(reason);
  });

  it('reports TLS spoken to a plain-HTTP port as a failed TLS handshake', async () => {
    const [verdict] = await run({ apiDomain: mock.url.replace('http:', 'https:') }, ['fault-drop']);
    expect([verdict?.outcome, verdict?.reason]).toEqual([
      'error',
      expect.stringMatching(/^transport error: TLS handshake failed/),
    ]);
  });
});
