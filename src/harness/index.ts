// Public door of the harness: targets, newman runs of a collection (through the newman seam), Node-side verdicts, the
// verdict service, and the contract project's settings as plain data (it imports nothing of vitest).

export { loadCollection } from './load-collection.ts';
export { probeTarget } from './probe-target.ts';
export { describeTransportError, readExchange, type Exchange } from './newman-exchange.ts';
export { runCollection, streamCollection, streamCollections, type CollectionRun } from './run-collection.ts';
export { createRunPool, type RunPool } from './run-pool.ts';
export { HARNESS_HEAP_MB, newmanSeamReport, prepareNewmanThread, type NewmanSeamReport } from './newman/index.ts';
export { selectItems, slimCollection, takeItems, type CollectionItem } from './select-items.ts';
export { MAX_THROTTLE_RETRIES, isThrottled, throttleWaitMs } from './throttle-retry.ts';
export {
  SECRET_VARIABLES,
  baseUrlsOf,
  buildEnvironment,
  environmentName,
  expandBulkIds,
  referencedVariables,
  liveTarget,
  mockTarget,
  urlTarget,
  type Target,
  type TargetKind,
} from './target.ts';
export {
  preloadVerdictInputs,
  startVerdictService,
  type VerdictService,
  type VerdictServiceOptions,
} from './verdict-service.ts';
export { CONTRACT_PROJECT } from './contract-project.ts';
export { freshTarget } from './token-renewal.ts';
export { createdRecords, deletedRecords, type CreatedRecord } from './created-records.ts';
export { withRecordFills } from './record-fills.ts';
