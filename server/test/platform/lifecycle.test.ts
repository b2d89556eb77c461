import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, readPostmasterPid } from "../../src/db/embedded.ts";

/**
 * The embedded server's life as a user lives it: `fazhi serve` on an empty ./data,
 * CLI verbs while it runs, a kill -9 and a restart, a clean stop — through the real
 * `fazhi` command in child processes.
 */
const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../bin/fazhi.js");
let dir: string;
let port: number;
let server: ChildProcess | undefined;
let adminPassword = "";

function env() {
  const e: NodeJS.ProcessEnv = { ...process.env, FAZHI_DATA_DIR: dir, PORT: String(port) };
  delete e.DATABASE_URL;
  return e;
}

function fazhi(
  args: string[],
  dataDir = dir,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [BIN, ...args], {
      env: { ...env(), FAZHI_DATA_DIR: dataDir },
      cwd: os.tmpdir(),
    });
    let stdout = "";
    let stderr = "";
    p.stdout.on("data", (d) => {
      stdout += d;
    });
    p.stderr.on("data", (d) => {
      stderr += d;
    });
    p.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

function startServer(): Promise<{ proc: ChildProcess; stdout: string }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [BIN, "serve"], { env: env(), cwd: dir });
    let stdout = "";
    let stderr = "";
    const timer = setTimeout(
      () => reject(new Error(`serve did not start: ${stdout}${stderr}`)),
      60_000,
    );
    proc.stdout?.on("data", (d) => {
      stdout += d;
      if (stdout.includes("Fazhi is serving at")) {
        clearTimeout(timer);
        resolve({ proc, stdout });
      }
    });
    proc.stderr?.on("data", (d) => {
      stderr += d;
    });
    proc.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}: ${stdout}${stderr}`));
    });
  });
}

async function login(username: string, password: string) {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  return { status: res.status, body: (await res.json()) as { mustChangePassword?: boolean } };
}

const exited = (p: ChildProcess) =>
  new Promise((r) => (p.exitCode !== null ? r(null) : p.once("exit", r)));

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "fazhi-life-"));
  await fs.chmod(dir, 0o755);
  port = await freePort();
});

afterAll(async () => {
  if (server && server.exitCode === null) {
    server.kill("SIGTERM");
    await exited(server);
  }
  const pid = await readPostmasterPid(path.join(dir, "pg"));
  if (pid) {
    try {
      process.kill(pid.pid, "SIGINT");
    } catch {}
  }
  await fs.rm(dir, { recursive: true, force: true });
});

describe("fazhi serve on an empty data directory", () => {
  it("creates the cluster, prints the admin's one-time password, and that password logs in", async () => {
    const { proc, stdout } = await startServer();
    server = proc;
    const m = stdout.match(/one-time password: (\S+)/);
    expect(m).toBeTruthy();
    adminPassword = m![1]!;
    const r = await login("admin", adminPassword);
    expect(r.status).toBe(200);
    expect(r.body.mustChangePassword).toBe(true);
  });

  it("serves the API docs (or the web app) at /", async () => {
    const res = await fetch(`http://127.0.0.1:${port}/`, { redirect: "follow" });
    expect(res.status).toBe(200);
  });

  it("refuses a second serve on the same directory with a clear message", async () => {
    const r = await fazhi(["serve", "--port", String(await freePort())]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/already serving/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it("CLI verbs share the running server instead of starting another", async () => {
    const before = await readPostmasterPid(path.join(dir, "pg"));
    const m = await fazhi(["migrate"]);
    expect(m.code).toBe(0);
    const u = await fazhi([
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
    ]);
    expect(u.code).toBe(0);
    expect(u.stdout).toMatch(/one-time password: \S+/);
    const after = await readPostmasterPid(path.join(dir, "pg"));
    expect(after?.pid).toBe(before?.pid);
    // still serving after the CLI exited
    expect((await login("admin", adminPassword)).status).toBe(200);
  });

  it("recovers after kill -9: the next start adopts the orphaned PostgreSQL, no data lost", async () => {
    const pgBefore = await readPostmasterPid(path.join(dir, "pg"));
    server!.kill("SIGKILL");
    await exited(server!);
    // the orphan is still there
    expect(() => process.kill(pgBefore!.pid, 0)).not.toThrow();
    const { proc, stdout } = await startServer();
    server = proc;
    expect(stdout).not.toMatch(/one-time password/); // not a first start
    expect((await login("admin", adminPassword)).status).toBe(200);
    const users = await fazhi([
      "user",
      "add",
      "-u",
      "auditor",
      "-n",
      "x",
      "--unit",
      "system-admin",
      "-r",
      "audit_admin",
    ]);
    expect(users.code).toBe(2);
    expect(users.stderr).toMatch(/taken/);
  });

  it("audit verify passes, then fails naming an event edited as superuser", async () => {
    const ok = await fazhi(["audit", "verify"]);
    expect(ok.stderr).toBe("");
    expect(ok.code).toBe(0);
    const state = JSON.parse(await fs.readFile(path.join(dir, "fazhi.json"), "utf8"));
    const c = new pg.Client({
      connectionString: `postgres://postgres:${encodeURIComponent(state.superPassword)}@127.0.0.1:${state.port}/fazhi`,
    });
    await c.connect();
    await c.query(`alter table audit_event disable trigger user;
      update audit_event set actor_name = 'someone else' where seq = 1 and action = 'user.create'
        and entity_id = (select min(entity_id) from audit_event);
      alter table audit_event enable trigger user;`);
    await c.end();
    const bad = await fazhi(["audit", "verify"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/user:\d+ #1/);
  });

  it("stops PostgreSQL with the server on SIGTERM", async () => {
    server!.kill("SIGTERM");
    await exited(server!);
    expect(server!.exitCode).toBe(0);
    expect(await readPostmasterPid(path.join(dir, "pg"))).toBeUndefined();
  });
});

// A data directory that does not exist: `deadline` must not create one.
const NO_DATA = path.join(os.tmpdir(), "fazhi-no-data-here");

describe("fazhi deadline", () => {
  it("prints the due date and nothing else", async () => {
    const r = await fazhi(["deadline", "2020-09-30", "7wd"], NO_DATA);
    expect(r).toEqual({ code: 0, stdout: "2020-10-16\n", stderr: "" });
  });
  it("marks a result past the last loaded notice provisional on stderr", async () => {
    const r = await fazhi(["deadline", "2026-12-30", "3wd"], NO_DATA);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\d{4}-\d{2}-\d{2}\n$/);
    expect(r.stderr).toMatch(/2027/);
  });
  it("never creates a data directory", async () => {
    await expect(fs.stat(NO_DATA)).rejects.toThrow();
  });
  it("exits 2 on bad input", async () => {
    for (const args of [
      ["2020-02-30", "7wd"],
      ["2020-09-30", "7x"],
      ["2018-06-01", "3d"],
      ["2020-09-30"],
    ]) {
      const r = await fazhi(["deadline", ...args], NO_DATA);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr.length).toBeGreaterThan(0);
    }
  });
});
