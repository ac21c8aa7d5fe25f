// The catalog's vocabulary: what a documented endpoint and each of its behaviours are. Pure types.

/** A Zoho product whose API the catalog covers. */
export type Product = 'crm' | 'bigin' | 'contracts';

/** Where a case can be provoked: the embedded mock, a live org, or both. */
export type Provocation = 'mock' | 'live';

/** A JSON value as it appears in a request body or a schema. */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** A draft-07 JSON Schema, kept as plain data. */
export type JsonSchema = { readonly [key: string]: JsonValue };

/**
 * Where a fact comes from: a doc page file in docs/zoho (the project's copy of the specification) and its section
 * heading; `zoho-notes.md` and its section; or Zoho's CRM OpenAPI, as `crm-oas/<file>.json` and the path inside it
 * (see `openApiRef`).
 */
export interface DocRef {
  readonly page: string;
  readonly section: string;
}

/** What Zoho's CRM v8 OpenAPI (crm-oas) says of a claim no page makes: it agrees, disagrees (then a drift point), or is silent. */
export type OpenApiReading =
  | { readonly says: 'agrees' | 'disagrees'; readonly source: DocRef; readonly detail: string }
  | { readonly says: 'silent'; readonly detail: string };

/** A part of a case's expectation that no doc page prints (UNCONFIRMED): where the case's reading comes from instead. */
export interface Unconfirmed {
  /** What goes beyond the pages, in a few words ("HTTP 200 for a success"). */
  readonly claim: string;
  /** The page, at the section that should settle the claim, that says nothing of it: the source that is silent. */
  readonly silent: DocRef;
  /** Where the case's reading comes from: another page, zoho-notes.md, or the OpenAPI. */
  readonly source: DocRef;
  /** The claim settled against the second Zoho source. */
  readonly openApi: OpenApiReading;
}

/** One reading of a point the docs contradict themselves on. */
export interface DriftVariant {
  readonly source: DocRef;
  /** What this source says, in a few words ("HTTP 400", "202 with a per-record entry"). */
  readonly says: string;
  readonly status?: number;
  readonly shape?: ResponseShape;
  readonly message?: string;
}

/** A contradiction between or within doc pages, with the variant the suite expects and why. */
export interface DriftPoint {
  readonly id: string;
  readonly topic: string;
  readonly variants: readonly DriftVariant[];
  /** Index into `variants` of the reading the cases expect; where cases expect different variants, the index per case id. */
  readonly expected: number | Readonly<Record<string, number>>;
  readonly why: string;
}

/** A token variable the request authenticates with; the target supplies its value. */
export type TokenVariable =
  | 'access_token'
  | 'token_without_scope'
  | 'token_no_permission'
  | 'token_restricted_user'
  | 'token_module_scope_only'
  | 'token_locking_scope_only';

/** How a case's request carries its credentials. */
export type CaseAuth = { readonly token: TokenVariable } | { readonly literal: string } | { readonly none: true };

/** The request that provokes a documented behaviour. `{{name}}` marks a variable the target supplies. */
export interface CaseRequest {
  readonly method: string;
  /** Path after the API domain; `{version}` is replaced per API version by the generator. */
  readonly path: string;
  readonly auth: CaseAuth;
  /** A JSON body, or `raw` text sent as is (e.g. a body that is not JSON). */
  readonly body?: JsonValue | { readonly raw: string };
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * The documented envelopes: Zoho's `data[]` record-write answer, its top-level error, a plain JSON object (Contracts),
 * a read's `{"data":[records...], "info":{...}}` (records as field maps, no per-entry code), or no body at all (204).
 */
export type ResponseShape = 'records' | 'error' | 'object' | 'list' | 'empty';

/** What the docs say the response is. */
export type Expectation =
  | {
      /** `{"data":[...]}`, one entry per input record, in order. */
      readonly shape: 'records';
      readonly status: number;
      readonly codes: readonly string[];
    }
  | {
      /** One top-level `{code, details, message, status:"error"}` object. */
      readonly shape: 'error';
      readonly status: number;
      readonly code: string;
      /** Checked case-insensitively when set: used where two variants share one code. */
      readonly message?: string;
    }
  | {
      /** A plain JSON object with no `code` (e.g. Contracts' `{Type, apiName}`); the schema says the rest. */
      readonly shape: 'object';
      readonly status: number;
    }
  | {
      /** A read's `{"data":[record, ...], "info":{...}}`: records as field maps; `count` pins how many when set. */
      readonly shape: 'list';
      readonly status: number;
      readonly count?: number;
    }
  | {
      /** No body at all (Zoho's 204 for nothing found or nothing matching); `code` labels it in coverage. */
      readonly shape: 'empty';
      readonly status: number;
      readonly code: string;
    };

/** One documented behaviour of an endpoint. */
export interface Case {
  /** Stable slug, unique within its endpoint; collection item ids derive from it. */
  readonly id: string;
  /** Reads as a sentence: "RECORD_LOCKED when the record is locked". */
  readonly name: string;
  /** The collection folder the case belongs to. */
  readonly group: string;
  readonly request: CaseRequest;
  readonly expect: Expectation;
  readonly doc: DocRef;
  readonly provocable: readonly Provocation[];
  /** API versions the case applies to; all of the endpoint's when absent. */
  readonly versions?: readonly string[];
  /** Contradictions in the docs this case touches, with the reading it expects. */
  readonly drift?: readonly DriftPoint[];
  /** Why the case is built the way it is, where the docs leave a gap. */
  readonly note?: string;
  /** What the case expects that no doc page prints, each with its source and the OpenAPI's word on it. */
  readonly unconfirmed?: readonly Unconfirmed[];
  /**
   * Codes of this answer whose printed message belongs to another situation than this case's, with why: the message is
   * not checked here (e.g. the page prints INVALID_DATA's message for an unknown id, not for an over-long value).
   */
  readonly messageNotPrinted?: Readonly<Record<string, string>>;
  /**
   * Echo rules this case adds to its endpoint's: what its own request and fixtures decide of the answer (Upsert's
   * `action` for the record the case matches). Checked like the endpoint's rules, for this case only.
   */
  readonly echoes?: readonly EchoRule[];
}

/** Where an echoed value is read from the request. */
export type EchoSource =
  /** A `{name}` segment of the endpoint's path template that the request URL matched (e.g. `record_id`). */
  | { readonly param: string }
  /** A JSON pointer into the request body; `{i}` stands for the answering entry's index (e.g. `/data/{i}/id`). */
  | { readonly sent: string }
  /** The entry's position in a comma-separated query parameter of the URL (Delete's `ids=a,b`: entry i is item i). */
  | { readonly listed: string };

/** What one value of the answer must say about the request. */
export type Echo =
  /** The value sent: the first of `from` the request carries (none carried: nothing to compare). */
  | { readonly kind: 'value'; readonly from: readonly EchoSource[] }
  /** A key of the record sent at the entry's position (`record` points at it, `{i}` the index): the field at fault. */
  | { readonly kind: 'key-sent'; readonly record: string }
  /** One of `keys` that the record sent at the entry's position left out. */
  | { readonly kind: 'key-left-out'; readonly record: string; readonly keys: readonly string[] }
  /** A timestamp inside the clock-skew window around the exchange (the write happened during the request). */
  | { readonly kind: 'time-of-request' }
  /** A new id (a record the call created): no other entry's value at the same pointer, and no id the request sent. */
  | { readonly kind: 'new-id' }
  /**
   * The field an upsert matched on (`duplicate_field`): null for no match; else a key the record sent at `record` gave
   * a value, and one of the fields listed at `fields` (`duplicate_check_fields`) when the request sent that list.
   */
  | { readonly kind: 'matched-field'; readonly record: string; readonly fields: string }
  /** An upsert's `action`: `update` when the entry names the field it matched on (`matched`, in the entry), else `insert`. */
  | { readonly kind: 'action-of-match'; readonly matched: string }
  /**
   * A value the case's own request and fixtures decide, in a case's `echoes` only: the record the case's fixture holds
   * is matched, so the answer says `update` (the id of that fixture is a run variable the verdict never sees).
   */
  | { readonly kind: 'expected'; readonly value: JsonValue }
  /**
   * The value of one of the run's variables, which the request need not carry: the record a fixture holds (an upsert's
   * match), the token's user (`current_user_id`); not checked, and said so, where the run does not know it.
   */
  | { readonly kind: 'variable'; readonly name: string }
  /** A read's record is one that was asked for: the URL's `{record_id}` or one of the `ids` query parameter's. */
  | { readonly kind: 'record-asked' }
  /** A read's record carries only the fields the `fields` query parameter asked for, and `always` (e.g. `id`). */
  | { readonly kind: 'fields-asked'; readonly always: readonly string[] }
  /** A search's record matches what was searched: the `email`, `phone` or `word` parameter, or `criteria`'s conditions. */
  | { readonly kind: 'matches-search' }
  /**
   * A search that carries the value the run wrote into a record (the variable `searchedBy`) finds that record (its id in
   * the variable `record`) among its answers: the records the run wrote that match are all there.
   */
  | { readonly kind: 'written-found'; readonly record: string; readonly searchedBy: string }
  /**
   * The record whose id is the variable `record` holds the values the run wrote into it: each field of `fields` the
   * answer carries equals the variable named beside it (a fixture's exposed values, the mock's seed).
   */
  | {
      readonly kind: 'values-written';
      readonly record: string;
      readonly fields: Readonly<Record<string, string>>;
    };

/** One echo the documented answer owes its request. */
export interface EchoRule {
  /**
   * `records`: in each data[] entry whose code is in `codes`; `error`: in a top-level error (`{i}` is 0); `object`: in a
   * plain-object success; `list`: in each record of a read's data[] (`codes` is `['SUCCESS']`).
   */
  readonly shape: 'records' | 'error' | 'object' | 'list';
  readonly codes: readonly string[];
  /** JSON pointer into the entry (records) or the body (object), e.g. `/details/id`. */
  readonly at: string;
  readonly echo: Echo;
  readonly doc: DocRef;
}

/** What an endpoint's answers echo from their request, as data; the verdict compiles it once per endpoint. */
export interface EchoRules {
  /** JSON pointer to the array of records sent: a data[] answer has one entry per record, in the same order. */
  readonly entriesFor?: string;
  /** A comma-separated query parameter (Delete's `ids`): a data[] answer has one entry per item, in the same order. */
  readonly entriesListed?: string;
  readonly rules: readonly EchoRule[];
}

/** A message as a page (or saved example) prints it. */
export interface PrintedMessage {
  readonly text: string;
  readonly source: DocRef;
}

/**
 * The messages the pages print, per code, for each envelope. Any printed variant passes (compared without case and
 * extra whitespace); a code absent here has no printed message, which the verdict says and does not check.
 */
export interface DocumentedMessages {
  readonly records: Readonly<Record<string, readonly PrintedMessage[]>>;
  readonly errors: Readonly<Record<string, readonly PrintedMessage[]>>;
}

/** A code some source documents for an endpoint and envelope, and the schema of its `details`. */
export interface DocumentedCode {
  /** Where the code is documented for this endpoint and shape: a page, zoho-notes.md, or the OpenAPI (cited as such). */
  readonly sources: readonly DocRef[];
  /** Strict where the printed examples are (their keys required), open where Zoho may add keys. */
  readonly details: JsonSchema;
  /**
   * Keys a `data[]` entry with this code carries beside the four (`code`, `details`, `message`, `status`), as an
   * object schema: Upsert's `action` and `duplicate_field`. Absent: the four only.
   */
  readonly entry?: JsonSchema;
}

/**
 * The codes each envelope may carry, each with its sources and `details` schema: the generated schema's code enums
 * are exactly these keys, so a code no source documents for the endpoint and shape fails the schema.
 */
export interface ResponseDetails {
  readonly records: Readonly<Record<string, DocumentedCode>>;
  readonly errors: Readonly<Record<string, DocumentedCode>>;
  /** The whole success body, for endpoints that answer a plain object instead of `data[]`. */
  readonly object?: JsonSchema;
  /** A read's answer: the schema of one record (a field map) and of `info`, for endpoints that answer `{data, info}`. */
  readonly list?: { readonly record: JsonSchema; readonly info: JsonSchema; readonly infoRequired: boolean };
}

/** One documented endpoint: where it lives, what it needs, and every behaviour the docs give it. */
export interface Endpoint {
  readonly product: Product;
  /** Kebab-case name, e.g. "update-records". */
  readonly id: string;
  readonly title: string;
  readonly docPage: string;
  readonly method: string;
  /** Path templates as documented, e.g. "/crm/{version}/{module_api_name}/{record_id}". */
  readonly paths: readonly string[];
  /** API versions the endpoint exists in; one generated collection each. */
  readonly versions: readonly string[];
  /** Contract version (semver), written into each collection's `info.version`. */
  readonly contractVersion: string;
  readonly scopes: readonly string[];
  /** Every code the doc page documents (its "Possible Errors" list, plus SUCCESS): the coverage matrix's rows. */
  readonly documentedCodes: readonly string[];
  readonly keys: { readonly mandatory: readonly string[]; readonly optional: readonly string[] };
  readonly details: ResponseDetails;
  readonly cases: readonly Case[];
  /** Which host serves it: Zoho's API domain (CRM, Bigin) or the Contracts host. Default api. */
  readonly host?: 'api' | 'contracts';
  /** Contradictions that belong to the endpoint rather than to one case. */
  readonly drift?: readonly DriftPoint[];
  /** What each documented answer echoes from its request (ids, keys, names, times). */
  readonly echoes?: EchoRules;
  /** The messages the pages print for each code. */
  readonly messages?: DocumentedMessages;
  /**
   * Its successes create records (Insert, Upsert): each `data[]` entry with SUCCESS and `details.id` (and, for an
   * upsert, `action: "insert"`) names a record the call made, which a live run deletes with its fixtures.
   */
  readonly creates?: boolean;
  /**
   * Its successes delete records (Delete Records): each SUCCESS entry's `details.id` names a record the call removed. A
   * case with such a success can run once per set of records: a second run against the same target finds them gone,
   * and a live run's fixture ledger must count them as cleaned up.
   */
  readonly deletes?: boolean;
}
