// One check that walks a metadata answer against facts transcribed from Zoho's CRM v8 OpenAPI (crm-oas-required.ts
// holds the facts): required keys, enums of present keys, the objects inside.

/** What one object of an answer must carry: its required keys, enums of present keys, and the objects inside it. */
export interface RequiredShape {
  /** `crm-oas/<file> § <schema>`: where the facts come from. */
  readonly source: string;
  readonly keys: readonly string[];
  /** Values a key may take when it is present. */
  readonly enums?: Readonly<Record<string, readonly (string | null)[]>>;
  /** Keys holding one object (checked when not null). */
  readonly nested?: Readonly<Record<string, RequiredShape>>;
  /** Keys holding a list of objects (each checked). */
  readonly each?: Readonly<Record<string, RequiredShape>>;
}

const at = (file: string, schema: string): string => `crm-oas/${file} § components.schemas.${schema}`;
export const shape = (file: string, schema: string, keys: readonly string[], more: Partial<RequiredShape> = {}) => ({
  source: at(file, schema),
  keys,
  ...more,
});

/** Every way an answer falls short of a shape: `<json path>: <key> missing (<source>)`, or a value outside an enum. */
export function missingRequired(value: unknown, expected: RequiredShape, path = '$'): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return [`${path}: not an object (${expected.source})`];
  const object = value as Record<string, unknown>;
  const found = expected.keys.filter((k) => !(k in object)).map((k) => `${path}: ${k} missing (${expected.source})`);
  for (const [key, allowed] of Object.entries(expected.enums ?? {})) {
    const v = object[key];
    if (key in object && !allowed.includes(v as string | null))
      found.push(`${path}.${key}: ${JSON.stringify(v)} is not one of ${JSON.stringify(allowed)} (${expected.source})`);
  }
  for (const [key, inner] of Object.entries(expected.nested ?? {}))
    if (object[key] !== null && object[key] !== undefined)
      found.push(...missingRequired(object[key], inner, `${path}.${key}`));
  for (const [key, inner] of Object.entries(expected.each ?? {})) {
    const list = object[key];
    if (Array.isArray(list))
      list.forEach((item, i) => found.push(...missingRequired(item, inner, `${path}.${key}[${i}]`)));
    else if (key in object) found.push(`${path}.${key}: not a list (${expected.source})`);
  }
  return found;
}

export const MINIFIED_USER = shape('users.json', 'Minified_User', ['name', 'id']);
export const MINIFIED_FIELD = shape('fields.json', 'Minified_Field', ['api_name', 'id']);
