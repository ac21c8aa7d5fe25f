// The mock's variables as the standalone mock prints them and as a Postman environment (served, never written to disk).

/** `ZOHO_NAME=value` lines; the 101 bulk ids collapse into one `ZOHO_BULK_IDS=a,b,...` line. */
export function mockEnvironmentLines(variables: Readonly<Record<string, string>>): string[] {
  const bulk = Object.keys(variables)
    .filter((k) => k.startsWith('bulk_id_'))
    .sort();
  const lines = Object.entries(variables)
    .filter(([key]) => !key.startsWith('bulk_id_'))
    .map(([key, value]) => `ZOHO_${key.toUpperCase()}=${value}`);
  if (bulk.length > 0) lines.push(`ZOHO_BULK_IDS=${bulk.map((k) => variables[k]).join(',')}`);
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
