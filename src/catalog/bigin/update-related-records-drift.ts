// Where the Bigin Update Related Records page contradicts itself or its neighbours: every variant, the one expected, and why.

import type { DocRef, DriftPoint } from '../types.ts';

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
    { source: at('Sample Request: To add the relation between a Lead and Campaigns'), says: 'Leads and Campaigns (CRM modules; the SDK samples use ZCRMRecord)' },
    { source: at('Supported relations'), says: 'Products - to - Contacts, Deals, Accounts (Companies in Bigin)' },
  ],
  expected: 1,
  why: 'Bigin has no Leads or Campaigns; the curl sample itself relates Products to a Deal. The cases use the supported relations only.',
};

export const scopeMismatchResolution: DriftPoint = {
  id: 'bigin-update-related-records/scope-mismatch-resolution',
  topic: 'OAUTH_SCOPE_MISMATCH names a CRM scope on a Bigin page',
  variants: [
    { source: at('Possible Errors: OAUTH_SCOPE_MISMATCH'), says: 'Client does not have ZohoCRM.modules.{module_name}.UPDATE scope' },
    { source: at('Scope'), says: 'ZohoBigin.modules.ALL or ZohoBigin.modules.{module_name}.{operation_type}' },
  ],
  expected: 1,
  why: 'The Scope section is specific to Bigin; the resolution text was copied from the CRM page.',
};

export const invalidDataStatus: DriftPoint = {
  id: 'bigin-update-related-records/invalid-data-status',
  topic: 'INVALID_DATA is documented twice, at 400 and at 202',
  variants: [
    { source: at('Possible Errors: INVALID_DATA (HTTP 400)'), says: '"the related id given seems to be invalid": HTTP 400, for the whole request', status: 400, shape: 'error' },
    { source: at('Possible Errors: INVALID_DATA (HTTP 202)'), says: '"invalid data": HTTP 202, per related record', status: 202, shape: 'records' },
  ],
  expected: 0,
  why: 'Both are kept as two cases: a bad related id in the URL fails the request (400); a bad entry of the bulk body fails that entry (202). Each case expects its own variant; the ledger shows the 400 reading as the one for the single-record form.',
};

export const successMessage: DriftPoint = {
  id: 'bigin-update-related-records/success-message',
  topic: 'Message of a successful update of a relation',
  variants: [
    { source: at('Sample Response'), says: '"relation added"', message: 'relation added' },
    { source: { page: 'crm-update-record-locking-information.txt', section: 'Sample Response' }, says: '"relation updated" (the CRM relation-update answer)', message: 'relation updated' },
  ],
  expected: 0,
  why: 'The sample relates products for the first time; either message passes (a relation already in place may be answered "relation updated"), and the drift observation records which one came back.',
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
