// Public door of the catalog: the types, every documented endpoint, and the envelopes their schemas share.

export type {
  Case,
  CaseAuth,
  CaseRequest,
  DocRef,
  DocumentedCode,
  DocumentedMessages,
  DriftPoint,
  DriftVariant,
  Echo,
  EchoRule,
  EchoRules,
  EchoSource,
  Endpoint,
  Expectation,
  JsonSchema,
  JsonValue,
  OpenApiReading,
  PrintedMessage,
  Product,
  Provocation,
  ResponseDetails,
  ResponseShape,
  TokenVariable,
  Unconfirmed,
} from './types.ts';

export {
  catalog,
  casesForVersion,
  collectionKey,
  findCollectionEndpoint,
  hostVariable,
  listDrift,
} from './catalog.ts';
export { updateRelatedRecords } from './bigin/update-related-records.ts';
export { updateContractType } from './contracts/update-contract-type.ts';
export { updateRecordLockingInformation } from './crm/update-record-locking-information.ts';
export { updateRecords } from './crm/update-records.ts';
export { insertRecords } from './crm/insert-records.ts';
export { upsertRecords } from './crm/upsert-records.ts';
export { getRecords } from './crm/get-records.ts';
export { searchRecords } from './crm/search-records.ts';
export { deleteRecords } from './crm/delete-records.ts';
export {
  describeDocRef,
  describeUnconfirmed,
  expectedVariantFor,
  expectedVariants,
  isOpenApiRef,
  isPageRef,
  notesRef,
  openApiRef,
} from './doc-refs.ts';
export {
  casesByIds,
  caseOnModule,
  isModuleGeneric,
  MODULE_NAME,
  moduleVariable,
  parseModuleVariable,
  variantModule,
  withModules,
  type ModuleRole,
} from './module-variants.ts';
export { caseModule, selectCases, type CaseFilter, type Selection } from './select-cases.ts';
export {
  buildCoverage,
  expectedCodes,
  messageCoverage,
  totalCoverage,
  type CoverageRow,
  type CoverageTotals,
} from './coverage.ts';
export { pinnedMessages } from './pinned-messages.ts';
export { recordEntryBase, recordsEnvelopeBase, topLevelErrorBase, userRef, zohoId, zohoTime } from './envelopes.ts';
export {
  commonCases,
  UNISSUED_TOKEN,
  UNSERVED_METHOD,
  UNSUPPORTED_MODULE,
  type CommonBehaviour,
  type CommonCaseSpec,
  type CommonDoc,
} from './common-cases.ts';
