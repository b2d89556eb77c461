import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import type { FazhiConfig } from "../../db/config.ts";
import {
  type DirName,
  FORMAT,
  FORMAT_VERSION,
  type Manifest,
  pack,
  sm3File,
  type TablePart,
  walk,
} from "./archive.ts";
import { listSequences, listTables, quoteIdent, schemaVersion } from "./schema.ts";

/**
 * `fazhi backup <file>`: a logical backup made by the application itself (the embedded
 * PostgreSQL ships no pg_dump, and an external server's pg_dump may be another major
 * version). Every table is read in ONE `repeatable read, read only` transaction — one
 * snapshot, so the tables agree with each other and the audit chains with the records,
 * while the platform keeps serving — as COPY text, which PostgreSQL reads back exactly.
 * Then the key, anchor and file directories. GB/T 22239-2019 8.1.4.9 (数据备份恢复).
 */
export interface BackupResult {
  file: string;
  manifest: Manifest;
}

function counter(h: ReturnType<typeof createHash>, state: { rows: number; bytes: number }) {
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      h.update(chunk);
      state.bytes += chunk.length;
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) state.rows++;
      done(null, chunk);
    },
  });
}

export async function makeBackup(
  ownerUrl: string,
  config: FazhiConfig,
  file: string,
  now = new Date(),
): Promise<BackupResult> {
  const target = path.resolve(file);
  const staging = await fs.mkdtemp(path.join(path.dirname(target), ".fazhi-backup-"));
  const client = new pg.Client({ connectionString: ownerUrl, application_name: "fazhi-backup" });
  await client.connect();
  try {
    await fs.mkdir(path.join(staging, "db"));
    await client.query("begin isolation level repeatable read read only");
    const migration = await schemaVersion(client);
    if (!migration) throw new Error("the database has no Fazhi schema: nothing to back up");
    const tables: TablePart[] = [];
    const list = await listTables(client);
    for (const [i, t] of list.entries()) {
      const rel = `db/${String(i + 1).padStart(3, "0")}-${t.name}.copy`;
      const cols = t.columns.map(quoteIdent).join(", ");
      const order = t.primaryKey.length
        ? ` order by ${t.primaryKey.map(quoteIdent).join(", ")}`
        : "";
      const h = createHash("sm3");
      const state = { rows: 0, bytes: 0 };
      await pipeline(
        client.query(copyTo(`copy (select ${cols} from ${quoteIdent(t.name)}${order}) to stdout`)),
        counter(h, state),
        createWriteStream(path.join(staging, rel)),
      );
      tables.push({
        name: t.name,
        columns: t.columns,
        rows: state.rows,
        path: rel,
        sm3: h.digest("hex"),
        bytes: state.bytes,
      });
    }
    const sequences = await listSequences(client);
    // Only the anchors this snapshot knows: one signed after it would name heads the
    // restored database does not have.
    const { rows: anchored } = await client.query<{ region_code: string; seq: number }>(
      "select region_code, max(anchor_seq)::int as seq from audit_anchor group by region_code",
    );
    await client.query("commit");
    const lastAnchor = new Map(anchored.map((a) => [a.region_code, a.seq]));

    const files: Manifest["files"] = [];
    const dirs: Record<DirName, string> = {
      keys: config.keyDir,
      anchors: config.anchorDir,
      files: config.fileDir,
    };
    for (const [name, dir] of Object.entries(dirs) as [DirName, string][]) {
      for (const rel of await walk(dir)) {
        // An upload still being written (the file store's tmp/) is not a stored file.
        if (name === "files" && rel.split(path.sep)[0] === "tmp") continue;
        if (name === "anchors") {
          const [region, base] = rel.split(path.sep);
          const seq = Number.parseInt(base ?? "", 10);
          if (Number.isInteger(seq) && seq > (lastAnchor.get(region ?? "") ?? 0)) continue;
        }
        const archived = path.posix.join(name, ...rel.split(path.sep));
        const dest = path.join(staging, "dirs", archived);
        await fs.mkdir(path.dirname(dest), { recursive: true });
        await fs.copyFile(path.join(dir, rel), dest);
        const { mode } = await fs.stat(path.join(dir, rel));
        await fs.chmod(dest, mode & 0o777);
        files.push({ path: archived, ...(await sm3File(dest)), mode: mode & 0o777 });
      }
    }
    const manifest: Manifest = {
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      createdAt: now.toISOString(),
      migration,
      tables,
      sequences,
      files,
    };
    await fs.writeFile(
      path.join(staging, "manifest.json"),
      `${JSON.stringify(manifest, null, 1)}\n`,
    );
    await pack(staging, target);
    return { file: target, manifest };
  } finally {
    await client.end().catch(() => undefined);
    await fs.rm(staging, { recursive: true, force: true });
  }
}
