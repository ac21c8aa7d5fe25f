import { describe, expect, it } from 'vitest';
import type { Expectation } from '../../src/catalog/index.ts';
import { judgeResponse, type SchemaCheck } from '../../src/validate/judge-response.ts';

const noSchemaErrors: SchemaCheck = () => [];
const records = (status: number, ...codes: string[]): Expectation => ({ shape: 'records', status, codes });
const error = (status: number, code: string, message?: string): Expectation => ({
  shape: 'error',
  status,
  code,
  ...(message ? { message } : {}),
});
const body = (value: unknown): string => JSON.stringify(value);
const entry = (code: string) => ({ code, details: {}, message: 'm', status: code === 'SUCCESS' ? 'success' : 'error' });

describe('judgeResponse', () => {
  it('finds nothing when status, shape and codes match', () => {
    const { findings, actual } = judgeResponse(
      records(202, 'RECORD_LOCKED'),
      { status: 202, body: body({ data: [entry('RECORD_LOCKED')] }) },
      noSchemaErrors,
    );
    expect(findings).toEqual([]);
    expect(actual).toEqual({ status: 202, codes: ['RECORD_LOCKED'], shape: 'records', messages: ['m'] });
  });

  it('reports a 202 turned 200 as a status finding', () => {
    const { findings } = judgeResponse(
      records(202, 'RECORD_LOCKED'),
      { status: 200, body: body({ data: [entry('RECORD_LOCKED')] }) },
      noSchemaErrors,
    );
    expect(findings).toEqual([{ kind: 'status', message: 'expected HTTP 202, got 200' }]);
  });

  it('reports a top-level error wrapped in data[] as a shape finding naming the code', () => {
    const { findings } = judgeResponse(
      error(400, 'INVALID_MODULE'),
      { status: 400, body: body({ data: [entry('INVALID_MODULE')] }) },
      noSchemaErrors,
    );
    expect(findings).toEqual([
      { kind: 'shape', message: 'expected a top-level error object, got a data[] envelope (code INVALID_MODULE)' },
    ]);
  });

  it('reports a body that is not JSON and skips the schema', () => {
    let schemaCalls = 0;
    const { findings, actual } = judgeResponse(
      error(400, 'INVALID_DATA'),
      { status: 400, body: '<html>oops</html>' },
      () => {
        schemaCalls += 1;
        return [];
      },
    );
    expect(findings).toEqual([
      { kind: 'body', message: 'body is an HTML page, not JSON (starts "<html>oops</html>")' },
    ]);
    expect(actual.shape).toBe('other');
    expect(schemaCalls).toBe(0);
  });

  it('reports an empty body as such', () => {
    const { findings } = judgeResponse(records(200, 'SUCCESS'), { status: 200, body: '' }, noSchemaErrors);
    expect(findings.map((f) => f.message)).toEqual(['body is empty, not JSON']);
  });

  it('names plain text and wrong Content-Type separately from truncated JSON', () => {
    expect(
      judgeResponse(records(200, 'SUCCESS'), { status: 200, body: 'OK' }, noSchemaErrors).findings.map(
        (f) => f.message,
      ),
    ).toEqual(['body is not JSON (starts "OK")']);
    const typed = judgeResponse(
      records(200, 'SUCCESS'),
      { status: 200, body: body({ data: [entry('SUCCESS')] }), headers: { 'content-type': 'text/plain' } },
      noSchemaErrors,
    );
    expect(typed.findings).toEqual([
      { kind: 'content-type', message: 'Content-Type is text/plain, not application/json' },
    ]);
    const json = judgeResponse(
      records(200, 'SUCCESS'),
      {
        status: 200,
        body: body({ data: [entry('SUCCESS')] }),
        headers: { 'Content-Type': 'application/json;charset=utf-8' },
      },
      noSchemaErrors,
    );
    expect(json.findings).toEqual([]);
  });

  it('reports a dropped bulk entry as an entries finding', () => {
    const { findings } = judgeResponse(
      records(200, 'SUCCESS', 'SUCCESS'),
      { status: 200, body: body({ data: [entry('SUCCESS')] }) },
      noSchemaErrors,
    );
    expect(findings).toEqual([{ kind: 'entries', message: 'expected 2 data[] entries (one per record sent), got 1' }]);
  });

  it('names each entry whose code differs, in order', () => {
    const { findings } = judgeResponse(
      records(202, 'SUCCESS', 'MANDATORY_NOT_FOUND'),
      { status: 202, body: body({ data: [entry('MANDATORY_NOT_FOUND'), entry('SUCCESS')] }) },
      noSchemaErrors,
    );
    expect(findings).toEqual([
      {
        kind: 'code',
        message: 'data[0] expected SUCCESS, got MANDATORY_NOT_FOUND; data[1] expected MANDATORY_NOT_FOUND, got SUCCESS',
      },
    ]);
  });

  it('reports a missing top-level code as "none"', () => {
    const { findings } = judgeResponse(
      error(401, 'OAUTH_SCOPE_MISMATCH'),
      { status: 401, body: body({ code: 'INVALID_TOKEN', details: {}, message: 'x', status: 'error' }) },
      noSchemaErrors,
    );
    expect(findings).toEqual([{ kind: 'code', message: 'expected code OAUTH_SCOPE_MISMATCH, got INVALID_TOKEN' }]);
  });

  it('compares the message case-insensitively only when the case pins one', () => {
    const expected = error(400, 'INVALID_MODULE', 'the given module is not supported in api');
    const same = judgeResponse(
      expected,
      {
        status: 400,
        body: body({
          code: 'INVALID_MODULE',
          details: {},
          message: 'The given module is not supported in API',
          status: 'error',
        }),
      },
      noSchemaErrors,
    );
    const other = judgeResponse(
      expected,
      {
        status: 400,
        body: body({
          code: 'INVALID_MODULE',
          details: {},
          message: 'the module name given seems to be invalid',
          status: 'error',
        }),
      },
      noSchemaErrors,
    );
    expect(same.findings).toEqual([]);
    expect(other.findings.map((f) => f.kind)).toEqual(['message']);
  });

  it('passes the parsed body and expected shape to the schema check and keeps its findings', () => {
    const seen: Array<[string, unknown]> = [];
    const { findings } = judgeResponse(
      records(200, 'SUCCESS'),
      { status: 200, body: body({ data: [entry('SUCCESS')] }) },
      (shape, parsed) => {
        seen.push([shape, parsed]);
        return [
          {
            kind: 'schema',
            message: "/data/0/details must have required property 'id'",
            path: '/data/0/details',
            keyword: 'required',
          },
        ];
      },
    );
    expect(seen).toEqual([['records', { data: [entry('SUCCESS')] }]]);
    expect(findings.map((f) => f.path)).toEqual(['/data/0/details']);
  });
});
