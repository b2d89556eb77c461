/**
 * Start-up (issue 9), as ratios against this machine's baselines in the same run:
 *
 * - the second `fazhi serve` on an embedded PostgreSQL (the first one created it) to its
 *   first 200 on /api/health, against a bare Fastify hello-world to its first 200
 *   (goal ≤ 2×); once from the compiled server (dist/), once from source (tsx);
 * - `fazhi deadline 2020-09-30 7wd` against `node -e 0`.
 *
 * Each also as CPU time (user + system of the measured Node process; the embedded
 * PostgreSQL's own processes are not counted): on a loaded machine the wall time is
 * mostly waiting for a core, and the CPU time is the steadier figure.
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

/** CPU ms (user + system) a live process has used so far, from /proc (Linux). */
async function cpuSoFar(pid: number): Promise<number> {
  const stat = await fs.readFile(`/proc/${pid}/stat`, "utf8");
  // Fields after the command's closing parenthesis: state is field 3, utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS;
}

/** Clock ticks per second (`getconf CLK_TCK`; 100 on Linux). */
const TICKS = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;

interface Timing {
  wall: number;
  cpu: number;
}

/** Wall ms from spawning to the first 200, and the CPU ms the process used to get there. */
async function firstOk(args: string[], env: NodeJS.ProcessEnv, urlPath: string): Promise<Timing> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, [...args, ...(urlPath ? ["--port", String(port)] : [])], {
    env: { ...env, PORT: String(port) },
    stdio: "ignore",
  });
  try {
    await untilOk(`http://127.0.0.1:${port}${urlPath || "/"}`, child);
    const wall = performance.now() - t0;
    return { wall, cpu: await cpuSoFar(child.pid!) };
  } finally {
    await stop(child);
  }
}

const HELLO = `import Fastify from "fastify";
const app = Fastify();
app.get("/", async () => ({ ok: true }));
await app.listen({ port: Number(process.env.PORT), host: "127.0.0.1" });`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Preloaded into a verb: at exit, its CPU time (µs, user + system) to FAZHI_BENCH_CPU. */
const CPU_AT_EXIT = `const fs = require("node:fs");
process.on("exit", () => {
  const u = process.cpuUsage();
  fs.writeFileSync(process.env.FAZHI_BENCH_CPU, String(u.user + u.system));
});`;

async function timeSync(cmd: string[], env: NodeJS.ProcessEnv, preload: string): Promise<Timing> {
  const out = path.join(path.dirname(preload), `cpu-${process.pid}.txt`);
  const t0 = performance.now();
  spawnSync(process.execPath, ["--require", preload, ...cmd], {
    env: { ...env, FAZHI_BENCH_CPU: out },
    stdio: "ignore",
    cwd: os.tmpdir(),
  });
  const wall = performance.now() - t0;
  const cpu = Number(await fs.readFile(out, "utf8")) / 1000;
  await fs.rm(out, { force: true });
  return { wall, cpu };
}

/** The ratio of the medians, wall and CPU: "4.1 (CPU 3.2)". */
function ratio(xs: Timing[], base: Timing[]): string {
  const wall = median(xs.map((x) => x.wall)) / median(base.map((x) => x.wall));
  const cpu = median(xs.map((x) => x.cpu)) / median(base.map((x) => x.cpu));
  return `${wall.toFixed(1)} (CPU ${cpu.toFixed(1)})`;
}

export async function benchStartup(
  results: Record<string, string>,
  runs = Number(process.env.FAZHI_BENCH_RUNS) || 3,
): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "fazhi-bench-start-"));
  await fs.chmod(dir, 0o755);
  // In .tmp/ (ignored by git and the linter), resolving fastify from the repository.
  const hello = path.join(ROOT, ".tmp", `bench-hello-${process.pid}.mjs`);
  await fs.mkdir(path.dirname(hello), { recursive: true });
  await fs.writeFile(hello, HELLO);
  const preload = path.join(ROOT, ".tmp", `bench-cpu-${process.pid}.cjs`);
  await fs.writeFile(preload, CPU_AT_EXIT);
  // No demo: the first start only creates the cluster and migrates.
  const env = { ...process.env, FAZHI_DATA_DIR: dir, FAZHI_NO_DEMO: "1" };
  try {
    // The first start creates the embedded cluster and migrates; not measured.
    await firstOk([BIN, "serve"], env, "/api/health");
    const compiled: Timing[] = [];
    const source: Timing[] = [];
    const bare: Timing[] = [];
    for (let i = 0; i < runs; i++) {
      bare.push(await firstOk([hello], env, ""));
      compiled.push(await firstOk([BIN, "serve"], env, "/api/health"));
      source.push(await firstOk([BIN, "serve"], { ...env, FAZHI_FROM_SOURCE: "1" }, "/api/health"));
    }
    results["second start to first 200 / bare Fastify (goal ≤ 2)"] = ratio(compiled, bare);
    results["  second start from source (tsx) / bare Fastify"] = ratio(source, bare);
    results["second start to first 200, s"] = (median(compiled.map((x) => x.wall)) / 1000).toFixed(
      2,
    );

    const noDb = { ...process.env, FAZHI_DATA_DIR: path.join(dir, "none") };
    const d: Timing[] = [];
    const ds: Timing[] = [];
    const n: Timing[] = [];
    const verb = [BIN, "deadline", "2020-09-30", "7wd"];
    for (let i = 0; i < runs; i++) {
      n.push(await timeSync(["-e", "0"], noDb, preload));
      d.push(await timeSync(verb, noDb, preload));
      ds.push(await timeSync(verb, { ...noDb, FAZHI_FROM_SOURCE: "1" }, preload));
    }
    results["fazhi deadline / node -e 0"] = ratio(d, n);
    results["  fazhi deadline from source (tsx) / node -e 0"] = ratio(ds, n);
  } finally {
    await fs.rm(hello, { force: true });
    await fs.rm(preload, { force: true });
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
