import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, readPostmasterPid } from "../../src/db/embedded.ts";
import {
  type DataDir,
  dataDir,
  exited,
  fazhi,
  login,
  oneTimePassword,
  type Serving,
  START_BUDGET_MS,
  serve,
  stop,
  VERB_BUDGET_MS,
} from "../support/fazhi-cli.ts";

/**
 * The embedded server's life as a user lives it: `fazhi serve` on an empty data
 * directory (without the demo: its first load is lifecycle-demo.test.ts), CLI verbs while
 * it runs, a kill -9 and a restart, a clean stop — through the real `fazhi` command in
 * child processes. Each describe block starts its own server in its own directory.
 */

describe("fazhi serve on an empty data directory", () => {
  let d: DataDir;
  let server: Serving;
  let adminPassword = "";

  beforeAll(async () => {
    d = await dataDir();
    server = await serve(d.env());
    adminPassword = oneTimePassword(server.stdout);
  }, START_BUDGET_MS + 10_000);
  afterAll(async () => {
    await stop(server?.proc);
    await d?.remove();
  }, 60_000);

  it("creates the cluster, prints the admin's one-time password, and that password logs in", async () => {
    expect(adminPassword).not.toBe("");
    expect(server.stdout).not.toMatch(/demo/i); // FAZHI_NO_DEMO=1: not loaded
    const r = await login(d.port, "admin", adminPassword);
    expect(r.status).toBe(200);
    expect(r.body.mustChangePassword).toBe(true);
  });

  it("serves the API docs (or the web app) at /", async () => {
    const res = await fetch(`http://127.0.0.1:${d.port}/`, { redirect: "follow" });
    expect(res.status).toBe(200);
  });

  it(
    "refuses a second serve on the same directory with a clear message",
    async () => {
      const r = await fazhi(["serve", "--port", String(await freePort())], d.env());
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^fazhi: Fazhi is already serving .* \(pid \d+\)/);
      expect(r.stderr.trim().split("\n")).toHaveLength(1); // one line, no stack trace
      expect((await login(d.port, "admin", adminPassword)).status).toBe(200);
    },
    VERB_BUDGET_MS,
  );

  it(
    "CLI verbs share the running server instead of starting another",
    async () => {
      const before = await readPostmasterPid(path.join(d.dir, "pg"));
      const m = await fazhi(["migrate"], d.env());
      expect(m.code).toBe(0);
      const u = await fazhi(
        [
          "user",
          "add",
          "-u",
          "auditor",
          "-n",
          "审计员",
          "--unit",
          "system-admin",
          "-r",
          "audit_admin",
        ],
        d.env(),
      );
      expect(u.code).toBe(0);
      expect(u.stdout).toMatch(/one-time password: \S+/);
      const after = await readPostmasterPid(path.join(d.dir, "pg"));
      expect(after?.pid).toBe(before?.pid);
      // still serving after the CLI exited
      expect((await login(d.port, "admin", adminPassword)).status).toBe(200);
    },
    2 * VERB_BUDGET_MS,
  );

  it(
    "audit verify passes, then fails naming an event edited as superuser",
    async () => {
      const ok = await fazhi(["audit", "verify"], d.env());
      expect(ok.stderr).toBe("");
      expect(ok.code).toBe(0);
      const state = JSON.parse(await fs.readFile(path.join(d.dir, "fazhi.json"), "utf8"));
      const c = new pg.Client({
        connectionString: `postgres://postgres:${encodeURIComponent(state.superPassword)}@127.0.0.1:${state.port}/fazhi`,
      });
      await c.connect();
      await c.query(`alter table audit_event disable trigger user;
      update audit_event set actor_name = 'someone else' where seq = 1 and action = 'user.create'
        and entity_id = (select min(entity_id) from audit_event);
      alter table audit_event enable trigger user;`);
      await c.end();
      const bad = await fazhi(["audit", "verify"], d.env());
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(/user:\d+ #1/);
    },
    2 * VERB_BUDGET_MS,
  );

  it("stops PostgreSQL with the server on SIGTERM, and releases the lock", async () => {
    server.proc.kill("SIGTERM");
    await exited(server.proc);
    expect(server.proc.exitCode).toBe(0);
    expect(await readPostmasterPid(path.join(d.dir, "pg"))).toBeUndefined();
    await expect(fs.stat(path.join(d.dir, "serve.pid"))).rejects.toThrow();
  }, 60_000);
});

describe("fazhi serve after a kill -9", () => {
  let d: DataDir;
  let server: Serving | undefined;
  let adminPassword = "";

  beforeAll(async () => {
    d = await dataDir();
    server = await serve(d.env());
    adminPassword = oneTimePassword(server.stdout);
  }, START_BUDGET_MS + 10_000);
  afterAll(async () => {
    await stop(server?.proc);
    await d?.remove();
  }, 60_000);

  it(
    "the next start adopts the orphaned PostgreSQL and takes the stale lock; no data lost",
    async () => {
      const pgBefore = await readPostmasterPid(path.join(d.dir, "pg"));
      server!.proc.kill("SIGKILL");
      await exited(server!.proc);
      // the orphan is still there, and so is the dead process's lock
      expect(() => process.kill(pgBefore!.pid, 0)).not.toThrow();
      expect(await fs.readFile(path.join(d.dir, "serve.pid"), "utf8")).toBe(
        `${server!.proc.pid}\n`,
      );
      server = await serve(d.env());
      expect(server.stdout).not.toMatch(/one-time password/); // not a first start
      expect((await readPostmasterPid(path.join(d.dir, "pg")))?.pid).toBe(pgBefore?.pid);
      expect((await login(d.port, "admin", adminPassword)).status).toBe(200);
    },
    START_BUDGET_MS + 30_000,
  );
});

// A data directory that does not exist: `deadline` must not create one.
const NO_DATA = path.join(os.tmpdir(), "fazhi-no-data-here");
const noData = (): NodeJS.ProcessEnv => {
  const e: NodeJS.ProcessEnv = { ...process.env, FAZHI_DATA_DIR: NO_DATA };
  delete e.DATABASE_URL;
  return e;
};

describe("fazhi deadline", () => {
  it(
    "prints the due date and nothing else",
    async () => {
      const r = await fazhi(["deadline", "2020-09-30", "7wd"], noData());
      expect(r).toEqual({ code: 0, stdout: "2020-10-16\n", stderr: "" });
    },
    VERB_BUDGET_MS,
  );
  it(
    "marks a result past the last loaded notice provisional on stderr",
    async () => {
      const r = await fazhi(["deadline", "2026-12-30", "3wd"], noData());
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^\d{4}-\d{2}-\d{2}\n$/);
      expect(r.stderr).toMatch(/2027/);
    },
    VERB_BUDGET_MS,
  );
  it("never creates a data directory", async () => {
    await expect(fs.stat(NO_DATA)).rejects.toThrow();
  });
  it(
    "exits 2 on bad input",
    async () => {
      for (const args of [
        ["2020-02-30", "7wd"],
        ["2020-09-30", "7x"],
        ["2018-06-01", "3d"],
        ["2020-09-30"],
      ]) {
        const r = await fazhi(["deadline", ...args], noData());
        expect(r.code, args.join(" ")).toBe(2);
        expect(r.stdout).toBe("");
        expect(r.stderr.length).toBeGreaterThan(0);
      }
    },
    4 * VERB_BUDGET_MS,
  );
});
