// A live collection whose token is within a minute of expiry renews it through the broker before sending anything.

import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateRecords } from '../../src/catalog/index.ts';
import { collectionPath, schemaId } from '../../src/generate/index.ts';
import { liveTarget, loadCollection, runCollection } from '../../src/harness/index.ts';
import { readLiveConfig, refreshAccessToken, startTokenBroker, type TokenBroker } from '../../src/live/index.ts';
import { startMock, type MockServer } from '../../src/mock/index.ts';
import { createSchemaRegistry, loadSchemas } from '../../src/validate/index.ts';
import { ROOT } from '../support/docs.ts';
import { mockEnvironment } from '../support/mock-env.ts';

let mock: MockServer;
let broker: TokenBroker;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(async () => {
  await broker?.close();
  await mock.close();
});

describe('proactive token renewal', () => {
  it('asks the broker for a fresh token when the current one expires within a minute, and the cases pass with it', async () => {
    const env = { ...mockEnvironment(mock), ZOHO_ACCOUNTS_URL: mock.url, ZOHO_API_DOMAIN: mock.url };
    const config = readLiveConfig(env);
    const first = await refreshAccessToken(config);
    const soon = { ...first, expiresAt: Date.now() + 10_000 };
    broker = await startTokenBroker(soon, () => refreshAccessToken(config));
    const target = liveTarget({
      name: 'live',
      apiDomain: mock.url,
      accessToken: soon.accessToken,
      tokenBroker: broker.url,
      tokenExpiresAt: soon.expiresAt,
      env,
    });
    const verdicts = await runCollection({
      endpoint: updateRecords,
      version: 'v8',
      collection: await loadCollection(join(ROOT, collectionPath(updateRecords, 'v8'))),
      target,
      registry: createSchemaRegistry(await loadSchemas(join(ROOT, 'schemas'))),
      schemaId: schemaId(updateRecords),
      caseIds: ['success-single', 'record-locked'],
    });
    expect(verdicts.map((v) => v.outcome)).toEqual(['pass', 'pass']);
    expect(broker.refreshes()).toBe(1);
    expect(mock.tokenRefreshes()).toBe(2);
  });
});
