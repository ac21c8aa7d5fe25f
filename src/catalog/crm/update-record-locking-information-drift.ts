// Where the record-locking page contradicts other pages, the notes or Zoho's OpenAPI; and what its cases assume beyond it.

import { notesRef, openApiRef } from '../doc-refs.ts';
import type { DocRef, DriftPoint, Unconfirmed } from '../types.ts';

const PAGE = 'crm-update-record-locking-information.txt';
const UPDATE_PAGE = 'crm-update-records.txt';
const OAS = 'record_locking.json';
const PUT = 'paths["/crm/v8/{module_name}/{record_id}/Locking_Information__s/{lock_id}"].put';
const errors = (code: string): DocRef => ({ page: PAGE, section: `Possible Errors: ${code}` });

export const methodStatus: DriftPoint = {
  id: 'crm-update-record-locking-information/invalid-request-method-status',
  topic: 'HTTP status of INVALID_REQUEST_METHOD on the record-locking URL',
  variants: [
    {
      source: { page: UPDATE_PAGE, section: 'Possible Errors: INVALID_REQUEST_METHOD' },
      says: 'HTTP 400 (Update Records)',
      status: 400,
    },
    { source: errors('INVALID_REQUEST_METHOD'), says: 'HTTP 403', status: 403 },
  ],
  expected: 1,
  why: 'Each endpoint keeps its own page: this URL documents 403, Update Records documents 400 (see crm/invalid-request-method-status).',
};

export const lockableModules: DriftPoint = {
  id: 'crm-update-record-locking-information/lockable-modules',
  topic: 'Which modules support record locking',
  variants: [
    {
      source: { page: PAGE, section: 'Possible module names' },
      says: 'leads, accounts, contacts, deals, tasks, cases, solutions, vendors, pricebooks, quotes, salesorders, purchaseorders, invoices and custom',
    },
    { source: notesRef('6. Record locking'), says: 'only user-created custom modules support locking' },
    {
      source: openApiRef(OAS, 'components.parameters.module_name.schema.enum'),
      says: 'module_name is an enum of one value: "Leads"',
    },
  ],
  expected: 0,
  why: 'The page is the specification of this endpoint; the note is about the lock configuration, and the OpenAPI names only the module of its examples. All three are kept so a live run can settle it.',
};

export const notAllowedMeaning: DriftPoint = {
  id: 'crm-update-record-locking-information/not-allowed',
  topic: 'What NOT_ALLOWED means on an update of lock information',
  variants: [
    {
      source: errors('NOT_ALLOWED'),
      says: '"Record is already locked. You can lock a record that is not already locked" (text of the lock-record API)',
      status: 403,
    },
    {
      source: notesRef('6. Record locking: POST (lock)'),
      says: 'NOT_ALLOWED 403 when locking an already-locked record',
      status: 403,
    },
  ],
  expected: 0,
  why: 'An update cannot lock anything; the suite reads NOT_ALLOWED as the answer for a lock whose information may not be changed (one set by a locking rule), UNCONFIRMED on the case.',
};

export const scopeSpelling: DriftPoint = {
  id: 'crm-update-record-locking-information/scope-spelling',
  topic: 'The module scope spelled ZohoCRM.modules.All, operation types All and Update',
  variants: [
    {
      source: { page: PAGE, section: 'Scope; Possible operation types' },
      says: 'ZohoCRM.modules.All (or) ZohoCRM.modules.{module_name}.{All|Update}; ZohoCRM.modules.lockinginformation.Update',
    },
    {
      source: { page: UPDATE_PAGE, section: 'Scope; Possible operation types' },
      says: 'ZohoCRM.modules.ALL, operation types ALL, WRITE, UPDATE',
    },
    { source: openApiRef('record.json', 'security'), says: 'ZohoCRM.modules.ALL' },
  ],
  expected: 1,
  why: 'Every other source spells the operation in capitals; the catalog lists ZohoCRM.modules.ALL and {ALL|UPDATE}, and the mock compares scopes without case, so a token granted either spelling passes. Whether Zoho grants a scope spelled "All" is for a live run to show.',
};

export const openApiScope: DriftPoint = {
  id: 'crm-update-record-locking-information/openapi-scope',
  topic: 'The scope that updates lock information: the page against the OpenAPI',
  variants: [
    { source: { page: PAGE, section: 'Scope' }, says: 'ZohoCRM.modules.lockinginformation.Update and a module scope' },
    {
      source: openApiRef(OAS, 'security'),
      says: "ZohoCRM.settings.record_locking_configurations.ALL (the file's one scope, for every operation in it)",
    },
  ],
  expected: 0,
  why: 'The OpenAPI file gives one scope to all its operations, the configuration scope; the page names the scope of this operation. The two scope-mismatch cases follow the page (UNCONFIRMED: the page lists no OAUTH_SCOPE_MISMATCH).',
};

export const missingReasonShape: DriftPoint = {
  id: 'crm-update-record-locking-information/missing-reason',
  topic: 'The answer to a body without Locked_Reason__s',
  variants: [
    {
      source: { page: UPDATE_PAGE, section: 'Possible Errors: MANDATORY_NOT_FOUND' },
      says: "the record APIs' MANDATORY_NOT_FOUND: HTTP 202, one entry in data[]",
      status: 202,
      shape: 'records',
    },
    {
      source: openApiRef(OAS, `${PUT}.responses["400"] -> components.responses.Error_Response (MANDATORY_NOT_FOUND)`),
      says: 'HTTP 400, one top-level MANDATORY_NOT_FOUND with details.api_name, message "required field not found"',
      status: 400,
      shape: 'error',
    },
  ],
  expected: 1,
  why: "The locking page marks the key mandatory and prints no error for its absence. The case follows the OpenAPI, the better-supported reading, not a settled one: its 400 (Error_Response) is shared by this operation's POST, PUT and DELETE alike, its data[] error form carries only RECORD_LOCKED, and its Lock_Record does not mark Locked_Reason__s required.",
};

export const successMessage: DriftPoint = {
  id: 'crm-update-record-locking-information/success-message',
  topic: 'Message of a successful update of lock information',
  variants: [
    { source: { page: PAGE, section: 'Sample Response' }, says: '"relation updated"' },
    {
      source: openApiRef(OAS, 'components.schemas.Success_Response.properties.message.enum'),
      says: 'an enum without "relation updated" ("record updated", "record added", ...)',
    },
  ],
  expected: 0,
  why: "The page prints a captured answer; the OpenAPI reuses the record APIs' success schema. The schema does not pin per-entry messages of a success.",
};

/** The locking page's 403 and 500 answers: the OpenAPI's PUT lists 200 and 400 only. */
export const openApiStatuses: DriftPoint = {
  id: 'crm-update-record-locking-information/openapi-statuses',
  topic: 'HTTP statuses of this PUT: 403 and 500 on the page, only 200 and 400 in the OpenAPI',
  variants: [
    {
      source: { page: PAGE, section: 'Possible Errors: NOT_ALLOWED, INVALID_REQUEST_METHOD, NO_PERMISSION' },
      says: 'HTTP 403',
      status: 403,
    },
    { source: errors('INTERNAL_ERROR'), says: 'HTTP 500', status: 500 },
    {
      source: openApiRef(OAS, `${PUT}.responses`),
      says: 'only "200" (Success_Wrapper) and "400" (Error_Response, which has no NOT_ALLOWED, NO_PERMISSION or INTERNAL_ERROR)',
      status: 400,
    },
  ],
  expected: { 'not-allowed': 0, 'invalid-request-method': 0, 'no-permission': 0, 'internal-error': 1 },
  why: "The page prints each status with its code; the OpenAPI's two responses read as what its examples showed, not as every answer the operation gives. The cases keep the page's statuses.",
};

/** What a lock id the record does not have is answered with. */
export const invalidLockIdMessage: DriftPoint = {
  id: 'crm-update-record-locking-information/invalid-lock-id-message',
  topic: 'The message of INVALID_DATA for a lock id that does not exist',
  variants: [
    {
      source: { page: UPDATE_PAGE, section: 'Possible Errors: INVALID_DATA' },
      says: '"the id given seems to be invalid" (an unknown record id on the record APIs, per record at 202)',
      message: 'the id given seems to be invalid',
    },
    {
      source: openApiRef(OAS, 'components.schemas.INVALID_DATA.properties.message.enum; components.schemas.Invalid_ID'),
      says: '"Invalid data", its one message, top-level at 400 with details.resource_path_index',
      message: 'Invalid data',
    },
  ],
  expected: 1,
  why: 'The locking page prints no INVALID_DATA; the OpenAPI is the one source that gives this operation an answer to a wrong id, and the catalog takes its message. No case sends a wrong lock id: no page documents one.',
};

/** The locking page ends its messages with a full stop; the CRM page, the saved item and the OpenAPI print the same words without. */
export const messageFullStop: DriftPoint = {
  id: 'crm/message-full-stop',
  topic: 'A final full stop on the messages the record-locking page prints',
  variants: [
    {
      source: { page: PAGE, section: 'Possible Errors: INVALID_MODULE, INVALID_REQUEST_METHOD, INTERNAL_ERROR' },
      says: '"The module name given seems to be invalid.", "The http request method type is not a valid one.", "Internal Server Error." (with a stop)',
      message: 'The module name given seems to be invalid.',
    },
    {
      source: { page: UPDATE_PAGE, section: 'Possible Errors: INVALID_MODULE, INVALID_REQUEST_METHOD, INTERNAL_ERROR' },
      says: "the same words without the stop, as the saved item and record.json's message enum print the first two",
      message: 'The module name given seems to be invalid',
    },
  ],
  expected: { 'invalid-module': 0, 'invalid-module-not-lockable': 0 },
  why: "Each endpoint keeps its own page's wording, and the verdict does not judge a final full stop (docs/verdict.md, Messages): an answer worded as the CRM page words it passes a locking case. The observation records which wording came back.",
};

/** The success status: the page prints a body with no status. */
export const successStatus: Unconfirmed = {
  claim: 'HTTP 200 for a success (the page prints the body, not the status)',
  silent: { page: PAGE, section: 'Sample Response' },
  source: { page: UPDATE_PAGE, section: 'Postman item "SUCCESS RESPONSE": code 200 (the record APIs\' success)' },
  openApi: {
    says: 'agrees',
    source: openApiRef(OAS, `${PUT}.responses["200"]`),
    detail: 'a Success_Wrapper (data[] of SUCCESS entries) under 200.',
  },
};

/** OAUTH_SCOPE_MISMATCH is not in the page's Possible Errors. */
export const scopeMismatch: Unconfirmed = {
  claim: 'OAUTH_SCOPE_MISMATCH, HTTP 401, when the token lacks one of the two scopes the page names',
  silent: { page: PAGE, section: 'Possible Errors (no OAUTH_SCOPE_MISMATCH)' },
  source: { page: UPDATE_PAGE, section: 'Possible Errors: OAUTH_SCOPE_MISMATCH HTTP 401' },
  openApi: {
    says: 'disagrees',
    source: openApiRef(OAS, `security; ${PUT}.responses`),
    detail:
      'lists only 200 and 400 for this operation and names another scope (drift point crm-update-record-locking-information/openapi-scope).',
  },
};

/** The missing reason: the better-supported reading, not a settled one. */
export const missingReason: Unconfirmed = {
  claim:
    'a top-level MANDATORY_NOT_FOUND, HTTP 400, "required field not found", when Locked_Reason__s is missing (the better-supported reading, not a settled one)',
  silent: {
    page: PAGE,
    section: 'Input JSON Keys: Locked_Reason__s string, mandatory (no error printed for its absence)',
  },
  source: {
    page: UPDATE_PAGE,
    section:
      'Possible Errors: MANDATORY_NOT_FOUND (the code and message for a mandatory key left out; 202 per record there)',
  },
  openApi: {
    says: 'agrees',
    source: openApiRef(OAS, `${PUT}.responses["400"] -> components.responses.Error_Response -> MANDATORY_NOT_FOUND`),
    detail:
      'on the code and message, top-level at 400; only in part: the same Error_Response is the 400 of POST and DELETE too, and Lock_Record does not mark Locked_Reason__s required, so the file does not tie this answer to this key (drift point crm-update-record-locking-information/missing-reason).',
  },
};

/** Campaigns: the page lists the lockable modules, not what another module is answered. */
export const notLockable: Unconfirmed = {
  claim: 'INVALID_MODULE, HTTP 400, for a module the page does not list as lockable (Campaigns)',
  silent: { page: PAGE, section: 'Possible module names (what another module is answered: not said)' },
  source: { page: UPDATE_PAGE, section: 'Possible Errors: INVALID_MODULE (The given module is not supported in API)' },
  openApi: {
    says: 'agrees',
    source: openApiRef(OAS, `${PUT}.responses["400"] -> components.responses.Error_Response -> Invalid_Module`),
    detail:
      'INVALID_MODULE is an answer of this PUT at 400, its message not fixed; which modules it refuses is not said (module_name names only Leads: drift point crm-update-record-locking-information/lockable-modules).',
  },
};

/** NOT_ALLOWED on an update: the page prints the lock API's text; the case reads it as a lock a rule holds. */
export const ruleHeldLock: Unconfirmed = {
  claim: 'NOT_ALLOWED, HTTP 403, when the lock was set by a locking rule (its information may not be changed)',
  silent: errors('NOT_ALLOWED ("Record is already locked": the lock API\'s situation, not an update\'s)'),
  source: notesRef(
    '6. Record locking: GET (fields Lock_Source__s, Record_Locking_Rule_Id__s: a lock may come from a rule)',
  ),
  openApi: {
    says: 'disagrees',
    source: openApiRef(OAS, `${PUT}.responses; components.schemas.Record_Lock.properties.lock_source__s`),
    detail:
      'a lock may be Automatic (lock_source__s), but this PUT lists only 200 and 400 and no NOT_ALLOWED (drift point crm-update-record-locking-information/openapi-statuses).',
  },
};
