import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { type Kysely, Migrator } from "kysely";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { FazhiConfig } from "../../db/config.ts";
import { bootstrapAppRole, kyselyFor, migrateToLatest } from "../../db/connection.ts";
import { migrations } from "../../db/migrations/index.ts";
import type { DB } from "../../db/schema.ts";
import { type VerifyReport, verifyAudit } from "../audit/verify.ts";
import { BackupArchiveError, type DirName, type Manifest, unpackAndCheck } from "./archive.ts";
import { quoteIdent } from "./schema.ts";

/**
 * `fazhi restore <file>`: check the archive (manifest, SM3 of every part) before
 * touching anything; refuse a database that holds records unless `force`; then replace
 * the `public` schema by the backup's (migrations up to the backup's version, every
 * table COPied back in one transaction, sequences set where they were), put the key,
 * anchor and file directories back (what was there is kept beside, renamed), migrate to
 * this version of Fazhi, and verify the audit trail (chains and signed anchors).
 */
export interface RestoreResult {
  manifest: Manifest;
  rows: number;
  verify: VerifyReport;
  /** Directories that held something before and were kept under a new name. */
  keptAside: string[];
}

export class RestoreRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RestoreRefused";
  }
}

/** Whether the database holds records (users or audit events: any use at all). */
async function holdsRecords(client: pg.ClientBase): Promise<boolean> {
  for (const table of ["app_user", "audit_event", "unit"]) {
    const { rows } = await client.query<{ t: string | null }>(
      `select to_regclass('public.${table}')::text as t`,
    );
    if (!rows[0]?.t) continue;
    const { rowCount } = await client.query(`select 1 from ${table} limit 1`);
    if (rowCount) return true;
  }
  return false;
}

async function resetSchema(client: pg.ClientBase, owner: Kysely<DB>): Promise<void> {
  const { rows } = await client.query<{ n: number }>(
    `select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public'`,
  );
  if ((rows[0]?.n ?? 0) > 0) {
    await client.query("drop schema public cascade");
    await client.query("create schema public");
  }
  await bootstrapAppRole(owner, undefined);
}

async function migrateTo(owner: Kysely<DB>, name: string): Promise<void> {
  const migrator = new Migrator({ db: owner, provider: { getMigrations: async () => migrations } });
  const { error } = await migrator.migrateTo(name);
  if (error) throw error;
}

async function loadTables(client: pg.ClientBase, staging: string, manifest: Manifest) {
  const { rows: su } = await client.query<{ s: boolean }>(
    "select rolsuper as s from pg_roles where rolname = current_user",
  );
  const names = manifest.tables.map((t) => quoteIdent(t.name));
  let total = 0;
  await client.query("begin");
  try {
    // Foreign keys are not checked again when we may skip them (the rows come from one
    // consistent snapshot); triggers stay off either way — the audit tables' append-only
    // triggers and derived-data triggers would refuse or recompute what we copy back.
    if (su[0]?.s) await client.query("set local session_replication_role = replica");
    for (const n of names) await client.query(`alter table ${n} disable trigger user`);
    if (names.length) await client.query(`truncate table ${names.join(", ")}`);
    for (const t of manifest.tables) {
      const cols = t.columns.map(quoteIdent).join(", ");
      const stream = client.query(copyFrom(`copy ${quoteIdent(t.name)} (${cols}) from stdin`));
      await pipeline(createReadStream(path.join(staging, t.path)), stream);
      if (stream.rowCount !== t.rows) {
        throw new BackupArchiveError(
          `table ${t.name}: ${stream.rowCount} rows read back, the manifest says ${t.rows}`,
        );
      }
      total += t.rows;
    }
    for (const s of manifest.sequences) {
      if (s.lastValue === null) continue;
      await client.query("select setval($1::regclass, $2::bigint, true)", [
        quoteIdent(s.name),
        s.lastValue,
      ]);
    }
    for (const n of names) await client.query(`alter table ${n} enable trigger user`);
    await client.query("commit");
  } catch (e) {
    await client.query("rollback").catch(() => undefined);
    throw e;
  }
  return total;
}

async function restoreDirs(
  config: FazhiConfig,
  staging: string,
  manifest: Manifest,
  stamp: string,
): Promise<string[]> {
  const targets: Record<DirName, string> = {
    keys: config.keyDir,
    anchors: config.anchorDir,
    files: config.fileDir,
  };
  const kept: string[] = [];
  for (const [name, dir] of Object.entries(targets) as [DirName, string][]) {
    const entries = await fs.readdir(dir).catch(() => [] as string[]);
    if (entries.length > 0) {
      const aside = `${dir}.before-restore-${stamp}`;
      await fs.rename(dir, aside);
      kept.push(aside);
    } else {
      await fs.rm(dir, { recursive: true, force: true });
    }
    await fs.mkdir(dir, { recursive: true, mode: name === "keys" ? 0o700 : 0o755 });
  }
  for (const f of manifest.files) {
    const [name, ...rest] = f.path.split("/") as [DirName, ...string[]];
    const dest = path.join(targets[name], ...rest);
    await fs.mkdir(path.dirname(dest), { recursive: true, mode: name === "keys" ? 0o700 : 0o755 });
    await fs.copyFile(path.join(staging, "dirs", f.path), dest);
    await fs.chmod(dest, f.mode);
  }
  return kept;
}

export async function restoreBackup(
  ownerUrl: string,
  config: FazhiConfig,
  file: string,
  opts: { force?: boolean; now?: Date } = {},
): Promise<RestoreResult> {
  await fs.mkdir(config.dataDir, { recursive: true });
  const staging = await fs.mkdtemp(path.join(config.dataDir, ".fazhi-restore-"));
  const client = new pg.Client({ connectionString: ownerUrl, application_name: "fazhi-restore" });
  const owner = kyselyFor(ownerUrl, 2);
  try {
    const manifest = await unpackAndCheck(path.resolve(file), staging);
    if (!migrations[manifest.migration]) {
      throw new RestoreRefused(
        `the backup was made at schema version ${manifest.migration}, which this version of Fazhi does not know: restore it with a Fazhi at least as new`,
      );
    }
    await client.connect();
    if (!opts.force && (await holdsRecords(client))) {
      throw new RestoreRefused(
        "the database already holds records; restore replaces them all — run again with --force to do that",
      );
    }
    await resetSchema(client, owner);
    await migrateTo(owner, manifest.migration);
    const rows = await loadTables(client, staging, manifest);
    const stamp = (opts.now ?? new Date()).toISOString().replace(/[:.]/g, "-");
    const keptAside = await restoreDirs(config, staging, manifest, stamp);
    await migrateToLatest(owner);
    const verify = await verifyAudit(owner, config);
    return { manifest, rows, verify, keptAside };
  } finally {
    await client.end().catch(() => undefined);
    await owner.destroy();
    // A failed extraction may still be closing files: retry while the directory empties.
    await fs.rm(staging, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 });
  }
}
