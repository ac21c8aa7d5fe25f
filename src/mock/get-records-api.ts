// GET records as Zoho's Get Records page describes it: a page of a module's records with only the fields asked for,
// `ids`, `page`/`per_page` (the first 2000 records) and `page_token` past them, `info.more_records`; one record by id.

import type { MockState } from './mock-state.ts';
import type { MockRecord } from './seed.ts';
import type { Handled, RecordsRequest } from './records-api.ts';
import { topLevelError, type Json } from './zoho-errors.ts';

const MAX_FIELDS = 50;
const MAX_PER_PAGE = 200;
/** Records reachable with `page`: past them only `page_token` goes on. */
const DISCRETE_LIMIT = 2000;

/** GET one record (its fields, or those asked for), or 204 with no body when the id holds none. */
export function handleRead(state: MockState, request: RecordsRequest): Handled {
  const fields = fieldList(request.query);
  if (fields && fields.length > MAX_FIELDS) return fieldCapExceeded();
  const record = request.recordId ? state.moduleRecords(request.module).get(request.recordId) : undefined;
  if (!record || !request.recordId) return { response: { status: 204, body: {} }, behaviours: ['NO_CONTENT:read'] };
  return {
    response: { status: 200, body: { data: [project(record, request.recordId, fields)] } },
    behaviours: ['SUCCESS:read'],
  };
}

/** GET a module's records: `fields` is mandatory; `ids` picks records; a page by number or by token. */
export function handleList(state: MockState, request: RecordsRequest): Handled {
  const { query } = request;
  const fields = fieldList(query);
  if (!fields)
    return {
      response: topLevelError('REQUIRED_PARAM_MISSING', { param_name: 'fields' }),
      behaviours: ['REQUIRED_PARAM_MISSING:fields'],
    };
  if (fields.length > MAX_FIELDS) return fieldCapExceeded();
  const perPage = Math.min(positive(query.get('per_page')) ?? MAX_PER_PAGE, MAX_PER_PAGE);
  const token = query.get('page_token');
  const start = token ? tokenOffset(token) : ((positive(query.get('page')) ?? 1) - 1) * perPage;
  if (start === undefined)
    return {
      response: topLevelError('INVALID_DATA', { param_name: 'page_token' }),
      behaviours: ['INVALID_DATA:page_token'],
    };
  if (!token && start + perPage > DISCRETE_LIMIT)
    return {
      response: topLevelError('DISCRETE_PAGINATION_LIMIT_EXCEEDED'),
      behaviours: ['DISCRETE_PAGINATION_LIMIT_EXCEEDED'],
    };
  const ids = query
    .get('ids')
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const all = [...state.moduleRecords(request.module)].filter(([id]) => !ids || ids.includes(id));
  const page = all.slice(start, start + perPage);
  if (page.length === 0) return { response: { status: 204, body: {} }, behaviours: ['NO_CONTENT:list'] };
  const more = start + perPage < all.length;
  return {
    response: {
      status: 200,
      body: {
        data: page.map(([id, record]) => project(record, id, fields)),
        info: info(start, perPage, page.length, more),
      },
    },
    behaviours: ['SUCCESS:list'],
  };
}

/** `info` of a page: Zoho gives a `next_page_token` whenever another page exists. */
export function info(start: number, perPage: number, count: number, more: boolean): Json {
  return {
    per_page: perPage,
    count,
    page: Math.floor(start / perPage) + 1,
    sort_by: 'id',
    sort_order: 'desc',
    more_records: more,
    next_page_token: more ? pageToken(start + perPage) : null,
    previous_page_token: start > 0 ? pageToken(Math.max(0, start - perPage)) : null,
    page_token_expiry: more ? '2099-01-01T00:00:00+00:00' : null,
  };
}

/** The record as the read answers it: every field, or only those asked for, and always its id. */
export function project(record: MockRecord, id: string, fields: readonly string[] | undefined): Json {
  const values = fields
    ? Object.fromEntries(fields.filter((f) => f !== 'id').map((f) => [f, record.fields[f] ?? null]))
    : { ...record.fields };
  return { ...values, id };
}

/** The `fields` parameter's names; undefined when it is absent or empty. */
export function fieldList(query: URLSearchParams): string[] | undefined {
  const names = query
    .get('fields')
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return names && names.length > 0 ? names : undefined;
}

function fieldCapExceeded(): Handled {
  return {
    response: topLevelError('LIMIT_EXCEEDED', { limit: MAX_FIELDS }, 'Max field limit exceeded'),
    behaviours: ['LIMIT_EXCEEDED:fields'],
  };
}

function positive(value: string | null): number | undefined {
  const n = value === null ? Number.NaN : Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** An opaque-looking token that carries the offset of the next page (the mock keeps no token state). */
function pageToken(offset: number): string {
  return `mock-page-${Buffer.from(String(offset)).toString('base64url')}`;
}

function tokenOffset(token: string): number | undefined {
  if (!token.startsWith('mock-page-')) return undefined;
  const n = Number(Buffer.from(token.slice('mock-page-'.length), 'base64url').toString());
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}
