// A read's records against what was asked: the record asked for, only the fields asked for, only what matches the
// search. Pure; the rules come compiled, the request read once.

import type { CompiledEcho } from './compile-contract.ts';
import type { EchoResult } from './check-echoes.ts';
import { matchesCriteria } from './match-criteria.ts';
import type { SentRequest } from './read-request.ts';
import { isObject } from '../is-object.ts';

/** The items of a comma-separated query parameter (`ids=1,2`), trimmed; empty when it was not sent. */
export function listedItems(sent: SentRequest, name: string): string[] {
  const value = sent.query.get(name);
  return value === undefined
    ? []
    : value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);
}

/** Every list echo on every record of data[]. */
export function checkReadEchoes(echoes: readonly CompiledEcho[], sent: SentRequest, body: unknown): EchoResult[] {
  const records = isObject(body) && Array.isArray(body['data']) ? (body['data'] as unknown[]) : [];
  return echoes.flatMap((echo) =>
    echo.echo.kind === 'written-found'
      ? [checkWrittenFound(echo.echo.record, echo.echo.searchedBy, sent, records)]
      : records.map((record, i) => (isObject(record) ? checkRecord(echo, sent, record, `/data/${i}`) : undefined)),
  );
}

/** When the search carries the value the run wrote, the record it wrote it into is among the answers. */
function checkWrittenFound(
  recordVariable: string,
  searchedBy: string,
  sent: SentRequest,
  records: readonly unknown[],
): EchoResult {
  const value = sent.variables[searchedBy];
  const id = sent.variables[recordVariable];
  const searched = ['email', 'phone', 'word', 'criteria'].flatMap((name) => sent.query.get(name) ?? []);
  // A search for something else (nothing matching, another value) owes no particular record.
  if (value === undefined || !searched.some((text) => text.includes(value))) return undefined;
  if (id === undefined)
    return { unchecked: `echo of /data not checked: the run did not say which record it wrote (${recordVariable})` };
  const ids = records.flatMap((r) => (isObject(r) && typeof r['id'] === 'string' ? [r['id']] : []));
  return ids.includes(id)
    ? undefined
    : broken('/data', `must hold the record the run wrote with ${searchedBy} (${recordVariable})`, id, ids.join(','));
}

function checkRecord(echo: CompiledEcho, sent: SentRequest, record: Record<string, unknown>, at: string): EchoResult {
  const rule = echo.echo;
  switch (rule.kind) {
    case 'record-asked': {
      const asked = [
        ...(sent.params.has('record_id') ? [sent.params.get('record_id') ?? ''] : []),
        ...listedItems(sent, 'ids'),
      ];
      // A plain list read (no id in the URL, no ids) asked for no record in particular.
      if (asked.length === 0 || asked.some(isUnfilled)) return undefined;
      const got = record['id'];
      return typeof got === 'string' && asked.includes(got)
        ? undefined
        : broken(`${at}/id`, 'must be a record the request asked for', asked.join(','), got);
    }
    case 'fields-asked': {
      const fields = listedItems(sent, 'fields');
      if (fields.length === 0) return undefined;
      const allowed = new Set([...fields, ...rule.always]);
      const extra = Object.keys(record).filter((key) => !allowed.has(key));
      return extra.length === 0
        ? undefined
        : broken(at, 'must carry only the fields asked for', fields.join(','), extra.join(','));
    }
    case 'matches-search':
      return checkMatch(sent, record, at);
    case 'values-written':
      return checkWritten(rule.record, rule.fields, sent, record, at);
    default:
      return undefined;
  }
}

/** The record the run wrote (its id in the variable `recordVariable`) holds, in each field it carries, the value written. */
function checkWritten(
  recordVariable: string,
  fields: Readonly<Record<string, string>>,
  sent: SentRequest,
  record: Record<string, unknown>,
  at: string,
): EchoResult {
  const id = sent.variables[recordVariable];
  if (id === undefined)
    return { unchecked: `echo of ${at} not checked: the run did not say which record it wrote (${recordVariable})` };
  if (record['id'] !== id) return undefined;
  for (const [field, variable] of Object.entries(fields)) {
    const written = sent.variables[variable];
    if (!(field in record)) continue;
    if (written === undefined)
      return { unchecked: `echo of ${at}/${field} not checked: the run did not say what it wrote (${variable})` };
    if (record[field] !== written)
      return broken(`${at}/${field}`, `must hold the value the run wrote (${variable})`, written, record[field]);
  }
  return undefined;
}

/** The record matches the search the request made: email, phone, word or criteria (one of them, in that order). */
function checkMatch(sent: SentRequest, record: Record<string, unknown>, at: string): EchoResult {
  const values = Object.values(record).filter((v): v is string => typeof v === 'string');
  const lower = (text: string) => text.toLowerCase();
  const email = sent.query.get('email');
  const phone = sent.query.get('phone');
  const word = sent.query.get('word');
  const criteria = sent.query.get('criteria');
  const searched = email ?? phone ?? word ?? criteria;
  if (searched === undefined) return { unchecked: `echo of ${at} not checked: the request searched for nothing` };
  if (isUnfilled(searched)) return { unchecked: `echo of ${at} not checked: the search is a variable never filled in` };
  let matched: boolean | undefined;
  if (email !== undefined) matched = values.some((v) => lower(v) === lower(email));
  else if (phone !== undefined) matched = values.some((v) => v.replace(/\D/g, '') === phone.replace(/\D/g, ''));
  else if (word !== undefined) matched = values.some((v) => lower(v).includes(lower(word)));
  else matched = matchesCriteria(criteria ?? '', record);
  if (matched === undefined)
    return { unchecked: `echo of ${at} not checked: the criteria use an operator the verdict does not evaluate` };
  return matched ? undefined : broken(at, 'must match what the request searched for', searched, record['id']);
}

function broken(path: string, rule: string, sent: string, got: unknown): EchoResult {
  const gotText = typeof got === 'string' ? got : JSON.stringify(got);
  return {
    kind: 'echo',
    path,
    message: `${path} ${rule}: sent ${JSON.stringify(sent)}, got ${JSON.stringify(got)}`,
    sent,
    got: gotText,
  };
}

/** `{{record_id}}`: a collection variable the run did not fill in. */
function isUnfilled(value: string): boolean {
  return /^\{\{[^{}]+\}\}$/.test(value);
}
