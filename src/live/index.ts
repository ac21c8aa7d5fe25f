// Public door of live mode: configuration, data centres and the token refresh.

export {
  RENAMED_VARIABLES,
  readClientConfig,
  readLiveConfig,
  readRenamedVariables,
  type LiveConfig,
  type PersonaGrant,
  type RefreshGrant,
} from './config.ts';
export { PERSONAS, personaOf, type Persona } from './personas.ts';
export { DATA_CENTRES, type DataCentre, type DataCentreName } from './data-centres.ts';
export { refreshAccessToken, type AccessToken } from './refresh-token.ts';
export {
  createFixtures,
  fixtureSteps,
  type CreatedFixtures,
  type FixtureRecord,
} from './fixtures.ts';
export { deleteFixtures, deleteSteps, unlockFixture } from './fixture-deletes.ts';
export { answerCode, createOrgClient, type CallStep, type OrgAnswer, type OrgClient } from './org-client.ts';
export { readOrg, type GivenRecord, type OrgReadRequest } from './read-org.ts';
export { ledgersWithLeftovers, leftovers, readLedger, writeLedger, type FixtureLedger } from './fixture-ledger.ts';
export { startTokenBroker, type BrokeredToken, type TokenBroker } from './token-broker.ts';
export { cassetteRecorder, startReplayServer, writeCassette, type RecordingFacts } from './cassettes.ts';
export { readCassette, recordingOf, type Cassette, type RecordedRequest, type Recording } from './read-cassette.ts';
export { exchangeGrantCode, type GrantedTokens } from './exchange-grant-code.ts';
export { requiredScopes } from './required-scopes.ts';
export {
  EDITION_CONCURRENCY,
  narrowCurrentUser,
  narrowEdition,
  narrowFields,
  narrowModules,
  withFields,
  type Edition,
  type OrgField,
  type OrgMetadata,
  type OrgModule,
  type ProductMetadata,
} from './org-metadata.ts';
export {
  DEFAULT_FIELDS,
  FIXTURE_NEEDS,
  LOCKING_CUSTOM,
  LOCKING_MODULE_VARIABLE,
  type FixtureNeed,
} from './fixture-needs.ts';
export {
  lockingModule,
  planFixtures,
  type FixturePlan,
  type PlanInput,
  type PlannedRecord,
  type PlannedValue,
} from './fixture-plan.ts';
export { RECORDS_FROM_ENV, caseNeeds, givenRecords, type CaseNeed } from './case-needs.ts';
export { gravest } from './org-capabilities.ts';
export {
  diffOrg,
  readOrgSnapshot,
  snapshotOrg,
  type OrgChange,
  type OrgSnapshot,
  type SnapshotField,
  type SnapshotModule,
} from './org-snapshot.ts';
export {
  caseRecordLevel,
  CREDITS_PER_CALL,
  planCredits,
  type CaseCreations,
  type CreditPlan,
} from './credit-plan.ts';
export { notLockable } from './org-capabilities.ts';
export { checkModules, moduleFixtureNeeds, planModuleVariables, textFieldOf, uniqueFieldOf } from './module-plan.ts';
