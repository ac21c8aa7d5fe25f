// Messages against what the sources print: a final full stop is not judged, every other difference is; borrowed wordings pass where the catalog says so.

import { describe, expect, it } from 'vitest';
import {
  updateRecordLockingInformation,
  updateRecords,
  updateRelatedRecords,
  type Case,
  type Endpoint,
} from '../../src/catalog/index.ts';
import { checkMessages, compileContract, normaliseMessage } from '../../src/validate/index.ts';

const caseOf = (endpoint: Endpoint, id: string): Case => {
  const found = endpoint.cases.find((c) => c.id === id);
  if (!found) throw new Error(`${endpoint.id} has no case ${id}`);
  return found;
};
const topLevel = (code: string, message: string) => ({ code, details: {}, message, status: 'error' });
/** The message findings of a top-level answer to one case. */
const errorFindings = (endpoint: Endpoint, id: string, code: string, message: string) =>
  checkMessages(compileContract(endpoint), 'error', topLevel(code, message), caseOf(endpoint, id)).findings;
const recordFindings = (endpoint: Endpoint, id: string, entries: Array<{ code: string; message: string }>) =>
  checkMessages(
    compileContract(endpoint),
    'records',
    { data: entries.map((e) => ({ ...e, details: {}, status: e.code === 'SUCCESS' ? 'success' : 'error' })) },
    caseOf(endpoint, id),
  ).findings;

describe('a final full stop (drift point crm/message-full-stop)', () => {
  it('passes a locking answer worded as the CRM page words it, without the stop the locking page prints', () => {
    const crmWording = 'The module name given seems to be invalid';
    expect(errorFindings(updateRecordLockingInformation, 'invalid-module', 'INVALID_MODULE', crmWording)).toEqual([]);
    expect(
      errorFindings(
        updateRecordLockingInformation,
        'no-permission',
        'NO_PERMISSION',
        'Permission denied to customize record lock configurations. The user does not have permission',
      ),
    ).toEqual([]);
  });

  it('passes an Update Records answer that ends with a stop its page does not print', () => {
    expect(
      errorFindings(
        updateRecords,
        'invalid-request-method',
        'INVALID_REQUEST_METHOD',
        'The http request method type is not a valid one.',
      ),
    ).toEqual([]);
  });

  it('fails any other difference: a stop inside the message, two stops, another mark, other words', () => {
    const broken = [
      'Permission denied to customize record lock configurations The user does not have permission.',
      'Permission denied to customize record lock configurations. The user does not have permission..',
      'Permission denied to customize record lock configurations. The user does not have permission!',
      'Permission denied.',
    ];
    for (const message of broken)
      expect(
        errorFindings(updateRecordLockingInformation, 'no-permission', 'NO_PERMISSION', message),
        message,
      ).toMatchObject([{ kind: 'message', path: '/message', got: message }]);
  });

  it('normalises only the last character, and only a full stop', () => {
    expect(normaliseMessage('  Internal  Server Error. ')).toBe('internal server error');
    expect(normaliseMessage('Internal Server Error')).toBe('internal server error');
    expect(normaliseMessage('Internal Server Error..')).toBe('internal server error.');
    expect(normaliseMessage('Internal. Server Error')).toBe('internal. server error');
  });
});

describe('wordings the catalog takes from another source', () => {
  it("passes a Bigin data[] INVALID_DATA worded as the page's 400 entry, and still fails other words", () => {
    const related = 'the related id given seems to be invalid';
    expect(
      recordFindings(updateRelatedRecords, 'invalid-data-single', [{ code: 'INVALID_DATA', message: related }]),
    ).toEqual([]);
    expect(
      recordFindings(updateRelatedRecords, 'partial-success', [
        { code: 'SUCCESS', message: 'relation updated' },
        { code: 'INVALID_DATA', message: 'invalid data' },
      ]),
    ).toEqual([]);
    expect(
      recordFindings(updateRelatedRecords, 'invalid-data-single', [
        { code: 'INVALID_DATA', message: 'no such product' },
      ]),
    ).toMatchObject([{ kind: 'message', path: '/data/0/message' }]);
  });

  it("checks the locking MANDATORY_NOT_FOUND against the OpenAPI's message, which no page prints", () => {
    const missing = (message: string) =>
      checkMessages(
        compileContract(updateRecordLockingInformation),
        'error',
        topLevel('MANDATORY_NOT_FOUND', message),
        caseOf(updateRecordLockingInformation, 'mandatory-locked-reason'),
      );
    expect(missing('required field not found')).toEqual({ findings: [], unpinned: [] });
    expect(missing('Locked_Reason__s is missing').findings).toMatchObject([{ kind: 'message', path: '/message' }]);
  });
});
