// Every catalogued endpoint has its docs' printed examples transcribed, and every one validates against the committed schema.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog, expectedCodes } from '../../src/catalog/index.ts';
import { schemaId } from '../../src/generate/index.ts';
import { createSchemaRegistry, loadSchemas, observe } from '../../src/validate/index.ts';
import { ROOT } from '../support/docs.ts';

interface FixtureEntry {
  file: string;
  source: { page: string; section: string };
  status: number;
  shape: 'records' | 'error' | 'object' | 'list';
  code: string;
}

const registry = createSchemaRegistry(await loadSchemas(join(ROOT, 'schemas')));

for (const endpoint of catalog) {
  const folder = join(ROOT, 'tests', 'fixtures', `${endpoint.product}-${endpoint.id}`);
  describe(`${endpoint.product} ${endpoint.title}: printed examples`, () => {
    it('are transcribed in tests/fixtures', () => {
      expect(existsSync(join(folder, 'index.json')), folder).toBe(true);
    });
    const index: FixtureEntry[] = existsSync(join(folder, 'index.json'))
      ? (JSON.parse(readFileSync(join(folder, 'index.json'), 'utf8')) as FixtureEntry[])
      : [];
    for (const entry of index) {
      it(`${entry.file} (${entry.source.page} § ${entry.source.section}) validates and is a documented case`, () => {
        const body = JSON.parse(readFileSync(join(folder, entry.file), 'utf8')) as unknown;
        expect(registry.check(schemaId(endpoint), entry.shape, body)).toEqual([]);
        const observed = observe(entry.status, body);
        expect(observed.shape).toBe(entry.shape);
        const codes = entry.shape === 'object' ? ['SUCCESS'] : observed.codes;
        const cased = endpoint.cases.some(
          (c) => c.expect.shape === entry.shape && codes.every((code) => expectedCodes(c).includes(code)),
        );
        expect(cased, `no case expects ${entry.shape} ${observed.codes.join(', ')}`).toBe(true);
        // The form the page prints on its own (one entry, one code) is a case by itself, not only a part of a mixed answer.
        const exact = endpoint.cases.some(
          (c) =>
            c.expect.shape === entry.shape &&
            c.expect.status === entry.status &&
            expectedCodes(c).join() === codes.join(),
        );
        expect(exact, `no case expects exactly HTTP ${entry.status} ${entry.shape} ${codes.join(', ')}`).toBe(true);
      });
    }
  });
}
