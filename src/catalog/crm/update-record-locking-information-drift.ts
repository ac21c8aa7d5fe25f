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
  why: 'An update cannot lock anything; the suite reads NOT_ALLOWED as the answer for a lock whose information may not be changed (one set by a locking rule), and says so on the case.',
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
      says: 'HTTP 400, one top-level MANDATORY_NOT_FOUND with details.api_name',
      status: 400,
      shape: 'error',
    },
  ],
  expected: 1,
  why: "The locking page marks the key mandatory and prints no error for its absence; Zoho's OpenAPI answers it for this very operation, top-level at 400 (its data[] error form carries only RECORD_LOCKED). The case follows the OpenAPI.",
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

/** The success status: the page prints a body with no status. */
export const successStatus: Unconfirmed = {
  claim: 'HTTP 200 for a success (the page prints the body, not the status)',
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
  source: { page: UPDATE_PAGE, section: 'Possible Errors: OAUTH_SCOPE_MISMATCH HTTP 401' },
  openApi: {
    says: 'disagrees',
    source: openApiRef(OAS, `security; ${PUT}.responses`),
    detail:
      'lists only 200 and 400 for this operation and names another scope (drift point crm-update-record-locking-information/openapi-scope).',
  },
};

/** The missing reason, settled by the OpenAPI. */
export const missingReason: Unconfirmed = {
  claim:
    'a top-level MANDATORY_NOT_FOUND, HTTP 400, when Locked_Reason__s is missing (the page marks it mandatory, prints no error)',
  source: openApiRef(OAS, `${PUT}.responses["400"]`),
  openApi: {
    says: 'agrees',
    source: openApiRef(OAS, 'components.responses.Error_Response; components.schemas.MANDATORY_NOT_FOUND'),
    detail:
      "this is the OpenAPI's answer; the per-record 202 the record APIs give was the earlier assumption (drift point crm-update-record-locking-information/missing-reason).",
  },
};
