// The answer against its request: ids, keys and times it must echo, one entry per record sent. Pure; rules come compiled.

import type { CompiledContract, CompiledEcho } from './compile-contract.ts';
import { formatPointer, readPointer } from './json-pointer.ts';
import type { SentRequest } from './read-request.ts';
import { isObject } from '../is-object.ts';
import type { Finding } from '../verdict/index.ts';

/** Every echo the answer breaks; `clockSkewMs` null leaves times unchecked (a replayed answer was written earlier). */
export function checkEchoes(
  contract: CompiledContract,
  sent: SentRequest,
  shape: 'records' | 'error' | 'object',
  body: unknown,
  clockSkewMs: number | null,
): Finding[] {
  const findings: Finding[] = [];
  if (shape !== 'records') {
    const code = isObject(body) && typeof body['code'] === 'string' ? body['code'] : '';
    const echoes = shape === 'object' ? contract.objectEchoes : (contract.errorEchoes.get(code) ?? []);
    for (const echo of echoes) findings.push(...checkEcho(echo, sent, body, 0, '', clockSkewMs));
    return findings;
  }
  const entries = isObject(body) && Array.isArray(body['data']) ? (body['data'] as unknown[]) : [];
  const records = contract.entriesFor ? readPointer(sent.body, contract.entriesFor) : undefined;
  if (Array.isArray(records) && records.length !== entries.length) {
    findings.push({
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
      findings.push(...checkEcho(echo, sent, entry, i, `/data/${i}`, clockSkewMs));
  });
  return findings;
}

function checkEcho(
  echo: CompiledEcho,
  sent: SentRequest,
  container: unknown,
  index: number,
  prefix: string,
  clockSkewMs: number | null,
): Finding[] {
  const got = readPointer(container, echo.at);
  const path = formatPointer(prefix, echo.at, index);
  // An absent value is the schema's finding (required keys), not a second one here.
  if (got === undefined) return [];
  const where = `${formatPointer('', echo.record ?? [], index) || 'the body'}`;
  switch (echo.echo.kind) {
    case 'value': {
      for (const source of echo.sources) {
        const value = 'param' in source ? sent.params.get(source.param) : readPointer(sent.body, source.sent, index);
        // A variable left unfilled (a replayed run sends none) is not a value the target saw: nothing to compare.
        if (value === undefined || isUnfilled(value)) continue;
        const label =
          'param' in source ? `the URL's ${source.param}` : `the request's ${formatPointer('', source.sent, index)}`;
        return JSON.stringify(value) === JSON.stringify(got) ? [] : [broken(path, `must echo ${label}`, value, got)];
      }
      return [];
    }
    case 'key-sent': {
      const record = readPointer(sent.body, echo.record ?? [], index);
      if (!isObject(record) || typeof got !== 'string' || got in record) return [];
      return [
        broken(
          path,
          `must name a key of the record sent at ${where} (${Object.keys(record).join(', ') || 'none'})`,
          Object.keys(record),
          got,
        ),
      ];
    }
    case 'key-left-out': {
      const record = readPointer(sent.body, echo.record ?? [], index);
      if (!isObject(record) || typeof got !== 'string') return [];
      const missing = echo.echo.keys.filter(
        (key) => record[key] === undefined || record[key] === null || record[key] === '',
      );
      if (missing.includes(got)) return [];
      return [
        broken(
          path,
          missing.length
            ? `must name the key the record sent at ${where} left out`
            : `names a left-out key, but the record sent at ${where} has every one of ${echo.echo.keys.join(', ')}`,
          missing,
          got,
        ),
      ];
    }
    case 'time-of-request':
      return checkTime(path, got, sent, clockSkewMs);
  }
}

/** A write's timestamp lies between the request leaving and the answer arriving, give or take the clock skew. */
function checkTime(path: string, got: unknown, sent: SentRequest, clockSkewMs: number | null): Finding[] {
  if (clockSkewMs === null || sent.sentAt === undefined || typeof got !== 'string') return [];
  const time = Date.parse(got);
  if (Number.isNaN(time)) return [];
  // Zoho's timestamps have whole seconds: the request's second counts as inside.
  const from = sent.sentAt - clockSkewMs - 1000;
  const to = (sent.receivedAt ?? sent.sentAt) + clockSkewMs;
  if (time >= from && time <= to) return [];
  const window = `${new Date(from).toISOString()} .. ${new Date(to).toISOString()}`;
  return [
    {
      kind: 'echo',
      path,
      message: `${path} must be the time of the request (${window}, clock skew ${clockSkewMs / 1000} s, --clock-skew): got ${JSON.stringify(got)}`,
      sent: window,
      got,
    },
  ];
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
