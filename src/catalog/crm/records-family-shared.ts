// What the endpoints of the records family share: how a fact sheet row is cited, the messages the sheets print for the
// behaviours every endpoint has, the OpenAPI's statuses and enums, the read's record and info schemas. Pure data.

import { openApiRef } from '../doc-refs.ts';
import type { CommonBehaviour, CommonDoc } from '../common-cases.ts';
import type { DocRef, DocumentedCode, DriftPoint, EchoRule, JsonSchema, PrintedMessage } from '../types.ts';

/** record.json's API_Exception: the code and message enums every record endpoint shares. */
export const apiException = openApiRef('record.json', 'components.schemas.API_Exception.properties');
/** A fact sheet's Possible Errors row for `code`. */
export const errorsOn =
  (page: string) =>
  (code: string): DocRef => ({ page, section: `Possible Errors: ${code}` });
export const printed = (text: string, source: DocRef): PrintedMessage => ({ text, source });

/**
 * The behaviours every endpoint has (commonCases) as a records-family fact sheet documents them, on its own rows:
 * `noPermission` and `unsupportedModule` where the sheet has those rows too.
 */
export function sharedBehaviours(
  errors: (code: string) => DocRef,
  has: { readonly noPermission: boolean; readonly unsupportedModule: boolean },
): Partial<Record<CommonBehaviour, CommonDoc>> {
  return {
    'invalid-token': { doc: errors('INVALID_TOKEN') },
    'oauth-scope-mismatch': { doc: errors('OAUTH_SCOPE_MISMATCH') },
    ...(has.noPermission ? { 'no-permission': { doc: errors('NO_PERMISSION') } } : {}),
    'invalid-module': { doc: errors('INVALID_MODULE'), message: 'The module name given seems to be invalid' },
    ...(has.unsupportedModule
      ? {
          'invalid-module-unsupported': {
            doc: errors('INVALID_MODULE'),
            message: 'The given module is not supported in API',
          },
        }
      : {}),
    'invalid-url-pattern': { doc: errors('INVALID_URL_PATTERN') },
    'invalid-request-method': { doc: errors('INVALID_REQUEST_METHOD') },
  };
}

/**
 * What a records-family fact sheet prints for the behaviours every endpoint has (commonCases), cited on its own rows;
 * `unsupportedModule`: the sheet also prints INVALID_MODULE's wording for a module the API does not support.
 */
export function sharedErrorMessages(
  errors: (code: string) => DocRef,
  unsupportedModule: boolean,
): Record<string, PrintedMessage[]> {
  return {
    OAUTH_SCOPE_MISMATCH: [printed('invalid oauth scope to access this URL', errors('OAUTH_SCOPE_MISMATCH'))],
    INVALID_MODULE: [
      printed('The module name given seems to be invalid', errors('INVALID_MODULE')),
      ...(unsupportedModule ? [printed('The given module is not supported in API', errors('INVALID_MODULE'))] : []),
    ],
    INVALID_URL_PATTERN: [
      printed('Please check if the URL trying to access is a correct one', errors('INVALID_URL_PATTERN')),
    ],
    INVALID_REQUEST_METHOD: [
      printed('The http request method type is not a valid one', errors('INVALID_REQUEST_METHOD')),
    ],
    INVALID_TOKEN: [printed('invalid oauth token', errors('INVALID_TOKEN'))],
    INTERNAL_ERROR: [printed('Internal Server Error', errors('INTERNAL_ERROR'))],
  };
}

/**
 * The request errors the read and delete sheets share, with record.json's API_Exception beside each row: a missing
 * parameter (named in `param_name`) and a limit passed (the limit in `limit`).
 */
export function sharedRequestErrors(
  errors: (code: string) => DocRef,
): Record<'REQUIRED_PARAM_MISSING' | 'LIMIT_EXCEEDED', DocumentedCode> {
  return {
    REQUIRED_PARAM_MISSING: {
      sources: [errors('REQUIRED_PARAM_MISSING'), apiException],
      details: { type: 'object', properties: { param_name: { type: 'string' } } },
    },
    LIMIT_EXCEEDED: {
      sources: [errors('LIMIT_EXCEEDED'), apiException],
      details: { type: 'object', properties: { limit: { type: 'integer' } } },
    },
  };
}

/** A read's record: a map of field API names to values, with its id (the org decides the rest). */
export const readRecord: JsonSchema = {
  type: 'object',
  required: ['id'],
  properties: { id: { $ref: '#/definitions/zohoId' } },
};

/** `info` of a read: the keys the pages and record.json's Info name, each typed where present. */
export const readInfo: JsonSchema = {
  type: 'object',
  properties: {
    per_page: { type: 'integer' },
    count: { type: 'integer' },
    page: { type: 'integer' },
    more_records: { type: 'boolean' },
    sort_by: { type: 'string' },
    sort_order: { type: 'string' },
    next_page_token: { type: ['string', 'null'] },
    previous_page_token: { type: ['string', 'null'] },
    page_token_expiry: { type: ['string', 'null'] },
  },
};

/** The fact sheet says 204 (and 400s); record.json lists only 200 for the read, search and delete operations. */
export function openApiStatusesDrift(id: string, page: string, path: string, operation: string): DriftPoint {
  return {
    id: `${id}/openapi-statuses`,
    topic: 'Which HTTP statuses the endpoint answers',
    variants: [
      { source: { page, section: 'Possible Errors' }, says: '204 for nothing to return, 400/401/404 for errors' },
      {
        source: openApiRef('record.json', `paths["${path}"].${operation}.responses`),
        says: 'only 200, the error body (API_Exception) under it',
      },
    ],
    expected: 0,
    why: 'The OpenAPI folds every answer under one status; the pages (and every live capture in the notes) answer errors with their own 4xx status.',
  };
}

/** A parameter the fact sheet makes mandatory where record.json marks it `required: false`. */
export function openApiOptionalDrift(id: string, page: string, parameter: string, sheetSays: string): DriftPoint {
  return {
    id: `${id}/${parameter.replace(/_/g, '-')}-required`,
    topic: `Whether \`${parameter}\` is mandatory`,
    variants: [
      { source: { page, section: 'Parameters' }, says: sheetSays },
      { source: openApiRef('record.json', `components.parameters.${parameter}`), says: 'required: false' },
    ],
    expected: 0,
    why: 'The page documents the error for leaving it out (REQUIRED_PARAM_MISSING); the OpenAPI shares one parameter definition between operations that need it and operations that do not.',
  };
}

/**
 * A read (Get or Search Records, citing `page`) that answers the record the run wrote for reading carries the values the
 * run wrote into it.
 */
export function readRecordValues(page: string): EchoRule {
  return {
    shape: 'list',
    codes: ['SUCCESS'],
    at: '',
    echo: {
      kind: 'values-written',
      record: 'read_record_id',
      fields: { Email: 'read_record_email', Last_Name: 'read_record_last_name' },
    },
    doc: { page, section: 'Sample Response' },
  };
}
