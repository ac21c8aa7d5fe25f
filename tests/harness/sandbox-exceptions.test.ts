// --sandbox-tests: a request's own script that throws fails its case with the exception's message (newman's
// `exception` event), where before it passed: the pm.test calls after the throw never ran, so none of them failed.

import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateContractType } from '../../src/catalog/index.ts';
import { collectionPath, schemaId } from '../../src/generate/index.ts';
import { loadCollection, mockTarget, runCollection } from '../../src/harness/index.ts';
import { startMock, type MockServer } from '../../src/mock/index.ts';
import { createSchemaRegistry, loadSchemas, type SchemaRegistry, type Verdict } from '../../src/validate/index.ts';
import { ROOT } from '../support/docs.ts';

let mock: MockServer;
let registry: SchemaRegistry;
let collection: unknown;
beforeAll(async () => {
  mock = await startMock();
  registry = createSchemaRegistry(await loadSchemas(join(ROOT, 'schemas')));
  collection = await loadCollection(join(ROOT, collectionPath(updateContractType, 'v1')));
});
afterAll(async () => mock.close());

interface Item {
  id?: string;
  item?: Item[];
  event?: Array<{ listen: string; script: { exec: string[] } }>;
}

/** The collection with `lines` added to the test script of the item whose id ends with `.<caseId>`. */
function withScriptLines(caseId: string, lines: (exec: string[]) => string[]): unknown {
  const copy = structuredClone(collection) as Item;
  const visit = (items: Item[]): void => {
    for (const item of items) {
      if (item.id?.endsWith(`.${caseId}`))
        for (const event of item.event ?? []) if (event.listen === 'test') event.script.exec = lines(event.script.exec);
      visit(item.item ?? []);
    }
  };
  visit(copy.item ?? []);
  return copy;
}

const run = (changed: unknown): Promise<Verdict[]> =>
  runCollection({
    endpoint: updateContractType,
    version: 'v1',
    collection: changed,
    target: mockTarget(mock),
    registry,
    schemaId: schemaId(updateContractType),
    sandboxTests: true,
  });
const outcomes = (verdicts: readonly Verdict[]) => verdicts.map((v) => [v.caseId, v.outcome]);

describe('--sandbox-tests and scripts that throw', () => {
  it('fails the case whose test script throws, with the exception message, and only that case', async () => {
    // The throw comes first, so no pm.test runs at all for that item: before, nothing failed and the case passed.
    const verdicts = await run(
      withScriptLines('no-permission', (exec) => ['throw new TypeError("fixture lookup broke");', ...exec]),
    );
    const failed = verdicts.filter((v) => v.outcome !== 'pass');
    expect(failed.map((v) => [v.caseId, v.outcome])).toEqual([['no-permission', 'fail']]);
    expect(failed[0]?.findings?.map((f) => [f.kind, f.message])).toEqual([
      ['sandbox', 'in-collection test: script threw TypeError: fixture lookup broke'],
    ]);
  });

  it('reports an exception thrown after its assertions passed, and one thrown later from a timer', async () => {
    const changed = withScriptLines('success', (exec) => [...exec, 'throw new Error("after the checks");']);
    const twice = withScriptLines('internal-error', (exec) => [
      ...exec,
      'setTimeout(() => { throw new RangeError("late"); }, 1);',
    ]);
    const [first, second] = [await run(changed), await run(twice)];
    expect(outcomes(first).filter(([, o]) => o !== 'pass')).toEqual([['success', 'fail']]);
    expect(first.find((v) => v.caseId === 'success')?.reason ?? '').toContain('script threw Error: after the checks');
    expect(outcomes(second).filter(([, o]) => o !== 'pass')).toEqual([['internal-error', 'fail']]);
    expect(second.find((v) => v.caseId === 'internal-error')?.reason ?? '').toContain('script threw RangeError: late');
  });

  it('leaves every case passing when no script throws', async () => {
    expect(outcomes(await run(collection)).filter(([, o]) => o !== 'pass')).toEqual([]);
  });
});
