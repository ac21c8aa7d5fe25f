// The common cases are written once: each documented behaviour gets its variant of the endpoint's own request, with
// what that endpoint's page prints; a behaviour its page does not document gets no case.

import { describe, expect, it } from 'vitest';
import { commonCases, UNISSUED_TOKEN } from '../../src/catalog/index.ts';

const request = {
  method: 'POST',
  path: '/crm/{version}/Leads',
  auth: { token: 'access_token' },
  body: { data: [] },
} as const;
const doc = (code: string) => ({ page: 'crm-insert-records.md', section: `Possible errors: ${code}` });

describe('commonCases', () => {
  it("varies the endpoint's own request once per documented behaviour, in one order, with the page's status and message", () => {
    const cases = commonCases({
      request,
      module: 'Leads',
      documented: {
        'invalid-request-method': { doc: doc('INVALID_REQUEST_METHOD'), status: 405 },
        'invalid-module': { doc: doc('INVALID_MODULE'), message: 'the module name given seems to be invalid' },
        'invalid-token': { doc: doc('INVALID_TOKEN') },
        'oauth-scope-mismatch': { doc: doc('OAUTH_SCOPE_MISMATCH') },
        'no-permission': { doc: doc('NO_PERMISSION') },
        'invalid-module-unsupported': { doc: doc('INVALID_MODULE') },
        'invalid-url-pattern': { doc: doc('INVALID_URL_PATTERN') },
      },
    });
    expect(cases.map((c) => [c.id, c.request.method, c.request.path, c.request.auth, c.expect])).toEqual([
      [
        'invalid-token',
        'POST',
        '/crm/{version}/Leads',
        { literal: UNISSUED_TOKEN },
        { shape: 'error', status: 401, code: 'INVALID_TOKEN' },
      ],
      [
        'oauth-scope-mismatch',
        'POST',
        '/crm/{version}/Leads',
        { token: 'token_without_scope' },
        { shape: 'error', status: 401, code: 'OAUTH_SCOPE_MISMATCH' },
      ],
      [
        'no-permission',
        'POST',
        '/crm/{version}/Leads',
        { token: 'token_no_permission' },
        { shape: 'error', status: 403, code: 'NO_PERMISSION' },
      ],
      [
        'invalid-module',
        'POST',
        '/crm/{version}/Lead',
        { token: 'access_token' },
        { shape: 'error', status: 400, code: 'INVALID_MODULE', message: 'the module name given seems to be invalid' },
      ],
      [
        'invalid-module-unsupported',
        'POST',
        '/crm/{version}/Documents',
        { token: 'access_token' },
        { shape: 'error', status: 400, code: 'INVALID_MODULE' },
      ],
      [
        'invalid-url-pattern',
        'POST',
        '/crm/{version}/Leads/not/a/route',
        { token: 'access_token' },
        { shape: 'error', status: 404, code: 'INVALID_URL_PATTERN' },
      ],
      [
        'invalid-request-method',
        'COPY',
        '/crm/{version}/Leads',
        { token: 'access_token' },
        { shape: 'error', status: 405, code: 'INVALID_REQUEST_METHOD' },
      ],
    ]);
    expect(cases.every((c) => c.provocable.join() === 'mock,live' && c.doc.page === 'crm-insert-records.md')).toBe(
      true,
    );
  });

  it('gives no case to a behaviour the page does not document, and refuses a module the path does not carry', () => {
    expect(
      commonCases({ request, module: 'Leads', documented: { 'invalid-token': { doc: doc('INVALID_TOKEN') } } }).map(
        (c) => c.id,
      ),
    ).toEqual(['invalid-token']);
    expect(() =>
      commonCases({ request, module: 'Deals', documented: { 'invalid-module': { doc: doc('INVALID_MODULE') } } }),
    ).toThrow('has no module segment Deals');
  });

  it("replaces the module of a list read's path and keeps its query (`Deals?fields=...`)", () => {
    const read = {
      method: 'GET',
      path: '/crm/{version}/Deals?fields=Deal_Name',
      auth: { token: 'access_token' },
    } as const;
    const cases = commonCases({
      request: read,
      module: 'Deals',
      documented: { 'invalid-module': { doc: doc('INVALID_MODULE') }, 'invalid-url-pattern': { doc: doc('X') } },
    });
    expect(cases.map((c) => c.request.path)).toEqual([
      '/crm/{version}/Deal?fields=Deal_Name',
      '/crm/{version}/Deals/not/a/route',
    ]);
  });
});
