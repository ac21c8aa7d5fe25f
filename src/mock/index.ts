// Public door of the embedded mock: start it, read what it was (and was never) asked, the org profile it plays.

export { startMock, type MockOptions, type MockServer } from './start-mock.ts';
export { BEHAVIOURS } from './zoho-errors.ts';
export { WIRE_FAULTS, type WireFault } from './wire-faults.ts';
export {
  EDITION_CONCURRENCY,
  FIELD_DATA_TYPES,
  UNSUPPORTED_MODULES,
  parseOrgProfile,
  type Edition,
  type OrgProfile,
  type ProfileField,
  type ProfileModule,
} from './org-profile.ts';
export { defaultOrgProfile } from './default-profile.ts';
export { readOrgProfile } from './read-org-profile.ts';
