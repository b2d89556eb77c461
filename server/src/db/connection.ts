import { Kysely, Migrator, sql } from "kysely";
import pg from "pg";
import { traceStart } from "../cli/trace.ts";
import type { FazhiConfig } from "./config.ts";
import { type EmbeddedServer, openEmbedded, type StartHooks } from "./embedded.ts";
import { APP_ROLE } from "./migrations/helpers.ts";
import { migrations } from "./migrations/index.ts";
import type { DB } from "./schema.ts";
import { ScopedPostgresDialect } from "./scope.ts";

// int8 (ids, counts) as numbers: every id and count we keep is far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));
// date as the civil date string 'YYYY-MM-DD' (never a JS Date in the process's zone).
pg.types.setTypeParser(1082, (v) => v);

export interface Database {
  /** Owner role: migrations, CLI administration, demo loading, background jobs. */
  owner: Kysely<DB>;
  /** The app role (row-level security applies): every request's work. */
  app: Kysely<DB>;
  /**
   * The app role on a read replica (DATABASE_READ_URL), for reads that tolerate the
   * replica's lag (the indicators and their drill-down). Absent: read on `app`.
   */
  read?: Kysely<DB>;
  embedded: EmbeddedServer | undefined;
  close(): Promise<void>;
}

/**
 * SQLSTATEs and driver errors that mean "the database went away" (a restart, an
 * administrator's pg_terminate_backend, a network blip), not "the query is wrong":
 * class 08 (connection exception), 57P01–57P03 (admin shutdown, crash shutdown,
 * cannot connect now), 53300 (too many connections); and the errors node-postgres and
 * Node raise when the socket is gone.
 */
export function isDatabaseUnavailable(e: unknown): boolean {
  const err = e as { code?: unknown; message?: unknown } | null;
  if (!err || typeof err !== "object") return false;
  const code = typeof err.code === "string" ? err.code : "";
  if (/^08/.test(code) || /^57P0[123]$/.test(code) || code === "53300") return true;
  if (
    ["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "ENOTFOUND", "EHOSTUNREACH"].includes(code)
  )
    return true;
  const message = typeof err.message === "string" ? err.message : "";
  return /Connection terminated|connection error and is not queryable|Client was closed|terminating connection|timeout exceeded when trying to connect/i.test(
    message,
  );
}

/** Run `fn`; if the database was away, run it once more (a fresh pool connection). Reads only. */
export async function retryReadOnce<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (!isDatabaseUnavailable(e)) throw e;
    return fn();
  }
}

/**
 * A pool that survives a dropped connection. Without these listeners an idle client
 * whose server process is terminated emits 'error' with no listener, and Node ends
 * the whole process (issue 8: "one dropped connection kills the server"). The pool
 * discards the broken client itself; the query that was running on it fails and the
 * HTTP layer answers 503 (http/errors.ts).
 */
export function createPool(connectionString: string, max: number): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max,
    application_name: "fazhi",
    connectionTimeoutMillis: 10_000,
  });
  const report = (err: Error) => {
    if (process.env.FAZHI_LOG === "1") console.error(`database connection lost: ${err.message}`);
  };
  pool.on("error", report);
  // A client checked out of the pool has no pool listener: give every client its own.
  pool.on("connect", (client) => client.on("error", report));
  return pool;
}

export function kyselyFor(connectionString: string, max = 10): Kysely<DB> {
  return new Kysely<DB>({
    dialect: new ScopedPostgresDialect({ pool: createPool(connectionString, max) }),
  });
}

function withUser(connectionString: string, user: string, password: string | undefined): string {
  const u = new URL(connectionString);
  u.username = user;
  u.password = password ? encodeURIComponent(password) : "";
  return u.toString();
}

/**
 * Create the app role if missing (cluster-wide) and let it connect to this database.
 * Idempotent and safe to race.
 */
export async function bootstrapAppRole(owner: Kysely<DB>, password: string | undefined) {
  try {
    await sql
      .raw(
        `do $$ begin
           if not exists (select 1 from pg_roles where rolname = '${APP_ROLE}') then
             create role ${APP_ROLE} login nosuperuser nobypassrls nocreatedb nocreaterole;
           end if;
         end $$`,
      )
      .execute(owner);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code !== "23505" && code !== "42710") throw e;
  }
  if (password) {
    await sql
      .raw(`alter role ${APP_ROLE} with password '${password.replace(/'/g, "''")}'`)
      .execute(owner);
  }
  const { rows } = await sql<{ db: string }>`select current_database() as db`.execute(owner);
  await sql.raw(`grant connect on database "${rows[0]!.db}" to ${APP_ROLE}`).execute(owner);
  await sql.raw(`grant usage on schema public to ${APP_ROLE}`).execute(owner);
}

export async function migrateToLatest(owner: Kysely<DB>): Promise<string[]> {
  const migrator = new Migrator({
    db: owner,
    provider: { getMigrations: async () => migrations },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}

/** Refuse to run the app under a role that row-level security does not bind. */
async function checkAppRole(app: Kysely<DB>) {
  const { rows } = await sql<{ rolsuper: boolean; rolbypassrls: boolean; name: string }>`
    select rolsuper, rolbypassrls, rolname as name from pg_roles where rolname = current_user`.execute(
    app,
  );
  const r = rows[0];
  if (!r || r.rolsuper || r.rolbypassrls) {
    throw new Error(
      `the app's database role ${r?.name ?? "?"} is a superuser or bypasses row-level security; connect it as ${APP_ROLE} (DATABASE_APP_URL)`,
    );
  }
}

export async function openDatabase(
  config: FazhiConfig,
  opts: { migrate?: boolean } & StartHooks = { migrate: true },
): Promise<Database> {
  const embedded = config.databaseUrl
    ? undefined
    : await openEmbedded(config.dataDir, undefined, { starting: opts.starting });
  if (embedded)
    traceStart(
      embedded.startedHere ? "embedded PostgreSQL started" : "embedded PostgreSQL adopted",
    );
  const ownerUrl = config.databaseUrl ?? embedded!.ownerUrl;
  const appPassword = embedded ? embedded.appPassword : config.appPassword;
  const appUrl = config.databaseAppUrl ?? withUser(ownerUrl, APP_ROLE, appPassword);
  const owner = kyselyFor(ownerUrl, 5);
  let app: Kysely<DB> | undefined;
  let read: Kysely<DB> | undefined;
  try {
    await bootstrapAppRole(owner, config.databaseAppUrl ? undefined : appPassword);
    traceStart("app role checked");
    if (opts.migrate !== false) await migrateToLatest(owner);
    traceStart("migrations checked");
    app = kyselyFor(appUrl, 20);
    await checkAppRole(app);
    if (config.databaseReadUrl) {
      read = kyselyFor(config.databaseReadUrl, 10);
      await checkAppRole(read); // row-level security binds the replica's reads too
    }
  } catch (e) {
    await read?.destroy();
    await app?.destroy();
    await owner.destroy();
    if (embedded?.startedHere) await embedded.stop();
    throw e;
  }
  const appDb = app;
  const readDb = read;
  return {
    owner,
    app: appDb,
    ...(readDb ? { read: readDb } : {}),
    embedded,
    close: async () => {
      await readDb?.destroy();
      await appDb.destroy();
      await owner.destroy();
    },
  };
}
