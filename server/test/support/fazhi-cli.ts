/**
 * The real `fazhi` command in child processes, for the suites that test the embedded
 * server's life as a user lives it (test/platform/lifecycle*.test.ts): each suite makes
 * its own data directory and server, so no test waits on another one's time-out.
 *
 * Budgets hold at five times the quiet duration on a 2-core machine (measured on
 * 2026-12-02: a first start without the demo took 37 s and a restart 24 s at a load
 * average of 15 on 2 cores; the demo's first load about 33 s quiet).
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort, readPostmasterPid } from "../../src/db/embedded.ts";

export const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../bin/fazhi.js");

/** A start (cluster, migrations, first admin, no demo) on a busy machine. */
export const START_BUDGET_MS = 150_000;
/**
 * One CLI verb (tsx loads the whole module graph: 21 s at a load average of 15 on 2
 * cores, up to 55 s at 25).
 */
export const VERB_BUDGET_MS = 90_000;
/**
 * The demo's first load (≈33 s quiet) plus a first start, at five times and more: it did
 * not finish in 240 s at a load average of 21 on 2 cores.
 */
export const DEMO_BUDGET_MS = 360_000;

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export interface DataDir {
  dir: string;
  port: number;
  env: (extra?: NodeJS.ProcessEnv) => NodeJS.ProcessEnv;
  /** Stop any PostgreSQL left on the directory, remove it. */
  remove: () => Promise<void>;
}

/** A fresh empty data directory (its parent reachable by the `postgres` user). */
export async function dataDir(prefix = "fazhi-life-"): Promise<DataDir> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  await fs.chmod(dir, 0o755);
  const port = await freePort();
  const env = (extra: NodeJS.ProcessEnv = {}) => {
    const e: NodeJS.ProcessEnv = {
      ...process.env,
      FAZHI_DATA_DIR: dir,
      PORT: String(port),
      FAZHI_NO_DEMO: "1",
      // The lifecycle tests read the English lines ("Fazhi is serving at …"); Chinese is the
      // default (src/cli/lang.ts), tested in src/cli.
      FAZHI_LANG: "en",
      ...extra,
    };
    delete e.DATABASE_URL;
    if (e.FAZHI_NO_DEMO === "") delete e.FAZHI_NO_DEMO;
    return e;
  };
  const remove = async () => {
    await stopOrphan(dir);
    await fs.rm(dir, { recursive: true, force: true, maxRetries: 20, retryDelay: 500 });
  };
  return { dir, port, env, remove };
}

/** SIGINT (fast shutdown) to a PostgreSQL still running on `dataDir`; waits for it. */
export async function stopOrphan(dataDir: string): Promise<void> {
  const pid = await readPostmasterPid(path.join(dataDir, "pg"));
  if (!pid) return;
  try {
    process.kill(pid.pid, "SIGINT");
  } catch {
    return;
  }
  for (let i = 0; i < 120; i++) {
    try {
      process.kill(pid.pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Run a `fazhi` verb to its end. */
export function fazhi(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [BIN, ...args], { env, cwd: os.tmpdir() });
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

export interface Serving {
  proc: ChildProcess;
  /** The port it says it serves on. */
  port: number;
  stdout: string;
  stderr: () => string;
}

/** `fazhi serve` until it says it is serving (rejects if it exits or the budget runs out). */
export function serve(
  env: NodeJS.ProcessEnv,
  budgetMs = START_BUDGET_MS,
  args: string[] = [],
): Promise<Serving> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [BIN, "serve", ...args], {
      env,
      cwd: os.tmpdir(),
    });
    let stdout = "";
    let stderr = "";
    const timer = setTimeout(() => {
      proc.kill("SIGKILL");
      reject(new Error(`serve did not start in ${budgetMs} ms: ${stdout}${stderr}`));
    }, budgetMs);
    proc.stdout?.on("data", (d) => {
      stdout += d;
      // Either language (src/cli/lang.ts): Chinese by default, English with FAZHI_LANG=en.
      const at = /(?:Fazhi is serving at |法治平台已启动：)http:\/\/[^:]+:(\d+)/.exec(stdout);
      if (at) {
        clearTimeout(timer);
        resolve({ proc, port: Number(at[1]), stdout, stderr: () => stderr });
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

export const exited = (p: ChildProcess) =>
  new Promise<void>((r) =>
    p.exitCode !== null || p.signalCode !== null ? r() : p.once("exit", () => r()),
  );

/** SIGTERM and wait (the server stops its PostgreSQL and releases the lock). */
export async function stop(p: ChildProcess | undefined): Promise<void> {
  if (!p || p.exitCode !== null || p.signalCode !== null) return;
  p.kill("SIGTERM");
  await exited(p);
}

export async function login(port: number, username: string, password: string) {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  return { status: res.status, body: (await res.json()) as { mustChangePassword?: boolean } };
}

export const oneTimePassword = (stdout: string) =>
  stdout.match(/one-time password: (\S+)/)?.[1] ?? "";
