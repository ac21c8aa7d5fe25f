// Public door of the verdict vocabulary, shared by harness, validate, report and live: what a verdict says about one
// case, the key that names a case, and how the harness files ask the verdict service for verdicts.

export type * from './types.ts';
export { REPLAY_CASE_HEADER, caseIdOfItem, caseKey, parseCaseKey, type CaseRef } from './case-key.ts';
export { requestVerdicts, type VerdictRequest } from './request-verdicts.ts';
