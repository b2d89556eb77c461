import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";

/**
 * The embedded PostgreSQL when Fazhi runs as root. PostgreSQL refuses to run as root, so
 * the server runs as the `postgres` OS user, which must be able to execute the binaries
 * and to reach the cluster directory. A clone in root's home folder (mode 0700) is out
 * of its reach (`spawn …/initdb EACCES`). Then, instead of failing:
 *
 * - the binaries are copied to `<systemDir>/postgresql-<version>` (owned by root, 0755);
 * - the cluster is kept in `<systemDir>/clusters/<hash of the data directory>` (owned by
 *   `postgres`, 0700) and `<dataDir>/pg` is a symbolic link to it, so the data directory
 *   still names its cluster.
 *
 * `systemDir` is FAZHI_SYSTEM_DIR, by default /var/lib/fazhi. Where the `postgres` user
 * can reach the clone (a clone in /srv or /opt), nothing moves.
 */

export class EmbeddedStartError extends Error {
  override name = "EmbeddedStartError";
}

export interface Ids {
  uid: number;
  gid: number;
}

export interface Binaries {
  pg_ctl: string;
  initdb: string;
}

export function isRoot(): boolean {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

/** The `postgres` OS user's ids when we run as root (undefined otherwise or without one). */
export async function postgresIds(): Promise<Ids | undefined> {
  if (!isRoot()) return undefined;
  const passwd = await fs.readFile("/etc/passwd", "utf8");
  const line = passwd.split("\n").find((l) => l.startsWith("postgres:"));
  if (!line) return undefined;
  const [, , uid, gid] = line.split(":");
  return { uid: Number(uid), gid: Number(gid) };
}

/** Run a command (as `ids` when given), collecting its output; never throws. */
export function run(cmd: string, args: string[], ids: Ids | undefined) {
  return new Promise<{ code: number; output: string }>((resolve) => {
    const child = spawn(cmd, args, {
      ...(ids ?? {}),
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, LC_ALL: "C", LANG: "C" },
    });
    let output = "";
    child.stdout?.on("data", (d) => {
      output += d;
    });
    child.stderr?.on("data", (d) => {
      output += d;
    });
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
    child.on("error", (e) => resolve({ code: 1, output: String(e) }));
  });
}

/**
 * Whether the `postgres` user may use `target`: execute it (a file) or enter it (a
 * directory), which needs search permission on every parent. Asked of the kernel by
 * running `test -x` as that user, so ACLs and group membership count.
 */
export async function postgresCanReach(target: string, ids: Ids): Promise<boolean> {
  const r = await run("/bin/sh", ["-c", 'test -x "$1"', "sh", target], ids);
  return r.code === 0;
}

/** The first parent of `target` the `postgres` user cannot enter, for messages. */
async function blockingParent(target: string, ids: Ids): Promise<string> {
  let p = path.resolve(target);
  const chain: string[] = [];
  while (p !== path.dirname(p)) {
    chain.unshift(p);
    p = path.dirname(p);
  }
  for (const dir of chain) if (!(await postgresCanReach(dir, ids))) return dir;
  return target;
}

async function mkdirOwned(dir: string, mode: number, ids?: Ids): Promise<void> {
  await fs.mkdir(dir, { recursive: true, mode });
  await fs.chmod(dir, mode);
  if (ids) await fs.chown(dir, ids.uid, ids.gid);
}

/**
 * Binaries the `postgres` user can execute: the package's own, or a copy of its
 * `native` folder (bin, lib, share: the server finds its libraries and share files
 * relative to its binary) in `<systemDir>/postgresql-<version>`.
 */
export async function reachableBinaries(
  bins: Binaries,
  version: string,
  ids: Ids,
  systemDir: string,
): Promise<Binaries> {
  if (await postgresCanReach(bins.initdb, ids)) return bins;
  const native = path.dirname(path.dirname(bins.initdb));
  const target = path.join(systemDir, `postgresql-${version}`);
  const done = path.join(target, ".complete");
  if (!existsSync(done)) {
    try {
      await mkdirOwned(systemDir, 0o755);
      const partial = `${target}.partial-${process.pid}`;
      await fs.rm(partial, { recursive: true, force: true });
      await fs.cp(native, partial, { recursive: true, verbatimSymlinks: true });
      await fs.chmod(partial, 0o755);
      await fs.writeFile(path.join(partial, ".complete"), `${native}\n`);
      await fs.rm(target, { recursive: true, force: true });
      await fs.rename(partial, target).catch(async (e) => {
        // Another start copied them meanwhile: use theirs.
        await fs.rm(partial, { recursive: true, force: true });
        if (!existsSync(done)) throw e;
      });
    } catch (e) {
      throw new EmbeddedStartError(
        `running as root, PostgreSQL runs as the OS user postgres, which cannot execute ${bins.initdb} (${await blockingParent(bins.initdb, ids)} is closed to it); copying the binaries to ${target} failed: ${(e as Error).message}. Set FAZHI_SYSTEM_DIR to a directory root may write, run Fazhi as an ordinary user, or set DATABASE_URL`,
      );
    }
  }
  const relocated = {
    pg_ctl: path.join(target, "bin", path.basename(bins.pg_ctl)),
    initdb: path.join(target, "bin", path.basename(bins.initdb)),
  };
  if (!(await postgresCanReach(relocated.initdb, ids))) {
    throw new EmbeddedStartError(
      `running as root, PostgreSQL runs as the OS user postgres, which cannot execute ${relocated.initdb} either (${await blockingParent(relocated.initdb, ids)} is closed to it): set FAZHI_SYSTEM_DIR to a directory it can reach, run Fazhi as an ordinary user, or set DATABASE_URL`,
    );
  }
  return relocated;
}

/**
 * The cluster directory the `postgres` user can reach: `<dataDir>/pg` itself when it
 * can, else (on a first start) `<systemDir>/clusters/<hash>` with `<dataDir>/pg` linked
 * to it. Returns the real path, which is what PostgreSQL is given.
 */
export async function reachableClusterDir(
  dataDir: string,
  ids: Ids,
  systemDir: string,
): Promise<string> {
  const link = path.join(dataDir, "pg");
  const st = await fs.lstat(link).catch(() => undefined);
  if (st?.isSymbolicLink()) return path.resolve(dataDir, await fs.readlink(link));
  if (await postgresCanReach(dataDir, ids)) return link;
  if (st) {
    // A cluster made earlier in place, now closed to postgres (a parent's mode changed).
    throw new EmbeddedStartError(
      `running as root, PostgreSQL runs as the OS user postgres, which cannot reach the cluster in ${link} (${await blockingParent(dataDir, ids)} is closed to it): let it traverse that directory (chmod o+x), or run Fazhi as an ordinary user`,
    );
  }
  const real = await fs.realpath(dataDir);
  const hash = createHash("sha256").update(real).digest("hex").slice(0, 16);
  const clusters = path.join(systemDir, "clusters");
  const target = path.join(clusters, hash);
  try {
    await mkdirOwned(systemDir, 0o755);
    await mkdirOwned(clusters, 0o755);
    await fs.writeFile(path.join(clusters, `${hash}.owner`), `${real}\n`);
  } catch (e) {
    throw new EmbeddedStartError(
      `running as root, PostgreSQL runs as the OS user postgres, which cannot reach ${dataDir} (${await blockingParent(dataDir, ids)} is closed to it); keeping its cluster in ${target} failed: ${(e as Error).message}. Set FAZHI_SYSTEM_DIR to a directory root may write, or run Fazhi as an ordinary user`,
    );
  }
  if (!(await postgresCanReach(clusters, ids))) {
    throw new EmbeddedStartError(
      `running as root, PostgreSQL runs as the OS user postgres, which can reach neither ${dataDir} nor ${clusters} (${await blockingParent(clusters, ids)} is closed to it): set FAZHI_SYSTEM_DIR to a directory it can reach, or run Fazhi as an ordinary user`,
    );
  }
  if (existsSync(target)) {
    // The cluster of an earlier data directory at this path, which was deleted with its
    // passwords: keep it aside, never reuse or delete it.
    await fs.rename(target, `${target}.orphaned-${Date.now()}`);
  }
  await fs.symlink(target, link);
  return target;
}
