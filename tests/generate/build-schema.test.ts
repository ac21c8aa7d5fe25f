import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { updateRecords } from '../../src/catalog/index.ts';
import { buildEndpointSchema, buildSharedSchemas } from '../../src/generate/index.ts';
import { createSchemaRegistry } from '../../src/validate/index.ts';

const source = {
  product: 'crm',
  endpoint: 'update-records',
  title: updateRecords.title,
  docPage: updateRecords.docPage,
  details: updateRecords.details,
};

describe('buildEndpointSchema', () => {
  it('is deterministic', () => {
    expect(JSON.stringify(buildEndpointSchema(source))).toBe(JSON.stringify(buildEndpointSchema(source)));
  });

  it('is self-contained: every $ref points into its own definitions', () => {
    const schema = buildEndpointSchema(source);
    const definitions = schema['definitions'] as Record<string, unknown>;
    const refs = [...JSON.stringify(schema).matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) {
      expect(ref).toMatch(/^#\/definitions\//);
      expect(definitions[ref.replace('#/definitions/', '')], ref).toBeDefined();
    }
  });

  it('carries $id, title, a description naming the doc page, and draft-07', () => {
    const schema = buildEndpointSchema(source);
    expect(schema).toMatchObject({
      $schema: 'http://json-schema.org/draft-07/schema#',
      $id: 'https://schemas.zoho-contract.test/crm/update-records.json',
    });
    expect(String(schema['description'])).toContain('crm-update-records.txt');
  });

  it('lists every documented code in the entry and error enums', () => {
    const definitions = buildEndpointSchema(source)['definitions'] as Record<
      string,
      { properties: { code: { enum: string[] } } }
    >;
    expect(definitions['recordEntry']?.properties.code.enum).toEqual(Object.keys(updateRecords.details.records).sort());
    expect(definitions['topLevelError']?.properties.code.enum).toEqual(
      Object.keys(updateRecords.details.errors).sort(),
    );
  });

  it('compiles under ajv strict mode, alone and with the shared schemas', () => {
    expect(() =>
      createSchemaRegistry([buildEndpointSchema(source), ...buildSharedSchemas().map((s) => s.schema)]),
    ).not.toThrow();
    for (const { schema } of buildSharedSchemas())
      expect(() => new Ajv({ strict: true, validateFormats: false }).compile(schema)).not.toThrow();
  });
});
