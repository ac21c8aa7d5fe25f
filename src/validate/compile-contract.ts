// An endpoint's echo rules, documented keys and printed messages, compiled once into lookups the verdict reads. Pure.

import type { DocumentedCode, Echo, EchoRule, Endpoint, JsonSchema, PrintedMessage } from '../catalog/index.ts';
import { compilePointer, type Pointer } from './json-pointer.ts';

/** An echo rule with its pointers split. */
export interface CompiledEcho {
  readonly at: Pointer;
  readonly echo: Echo;
  readonly sources: readonly ({ readonly param: string } | { readonly sent: Pointer } | { readonly listed: string })[];
  readonly record?: Pointer;
  readonly rule: EchoRule;
}

/** Everything the verdict checks beyond status, code and schema, for one endpoint. */
export interface CompiledContract {
  readonly templates: readonly (readonly string[])[];
  readonly entriesFor?: Pointer;
  /** The comma-separated query parameter whose items the data[] entries answer, one each, in order (Delete's `ids`). */
  readonly entriesListed?: string;
  /** Echo rules of a read's records (`list`), each checked on every record of data[]. */
  readonly listEchoes: readonly CompiledEcho[];
  readonly recordEchoes: ReadonlyMap<string, readonly CompiledEcho[]>;
  readonly errorEchoes: ReadonlyMap<string, readonly CompiledEcho[]>;
  readonly objectEchoes: readonly CompiledEcho[];
  /** Keys of `details` the pages document per code (records and top-level errors), and of a plain-object success. */
  readonly recordDetailKeys: ReadonlyMap<string, ReadonlySet<string>>;
  readonly errorDetailKeys: ReadonlyMap<string, ReadonlySet<string>>;
  /** Keys a data[] entry of a code carries beside the four (Upsert's `action`, `duplicate_field`). */
  readonly recordEntryKeys: ReadonlyMap<string, ReadonlySet<string>>;
  readonly objectKeys?: ReadonlySet<string>;
  /** Printed messages per code, normalised, with the texts as printed for findings. */
  readonly recordMessages: ReadonlyMap<string, readonly string[]>;
  readonly errorMessages: ReadonlyMap<string, readonly string[]>;
}

const cache = new WeakMap<Endpoint, CompiledContract>();

/** The endpoint's contract, compiled on first use and kept for the life of the catalog object. */
export function compileContract(endpoint: Endpoint): CompiledContract {
  const known = cache.get(endpoint);
  if (known) return known;
  const echoes = (endpoint.echoes?.rules ?? []).map(compileEcho);
  const byCode = (shape: 'records' | 'error'): Map<string, CompiledEcho[]> => {
    const map = new Map<string, CompiledEcho[]>();
    for (const echo of echoes.filter((e) => e.rule.shape === shape))
      for (const code of echo.rule.codes) map.set(code, [...(map.get(code) ?? []), echo]);
    return map;
  };
  const objectKeys = endpoint.details.object ? propertyKeys(endpoint.details.object) : undefined;
  const compiled: CompiledContract = {
    templates: endpoint.paths.map((p) => p.split('/').filter(Boolean)),
    ...(endpoint.echoes?.entriesFor ? { entriesFor: compilePointer(endpoint.echoes.entriesFor) } : {}),
    ...(endpoint.echoes?.entriesListed ? { entriesListed: endpoint.echoes.entriesListed } : {}),
    listEchoes: echoes.filter((e) => e.rule.shape === 'list'),
    recordEchoes: byCode('records'),
    errorEchoes: byCode('error'),
    objectEchoes: echoes.filter((e) => e.rule.shape === 'object'),
    recordDetailKeys: keysPerCode(endpoint.details.records),
    errorDetailKeys: keysPerCode(endpoint.details.errors),
    recordEntryKeys: entryKeysPerCode(endpoint.details.records),
    ...(objectKeys ? { objectKeys } : {}),
    recordMessages: messagesPerCode(endpoint.messages?.records ?? {}),
    errorMessages: messagesPerCode(endpoint.messages?.errors ?? {}),
  };
  cache.set(endpoint, compiled);
  return compiled;
}

/**
 * Compares a message the way every verdict does: without case, extra whitespace or one final full stop. The locking page
 * ends its messages with "." where the CRM page, the saved item and the OpenAPI print the same words without one (drift
 * point crm/message-full-stop), so a stop at the end is not the contract; one anywhere else still is.
 */
export function normaliseMessage(text: string): string {
  return normaliseWording(text).replace(/\.$/, '');
}

/** Without case and extra whitespace, the full stop kept: tells the drift observation which page's wording came back. */
export function normaliseWording(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** One rule with its pointers split (also for the rules a case adds, `caseContract`). */
export function compileEcho(rule: EchoRule): CompiledEcho {
  const { echo } = rule;
  const sources =
    echo.kind === 'value'
      ? echo.from.map((s) =>
          'param' in s ? { param: s.param } : 'listed' in s ? { listed: s.listed } : { sent: compilePointer(s.sent) },
        )
      : [];
  const record =
    echo.kind === 'key-sent' || echo.kind === 'key-left-out' || echo.kind === 'matched-field'
      ? compilePointer(echo.record)
      : undefined;
  return { at: compilePointer(rule.at), echo, sources, ...(record ? { record } : {}), rule };
}

function keysPerCode(codes: Readonly<Record<string, DocumentedCode>>): Map<string, ReadonlySet<string>> {
  return new Map(Object.entries(codes).map(([code, documented]) => [code, propertyKeys(documented.details)]));
}

function entryKeysPerCode(codes: Readonly<Record<string, DocumentedCode>>): Map<string, ReadonlySet<string>> {
  return new Map(
    Object.entries(codes).flatMap(([code, documented]) =>
      documented.entry ? [[code, propertyKeys(documented.entry)] as const] : [],
    ),
  );
}

function propertyKeys(schema: JsonSchema): ReadonlySet<string> {
  const properties = schema['properties'];
  return new Set(
    typeof properties === 'object' && properties !== null && !Array.isArray(properties) ? Object.keys(properties) : [],
  );
}

function messagesPerCode(printed: Readonly<Record<string, readonly PrintedMessage[]>>): Map<string, readonly string[]> {
  return new Map(
    Object.entries(printed)
      .filter(([, list]) => list.length > 0)
      .map(([code, list]) => [code, [...new Set(list.map((m) => normaliseMessage(m.text)))]]),
  );
}
