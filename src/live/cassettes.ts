// Record and replay: every exchange of a run saved (redacted) as a cassette, and a loopback server that plays them back.

import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from '../errors.ts';
import { startLoopbackServer } from '../loopback-server.ts';
import { redactHeaders, redactText } from '../redact.ts';
import { REPLAY_CASE_HEADER } from '../verdict/index.ts';
import { readCassette, recordingOf, type Cassette, type Recording } from './read-cassette.ts';

/** Writes one cassette, every secret redacted. */
export async function writeCassette(dir: string, cassette: Cassette, secrets: readonly string[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  const safe: Cassette = {
    key: cassette.key,
    ...(cassette.contractVersion === undefined ? {} : { contractVersion: cassette.contractVersion }),
    baseUrls: cassette.baseUrls.map((url) => redactText(url, secrets)),
    request: {
      ...cassette.request,
      url: redactText(cassette.request.url, secrets),
      headers: redactHeaders(cassette.request.headers, secrets),
      ...(cassette.request.body === undefined ? {} : { body: redactText(cassette.request.body, secrets) }),
    },
    response: {
      ...cassette.response,
      headers: redactHeaders(cassette.response.headers, secrets),
      body: redactText(cassette.response.body, secrets),
    },
  };
  await writeFile(join(dir, `${cassette.key.replace(/\//g, '__')}.json`), `${JSON.stringify(safe, null, 2)}\n`);
}

/** A loopback server answering each request with the recording of the case it names; `recordings` by case key. */
export async function startReplayServer(
  dir: string,
): Promise<{ url: string; recordings: Record<string, Recording>; close: () => Promise<void> }> {
  const names = await readdir(dir).catch((error: unknown) => {
    throw new ConfigError(`cassette folder ${dir} cannot be read`, 'give the cassettes/ folder of a --record run', {
      cause: error,
    });
  });
  const cassettes = new Map<string, Cassette>();
  for (const name of names.filter((n) => n.endsWith('.json'))) {
    const text = await readFile(join(dir, name), 'utf8');
    const cassette = readCassette(parseJson(text, join(dir, name)));
    if (cassette) cassettes.set(cassette.key, cassette);
  }
  if (cassettes.size === 0)
    throw new ConfigError(`no cassettes in ${dir}`, 'record some first: npm run contract -- --target live --record');
  const server = await startLoopbackServer((req, res) => {
    req.resume();
    const key = req.headers[REPLAY_CASE_HEADER.toLowerCase()];
    const cassette = typeof key === 'string' ? cassettes.get(key) : undefined;
    if (!cassette)
      return void res
        .writeHead(404, { 'Content-Type': 'application/json' })
        .end('{"code":"NO_RECORDING","details":{},"message":"no recorded exchange","status":"error"}');
    const headers = Object.fromEntries(
      Object.entries(cassette.response.headers).filter(
        ([k]) => !/^(content-length|transfer-encoding|connection|keep-alive)$/i.test(k),
      ),
    );
    res.writeHead(cassette.response.status, headers).end(cassette.response.body);
  });
  const recordings = Object.fromEntries([...cassettes].map(([key, cassette]) => [key, recordingOf(cassette)]));
  return { url: server.url, recordings, close: server.close };
}

/** What the recorder is told beside the exchange: the collection's version and the target's base URLs. */
export interface RecordingFacts {
  readonly contractVersion?: string;
  readonly baseUrls: readonly string[];
}

/** What a --record run writes for every final exchange: one redacted cassette per case key. */
export function cassetteRecorder(dir: string, secrets: readonly string[]) {
  return (
    key: string,
    e: {
      method: string;
      url: string;
      requestHeaders: Record<string, string>;
      requestBody?: string;
      response?: {
        status: number;
        headers: Record<string, string>;
        body: string;
        timeMs?: number;
        receivedAt?: number;
      };
    },
    facts: RecordingFacts,
  ): Promise<void> => {
    const receivedAt = e.response?.receivedAt;
    const sentAt = receivedAt === undefined ? undefined : receivedAt - (e.response?.timeMs ?? 0);
    return writeCassette(
      dir,
      {
        key,
        ...(facts.contractVersion === undefined ? {} : { contractVersion: facts.contractVersion }),
        baseUrls: facts.baseUrls,
        request: {
          method: e.method,
          url: e.url,
          headers: e.requestHeaders,
          ...(e.requestBody === undefined ? {} : { body: e.requestBody }),
          ...(sentAt === undefined ? {} : { sentAt: new Date(sentAt).toISOString() }),
        },
        response: {
          status: e.response?.status ?? 0,
          headers: e.response?.headers ?? {},
          body: e.response?.body ?? '',
          ...(receivedAt === undefined ? {} : { receivedAt: new Date(receivedAt).toISOString() }),
        },
      },
      secrets,
    );
  };
}

/** A cassette that is not JSON (cut short, edited by hand) is named, not skipped: its case would go unreplayed. */
function parseJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ConfigError(`cassette ${path} is not JSON`, 'record it again, or remove it from the folder', {
      cause: error,
    });
  }
}
