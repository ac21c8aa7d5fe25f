// Soak load for the mock, run in its own process with --expose-gc: a bounded number of requests, then the facts as JSON.

import { startMock } from '../../src/mock/index.ts';

const TOTAL = Number(process.argv[2] ?? 20_000);
const CONCURRENCY = Number(process.argv[3] ?? 50);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

const mock = await startMock();
const v = mock.variables;
const leadsBefore = mock.countRecords('Leads');
const requests = [
  { path: `/crm/v8/Leads/${v['record_id']}`, body: { data: [{ Last_Name: 'Soak' }] }, status: 200 },
  { path: '/crm/v8/Lead/1', body: { data: [{}] }, status: 400 },
  { path: `/crm/v8/Leads/${v['locked_record_id']}`, body: { data: [{ Last_Name: 'x' }] }, status: 202 },
  {
    path: '/crm/v8/Leads',
    body: { data: [{ id: v['bulk_id_001'], Last_Name: 'a' }, { Last_Name: 'no id' }] },
    status: 202,
  },
];
let sent = 0;
let errors = 0;
let wrongStatus = 0;
const statusCounts: Record<string, number> = {};

/** Sends requests until `limit` have been sent in all, one at a time. */
async function worker(limit: number): Promise<void> {
  while (sent < limit) {
    const request = requests[sent % requests.length];
    sent += 1;
    if (!request) continue;
    try {
      const res = await fetch(`${mock.url}${request.path}`, {
        method: 'PUT',
        headers: { Authorization: `Zoho-oauthtoken ${v['access_token']}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(request.body),
        signal: AbortSignal.timeout(10_000),
      });
      await res.arrayBuffer();
      statusCounts[res.status] = (statusCounts[res.status] ?? 0) + 1;
      if (res.status !== request.status) wrongStatus += 1;
    } catch {
      errors += 1;
    }
  }
}

/** Half of the load at the set concurrency, then the heap after a full collection. */
async function phase(limit: number): Promise<number> {
  await Promise.all(Array.from({ length: CONCURRENCY }, () => worker(limit)));
  gc();
  return process.memoryUsage().heapUsed;
}

gc();
const heapStart = process.memoryUsage().heapUsed;
const started = Date.now();
const heapHalf = await phase(TOTAL / 2);
const heapEnd = await phase(TOTAL);
const result = {
  total: sent,
  errors,
  wrongStatus,
  statusCounts,
  leadsBefore,
  leadsAfter: mock.countRecords('Leads'),
  heapStart,
  heapHalf,
  heapEnd,
  ms: Date.now() - started,
};
await mock.close();
process.stdout.write(`${JSON.stringify(result)}\n`);
