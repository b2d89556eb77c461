import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { DEMO_TOTP_SECRET } from "../../src/engines/demo/index.ts";
import { createRegistry, type ModuleDecl } from "../../src/engines/registry.ts";
import { buildApp } from "../../src/http/app.ts";
import { SESSION_COOKIE } from "../../src/http/context.ts";
import { codeAt, stepOf, storeSecret } from "../../src/platform/auth/totp.ts";
import { isAdministrator } from "../../src/platform/auth/totp-setting.ts";
import { createUser } from "../../src/platform/auth/users.ts";
import { loadOrCreateFieldKey } from "../../src/platform/crypto/keys.ts";
import { type TestDatabase, testDatabase } from "./db.ts";

export const PASSWORD = "Correct-Horse-9";
/**
 * The TOTP secret (base32) of every administrator `t.user` creates (they are enrolled):
 * the demo's, so that the demo's administrators log in through `t.login` too.
 */
export const TEST_TOTP_SECRET = DEMO_TOTP_SECRET;

/** A settable clock for tests of lockouts, idle timeouts and deadlines. */
export class TestClock {
  constructor(public t = new Date("2020-06-01T02:00:00Z")) {}
  now = () => new Date(this.t);
  advance(ms: number) {
    this.t = new Date(this.t.getTime() + ms);
  }
}

export interface Session {
  cookie: string;
  csrf: string;
  userId: number;
}

export interface TestApp extends TestDatabase {
  app: FastifyInstance;
  clock: TestClock;
  unit(regionCode: string, code: string, kind?: string): Promise<number>;
  /** An account with PASSWORD; an administrator is enrolled with TEST_TOTP_SECRET. */
  user(username: string, unitId: number, roles: string[]): Promise<number>;
  /** Enrol an account's TOTP factor with a known secret (confirmed). */
  enrolTotp(userId: number, secret?: string): Promise<void>;
  /** The next unused code of a secret for an account (moves the clock ≤ 30 s if needed). */
  nextCode(userId: number, secret?: string): string;
  /**
   * Log in; with a second factor, the code step too (the next unused code). The
   * session of an account that must still enrol is returned as is.
   */
  login(username: string, password?: string, remoteAddress?: string): Promise<Session>;
  /** An HTTP request; with a session it sends the cookie and the CSRF header. */
  call(s: Session | undefined, opts: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

function sessionOf(res: LightMyRequestResponse): Session {
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
  const body = res.json() as { csrfToken: string; user: { id: number } };
  return {
    cookie: `${SESSION_COOKIE}=${cookie!.value}`,
    csrf: body.csrfToken,
    userId: body.user.id,
  };
}

export async function testApp(modules: ModuleDecl[] = []): Promise<TestApp> {
  const tdb = await testDatabase();
  const clock = new TestClock();
  const app = await buildApp({
    db: tdb.db,
    config: tdb.config,
    clock: clock.now,
    registry: createRegistry(modules),
  });
  const lastStep = new Map<number, number>();
  const t: TestApp = {
    ...tdb,
    app,
    clock,
    async unit(regionCode, code, kind = "department") {
      const r = await tdb.db.owner
        .insertInto("unit")
        .values({
          region_code: regionCode,
          code,
          name_zh: `单位${code}`,
          name_en: `Unit ${code}`,
          kind,
          parent_id: null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return r.id;
    },
    async user(username, unitId, roles) {
      const r = await createUser(tdb.db.owner, {
        username,
        displayName: `用户${username}`,
        unitId,
        roles,
        password: PASSWORD,
      });
      if (isAdministrator(roles)) await t.enrolTotp(r.id);
      return r.id;
    },
    async enrolTotp(userId, secret = TEST_TOTP_SECRET) {
      const key = await loadOrCreateFieldKey(tdb.config.keyDir);
      await storeSecret(tdb.db.owner, key, clock.now(), userId, secret, clock.now());
      lastStep.delete(userId);
    },
    nextCode(userId, secret = TEST_TOTP_SECRET) {
      // A code is accepted once (RFC 6238 §5.2) and one step early: use the next step
      // when this one is spent, and move the clock on when that one is spent too.
      const now = stepOf(clock.now());
      let step = Math.max(now, (lastStep.get(userId) ?? -1) + 1);
      if (step > now + 1) clock.t = new Date((step - 1) * 30_000);
      if (step > stepOf(clock.now()) + 1) step = stepOf(clock.now());
      lastStep.set(userId, step);
      return codeAt(secret, new Date(step * 30_000));
    },
    async login(username, password = PASSWORD, remoteAddress?: string) {
      const res = await app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username, password },
        ...(remoteAddress ? { remoteAddress } : {}),
      });
      if (res.statusCode === 200 && res.json().stage === "code") {
        const pending = res.cookies.find((c) => c.name === SESSION_COOKIE)!.value;
        const u = await tdb.db.owner
          .selectFrom("app_user")
          .select("id")
          .where("username", "=", username.trim().toLowerCase())
          .executeTakeFirstOrThrow();
        // A test that moved its clock back behind a code already used: the server refuses
        // every earlier step (RFC 6238 §5.2), so enrol afresh rather than move the clock.
        if ((lastStep.get(u.id) ?? -1) > stepOf(clock.now()) + 1) await t.enrolTotp(u.id);
        const second = await app.inject({
          method: "POST",
          url: "/api/auth/totp",
          headers: {
            cookie: `${SESSION_COOKIE}=${pending}`,
            "x-csrf-token": (res.json() as { csrfToken: string }).csrfToken,
          },
          payload: { code: t.nextCode(u.id) },
          ...(remoteAddress ? { remoteAddress } : {}),
        });
        if (second.statusCode !== 200)
          throw new Error(`login ${username} (code): ${second.statusCode} ${second.body}`);
        return sessionOf(second);
      }
      if (res.statusCode !== 200)
        throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
      return sessionOf(res);
    },
    call(s, opts) {
      // The suites written before messages were bilingual read the English side;
      // test/platform/messages.test.ts asserts the Chinese default (no header).
      const headers = {
        "accept-language": "en",
        ...(opts.headers ?? {}),
        ...(s ? { cookie: s.cookie, "x-csrf-token": s.csrf } : {}),
      };
      return app.inject({ ...opts, headers });
    },
    async close() {
      await app.close();
      await tdb.drop();
    },
  };
  return t;
}
