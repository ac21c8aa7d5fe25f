// The echoes of writes that create or match records (Insert, Upsert): a new id per entry, the field an upsert matched
// on, the action that follows from it, and what a case's own fixtures decide. Pure; `check-echoes.ts` calls each.

import type { JsonValue } from '../catalog/index.ts';
import type { CompiledEcho } from './compile-contract.ts';
import { compilePointer, formatPointer, readPointer } from './json-pointer.ts';
import type { SentRequest } from './read-request.ts';
import { isObject } from '../is-object.ts';
import type { Finding } from '../verdict/index.ts';

/** One rule's outcome: a finding, nothing (held), or why it could not be checked. */
export type WriteEchoResult = Finding | { readonly unchecked: string } | undefined;

/**
 * A new id: no earlier entry answering a code of the rule carries it (the later of two is the one at fault), and the
 * request never sent it (an id in the URL or anywhere in the body names a record that already existed).
 */
export function checkNewId(
  echo: CompiledEcho,
  sent: SentRequest,
  got: unknown,
  entries: readonly unknown[],
  index: number,
  path: string,
): WriteEchoResult {
  if (typeof got !== 'string') return undefined;
  for (let j = 0; j < index; j += 1) {
    const other = entries[j];
    const code = isObject(other) ? other['code'] : undefined;
    if (typeof code !== 'string' || !echo.rule.codes.includes(code)) continue;
    if (readPointer(other, echo.at) === got) {
      const twin = formatPointer(`/data/${j}`, echo.at);
      return newIdFinding(path, `${twin} names it too`, got);
    }
  }
  const where = idsSent(sent).find(([, id]) => id === got)?.[0];
  if (where === undefined) return undefined;
  return newIdFinding(path, `the request sent it (${where})`, got);
}

/**
 * `duplicate_field`: null says no record matched (the action rule judges the rest); a name must be a field the record
 * sent at the entry's position gave a value, and one of the request's `duplicate_check_fields` when it sent the list
 * (without one, the org's own order of fields decides, which the verdict cannot read).
 */
export function checkMatchedField(
  echo: CompiledEcho,
  fieldsAt: string,
  sent: SentRequest,
  got: unknown,
  index: number,
  path: string,
): WriteEchoResult {
  if (typeof got !== 'string') return undefined;
  const where = formatPointer('', echo.record ?? [], index);
  const record = readPointer(sent.body, echo.record ?? [], index);
  if (!isObject(record))
    return { unchecked: `echo of ${path} not checked: the request sent no record at ${where} to read its fields from` };
  const given = Object.keys(record).filter(
    (key) => record[key] !== undefined && record[key] !== null && record[key] !== '',
  );
  if (!given.includes(got))
    return finding(path, `must name a field the record sent at ${where} gave a value`, given, got);
  const fields = readPointer(sent.body, compilePointer(fieldsAt));
  if (Array.isArray(fields) && !fields.includes(got))
    return finding(path, `must be one of the request's ${fieldsAt}`, fields, got);
  return undefined;
}

/** `action`: `update` when the entry names the field it matched on, `insert` when it names none (null or absent). */
export function checkActionOfMatch(matchedAt: string, entry: unknown, got: unknown, path: string): WriteEchoResult {
  if (typeof got !== 'string') return undefined;
  const matched = readPointer(entry, compilePointer(matchedAt));
  const names = typeof matched === 'string' && matched !== '';
  const expected = names ? 'update' : 'insert';
  if (got === expected) return undefined;
  const because = names
    ? `the entry names the field it matched (${matchedAt.slice(1)} ${JSON.stringify(matched)})`
    : `the entry names no field it matched (${matchedAt.slice(1)} ${JSON.stringify(matched ?? null)})`;
  return finding(path, `must be "${expected}": ${because}`, expected, got);
}

/** A value the case's own request and fixtures decide (Upsert's `update` for the record the case's fixture holds). */
export function checkExpected(value: JsonValue, got: unknown, path: string): WriteEchoResult {
  if (JSON.stringify(value) === JSON.stringify(got)) return undefined;
  return finding(path, "must be what the case's request and fixtures decide", value, got);
}

/** Every id the request carries, with where: its URL's template parameters and each `id` key anywhere in its body. */
function idsSent(sent: SentRequest): Array<[string, unknown]> {
  const found: Array<[string, unknown]> = [...sent.params].map(([name, value]) => [`the URL's ${name}`, value]);
  const walk = (value: unknown, at: string): void => {
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, `${at}/${i}`));
    else if (isObject(value))
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'id') found.push([`the request's ${at}/id`, inner]);
        else walk(inner, `${at}/${key}`);
      }
  };
  walk(sent.body, '');
  return found;
}

function newIdFinding(path: string, why: string, got: string): Finding {
  return {
    kind: 'echo',
    path,
    message: `${path} must be a new id, got ${JSON.stringify(got)}: ${why}`,
    sent: 'a new id',
    got,
  };
}

function finding(path: string, rule: string, sent: unknown, got: unknown): Finding {
  return {
    kind: 'echo',
    path,
    message: `${path} ${rule}: sent ${JSON.stringify(sent)}, got ${JSON.stringify(got)}`,
    sent: typeof sent === 'string' ? sent : JSON.stringify(sent),
    got: typeof got === 'string' ? got : JSON.stringify(got),
  };
}
