// The OAuth scopes a live run needs: the union of the catalog's endpoints and what live mode itself calls. Pure.

/** What live mode calls besides the cases: the org's metadata, fixture inserts and deletes, locks and unlocks. */
const LIVE_MODE_SCOPES = [
  'ZohoCRM.modules.ALL',
  'ZohoCRM.settings.modules.READ',
  'ZohoCRM.settings.fields.READ',
  'ZohoCRM.users.READ',
  'ZohoCRM.org.READ',
  'ZohoCRM.modules.lockinginformation.CREATE',
  'ZohoCRM.modules.lockinginformation.UPDATE',
  'ZohoCRM.modules.lockinginformation.DELETE',
  'ZohoBigin.modules.ALL',
  'ZohoBigin.settings.modules.READ',
  'ZohoBigin.settings.fields.READ',
] as const;

/**
 * Every concrete scope named in the endpoints' scope texts (e.g. "X.Update AND (Y.ALL or Y.{module}.{ALL|UPDATE})"),
 * templated ones dropped, plus live mode's own; where a family has `.ALL`, its narrower scopes go. Compared without case
 * (the pages spell Update and UPDATE), first spelling kept.
 */
export function requiredScopes(endpointScopes: readonly string[]): string[] {
  const named = endpointScopes
    .flatMap((text) => [...text.matchAll(/[A-Za-z]+(?:\.[A-Za-z{}|_]+)+/g)].map((m) => m[0]))
    .filter((s) => !/[{}|]/.test(s));
  const unique = new Map<string, string>();
  for (const scope of [...LIVE_MODE_SCOPES, ...named])
    if (!unique.has(scope.toLowerCase())) unique.set(scope.toLowerCase(), scope);
  const family = (scope: string): string => scope.slice(0, scope.lastIndexOf('.')).toLowerCase();
  const withAll = new Set([...unique.keys()].filter((s) => s.endsWith('.all')).map(family));
  return [...unique.entries()]
    .filter(([lower]) => lower.endsWith('.all') || !withAll.has(family(lower)))
    .map(([, scope]) => scope);
}
