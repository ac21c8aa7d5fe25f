// The list of every catalogued endpoint, and the pure queries over it that the rest of the suite shares.

import { updateRelatedRecords } from './bigin/update-related-records.ts';
import { updateContractType } from './contracts/update-contract-type.ts';
import { insertRecords } from './crm/insert-records.ts';
import { deleteRecords } from './crm/delete-records.ts';
import { getRecords } from './crm/get-records.ts';
import { searchRecords } from './crm/search-records.ts';
import { updateRecordLockingInformation } from './crm/update-record-locking-information.ts';
import { updateRecords } from './crm/update-records.ts';
import { upsertRecords } from './crm/upsert-records.ts';
import type { Case, DriftPoint, Endpoint } from './types.ts';

/** Every documented endpoint the suite covers. Adding an endpoint is one line here. */
export const catalog: readonly Endpoint[] = [
  updateRecords,
  updateRecordLockingInformation,
  updateRelatedRecords,
  updateContractType,
  insertRecords,
  upsertRecords,
  getRecords,
  searchRecords,
  deleteRecords,
];

/** The cases of an endpoint that apply to one API version. */
export function casesForVersion(endpoint: Endpoint, version: string): readonly Case[] {
  return endpoint.cases.filter((c) => (c.versions ?? endpoint.versions).includes(version));
}

/** The endpoint of one collection (product, endpoint id, API version), if the catalog has it. */
export function findCollectionEndpoint(product: string, id: string, version: string): Endpoint | undefined {
  return catalog.find((e) => e.product === product && e.id === id && e.versions.includes(version));
}

/** Every drift point of the catalog, once each, in catalog order. */
export function listDrift(endpoints: readonly Endpoint[] = catalog): readonly DriftPoint[] {
  const seen = new Map<string, DriftPoint>();
  for (const endpoint of endpoints) {
    for (const point of [...(endpoint.drift ?? []), ...endpoint.cases.flatMap((c) => c.drift ?? [])]) {
      if (!seen.has(point.id)) seen.set(point.id, point);
    }
  }
  return [...seen.values()];
}

/** The environment variable holding the base URL of the host that serves an endpoint. */
export function hostVariable(endpoint: Endpoint): 'api_domain' | 'contracts_domain' {
  return endpoint.host === 'contracts' ? 'contracts_domain' : 'api_domain';
}

/** The stable id of a collection: product, endpoint and API version. */
export function collectionKey(endpoint: Endpoint, version: string): string {
  return `${endpoint.product}/${version}/${endpoint.id}`;
}
