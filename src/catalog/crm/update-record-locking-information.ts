// CRM Update Record Locking Information (crm-update-record-locking-information.txt): every documented behaviour as a case. Pure data.

import { mockInternalError } from '../common-cases.ts';
import type { Case, DocRef, Endpoint } from '../types.ts';
import {
  invalidLockIdMessage,
  lockableModules,
  messageFullStop,
  methodStatus,
  missingReason,
  missingReasonShape,
  notAllowedMeaning,
  notLockable,
  openApiScope,
  openApiStatuses,
  ruleHeldLock,
  scopeMismatch,
  scopeSpelling,
  successMessage,
  successStatus,
} from './update-record-locking-information-drift.ts';
import { lockingDetails } from './update-record-locking-information-details.ts';
import { lockingEchoes, lockingMessages } from './update-record-locking-information-echoes.ts';

const PAGE = 'crm-update-record-locking-information.txt';
const errors = (code: string): DocRef => ({ page: PAGE, section: `Possible Errors: ${code}` });
const lockPath = (module: string, record: string, lock: string): string =>
  `/crm/{version}/${module}/{{${record}}}/Locking_Information__s/{{${lock}}}`;
const LEAD = lockPath('Leads', 'locked_lead_id', 'lead_lock_id');
const FULL = { token: 'access_token' } as const;
const both = ['mock', 'live'] as const;
const reason = { data: [{ Locked_Reason__s: 'deal  info updated' }] };

const cases: readonly Case[] = [
  ...(
    [
      ['Leads', 'locked_lead_id', 'lead_lock_id', 'leads'],
      ['Deals', 'locked_deal_id', 'deal_lock_id', 'deals'],
      // The custom module differs per org: its API name is a variable (the mock's Custom_Module1; live mode picks a lockable one).
      ['{{locking_custom_module}}', 'locked_custom_id', 'custom_lock_id', 'a custom module'],
    ] as const
  ).map(
    ([module, record, lock, label]): Case => ({
      // Ids stay as they were when the custom module was Custom_Module1, so baselines still match.
      id: `success-${(module.startsWith('{{') ? 'custom_module1' : module).toLowerCase().replace(/_/g, '-')}`,
      name: `SUCCESS updating the lock reason of a locked record in ${label}`,
      group: 'success',
      request: { method: 'PUT', path: lockPath(module, record, lock), auth: FULL, body: reason },
      expect: { shape: 'records', status: 200, codes: ['SUCCESS'] },
      doc: { page: PAGE, section: `Sample Response; Possible module names: ${label}` },
      provocable: both,
      ...(module === 'Leads' ? {} : { drift: [lockableModules] }),
      unconfirmed: [successStatus],
    }),
  ),
  {
    id: 'mandatory-locked-reason',
    name: 'MANDATORY_NOT_FOUND when Locked_Reason__s is missing',
    group: 'request errors',
    request: { method: 'PUT', path: LEAD, auth: FULL, body: { data: [{}] } },
    expect: { shape: 'error', status: 400, code: 'MANDATORY_NOT_FOUND' },
    doc: { page: PAGE, section: 'Input JSON Keys: Locked_Reason__s string, mandatory' },
    provocable: both,
    drift: [missingReasonShape],
    unconfirmed: [missingReason],
  },
  {
    id: 'invalid-module',
    name: 'INVALID_MODULE when the module name is wrong',
    group: 'request errors',
    request: { method: 'PUT', path: lockPath('Lead', 'locked_lead_id', 'lead_lock_id'), auth: FULL, body: reason },
    expect: { shape: 'error', status: 400, code: 'INVALID_MODULE' },
    doc: errors('INVALID_MODULE'),
    provocable: both,
    drift: [messageFullStop],
  },
  {
    id: 'invalid-module-not-lockable',
    name: 'INVALID_MODULE for a module the page does not list (Campaigns)',
    group: 'request errors',
    request: { method: 'PUT', path: lockPath('Campaigns', 'campaign_id', 'lead_lock_id'), auth: FULL, body: reason },
    expect: { shape: 'error', status: 400, code: 'INVALID_MODULE' },
    doc: { page: PAGE, section: 'Possible module names (Campaigns is not one); Possible Errors: INVALID_MODULE' },
    provocable: both,
    drift: [lockableModules, messageFullStop],
    unconfirmed: [notLockable],
  },
  {
    id: 'not-allowed',
    name: 'NOT_ALLOWED when the lock is held by a locking rule',
    group: 'request errors',
    request: {
      method: 'PUT',
      path: lockPath('Leads', 'rule_locked_lead_id', 'rule_lock_id'),
      auth: FULL,
      body: reason,
    },
    expect: { shape: 'error', status: 403, code: 'NOT_ALLOWED' },
    doc: errors('NOT_ALLOWED'),
    provocable: both,
    drift: [notAllowedMeaning, openApiStatuses],
    unconfirmed: [ruleHeldLock],
  },
  {
    id: 'invalid-request-method',
    name: 'INVALID_REQUEST_METHOD (403) when POST is sent to a lock URL',
    group: 'request errors',
    request: { method: 'POST', path: LEAD, auth: FULL, body: reason },
    expect: { shape: 'error', status: 403, code: 'INVALID_REQUEST_METHOD' },
    doc: errors('INVALID_REQUEST_METHOD'),
    provocable: both,
    drift: [methodStatus, openApiStatuses],
  },
  {
    id: 'scope-without-locking',
    name: 'OAUTH_SCOPE_MISMATCH when the token has the module scope but not lockinginformation.Update',
    group: 'auth',
    request: { method: 'PUT', path: LEAD, auth: { token: 'token_module_scope_only' }, body: reason },
    expect: { shape: 'error', status: 401, code: 'OAUTH_SCOPE_MISMATCH' },
    doc: { page: PAGE, section: 'Scope: ZohoCRM.modules.lockinginformation.Update (and) a module scope' },
    provocable: both,
    drift: [openApiScope, scopeSpelling],
    unconfirmed: [scopeMismatch],
  },
  {
    id: 'scope-without-module',
    name: 'OAUTH_SCOPE_MISMATCH when the token has lockinginformation.Update but no module scope',
    group: 'auth',
    request: { method: 'PUT', path: LEAD, auth: { token: 'token_locking_scope_only' }, body: reason },
    expect: { shape: 'error', status: 401, code: 'OAUTH_SCOPE_MISMATCH' },
    doc: { page: PAGE, section: 'Scope: ZohoCRM.modules.lockinginformation.Update (and) a module scope' },
    provocable: both,
    drift: [openApiScope, scopeSpelling],
    unconfirmed: [scopeMismatch],
  },
  {
    id: 'no-permission',
    name: 'NO_PERMISSION when the user may not customise record locks',
    group: 'auth',
    request: { method: 'PUT', path: LEAD, auth: { token: 'token_no_permission' }, body: reason },
    expect: { shape: 'error', status: 403, code: 'NO_PERMISSION' },
    doc: errors('NO_PERMISSION'),
    provocable: both,
    drift: [openApiStatuses],
  },
  mockInternalError({ method: 'PUT', path: LEAD, auth: FULL, body: reason }, errors('INTERNAL_ERROR'), {
    drift: [openApiStatuses],
  }),
];

/** CRM Update Record Locking Information: PUT the reason of an existing lock. */
export const updateRecordLockingInformation = {
  product: 'crm',
  id: 'update-record-locking-information',
  title: 'Update Record Locking Information',
  docPage: PAGE,
  method: 'PUT',
  paths: ['/crm/{version}/{module_API_name}/{record_id}/Locking_Information__s/{record_locking_id}'],
  // v4 is the page's sample; v8 is what an org is called on today (zoho-notes.md section 6 lists the same PUT for v8).
  versions: ['v4', 'v8'],
  contractVersion: '1.0.0',
  scopes: [
    'ZohoCRM.modules.lockinginformation.Update AND (ZohoCRM.modules.ALL or ZohoCRM.modules.{module_name}.{ALL|UPDATE})',
  ],
  documentedCodes: [
    'SUCCESS',
    'INVALID_MODULE',
    'NOT_ALLOWED',
    'INVALID_REQUEST_METHOD',
    'NO_PERMISSION',
    'INTERNAL_ERROR',
  ],
  keys: { mandatory: ['Locked_Reason__s'], optional: [] },
  details: lockingDetails,
  cases,
  drift: [
    methodStatus,
    lockableModules,
    notAllowedMeaning,
    scopeSpelling,
    openApiScope,
    missingReasonShape,
    successMessage,
    openApiStatuses,
    invalidLockIdMessage,
    messageFullStop,
  ],
  echoes: lockingEchoes,
  messages: lockingMessages,
} satisfies Endpoint;
