// Zoho's SDK against the standalone mock: an in-memory token store and the mock started as a user starts it, for the
// SDK test files that each start their own.

import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
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

/** Starts `contract mock` as a user does, playing the strict example org over a slightly slow network, and reads what it prints. */
export function startStandaloneMock(): Promise<{
  child: ChildProcess;
  url: string;
  values: Record<string, string>;
  out: string;
}> {
  const args = ['mock', '--org', join(ROOT, 'tests', 'fixtures', 'org-profiles', 'strict-org.json'), '--latency', '20'];
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
