// Who is calling and what they may do: the Authorization header, OAuth scopes, and profile permission.

import type { MockState, TokenGrant } from './mock-state.ts';
import { topLevelError, type MockResponse } from './zoho-errors.ts';

/** The operation a request performs, as scopes name it. */
export type Operation = 'UPDATE' | 'CREATE' | 'DELETE' | 'READ';

const SCOPE_OPERATIONS: Readonly<Record<Operation, readonly string[]>> = {
  UPDATE: ['ALL', 'WRITE', 'UPDATE'],
  CREATE: ['ALL', 'WRITE', 'CREATE'],
  DELETE: ['ALL', 'WRITE', 'DELETE'],
  READ: ['ALL', 'READ'],
};

/** The grant behind `Authorization: Zoho-oauthtoken <token>`, or the 401 Zoho answers. */
export function authenticate(
  state: MockState,
  header: string | undefined,
): TokenGrant | { failure: MockResponse; behaviour: string } {
  if (!header) return { failure: topLevelError('AUTHENTICATION_FAILURE'), behaviour: 'AUTHENTICATION_FAILURE' };
  const value = header.trim();
  const token = value.startsWith('Zoho-oauthtoken ') ? value.slice(16) : '';
  const grant = token && !/\s/.test(token) ? state.tokens.get(token) : undefined;
  const expired = grant?.expiresAt !== undefined && state.now().getTime() >= grant.expiresAt;
  return grant && !expired ? grant : { failure: topLevelError('INVALID_TOKEN'), behaviour: 'INVALID_TOKEN' };
}

/** True when the scopes allow `operation` on `module` of a product (`<Product>.modules.ALL` or `<Product>.modules.<module>.<op>`). */
export function hasScope(grant: TokenGrant, module: string, operation: Operation, product = 'ZohoCRM'): boolean {
  const scopeModule = module.toLowerCase().replace(/_/g, '');
  // Zoho's pages spell operations both ways (ALL/All, UPDATE/Update): compare without case.
  return grant.scopes.some((scope) => {
    const [owner, kind, name, op] = scopeParts(scope);
    if (owner !== product || kind !== 'modules') return false;
    if (name?.toUpperCase() === 'ALL' && op === undefined) return true;
    return name?.toLowerCase() === scopeModule && SCOPE_OPERATIONS[operation].includes((op ?? '').toUpperCase());
  });
}

/** A scope split at its dots, once per distinct scope (the check runs on every request). */
const parts = new Map<string, readonly string[]>();
function scopeParts(scope: string): readonly (string | undefined)[] {
  let split = parts.get(scope);
  if (!split) parts.set(scope, (split = scope.split('.')));
  return split;
}

/** True when the grant holds one of the exact scopes (compared without case). */
export function hasAnyScope(grant: TokenGrant, scopes: readonly string[]): boolean {
  const wanted = scopes.map((s) => s.toLowerCase());
  return grant.scopes.some((scope) => wanted.includes(scope.toLowerCase()));
}
