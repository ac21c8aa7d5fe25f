// The module-generic cases on any module (--modules): a variant's id, name and request come from the case and the
// module alone, so the CLI, the harness files and the verdict thread all find the same variant from its id.

import { describe, expect, it } from 'vitest';
import {
  casesByIds,
  caseOnModule,
  casesForVersion,
  deleteRecords,
  getRecords,
  insertRecords,
  isModuleGeneric,
  moduleVariable,
  parseModuleVariable,
  updateRecords,
  upsertRecords,
  withModules,
  type Case,
  type Endpoint,
} from '../../src/catalog/index.ts';

const caseOf = (endpoint: Endpoint, id: string): Case => {
  const found = endpoint.cases.find((c) => c.id === id);
  if (!found) throw new Error(`${endpoint.id} has no case ${id}`);
  return found;
};

describe('a case on another module', () => {
  it('keeps what the page documents and rewrites the request for the module, its field names as run variables', () => {
    const base = caseOf(insertRecords, 'invalid-data-length');
    const variant = caseOnModule(insertRecords, base, 'Projects_Tracker');
    expect(variant).toMatchObject({
      id: 'invalid-data-length__Projects_Tracker',
      name: `${base.name} [Projects_Tracker]`,
      expect: base.expect,
      doc: base.doc,
      group: base.group,
      provocable: ['live'],
    });
    expect(variant.request.path).toBe('/crm/{version}/Projects_Tracker');
    expect(variant.request.body).toEqual({
      data: [{ '{{mod__Projects_Tracker__text_field}}': '{{mod__Projects_Tracker__text_too_long}}' }],
    });
  });

  it("reads and deletes the module's own records, made by the run", () => {
    const read = caseOnModule(getRecords, caseOf(getRecords, 'success-by-id'), 'Accounts');
    const gone = caseOnModule(deleteRecords, caseOf(deleteRecords, 'success-single'), 'Accounts');
    expect(read.request.path).toBe('/crm/{version}/Accounts/{{mod__Accounts__record_id}}');
    expect(gone.request.path).toBe('/crm/{version}/Accounts/{{mod__Accounts__delete_id}}');
  });

  it("leaves out the case's own echoes, which read the catalog module's fixtures", () => {
    const base = caseOf(insertRecords, 'success-single');
    const withEchoes: Case = {
      ...base,
      echoes: [
        {
          shape: 'records',
          codes: ['SUCCESS'],
          at: '/details/id',
          echo: { kind: 'variable', name: 'read_record_id' },
          doc: base.doc,
        },
      ],
    };
    expect(caseOnModule(insertRecords, withEchoes, 'Accounts').echoes).toBeUndefined();
    expect(caseOnModule(insertRecords, withEchoes, 'Leads').echoes).toHaveLength(1);
  });

  it('is the catalog case itself on the module the case is written for', () => {
    const base = caseOf(updateRecords, 'success-single');
    expect(caseOnModule(updateRecords, base, 'Leads')).toBe(base);
  });

  it('exists only for module-generic cases', () => {
    expect(isModuleGeneric(insertRecords, caseOf(insertRecords, 'duplicate-data'))).toBe(true);
    expect(isModuleGeneric(insertRecords, caseOf(insertRecords, 'invalid-token'))).toBe(false);
    const auth = caseOf(insertRecords, 'invalid-token');
    expect(caseOnModule(insertRecords, auth, 'Accounts')).toBe(auth);
  });
});

describe('withModules', () => {
  it('runs each module-generic case on every named module, in order, and keeps the other cases once', () => {
    const [selection] = withModules(
      [{ endpoint: insertRecords, version: 'v8', cases: casesForVersion(insertRecords, 'v8') }],
      ['Leads', 'Accounts'],
    );
    const ids = selection?.cases.map((c) => c.id) ?? [];
    expect(ids).toContain('success-single');
    expect(ids).toContain('success-single__Accounts');
    expect(ids.indexOf('success-single__Accounts')).toBe(ids.indexOf('success-single') + 1);
    expect(ids.filter((id) => id.startsWith('invalid-token'))).toEqual(['invalid-token']);
  });

  it('drops the catalog module when it is not named', () => {
    const [selection] = withModules(
      [{ endpoint: insertRecords, version: 'v8', cases: casesForVersion(insertRecords, 'v8') }],
      ['Accounts'],
    );
    const ids = selection?.cases.map((c) => c.id) ?? [];
    expect(ids).not.toContain('success-single');
    expect(ids).toContain('success-single__Accounts');
  });
});

describe('casesByIds', () => {
  it('finds a variant from its id alone, as the verdict thread is asked for it', () => {
    const found = casesByIds(updateRecords, 'v8', ['duplicate-data__Accounts', 'success-single']);
    expect(found.map((c) => c.id)).toEqual(['success-single', 'duplicate-data__Accounts']);
    expect(found[1]?.request.path).toBe('/crm/{version}/Accounts/{{mod__Accounts__second_id}}');
  });

  it('finds nothing for an id whose module is no API name, or whose case is not module-generic', () => {
    expect(
      casesByIds(updateRecords, 'v8', ['success-single__', 'success-single__9x', 'invalid-token__Accounts']),
    ).toEqual([]);
  });
});

describe('module variables', () => {
  it('name their module and role, and read back', () => {
    const name = moduleVariable('Projects_Tracker', 'unique_value');
    expect(name).toBe('mod__Projects_Tracker__unique_value');
    expect(parseModuleVariable(name)).toEqual({ module: 'Projects_Tracker', role: 'unique_value' });
    expect(parseModuleVariable('read_record_id')).toBeUndefined();
    expect(parseModuleVariable('mod__Accounts__colour')).toBeUndefined();
  });
});

describe("a variant's own echoes", () => {
  it("keeps an upsert's action, and checks the matched id against the module's own record", () => {
    const update = upsertRecords.cases.find((c) => c.id === 'success-update') as Case;
    const variant = caseOnModule(upsertRecords, update, 'Accounts');
    expect(variant.echoes?.map((e) => e.echo)).toEqual([
      { kind: 'expected', value: 'update' },
      { kind: 'variable', name: 'mod__Accounts__record_id' },
    ]);
    expect(variant.request.body).toEqual({
      data: [{ '{{mod__Accounts__unique_field}}': '{{mod__Accounts__unique_value}}' }],
      duplicate_check_fields: ['{{mod__Accounts__unique_field}}'],
    });
  });
});
