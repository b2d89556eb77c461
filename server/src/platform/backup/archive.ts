import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import * as tar from "tar";
import type { SequenceInfo } from "./schema.ts";

/**
 * The backup archive: one gzip-compressed tar file holding
 *
 *   manifest.json          what is inside, with the SM3 hash (GM/T 0004-2012) of every part
 *   db/NNN-<table>.copy    each table as PostgreSQL COPY text, in dependency order
 *   dirs/keys/…            the key directory (SM2 anchor key, SM4 field key)
 *   dirs/anchors/…         the signed audit anchors kept outside the database
 *   dirs/files/…           the file store (attachments by SM3)
 *
 * The hashes detect a damaged or edited archive before anything is written; they do not
 * stop a forger who rewrites the manifest too — that is what the audit verification
 * after a restore (signed anchors, published on the portal) is for. The archive holds
 * the keys: keep it as secret as the server itself (docs/security.md).
 */
export const FORMAT = "fazhi-backup";
export const FORMAT_VERSION = 1;

export interface TablePart {
  name: string;
  columns: string[];
  rows: number;
  path: string;
  sm3: string;
  bytes: number;
}

export interface FilePart {
  path: string;
  sm3: string;
  bytes: number;
  mode: number;
}

export interface Manifest {
  format: typeof FORMAT;
  formatVersion: number;
  createdAt: string;
  /** The newest migration applied when the backup was made. */
  migration: string;
  tables: TablePart[];
  sequences: SequenceInfo[];
  /** Files of the key, anchor and file directories (paths under dirs/). */
  files: FilePart[];
}

export const DIRS = ["keys", "anchors", "files"] as const;
export type DirName = (typeof DIRS)[number];

export class BackupArchiveError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupArchiveError";
  }
}

export async function sm3File(file: string): Promise<{ sm3: string; bytes: number }> {
  const h = createHash("sm3");
  let bytes = 0;
  for await (const chunk of createReadStream(file)) {
    h.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sm3: h.digest("hex"), bytes };
}

/** Every regular file under `dir`, as paths relative to it (sorted). */
export async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  const visit = async (rel: string) => {
    let entries: import("node:fs").Dirent[];
    try {
      entries = await fs.readdir(path.join(dir, rel), { withFileTypes: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return;
      throw e;
    }
    for (const e of entries) {
      const r = rel ? path.join(rel, e.name) : e.name;
      if (e.isDirectory()) await visit(r);
      else if (e.isFile()) out.push(r);
    }
  };
  await visit("");
  return out.sort();
}

/** Write the staged directory (manifest.json, db/, dirs/) as one .tar.gz file. */
export async function pack(staging: string, file: string): Promise<void> {
  const tmp = `${file}.partial`;
  const entries = (await fs.readdir(staging)).sort();
  await tar.c({ gzip: true, file: tmp, cwd: staging, portable: true }, entries);
  await fs.chmod(tmp, 0o600); // it holds the keys
  await fs.rename(tmp, file);
}

/**
 * Unpack into `staging` and check it against its manifest: every part present, of
 * the size and SM3 recorded, and nothing else. Throws BackupArchiveError naming the
 * first problem; nothing outside `staging` has been touched then.
 */
export async function unpackAndCheck(file: string, staging: string): Promise<Manifest> {
  try {
    await tar.x({ file, cwd: staging, strict: true });
  } catch (e) {
    throw new BackupArchiveError(
      `${file} is damaged or not a Fazhi backup (${(e as Error).message})`,
    );
  }
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await fs.readFile(path.join(staging, "manifest.json"), "utf8"));
  } catch {
    throw new BackupArchiveError(`${file} has no readable manifest: not a Fazhi backup`);
  }
  if (manifest.format !== FORMAT || manifest.formatVersion !== FORMAT_VERSION) {
    throw new BackupArchiveError(
      `${file} is not a Fazhi backup of format ${FORMAT_VERSION} (found ${manifest.format} ${manifest.formatVersion})`,
    );
  }
  const listed = new Set<string>(["manifest.json"]);
  const parts = [
    ...manifest.tables.map((t) => ({ path: t.path, sm3: t.sm3, bytes: t.bytes })),
    ...manifest.files.map((f) => ({ ...f, path: path.posix.join("dirs", f.path) })),
  ];
  for (const p of parts) {
    const where = path.resolve(staging, p.path);
    if (!where.startsWith(staging + path.sep)) {
      throw new BackupArchiveError(`${file}: the manifest names a path outside it (${p.path})`);
    }
    listed.add(path.relative(staging, where));
    let got: { sm3: string; bytes: number };
    try {
      got = await sm3File(where);
    } catch {
      throw new BackupArchiveError(`${file} is damaged: ${p.path} is missing`);
    }
    if (got.sm3 !== p.sm3 || got.bytes !== p.bytes) {
      throw new BackupArchiveError(
        `${file} is damaged: ${p.path} does not match its SM3 hash in the manifest`,
      );
    }
  }
  for (const f of await walk(staging)) {
    if (!listed.has(f))
      throw new BackupArchiveError(`${file} holds ${f}, which its manifest does not list`);
  }
  return manifest;
}
