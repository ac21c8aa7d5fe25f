// Where the Bigin Update Related Records page contradicts itself or its neighbours: every variant, the one expected, and why.

import { notesRef } from '../doc-refs.ts';
import type { DocRef, DriftPoint, Unconfirmed } from '../types.ts';

const PAGE = 'bigin-update-related-records.txt';
const at = (section: string): DocRef => ({ page: PAGE, section });

export const scopeTypo: DriftPoint = {
  id: 'bigin-update-related-records/scope-typo',
  topic: 'The scope line reads "scope=scope=ZohoBigin.modules.{module_name}.{operation_type}"',
  variants: [
    { source: at('Scope'), says: 'scope=scope=ZohoBigin.modules.{module_name}.{operation_type} (doubled prefix)' },
    { source: at('Scope'), says: 'scope=ZohoBigin.modules.ALL (the line above, no doubling)' },
  ],
  expected: 1,
  why: 'A typo, not behaviour: the scope is ZohoBigin.modules.{module}.{ALL|WRITE|UPDATE} (zoho-notes.md section 2, Bigin).',
};

export const crmSample: DriftPoint = {
  id: 'bigin-update-related-records/crm-sample',
  topic: 'A Leads/Campaigns CRM sample on a Bigin page',
  variants: [
    {
      source: at('Sample Request: To add the relation between a Lead and Campaigns'),
      says: 'Leads and Campaigns (CRM modules; the SDK samples use ZCRMRecord)',
    },
    { source: at('Supported relations'), says: 'Products - to - Contacts, Deals, Accounts (Companies in Bigin)' },
  ],
  expected: 1,
  why: 'Bigin has no Leads or Campaigns; the curl sample itself relates Products to a Deal. The cases use the supported relations only.',
};

export const scopeMismatchResolution: DriftPoint = {
  id: 'bigin-update-related-records/scope-mismatch-resolution',
  topic: 'OAUTH_SCOPE_MISMATCH names a CRM scope on a Bigin page',
  variants: [
    {
      source: at('Possible Errors: OAUTH_SCOPE_MISMATCH'),
      says: 'Client does not have ZohoCRM.modules.{module_name}.UPDATE scope',
    },
    { source: at('Scope'), says: 'ZohoBigin.modules.ALL or ZohoBigin.modules.{module_name}.{operation_type}' },
  ],
  expected: 1,
  why: 'The Scope section is specific to Bigin; the resolution text was copied from the CRM page.',
};

export const invalidDataStatus: DriftPoint = {
  id: 'bigin-update-related-records/invalid-data-status',
  topic: 'INVALID_DATA is documented twice, at 400 and at 202',
  variants: [
    {
      source: at('Possible Errors: INVALID_DATA (HTTP 400)'),
      says: '"the related id given seems to be invalid": HTTP 400, for the whole request',
      status: 400,
      shape: 'error',
    },
    {
      source: at('Possible Errors: INVALID_DATA (HTTP 202)'),
      says: '"invalid data": HTTP 202, per related record',
      status: 202,
      shape: 'records',
    },
  ],
  expected: { 'invalid-related-id': 0, 'invalid-data-single': 1, 'partial-success': 1 },
  why: 'Both are kept as cases, each expecting its own variant. Which request gets which is a reading, not the page\'s (UNCONFIRMED on the cases): a bad related id in the URL fails the request (400), a bad entry of the body fails that entry (202). An entry worded as the 400 ("the related id given seems to be invalid") passes its message check.',
};

export const companiesName: DriftPoint = {
  id: 'bigin-update-related-records/companies-api-name',
  topic: 'Companies vs Accounts',
  variants: [
    { source: at('Possible module names'), says: 'companies' },
    { source: at('Supported relations'), says: 'Accounts (Companies in Bigin)' },
  ],
  expected: 1,
  why: 'Companies is the UI name; the API name in URLs is Accounts.',
};

export const relatedIdInUrl: DriftPoint = {
  id: 'bigin-update-related-records/related-id-in-url',
  topic: 'The Request URL ends in {related_record_id}; every sample sends the related ids in the body',
  variants: [
    {
      source: at('Request URL'),
      says: '/bigin/v1/{module_api_name}/{record_id}/{related_list_api_name}/{related_record_id}',
    },
    {
      source: at('Sample Request; Sample Input'),
      says: 'PUT /bigin/v1/Deals/3652397000001829002/Products with {"data":[{"id":...},{"id":...}]}, no related id in the URL',
    },
  ],
  expected: {
    'success-single-deals': 0,
    'success-single-contacts': 0,
    'success-single-accounts': 0,
    'invalid-related-id': 0,
    'success-bulk': 1,
    'success-maximum': 1,
    'limit-exceeded': 1,
    'partial-success': 1,
    'invalid-data-single': 1,
  },
  why: 'Not settled one way: both forms are documented, both get cases, and the catalog lists both path templates.',
};

const CRM_ITEM = 'crm-update-records-postman-item.txt';
const SILENT_CRM = 'crm-oas describes CRM, not Bigin.';

/** The page prints its success body without a status. */
export const successStatus: Unconfirmed = {
  claim: 'HTTP 200 for a success (the page prints the body, not the status)',
  silent: at('Sample Response'),
  source: {
    page: CRM_ITEM,
    section: 'Postman Collection Item JSON: response "SUCCESS RESPONSE" (code 200, the CRM record APIs)',
  },
  openApi: { says: 'silent', detail: SILENT_CRM },
};

/** A bulk answer with a success and an error entry. */
export const mixedStatus: Unconfirmed = {
  claim: 'HTTP 202 for an answer that mixes a success and an error entry',
  silent: at('Possible Errors (a status per code, none for an answer mixing a success and an error)'),
  source: notesRef('4. Response envelopes: HTTP status for a mixed-result bulk PUT (UNCONFIRMED)'),
  openApi: { says: 'silent', detail: 'crm-oas describes CRM, not Bigin (for CRM it lists only 200).' },
};

/** 101 related records: the page states the maximum, not the answer past it. */
export const overLimit: Unconfirmed = {
  claim: 'a top-level LIMIT_EXCEEDED, HTTP 400, for 101 related records (as CRM answers 101 records)',
  silent: at('Request JSON keys: You can update a maximum of 100 related records per API call'),
  source: notesRef('3. CRM API limits: Per-call caps'),
  openApi: { says: 'silent', detail: SILENT_CRM },
};

/** Which bad related id gets the 400 and which the 202: the page prints both statuses and says neither. */
export const invalidDataSplit: Unconfirmed = {
  claim:
    'a bad related id in the URL answered top-level at 400, a bad id in the body answered per entry at 202 (either message passes in data[])',
  silent: at('Possible Errors: INVALID_DATA (HTTP 400; HTTP 202)'),
  source: {
    page: 'crm-update-records.txt',
    section: 'Possible Errors: INVALID_DATA HTTP 202 (an unknown id in the body fails its own entry)',
  },
  openApi: { says: 'silent', detail: SILENT_CRM },
};

/** A success worded as the CRM locking page words its relation update. */
export const relationUpdated: Unconfirmed = {
  claim:
    'a success may say "relation updated" (a relation already in place); the Bigin page prints only "relation added"',
  silent: at('Sample Response'),
  source: { page: 'crm-update-record-locking-information.txt', section: 'Sample Response' },
  openApi: { says: 'silent', detail: SILENT_CRM },
};

/** AUTHORIZATION_FAILED beside NO_PERMISSION: the page prints both, and no situation for either. */
export const authorizationFailed: Unconfirmed = {
  claim:
    "AUTHORIZATION_FAILED, HTTP 400, for a user who may not reach that deal (another user's private deal), apart from NO_PERMISSION's profile-level denial",
  silent: at('Possible Errors: AUTHORIZATION_FAILED'),
  source: {
    page: 'crm-update-records.txt',
    section: 'Possible Errors: AUTHORIZATION_FAILED HTTP 400 (the same code and status, read the same way)',
  },
  openApi: { says: 'silent', detail: SILENT_CRM },
};
