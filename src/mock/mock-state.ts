// The mock org's mutable state: records per module, tokens, id counter, and the behaviours provoked so far.

import { defaultOrgProfile } from './default-profile.ts';
import { compileOrgRules, type OrgRules } from './org-rules.ts';
import { BEHAVIOURS } from './zoho-errors.ts';
import {
  EXISTING_MOBILE,
  SEED_TIME,
  seedBiginRecords,
  seedLocks,
  seedRecords,
  READ_RECORD,
  DELETED_RECORD_ID,
  seedTokens,
  users,
  type MockRecord,
  type MockUser,
  type SeedRecord,
} from './seed.ts';

/** A token's holder and grants. */
export interface TokenGrant {
  readonly user: MockUser;
  readonly scopes: readonly string[];
  /** Minted tokens expire (epoch ms); the seeded ones do not. */
  readonly expiresAt?: number;
}

/** A lock on a record, keyed by `module/recordId` in the state. */
export interface MockLock {
  readonly lockId: string;
  readonly source: 'manual' | 'automatic';
  reason: string;
}

/** Holds everything that changes while the mock runs. */
export class MockState {
  readonly records = new Map<string, Map<string, MockRecord>>();
  readonly tokens = new Map<string, TokenGrant>();
  readonly locks = new Map<string, MockLock>();
  /** When each access token was minted by /oauth/v2/token (for Zoho's 10-per-10-minutes throttle). */
  readonly tokenRefreshes: number[] = [];
  /** Zoho Contracts contract types: apiName -> name. */
  readonly contractTypes = new Map<string, string>([
    ['MSS', 'Master Services'],
    ['NDA', 'Non-Disclosure Agreement'],
  ]);
  /** Bigin relations: `parentModule/parentId/relatedList` -> related ids. */
  readonly relations = new Map<string, Set<string>>();
  readonly variables: Record<string, string> = {};
  private readonly counts = new Map<string, number>();
  private nextId = 3652397000000500001n;

  constructor(
    readonly now: () => Date,
    /** Lifetime of tokens minted by /oauth/v2/token, in seconds (Zoho: 3600). */
    readonly tokenLifetimeSeconds = 3600,
    /** The org played: its modules (API names are case-sensitive), fields and edition. */
    readonly org: OrgRules = compileOrgRules(defaultOrgProfile()),
  ) {
    for (const grant of seedTokens) {
      this.tokens.set(grant.token, { user: grant.user, scopes: grant.scopes });
      this.variables[grant.variable] = grant.token;
      // The user the run's own token belongs to: who a record the run creates is created by.
      if (grant.variable === 'access_token') this.variables['current_user_id'] = grant.user.id;
    }
    const seeds: Array<[string, SeedRecord]> = [
      ...seedRecords().map((r) => ['', r] as [string, SeedRecord]),
      ...seedBiginRecords().map((r) => ['bigin:', r] as [string, SeedRecord]),
    ];
    for (const [namespace, seed] of seeds) {
      // An org without the module has none of its seeded records (Bigin is another product, not in the profile).
      if (namespace === '' && !org.modules.has(seed.module)) continue;
      this.moduleRecords(`${namespace}${seed.module}`).set(seed.id, {
        fields: { ...seed.fields },
        ownerId: users.admin.id,
        createdTime: SEED_TIME,
        createdBy: users.admin,
        modifiedTime: SEED_TIME,
        modifiedBy: users.admin,
        locked: seed.locked === true,
        awaitingApproval: seed.awaitingApproval === true,
        privateToOwner: seed.privateToOwner === true,
      });
      if (seed.variable) this.variables[seed.variable] = seed.id;
    }
    this.variables['existing_mobile'] = EXISTING_MOBILE;
    this.variables['read_record_email'] = READ_RECORD.Email;
    this.variables['read_record_last_name'] = READ_RECORD.Last_Name;
    this.variables['deleted_record_id'] = DELETED_RECORD_ID;
    this.variables['contract_type_api_name'] = 'MSS';
    // The locking collection names its custom module by variable: this org's first lockable custom module.
    const custom = [...org.profile.modules.values()].find((m) => m.custom && m.lockable);
    if (custom) this.variables['locking_custom_module'] = custom.api_name;
    for (const lock of seedLocks()) {
      if (!org.modules.get(lock.module)?.module.lockable) continue;
      this.locks.set(`${lock.module}/${lock.recordId}`, {
        lockId: lock.lockId,
        source: lock.source,
        reason: 'seeded lock',
      });
      this.variables[lock.recordVariable] = lock.recordId;
      this.variables[lock.lockVariable] = lock.lockId;
    }
  }

  /** The records of a module, created empty on first use. */
  moduleRecords(module: string): Map<string, MockRecord> {
    let records = this.records.get(module);
    if (!records) {
      records = new Map();
      this.records.set(module, records);
    }
    return records;
  }

  /** True when the module holds a record with this id (lookups check their target with it). */
  readonly recordExists = (module: string, id: string): boolean => this.records.get(module)?.has(id) === true;

  /** A fresh record id for inserts. */
  newId(): string {
    this.nextId += 1n;
    return this.nextId.toString();
  }

  /** Zoho's timestamp format: seconds, explicit offset, no milliseconds. */
  timestamp(): string {
    // Formatted once per second: under load this was the mock's largest cost after writing to the socket.
    const second = Math.floor(this.now().getTime() / 1000);
    if (second !== this.stampedSecond) {
      this.stampedSecond = second;
      this.stamp = new Date(second * 1000).toISOString().replace(/\.\d{3}Z$/, '+00:00');
    }
    return this.stamp;
  }

  private stampedSecond = Number.NaN;
  private stamp = '';

  /** Counts one occurrence of a documented behaviour. */
  provoke(behaviour: string): void {
    this.counts.set(behaviour, (this.counts.get(behaviour) ?? 0) + 1);
  }

  provoked(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  unprovoked(): string[] {
    return BEHAVIOURS.filter((b) => !this.counts.has(b));
  }
}
