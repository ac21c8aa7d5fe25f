// A read's answers: `{data:[records], info}` is a list, a 204 without a body is empty; each fails when it is the other.

import { describe, expect, it } from 'vitest';
import type { Expectation } from '../../src/catalog/index.ts';
import { judgeResponse, observe, type SchemaCheck } from '../../src/validate/index.ts';

const noSchemaErrors: SchemaCheck = () => [];
const list = (count?: number): Expectation => ({
  shape: 'list',
  status: 200,
  ...(count === undefined ? {} : { count }),
});
const empty: Expectation = { shape: 'empty', status: 204, code: 'NO_CONTENT' };
const records = { data: [{ Last_Name: 'Boyle', id: '1' }], info: { more_records: false } };
const kinds = (expected: Expectation, status: number, body: string) =>
  judgeResponse(expected, { status, body }, noSchemaErrors).findings.map((f) => f.kind);

describe('a list read', () => {
  it('passes a data[] of records with info, and a single record without info when a list is expected', () => {
    expect(kinds(list(1), 200, JSON.stringify(records))).toEqual([]);
    expect(kinds(list(1), 200, JSON.stringify({ data: [{ id: '1' }] }))).toEqual([]);
    expect(observe(200, records).shape).toBe('list');
  });

  it('fails a record-write envelope, a top-level error, the wrong number of records and no body', () => {
    const written = { data: [{ code: 'SUCCESS', details: {}, message: 'm', status: 'success' }] };
    expect(kinds(list(), 200, JSON.stringify(written))).toEqual(['shape']);
    expect(kinds(list(), 400, JSON.stringify({ code: 'X', details: {}, message: 'm', status: 'error' }))).toEqual([
      'status',
      'shape',
    ]);
    expect(kinds(list(2), 200, JSON.stringify(records))).toEqual(['entries']);
    expect(kinds(list(), 204, '')).toEqual(['status', 'body']);
  });

  it('asks the schema for the list envelope', () => {
    const shapes: string[] = [];
    judgeResponse(list(), { status: 200, body: JSON.stringify(records) }, (shape) => {
      shapes.push(shape);
      return [];
    });
    expect(shapes).toEqual(['list']);
  });
});

describe('an empty answer (204)', () => {
  it('passes no body at all, and asks no schema', () => {
    const check: SchemaCheck = () => [{ kind: 'schema', message: 'asked' }];
    expect(judgeResponse(empty, { status: 204, body: '' }, check).findings).toEqual([]);
  });

  it('fails a body where none is owed, and another status', () => {
    expect(kinds(empty, 200, JSON.stringify(records))).toEqual(['status', 'shape']);
    expect(kinds(empty, 200, '')).toEqual(['status']);
  });
});
