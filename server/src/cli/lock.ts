import { existsSync, readFileSync } from "node:fs";
import fs from "node:fs/promises";

/**
 * An exclusive lock on a data directory, taken atomically before anything else a
 * `fazhi serve` does (issue 8: two cold starts on one directory both served, because the
 * pid file was written after the database opened; stopping one then stopped PostgreSQL
 * under the other).
 *
 * The lock is a file created with `open(…, 'wx')` (O_CREAT|O_EXCL: of two processes
 * exactly one creates it) holding the owner's pid. A lock whose pid is not a live
 * `fazhi` process (killed with -9, machine rebooted) is stale: it is broken under a
 * second lock file, so that of two processes finding the same stale lock only one
 * breaks it and the other then finds the winner's live lock.
 */

export interface Held {
  pid: number;
}

export type LockResult = { ok: true; release: () => Promise<void> } | { ok: false; pid: number };

/** Whether `pid` is a live process that is (as far as the OS tells) a `fazhi` command. */
export function liveFazhiProcess(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  // A reused pid: on Linux, the command line tells whether it is still ours.
  const cmdline = `/proc/${pid}/cmdline`;
  if (existsSync("/proc/self/cmdline")) {
    try {
      return readFileSync(cmdline, "utf8").includes("fazhi");
    } catch {
      return false;
    }
  }
  return true;
}

async function readPid(file: string): Promise<number | undefined> {
  try {
    const pid = Number((await fs.readFile(file, "utf8")).trim());
    return Number.isInteger(pid) && pid > 0 ? pid : 0;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw e;
  }
}

async function create(file: string): Promise<boolean> {
  try {
    const h = await fs.open(file, "wx", 0o644);
    try {
      await h.writeFile(`${process.pid}\n`);
    } finally {
      await h.close();
    }
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw e;
  }
}

/** A breaker lock left by a process killed while breaking (a few ms) is stale after this. */
const BREAKER_STALE_MS = 10_000;

/** Remove `file` if it still names the dead `pid`; only one process breaks at a time. */
async function breakStale(file: string, pid: number): Promise<void> {
  const breaker = `${file}.break`;
  if (!(await create(breaker))) {
    const st = await fs.stat(breaker).catch(() => undefined);
    if (st && Date.now() - st.mtimeMs > BREAKER_STALE_MS) await fs.rm(breaker, { force: true });
    return; // someone else is breaking it: look again
  }
  try {
    if ((await readPid(file)) === pid) await fs.rm(file, { force: true });
  } finally {
    await fs.rm(breaker, { force: true });
  }
}

/** Take the lock `file` for this process, or say which live process holds it. */
export async function acquireLock(file: string): Promise<LockResult> {
  for (let attempt = 0; attempt < 50; attempt++) {
    if (await create(file)) {
      return {
        ok: true,
        release: async () => {
          if ((await readPid(file)) === process.pid) await fs.rm(file, { force: true });
        },
      };
    }
    const pid = await readPid(file);
    if (pid === undefined) continue; // released meanwhile
    if (pid === 0) {
      // Created but not yet filled (the holder is between open and write): wait, unless
      // it has stayed empty too long (the holder died there).
      const st = await fs.stat(file).catch(() => undefined);
      if (st && Date.now() - st.mtimeMs > BREAKER_STALE_MS) await breakStale(file, 0);
      // Our own pid in the file is a lock left before a restart that reused the pid (a
      // container where the server is always pid 1): stale, like a dead one.
    } else if (pid !== process.pid && liveFazhiProcess(pid)) {
      return { ok: false, pid };
    } else {
      await breakStale(file, pid);
    }
    await new Promise((r) => setTimeout(r, 20 + attempt * 10));
  }
  const pid = (await readPid(file)) ?? 0;
  return { ok: false, pid };
}
