/**
 * Start-up (issue 9), as ratios against this machine's baselines in the same run:
 *
 * - the second `fazhi serve` on an embedded PostgreSQL (the first one created it) to its
 *   first 200 on /api/health, against a bare Fastify hello-world to its first 200
 *   (goal ≤ 2×); once from the compiled server (dist/), once from source (tsx);
 * - `fazhi deadline 2020-09-30 7wd` against `node -e 0`.
 *
 *   node --import tsx bench/startup.ts
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

import { writeResults } from "./results.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BIN = path.join(ROOT, "server/bin/fazhi.js");

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function untilOk(url: string, child: ChildProcess, limitMs = 900_000): Promise<void> {
  const t0 = performance.now();
  while (performance.now() - t0 < limitMs) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no 200 from ${url}`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const done = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await done;
}

/** ms from spawning to the first 200. */
async function firstOk(args: string[], env: NodeJS.ProcessEnv, urlPath: string): Promise<number> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, [...args, ...(urlPath ? ["--port", String(port)] : [])], {
    env: { ...env, PORT: String(port) },
    stdio: "ignore",
  });
  try {
    await untilOk(`http://127.0.0.1:${port}${urlPath || "/"}`, child);
    return performance.now() - t0;
  } finally {
    await stop(child);
  }
}

const HELLO = `import Fastify from "fastify";
const app = Fastify();
app.get("/", async () => ({ ok: true }));
await app.listen({ port: Number(process.env.PORT), host: "127.0.0.1" });`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function timeSync(cmd: string[], env: NodeJS.ProcessEnv): number {
  const t0 = performance.now();
  spawnSync(process.execPath, cmd, { env, stdio: "ignore", cwd: os.tmpdir() });
  return performance.now() - t0;
}

export async function benchStartup(results: Record<string, string>, runs = 3): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "fazhi-bench-start-"));
  await fs.chmod(dir, 0o755);
  // In .tmp/ (ignored by git and the linter), resolving fastify from the repository.
  const hello = path.join(ROOT, ".tmp", `bench-hello-${process.pid}.mjs`);
  await fs.mkdir(path.dirname(hello), { recursive: true });
  await fs.writeFile(hello, HELLO);
  // No demo: the first start only creates the cluster and migrates.
  const env = { ...process.env, FAZHI_DATA_DIR: dir, FAZHI_NO_DEMO: "1" };
  try {
    // The first start creates the embedded cluster and migrates; not measured.
    await firstOk([BIN, "serve"], env, "/api/health");
    const compiled: number[] = [];
    const source: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < runs; i++) {
      bare.push(await firstOk([hello], env, ""));
      compiled.push(await firstOk([BIN, "serve"], env, "/api/health"));
      source.push(await firstOk([BIN, "serve"], { ...env, FAZHI_FROM_SOURCE: "1" }, "/api/health"));
    }
    results["second start to first 200 / bare Fastify (goal ≤ 2)"] = (
      median(compiled) / median(bare)
    ).toFixed(1);
    results["  second start from source (tsx) / bare Fastify"] = (
      median(source) / median(bare)
    ).toFixed(1);
    results["second start to first 200, s"] = (median(compiled) / 1000).toFixed(2);

    const noDb = { ...process.env, FAZHI_DATA_DIR: path.join(dir, "none") };
    const d: number[] = [];
    const ds: number[] = [];
    const n: number[] = [];
    for (let i = 0; i < runs; i++) {
      n.push(timeSync(["-e", "0"], noDb));
      d.push(timeSync([BIN, "deadline", "2020-09-30", "7wd"], noDb));
      ds.push(
        timeSync([BIN, "deadline", "2020-09-30", "7wd"], { ...noDb, FAZHI_FROM_SOURCE: "1" }),
      );
    }
    results["fazhi deadline / node -e 0"] = (median(d) / median(n)).toFixed(1);
    results["  fazhi deadline from source (tsx) / node -e 0"] = (median(ds) / median(n)).toFixed(1);
  } finally {
    await fs.rm(hello, { force: true });
    // The embedded server of the data directory stops with the last serve; remove its files.
    await fs.rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith("startup.ts")) {
  const results: Record<string, string> = {};
  await benchStartup(results);
  for (const [k, v] of Object.entries(results)) process.stdout.write(`${k.padEnd(58)} ${v}\n`);
  await writeResults(results, undefined, true);
}
