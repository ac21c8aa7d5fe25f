// Public door of the catalog: the types and every documented endpoint.

export type {
  Case,
  CaseAuth,
  CaseRequest,
  DocRef,
  DriftPoint,
  DriftVariant,
  Endpoint,
  Expectation,
  JsonSchema,
  JsonValue,
  Product,
  Provocation,
  ResponseDetails,
  TokenVariable,
} from './types.ts';
