// The personas the auth cases need (tokens of other users or with other scopes), each by its own refresh token. Pure data.

/** One persona: the collection variable its token fills, the env suffix that names its refresh token, what it must be. */
export interface Persona {
  /** `ZOHO_REFRESH_TOKEN_<suffix>` (and optionally `ZOHO_CLIENT_ID_<suffix>`, `ZOHO_CLIENT_SECRET_<suffix>`). */
  readonly suffix: string;
  readonly variable: string;
  /** What the token must be, as doctor and `auth` say it. */
  readonly needs: string;
}

/** Every persona a case authenticates as, besides the run's own token. */
export const PERSONAS: readonly Persona[] = [
  {
    suffix: 'WITHOUT_SCOPE',
    variable: 'token_without_scope',
    needs: 'a token without the update scopes (e.g. only ZohoCRM.modules.leads.READ)',
  },
  {
    suffix: 'NO_PERMISSION',
    variable: 'token_no_permission',
    needs: 'a token of a user whose profile may not edit records',
  },
  {
    suffix: 'RESTRICTED_USER',
    variable: 'token_restricted_user',
    needs: "a token of a standard user who may not edit another user's private records",
  },
  {
    suffix: 'MODULE_SCOPE_ONLY',
    variable: 'token_module_scope_only',
    needs: 'a token with ZohoCRM.modules.ALL but not ZohoCRM.modules.lockinginformation.Update',
  },
  {
    suffix: 'LOCKING_SCOPE_ONLY',
    variable: 'token_locking_scope_only',
    needs: 'a token with ZohoCRM.modules.lockinginformation.Update but no module scope',
  },
];

/** The persona whose token fills `variable`, if one does. */
export function personaOf(variable: string): Persona | undefined {
  return PERSONAS.find((p) => p.variable === variable);
}
