// A synthetic endpoint whose cases each ask the mock for one fault, to drive the harness through every misbehaviour.

import { updateRecords, type Case, type Endpoint } from '../../src/catalog/index.ts';

/** One SUCCESS case per fault header value, all on the single-record update URL. */
export function faultEndpoint(faults: readonly string[]): Endpoint {
  const base = updateRecords.cases.find((c) => c.id === 'success-single') as Case;
  const cases = faults.map(
    (fault): Case => ({
      ...base,
      id: `fault-${fault}`,
      name: `fault ${fault}`,
      request: { ...base.request, headers: { 'X-Mock-Fault': fault } },
    }),
  );
  return { ...updateRecords, id: 'faults', versions: ['v8'], cases };
}
