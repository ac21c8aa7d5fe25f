// One envelope at a time, and the keys no page documents: a data[] answer or a top-level error, never a mix. Pure.

import type { ResponseShape } from '../catalog/index.ts';
import type { CompiledContract } from './compile-contract.ts';
import { isObject } from '../is-object.ts';
import type { Finding } from '../verdict/index.ts';

/** The four keys of a data[] entry and of a top-level error (zoho-notes.md section 4). */
const FOUR_KEYS: ReadonlySet<string> = new Set(['code', 'details', 'message', 'status']);
/** The two keys of a read's answer (Get Records, Search Records). */
const LIST_KEYS: ReadonlySet<string> = new Set(['data', 'info']);

/** Envelope mixes (failures) and undocumented keys (`undocumented-key` findings) of an answer of the expected shape. */
export function checkEnvelope(contract: CompiledContract, shape: ResponseShape, body: unknown): Finding[] {
  if (!isObject(body) || shape === 'empty') return [];
  // A read's answer: data[] and info are its keys; the record's own fields are the org's, not the page's, to document.
  if (shape === 'list') return undocumented(body, LIST_KEYS, '');
  if (shape === 'object') return contract.objectKeys ? undocumented(body, contract.objectKeys, '') : [];
  if (shape === 'error') {
    const mixed: Finding[] =
      'data' in body
        ? [
            {
              kind: 'envelope',
              path: '/data',
              message: `/data: a top-level error also carries data (${preview(body['data'])}): one envelope at a time`,
            },
          ]
        : [];
    const code = typeof body['code'] === 'string' ? body['code'] : '';
    return [
      ...mixed,
      ...undocumented(body, FOUR_KEYS, '', new Set(['data'])),
      ...detailKeys(body['details'], contract.errorDetailKeys.get(code), ''),
    ];
  }
  const findings: Finding[] = [];
  for (const key of Object.keys(body)) {
    if (key === 'data') continue;
    if (FOUR_KEYS.has(key))
      findings.push({
        kind: 'envelope',
        path: `/${key}`,
        message: `/${key}: a data[] answer also carries a top-level ${key} (${preview(body[key])}): one envelope at a time`,
      });
    else findings.push(undocumentedKey(`/${key}`));
  }
  const entries = Array.isArray(body['data']) ? body['data'] : [];
  entries.forEach((entry: unknown, i) => {
    if (!isObject(entry)) return;
    const code = typeof entry['code'] === 'string' ? entry['code'] : '';
    findings.push(...undocumented(entry, FOUR_KEYS, `/data/${i}`, contract.recordEntryKeys.get(code)));
    findings.push(...detailKeys(entry['details'], contract.recordDetailKeys.get(code), `/data/${i}`));
  });
  return findings;
}

function detailKeys(details: unknown, documented: ReadonlySet<string> | undefined, prefix: string): Finding[] {
  // A code the endpoint does not document has no key list: the code finding says what is wrong.
  return documented && isObject(details) ? undocumented(details, documented, `${prefix}/details`) : [];
}

function undocumented(
  object: Record<string, unknown>,
  documented: ReadonlySet<string>,
  prefix: string,
  ignore: ReadonlySet<string> = new Set(),
): Finding[] {
  return Object.keys(object)
    .filter((key) => !documented.has(key) && !ignore.has(key))
    .map((key) => undocumentedKey(`${prefix}/${key}`));
}

function undocumentedKey(path: string): Finding {
  return { kind: 'undocumented-key', path, message: `${path}: a key no page documents` };
}

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}...` : text;
}
