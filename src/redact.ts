// The one redaction layer: every excerpt, report and message passes through here before it is shown or written.

const MASK = '[REDACTED]';

/** Header names whose values are always secret. */
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);

/** JSON/form keys whose values are always secret, wherever they appear in text. */
const SECRET_KEYS = ['access_token', 'refresh_token', 'client_secret', 'token', 'password'];

// The key must start a word: Zoho error codes such as INVALID_TOKEN end in a key name but carry no secret after them.
const KEY_PATTERN = new RegExp(`("?(?<![A-Za-z0-9_])(?:${SECRET_KEYS.join('|')})"?\\s*[:=]\\s*"?)([^"&\\s,}]+)`, 'gi');
// A credential after a scheme: token-like (8+ token characters with a digit), so prose such as "Bearer header" survives.
const AUTH_PATTERN = /\b(Zoho-oauthtoken|Bearer)\s+(?=[A-Za-z0-9._~+/-]*\d)[A-Za-z0-9._~+/-]{8,}=*/gi;

/** Masks known secret values, credentials after an auth scheme, and values of secret keys. */
export function redactText(text: string, secrets: readonly string[] = []): string {
  let out = text;
  // Longest first so a secret that contains another is masked whole.
  for (const secret of [...secrets].filter((s) => s.length >= 4).sort((a, b) => b.length - a.length)) {
    out = out.split(secret).join(MASK);
  }
  return out.replace(AUTH_PATTERN, `$1 ${MASK}`).replace(KEY_PATTERN, `$1${MASK}`);
}

/** Masks secret headers entirely and the rest through `redactText`. */
export function redactHeaders(
  headers: Readonly<Record<string, string>>,
  secrets: readonly string[] = [],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[name] = SECRET_HEADERS.has(name.toLowerCase()) ? maskCredential(value) : redactText(value, secrets);
  }
  return out;
}

/** Keeps the auth scheme (useful evidence: Bearer vs Zoho-oauthtoken) and hides the credential. */
function maskCredential(value: string): string {
  const scheme = /^(\S+)\s+\S/.exec(value);
  return scheme ? `${scheme[1]} ${MASK}` : MASK;
}
