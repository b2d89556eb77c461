import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../db/connection.ts";
import type { DB } from "../../db/schema.ts";
import type { RoleCode } from "../../kernel/access.ts";
import type { LocalDate } from "../../kernel/time/index.ts";
import type { WorkTx } from "../../platform/work.ts";
import type { CaseEngine } from "../case/index.ts";
import type { RegisterEngine } from "../register/index.ts";
import type { Registry } from "../registry.ts";

/** The demo district: Wulong (重庆市武隆区), under the city of Chongqing. */
export const DEMO_REGION = "500156";
export const DEMO_CITY_REGION = "500000";

/**
 * The one password of every demo account. Demo accounts do not have to change it at
 * first login, so that visitors and the browser tests can log in directly — only ever
 * in the demo (a real account gets a one-time password that must be changed).
 */
export const DEMO_PASSWORD = "Fazhi-Demo-2020";

/**
 * The TOTP secret (base32) of the demo's three administrators. Administrators always log
 * in with a second factor (GB/T 22239-2019 8.1.4.1 d), in the demo too — as a real
 * district would; the demo's secret is published (README, `fazhi demo`) so that visitors
 * can add it to any authenticator app. Only ever in the demo.
 */
export const DEMO_TOTP_SECRET = "FAZHIDEMOWULONGADMINSECRETKEYXYZ";

/** The default seed: the same seed gives the same demo. */
export const DEMO_SEED = "wulong-2020";

/**
 * The demo's "now": 2021-01-31 09:00 in Asia/Shanghai — after the report year 2020 and
 * after the report itself (武隆府文〔2021〕1号, 2021-01-15).
 */
export const DEMO_NOW = new Date("2021-01-31T01:00:00Z");

/** Deterministic random numbers for the demo (same seed, same demo). */
export interface DemoRandom {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** true with probability p. */
  chance(p: number): boolean;
  /** A shuffled copy. */
  shuffle<T>(items: readonly T[]): T[];
}

/** A unit as the demo context reports it. */
export interface DemoUnit {
  id: number;
  regionCode: string;
  code: string;
  nameZh: string;
  nameEn: string;
  kind: string;
  parentId: number | null;
}

/** A user as the demo context reports it. */
export interface DemoUser {
  id: number;
  username: string;
  displayName: string;
  regionCode: string;
  unitId: number;
  unitCode: string;
  roles: RoleCode[];
}

export interface NewDemoUser {
  username: string;
  displayName: string;
  /** The unit's code (in `regionCode`, default the demo region) or its id. */
  unit: string | number;
  regionCode?: string;
  roles: RoleCode[];
  /** The day of its \`user.create\` audit event (default: the demo's now). */
  onDate?: string;
}

export interface DemoContext {
  /**
   * Owner connection inside this contribution's own transaction (committed when `load`
   * returns, rolled back when it throws). For reference data the app role may not
   * write (units, accounts); business records go through `as`.
   */
  trx: Transaction<DB>;
  /** The owner connection (outside the transaction). */
  db: Kysely<DB>;
  /** Both connections: owner and app role. */
  database: Database;
  registry: Registry;
  /** Seeded by the demo seed and this contribution's id. */
  rng: DemoRandom;
  /** The demo's "now" (fixed, so the demo is the same every time). */
  now: Date;
  /**
   * The day the demo is loaded on (given to the loader; the kernel reads no clock): the
   * current year's work in progress is dated relative to it, so the demo looks alive
   * on the day it is shown. The same seed and day give the same demo.
   */
  today: LocalDate;
  seed: string;
  /** The demo district's region code (500156). */
  regionCode: string;
  /** The password every demo account gets (see DEMO_PASSWORD). */
  password: string;
  /**
   * The SM4 field key (kept outside the database) for ID and phone numbers written by
   * the register and case engines; throws when the load was given no key directory.
   */
  fieldKey(): Promise<Buffer>;
  /**
   * The case engine (open, step, link, extend, clocks…) with the demo's dependencies:
   * use it inside `as(user, day, (w) => ctx.cases.step(w, …))`. The demo attaches no files.
   */
  cases: CaseEngine;
  /** The register engine (create, update, remove…), with the field key. */
  registers: RegisterEngine;

  /**
   * The instant of a demo day: "2020-03-04" is 09:00 that day in Asia/Shanghai,
   * "2020-03-04 14:30" that time.
   */
  at(onDate: string): Date;
  /**
   * Do work as a demo user, the way a request would: the user's actor (roles, data
   * scope), one transaction on the app role under row-level security at `at(onDate)`,
   * the audit trail written by `w.audit(...)` in that transaction. Engine actions take
   * the WorkTx. It commits on its own (before this contribution's `trx` does) and sees
   * what earlier contributions committed: create accounts in an earlier contribution
   * than the one that acts as them.
   */
  as<T>(username: string, onDate: string, fn: (w: WorkTx) => Promise<T>): Promise<T>;
  /** The id of a unit by code (default region: the demo region); throws naming it if absent. */
  unitId(code: string, regionCode?: string): Promise<number>;
  /** The id of a user by user name; throws naming it if absent. */
  userId(username: string): Promise<number>;
  /** Units, ordered by region and code. */
  units(filter?: { kind?: string | readonly string[]; regionCode?: string }): Promise<DemoUnit[]>;
  /** Users, ordered by user name. */
  users(filter?: { role?: RoleCode; unit?: string; regionCode?: string }): Promise<DemoUser[]>;
  /**
   * Create a demo account (in `trx`) with the demo password, no forced change at first
   * login, and a `user.create` audit event; returns its id.
   */
  createUser(user: NewDemoUser): Promise<number>;
  /** A line for the summary `fazhi demo` prints under this contribution. */
  note(line: string): void;
}

/**
 * A module's part of the demo: records generated (never totals typed in), loaded after
 * the contributions it depends on.
 */
export interface DemoContribution {
  id: string;
  dependsOn?: string[];
  /** One line on what it loads, for the summary. */
  description?: string;
  load(ctx: DemoContext): Promise<void>;
}
