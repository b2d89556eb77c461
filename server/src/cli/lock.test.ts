import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { acquireLock, liveFazhiProcess } from "./lock.ts";

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "fazhi-lock-"));
  file = path.join(dir, "serve.pid");
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** The pid of a process that has exited (nothing runs under it now). */
function deadPid(): number {
  const r = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]);
  return Number(r.stdout.toString());
}

/** A live process whose command line says `fazhi` (as `node …/fazhi.js serve` does). */
function liveFazhi() {
  const p = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)", "fazhi-lock-test"]);
  return p;
}

describe("the data-directory lock", () => {
  it("is taken by creating the file with this process's pid, and released", async () => {
    const r = await acquireLock(file);
    expect(r.ok).toBe(true);
    expect((await fs.readFile(file, "utf8")).trim()).toBe(String(process.pid));
    if (r.ok) await r.release();
    await expect(fs.stat(file)).rejects.toThrow();
  });

  it("is refused while a live fazhi process holds it, naming that pid", async () => {
    const holder = liveFazhi();
    try {
      await fs.writeFile(file, `${holder.pid}\n`);
      const r = await acquireLock(file);
      expect(r).toEqual({ ok: false, pid: holder.pid });
      expect((await fs.readFile(file, "utf8")).trim()).toBe(String(holder.pid));
    } finally {
      holder.kill();
    }
  });

  it("breaks a stale lock (a dead pid, as after kill -9) and takes it", async () => {
    await fs.writeFile(file, `${deadPid()}\n`);
    const r = await acquireLock(file);
    expect(r.ok).toBe(true);
    expect((await fs.readFile(file, "utf8")).trim()).toBe(String(process.pid));
  });

  it.runIf(process.platform === "linux")(
    "treats a live pid that is not a fazhi process (a reused pid) as stale",
    async () => {
      const other = spawn("sleep", ["30"]);
      try {
        expect(liveFazhiProcess(other.pid ?? 0)).toBe(false);
        await fs.writeFile(file, `${other.pid}\n`);
        expect((await acquireLock(file)).ok).toBe(true);
      } finally {
        other.kill();
      }
    },
  );

  it("breaks a lock naming this very pid (a container restart reuses pid 1)", async () => {
    await fs.writeFile(file, `${process.pid}\n`);
    expect((await acquireLock(file)).ok).toBe(true);
  });

  it("breaks a lock left empty for long (a holder killed between create and write)", async () => {
    await fs.writeFile(file, "");
    const old = new Date(Date.now() - 60_000);
    await fs.utimes(file, old, old);
    expect((await acquireLock(file)).ok).toBe(true);
  });

  it("does not release a lock that another process took over", async () => {
    const r = await acquireLock(file);
    if (!r.ok) throw new Error("not taken");
    await fs.writeFile(file, "4242\n");
    await r.release();
    expect((await fs.readFile(file, "utf8")).trim()).toBe("4242");
  });
});
