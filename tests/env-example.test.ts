// Every variable a collection references is documented in .env.example, so a url target can configure every case.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog } from '../src/catalog/index.ts';
import { generateFiles } from '../src/generate/index.ts';
import { environmentName, referencedVariables } from '../src/harness/index.ts';
import { ROOT } from './support/docs.ts';

describe('.env.example', () => {
  it('documents every variable the generated collections reference (bulk ids as ZOHO_BULK_IDS)', () => {
    const documented = new Set(
      [...readFileSync(join(ROOT, '.env.example'), 'utf8').matchAll(/^(ZOHO_[A-Z0-9_]+)=/gm)].map((m) => m[1]),
    );
    const referenced = generateFiles(catalog)
      .filter((f) => f.path.startsWith('collections/'))
      .flatMap((f) => referencedVariables(f.content.replace(/"response_schema"[\s\S]*?"key": "response_schema"/, '')))
      .filter((v) => v !== 'api_domain' && v !== 'response_schema');
    const names = new Set(referenced.map((v) => (v.startsWith('bulk_id_') ? 'ZOHO_BULK_IDS' : environmentName(v))));
    expect([...names].filter((name) => !documented.has(name))).toEqual([]);
    expect(names.size).toBeGreaterThan(20);
  });

  it('names the Contracts host once, as ZOHO_CONTRACTS_URL (the old ZOHO_CONTRACTS_DOMAIN only as a note)', () => {
    const text = readFileSync(join(ROOT, '.env.example'), 'utf8');
    expect(text.match(/^ZOHO_CONTRACTS_URL=$/gm)).toHaveLength(1);
    expect(text).not.toMatch(/^ZOHO_CONTRACTS_DOMAIN=/m);
    expect(environmentName('contracts_domain')).toBe('ZOHO_CONTRACTS_URL');
  });

  it('holds no values', () => {
    const assigned = readFileSync(join(ROOT, '.env.example'), 'utf8')
      .split('\n')
      .filter((l) => /^ZOHO_[A-Z0-9_]+=./.test(l));
    expect(assigned).toEqual([]);
  });
});
