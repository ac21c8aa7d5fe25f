// The answer against its request: ids, keys and times it must echo, one entry per record sent. Pure; rules come compiled.
// An echo whose sent value cannot be read is never a silent pass: it is named in `unchecked` ("echo of ... not checked").

import type { CompiledContract, CompiledEcho } from './compile-contract.ts';
import { checkActionOfMatch, checkExpected, checkMatchedField, checkNewId } from './check-write-echoes.ts';
import { formatPointer, readPointer } from './json-pointer.ts';
import type { ResponseShape } from '../catalog/index.ts';
import { checkReadEchoes, listedItems } from './check-read-echoes.ts';
import type { SentRequest } from './read-request.ts';
import { isObject } from '../is-object.ts';
import type { Finding } from '../verdict/index.ts';

/** What the echo rules found: the broken echoes, and each echo that could not be checked with why (prefix "echo"). */
export interface EchoCheck {
  readonly findings: Finding[];
  readonly unchecked: string[];
}

/** One rule's outcome: a finding, nothing (held), or why it could not be checked. */
export type EchoResult = Finding | { readonly unchecked: string } | undefined;

/** Every echo the answer breaks; `clockSkewMs` null leaves times unchecked (and says so). */
export function checkEchoes(
  contract: CompiledContract,
  sent: SentRequest,
  shape: ResponseShape,
  body: unknown,
  clockSkewMs: number | null,
): EchoCheck {
  const results: EchoResult[] = [];
  if (shape === 'empty') return collect(results);
  if (shape === 'list') return collect(checkReadEchoes(contract.listEchoes, sent, body));
  if (shape !== 'records') {
    const code = isObject(body) && typeof body['code'] === 'string' ? body['code'] : '';
    const echoes = shape === 'object' ? contract.objectEchoes : (contract.errorEchoes.get(code) ?? []);
    for (const echo of echoes) results.push(checkEcho(echo, sent, body, 0, '', clockSkewMs));
    return collect(results);
  }
  const entries = isObject(body) && Array.isArray(body['data']) ? (body['data'] as unknown[]) : [];
  const records = contract.entriesFor ? readPointer(sent.body, contract.entriesFor) : undefined;
  if (contract.entriesFor && !Array.isArray(records)) {
    const at = formatPointer('', contract.entriesFor);
    results.push({
      unchecked: `echo of /data (one entry per record sent) not checked: the request sent no ${at} list`,
    });
  }
  const listed = contract.entriesListed === undefined ? undefined : listedItems(sent, contract.entriesListed);
  // Only a bulk URL lists its ids (a single-record path answers one entry, for the id in the URL).
  if (listed !== undefined && listed.length > 0 && !sent.params.has('record_id') && listed.length !== entries.length) {
    results.push({
      kind: 'entries',
      message: `/data: sent ${listed.length} ${contract.entriesListed}, got ${entries.length} entr${entries.length === 1 ? 'y' : 'ies'} (one per item, in order)`,
      path: '/data',
      sent: String(listed.length),
      got: String(entries.length),
    });
  }
  if (Array.isArray(records) && records.length !== entries.length) {
    results.push({
      kind: 'entries',
      message: `/data: sent ${records.length} record${records.length === 1 ? '' : 's'}, got ${entries.length} entr${entries.length === 1 ? 'y' : 'ies'} (one per record, in order)`,
      path: '/data',
      sent: String(records.length),
      got: String(entries.length),
    });
  }
  entries.forEach((entry, i) => {
    const code = isObject(entry) ? entry['code'] : undefined;
    for (const echo of (typeof code === 'string' && contract.recordEchoes.get(code)) || [])
      results.push(checkEcho(echo, sent, entry, i, `/data/${i}`, clockSkewMs, entries));
  });
  return collect(results);
}

/** Findings as they come; unchecked echoes once each, those of many entries for one reason as one note (`/data/{i}`). */
function collect(results: readonly EchoResult[]): EchoCheck {
  const findings: Finding[] = [];
  const unchecked = new Map<string, string[]>();
  for (const result of results) {
    if (result === undefined) continue;
    if (!('unchecked' in result)) {
      findings.push(result);
      continue;
    }
    const key = result.unchecked.replace(/\/data\/\d+(?!\d)/g, '/data/{i}');
    const notes = unchecked.get(key) ?? [];
    if (!notes.includes(result.unchecked)) notes.push(result.unchecked);
    unchecked.set(key, notes);
  }
  return {
    findings,
    unchecked: [...unchecked].map(([key, notes]) =>
      notes.length === 1 ? (notes[0] ?? key) : key.replace(' not checked:', ` (${notes.length} entries) not checked:`),
    ),
  };
}

function checkEcho(
  echo: CompiledEcho,
  sent: SentRequest,
  container: unknown,
  index: number,
  prefix: string,
  clockSkewMs: number | null,
  entries: readonly unknown[] = [],
): EchoResult {
  const got = readPointer(container, echo.at);
  const path = formatPointer(prefix, echo.at, index);
  // An absent value is the schema's finding (required keys), not a second one here.
  if (got === undefined) return undefined;
  const where = `${formatPointer('', echo.record ?? [], index) || 'the body'}`;
  const notChecked = (why: string) => ({ unchecked: `echo of ${path} not checked: ${why}` });
  switch (echo.echo.kind) {
    case 'value': {
      const checked = checkValue(echo, sent, got, index, path);
      return checked === null ? notChecked(unreadSources(echo, sent, index)) : checked;
    }
    case 'key-sent': {
      const record = readPointer(sent.body, echo.record ?? [], index);
      if (!isObject(record)) return notChecked(`the request sent no record at ${where} to read its keys from`);
      if (typeof got !== 'string' || got in record) return undefined;
      return broken(
        path,
        `must name a key of the record sent at ${where} (${Object.keys(record).join(', ') || 'none'})`,
        Object.keys(record),
        got,
      );
    }
    case 'key-left-out': {
      const record = readPointer(sent.body, echo.record ?? [], index);
      if (!isObject(record)) return notChecked(`the request sent no record at ${where} to read its keys from`);
      if (typeof got !== 'string') return undefined;
      const missing = echo.echo.keys.filter(
        (key) => record[key] === undefined || record[key] === null || record[key] === '',
      );
      if (missing.includes(got)) return undefined;
      return broken(
        path,
        missing.length
          ? `must name the key the record sent at ${where} left out`
          : `names a left-out key, but the record sent at ${where} has every one of ${echo.echo.keys.join(', ')}`,
        missing,
        got,
      );
    }
    case 'time-of-request':
      if (clockSkewMs === null) return notChecked('times of a write are not checked in this run');
      if (sent.sentAt === undefined) return notChecked('the time the request left is not known');
      return checkTime(path, got, sent.sentAt, sent.receivedAt ?? sent.sentAt, clockSkewMs);
    // The echoes of writes that create or match records (Insert, Upsert): check-write-echoes.ts.
    case 'new-id':
      return checkNewId(echo, sent, got, entries, index, path);
    case 'matched-field':
      return checkMatchedField(echo, echo.echo.fields, sent, got, index, path);
    case 'action-of-match':
      return checkActionOfMatch(echo.echo.matched, container, got, path);
    case 'expected':
      return checkExpected(echo.echo.value, got, path);
    case 'variable': {
      const known = sent.variables[echo.echo.name];
      if (known === undefined) return notChecked(`the run does not know its ${echo.echo.name}`);
      return known === got ? undefined : broken(path, `must be the run's ${echo.echo.name}`, known, got);
    }
    default:
      // The kinds of a read's records (record-asked, fields-asked, matches-search) are check-read-echoes.ts's.
      return undefined;
  }
}

/** The first source the request gives a value for, compared; null when none could be read. */
function checkValue(
  echo: CompiledEcho,
  sent: SentRequest,
  got: unknown,
  index: number,
  path: string,
): EchoResult | null {
  for (const source of echo.sources) {
    const value =
      'param' in source
        ? sent.params.get(source.param)
        : 'listed' in source
          ? listedItems(sent, source.listed)[index]
          : readPointer(sent.body, source.sent, index);
    // A variable left unfilled is not a value the target saw: nothing to compare it with.
    if (value === undefined || isUnfilled(value)) continue;
    const label =
      'param' in source
        ? `the URL's ${source.param}`
        : 'listed' in source
          ? `item ${index} of the URL's ${source.listed}`
          : `the request's ${formatPointer('', source.sent, index)}`;
    return JSON.stringify(value) === JSON.stringify(got) ? undefined : broken(path, `must echo ${label}`, value, got);
  }
  return null;
}

/** Why no source of a value echo could be read: "the URL's record_id could not be read (...), nor the request's ...". */
function unreadSources(echo: CompiledEcho, sent: SentRequest, index: number): string {
  const reasons = echo.sources.map((source) => {
    if ('param' in source) {
      const value = sent.params.get(source.param);
      const why = !sent.matched
        ? "its path matches none of the endpoint's paths"
        : value === undefined
          ? 'not in the path it matched'
          : 'a variable never filled in';
      return `the URL's ${source.param} (${why})`;
    }
    if ('listed' in source) {
      const value = listedItems(sent, source.listed)[index];
      return `item ${index} of the URL's ${source.listed} (${value === undefined ? 'not sent' : 'a variable never filled in'})`;
    }
    const value = readPointer(sent.body, source.sent, index);
    const why = value === undefined ? 'not sent' : 'a variable never filled in';
    return `the request's ${formatPointer('', source.sent, index)} (${why})`;
  });
  const [first, ...rest] = reasons;
  return `${first ?? 'the value sent'} could not be read${rest.map((r) => `, nor ${r}`).join('')}`;
}

/** A write's timestamp lies between the request leaving and the answer arriving, give or take the clock skew. */
function checkTime(path: string, got: unknown, sentAt: number, receivedAt: number, clockSkewMs: number): EchoResult {
  // Not a timestamp at all is the schema's finding (format), not an echo's.
  const time = typeof got === 'string' ? Date.parse(got) : Number.NaN;
  if (Number.isNaN(time)) return undefined;
  // Zoho's timestamps have whole seconds: the request's second counts as inside.
  const from = sentAt - clockSkewMs - 1000;
  const to = receivedAt + clockSkewMs;
  if (time >= from && time <= to) return undefined;
  const window = `${new Date(from).toISOString()} .. ${new Date(to).toISOString()}`;
  return {
    kind: 'echo',
    path,
    message: `${path} must be the time of the request (${window}, clock skew ${clockSkewMs / 1000} s, --clock-skew): got ${JSON.stringify(got)}`,
    sent: window,
    got: String(got),
  };
}

function broken(path: string, rule: string, sent: unknown, got: unknown): Finding {
  const sentText = typeof sent === 'string' ? sent : JSON.stringify(sent);
  const gotText = typeof got === 'string' ? got : JSON.stringify(got);
  return {
    kind: 'echo',
    path,
    message: `${path} ${rule}: sent ${JSON.stringify(sent)}, got ${JSON.stringify(got)}`,
    sent: sentText,
    got: gotText,
  };
}

/** `{{record_id}}`: a collection variable the run did not fill in. */
function isUnfilled(value: unknown): boolean {
  return typeof value === 'string' && /^\{\{[^{}]+\}\}$/.test(value);
}
