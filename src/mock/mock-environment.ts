// The mock's variables as the standalone mock prints them and as a Postman environment (served, never written to disk).

/** Variables printed under another name than `ZOHO_<NAME>`: the names url and live runs read (the harness's
 * `environmentName`; tests/mock/start-mock.test.ts holds the two together). */
const PRINTED_AS: Readonly<Record<string, string>> = { contracts_domain: 'ZOHO_CONTRACTS_URL' };

/** Numbered variables printed as one comma-separated line each, as .env.example lists them. */
const LISTS = [
  { prefix: 'bulk_id_', name: 'ZOHO_BULK_IDS' },
  { prefix: 'bigin_bulk_product_', name: 'ZOHO_BIGIN_BULK_PRODUCT_IDS' },
] as const;

/** `ZOHO_NAME=value` lines; the 101 bulk ids collapse into one `ZOHO_BULK_IDS=a,b,...` line, Bigin's 100 products too. */
export function mockEnvironmentLines(variables: Readonly<Record<string, string>>): string[] {
  const listed = (key: string) => LISTS.some((list) => key.startsWith(list.prefix));
  const lines = Object.entries(variables)
    .filter(([key]) => !listed(key))
    .map(([key, value]) => `${PRINTED_AS[key] ?? `ZOHO_${key.toUpperCase()}`}=${value}`);
  for (const list of LISTS) {
    const keys = Object.keys(variables)
      .filter((key) => key.startsWith(list.prefix))
      .sort();
    if (keys.length > 0) lines.push(`${list.name}=${keys.map((key) => variables[key]).join(',')}`);
  }
  return lines;
}

/** A Postman environment holding every variable, for `newman run -e <mock>/__mock/environment`. */
export function mockEnvironment(variables: Readonly<Record<string, string>>): {
  id: string;
  name: string;
  values: Array<{ key: string; value: string; type: string; enabled: boolean }>;
} {
  return {
    id: 'zoho-mock',
    name: 'zoho-mock',
    values: Object.entries(variables).map(([key, value]) => ({ key, value, type: 'default', enabled: true })),
  };
}
