// The behaviours every records endpoint documents alike (a bad token, a token without the scope, a user without
// permission, a wrong or unsupported module, a URL that is no route, a method the URL does not serve), written once and
// applied to an endpoint with what its own page prints for each. Pure data.

import type { Case, CaseRequest, DocRef, DriftPoint, Unconfirmed } from './types.ts';

/** The behaviours a records endpoint shares with the others, by the id its case gets. */
export type CommonBehaviour =
  | 'invalid-token'
  | 'oauth-scope-mismatch'
  | 'no-permission'
  | 'invalid-module'
  | 'invalid-module-unsupported'
  | 'invalid-url-pattern'
  | 'invalid-request-method';

/** What an endpoint's page says of one common behaviour. */
export interface CommonDoc {
  /** Where the page documents it (its Possible Errors entry). */
  readonly doc: DocRef;
  /** The status the page prints, where it differs from the one most pages print (see STATUS). */
  readonly status?: number;
  /** The message the case pins, where two variants share one code (INVALID_MODULE's two). */
  readonly message?: string;
  readonly drift?: readonly DriftPoint[];
  readonly unconfirmed?: readonly Unconfirmed[];
  readonly note?: string;
}

/** One endpoint's common cases: the valid request they start from, and what its page documents of each. */
export interface CommonCaseSpec {
  /** A request the endpoint answers with success (full token, a module the org has). */
  readonly request: CaseRequest;
  /** The module segment of `request.path` the module variants replace (e.g. `Leads`). */
  readonly module: string;
  /** The behaviours this endpoint's page documents; the others get no case. */
  readonly documented: Partial<Readonly<Record<CommonBehaviour, CommonDoc>>>;
  /** Where a case applies: the mock and a live org unless said. */
  readonly provocable?: Case['provocable'];
}

/** A token with the right shape that no server issued. */
export const UNISSUED_TOKEN = 'Zoho-oauthtoken 1000.00000000000000000000000000000000.00000000000000000000000000000000';
/** A method no records URL serves. */
export const UNSERVED_METHOD = 'COPY';
/** A module Zoho's pages name as not supported in the API ("modules such as Documents and Projects"). */
export const UNSUPPORTED_MODULE = 'Documents';

const BEHAVIOURS: Readonly<
  Record<
    CommonBehaviour,
    { code: string; status: number; name: string; group: string; vary: (r: CaseRequest, module: string) => CaseRequest }
  >
> = {
  'invalid-token': {
    code: 'INVALID_TOKEN',
    status: 401,
    name: 'INVALID_TOKEN when the access token is not valid',
    group: 'auth',
    vary: (r) => ({ ...r, auth: { literal: UNISSUED_TOKEN } }),
  },
  'oauth-scope-mismatch': {
    code: 'OAUTH_SCOPE_MISMATCH',
    status: 401,
    name: 'OAUTH_SCOPE_MISMATCH when the token lacks the scope',
    group: 'auth',
    vary: (r) => ({ ...r, auth: { token: 'token_without_scope' } }),
  },
  'no-permission': {
    code: 'NO_PERMISSION',
    status: 403,
    name: "NO_PERMISSION when the user's profile does not allow it",
    group: 'auth',
    vary: (r) => ({ ...r, auth: { token: 'token_no_permission' } }),
  },
  'invalid-module': {
    code: 'INVALID_MODULE',
    status: 400,
    name: 'INVALID_MODULE when the module name is wrong',
    group: 'request errors',
    // The module without its last letter: a typo no org has (Leads -> Lead).
    vary: (r, module) => ({ ...r, path: withModule(r.path, module, module.slice(0, -1)) }),
  },
  'invalid-module-unsupported': {
    code: 'INVALID_MODULE',
    status: 400,
    name: 'INVALID_MODULE when the module is not supported in the API',
    group: 'request errors',
    vary: (r, module) => ({ ...r, path: withModule(r.path, module, UNSUPPORTED_MODULE) }),
  },
  'invalid-url-pattern': {
    code: 'INVALID_URL_PATTERN',
    status: 404,
    name: 'INVALID_URL_PATTERN when the URL is not an API route',
    group: 'request errors',
    vary: (r) => ({ ...r, path: `${r.path.split('?')[0] ?? r.path}/not/a/route` }),
  },
  'invalid-request-method': {
    code: 'INVALID_REQUEST_METHOD',
    status: 400,
    name: 'INVALID_REQUEST_METHOD when the method is not one the URL serves',
    group: 'request errors',
    vary: (r) => ({ ...r, method: UNSERVED_METHOD }),
  },
};

/** The order the cases come in, whatever order the spec names them in. */
const ORDER = Object.keys(BEHAVIOURS) as CommonBehaviour[];

/** The common cases of one endpoint: one per behaviour its page documents, each with what the page prints. */
export function commonCases(spec: CommonCaseSpec): Case[] {
  return ORDER.flatMap((behaviour) => {
    const documented = spec.documented[behaviour];
    if (!documented) return [];
    const base = BEHAVIOURS[behaviour];
    const status = documented.status ?? base.status;
    return [
      {
        id: behaviour,
        name: base.name,
        group: base.group,
        request: base.vary(spec.request, spec.module),
        expect: {
          shape: 'error',
          status,
          code: base.code,
          ...(documented.message ? { message: documented.message } : {}),
        },
        doc: documented.doc,
        provocable: spec.provocable ?? ['mock', 'live'],
        ...(documented.drift ? { drift: documented.drift } : {}),
        ...(documented.unconfirmed ? { unconfirmed: documented.unconfirmed } : {}),
        ...(documented.note ? { note: documented.note } : {}),
      },
    ];
  });
}

/** `path` with its module segment replaced (the first segment equal to `module`, a query after it kept). */
function withModule(path: string, module: string, replacement: string): string {
  const parts = path.split('/');
  // A list read's module segment carries the query (`Deals?fields=...`): the module is what comes before `?`.
  const at = parts.findIndex((part) => part.split('?')[0] === module);
  if (at < 0) throw new Error(`common cases: the path ${path} has no module segment ${module}`);
  parts[at] = `${replacement}${(parts[at] ?? '').slice(module.length)}`;
  return parts.join('/');
}

/** Why the fault case is the mock's alone, as the records endpoints' items say it. */
export const MOCK_ONLY_NOTE =
  'Only the mock can be made to fail on purpose (fault-injection header); a live org is never asked to.';

/**
 * INTERNAL_ERROR, provoked on the mock by its fault-injection header on an otherwise valid `request`: every endpoint
 * documents it and only the mock can be asked for it. Where it stands among an endpoint's cases is the endpoint's.
 */
export function mockInternalError(request: CaseRequest, doc: DocRef, extra: Pick<Case, 'note' | 'drift'> = {}): Case {
  return {
    id: 'internal-error',
    name: 'INTERNAL_ERROR when the server fails unexpectedly',
    group: 'server errors',
    request: { ...request, headers: { ...request.headers, 'X-Mock-Fault': 'internal-error' } },
    expect: { shape: 'error', status: 500, code: 'INTERNAL_ERROR' },
    doc,
    provocable: ['mock'],
    ...extra,
  };
}
