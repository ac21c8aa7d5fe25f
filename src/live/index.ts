// Public door of live mode: configuration, data centres and the token refresh.

export { readClientConfig, readLiveConfig, type LiveConfig, type PersonaGrant, type RefreshGrant } from './config.ts';
export { PERSONAS, personaOf, type Persona } from './personas.ts';
export { DATA_CENTRES, type DataCentre, type DataCentreName } from './data-centres.ts';
export { refreshAccessToken, type AccessToken } from './refresh-token.ts';
export { createFixtures, deleteFixtures, type ApiClient, type FixtureRecord } from './fixtures.ts';
export { ledgersWithLeftovers, leftovers, readLedger, writeLedger, type FixtureLedger } from './fixture-ledger.ts';
export { startTokenBroker, type BrokeredToken, type TokenBroker } from './token-broker.ts';
export { cassetteRecorder, startReplayServer, writeCassette, type Cassette } from './cassettes.ts';
export { exchangeGrantCode, type GrantedTokens } from './exchange-grant-code.ts';
export { requiredScopes } from './required-scopes.ts';
