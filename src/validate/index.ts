// Public door of validation: the ajv registry, response judgement and verdicts.

// The verdict vocabulary moved to src/verdict/; re-exported here for one transition only. Import it from there.
export type { DriftObservation, ExchangeExcerpt, Finding, FindingKind, Outcome, Verdict } from '../verdict/index.ts';
export { buildVerdict, formatReason, observeDrift, type CaseResult, type VerdictContext } from './build-verdict.ts';
export { judgeCase, failsCase, DEFAULT_CLOCK_SKEW_MS, DEFAULT_POLICY, type CaseJudgement } from './judge-case.ts';
export { checkMessages, type MessageCheck } from './check-messages.ts';
export { compileContract, normaliseMessage, type CompiledContract } from './compile-contract.ts';
export type { RequestUnderTest } from './read-request.ts';
export {
  judgeResponse,
  observe,
  type ObservedResponse,
  type ResponseUnderTest,
  type SchemaCheck,
} from './judge-response.ts';
export { loadSchemaRegistry, loadSchemas } from './load-schemas.ts';
export {
  createSchemaRegistry,
  precompiledRegistry,
  toFindings,
  type PrecompiledValidators,
  type SchemaRegistry,
} from './schema-registry.ts';
export { checkSavedExamples, matchesTemplate, type ExampleCheck, type SchemaIdOf } from './check-saved-examples.ts';
export { readPostmanFile } from './read-postman-file.ts';
