import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { createRegistry, type ModuleDecl } from "../../src/engines/registry.ts";
import { buildApp } from "../../src/http/app.ts";
import { SESSION_COOKIE } from "../../src/http/context.ts";
import { createUser } from "../../src/platform/auth/users.ts";
import { type TestDatabase, testDatabase } from "./db.ts";

export const PASSWORD = "Correct-Horse-9";

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
  user(username: string, unitId: number, roles: string[]): Promise<number>;
  login(username: string, password?: string): Promise<Session>;
  /** An HTTP request; with a session it sends the cookie and the CSRF header. */
  call(s: Session | undefined, opts: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
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
      return r.id;
    },
    async login(username, password = PASSWORD) {
      const res = await app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username, password },
      });
      if (res.statusCode !== 200)
        throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
      const body = res.json() as { csrfToken: string; user: { id: number } };
      return {
        cookie: `${SESSION_COOKIE}=${cookie!.value}`,
        csrf: body.csrfToken,
        userId: body.user.id,
      };
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
