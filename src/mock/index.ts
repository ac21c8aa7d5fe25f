// Public door of the embedded mock: start it, read what it was (and was never) asked.

export { startMock, type MockOptions, type MockServer } from './start-mock.ts';
export { BEHAVIOURS } from './zoho-errors.ts';
export { WIRE_FAULTS, type WireFault } from './wire-faults.ts';
