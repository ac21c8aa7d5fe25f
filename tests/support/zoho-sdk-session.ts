// Zoho's CRM SDK against the standalone mock: an in-memory token store and the mock started as a user starts it.

import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { rm } from 'node:fs/promises';
import * as ZOHOCRMSDK from '@zohocrm/typescript-sdk-8.0';
import { ROOT } from './docs.ts';

type Token = ZOHOCRMSDK.Token.MasterModel;

/** Tokens kept in memory: the SDK's default file store would write next to node_modules, in the repository. */
export class MemoryStore implements ZOHOCRMSDK.TokenStore.MasterModel {
  private tokens: Token[] = [];
  async findToken(token: Token): Promise<Token | null> {
    const refresh = (token as ZOHOCRMSDK.OAuthToken).getRefreshToken();
    return this.tokens.find((t) => (t as ZOHOCRMSDK.OAuthToken).getRefreshToken() === refresh) ?? null;
  }
  async findTokenById(id: string): Promise<Token | null> {
    return this.tokens.find((t) => (t as ZOHOCRMSDK.OAuthToken).getId() === id) ?? null;
  }
  async saveToken(token: Token): Promise<void> {
    if (!this.tokens.includes(token)) this.tokens.push(token);
  }
  async deleteToken(id: string): Promise<void> {
    this.tokens = this.tokens.filter((t) => (t as ZOHOCRMSDK.OAuthToken).getId() !== id);
  }
  async getTokens(): Promise<Token[]> {
    return this.tokens;
  }
  async deleteTokens(): Promise<void> {
    this.tokens = [];
  }
}

/** Starts `contract mock` with `args` as a user does, and reads what it prints (its URL and its `ZOHO_*` values). */
export function startStandaloneMock(args: readonly string[]): Promise<{
  child: ChildProcess;
  url: string;
  values: Record<string, string>;
  out: string;
}> {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'contract.mjs'), ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`the mock exited (${code}) before it was ready: ${out}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!out.includes('# Postman environment:')) return;
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1] ?? '';
      const values = Object.fromEntries(
        [...out.matchAll(/^ZOHO_([A-Z_]+)=(.*)$/gm)].map((m) => [(m[1] ?? '').toLowerCase(), m[2] ?? '']),
      );
      resolve({ child, url, values, out });
    });
  });
}

/** A standalone mock as `startStandaloneMock` gives it. */
export type StandaloneMock = Awaited<ReturnType<typeof startStandaloneMock>>;

/**
 * Initialises the SDK against the mock as a user would: the mock's client and refresh token, its token endpoint, the
 * SDK's log and resources in `dir`, tokens in `store`.
 */
export async function initializeSdk(mock: StandaloneMock, dir: string, store: MemoryStore): Promise<void> {
  const value = (name: string): string => mock.values[name] ?? '';
  const environment = new ZOHOCRMSDK.Environment(mock.url, `${mock.url}/oauth/v2/token`, mock.url);
  const token = new ZOHOCRMSDK.OAuthBuilder()
    .clientId(value('client_id'))
    .clientSecret(value('client_secret'))
    .refreshToken(value('refresh_token'))
    .build();
  const logger = new ZOHOCRMSDK.LogBuilder().level(ZOHOCRMSDK.Levels.OFF).filePath(join(dir, 'sdk.log')).build();
  await new ZOHOCRMSDK.InitializeBuilder()
    .environment(environment)
    .token(token)
    .store(store)
    .logger(logger)
    .resourcePath(dir)
    .initialize();
}

/** Stops the standalone mock (its exit is expected now) and removes the SDK's folder. */
export async function stopStandaloneMock(mock: StandaloneMock, dir: string): Promise<void> {
  mock.child.removeAllListeners('exit');
  mock.child.kill('SIGTERM');
  await rm(dir, { recursive: true, force: true });
}
