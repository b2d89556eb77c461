/**
 * Attachments stored by content hash (SM3, GM/T 0004-2012) outside the database.
 *
 * The database keeps `attachment(sm3, name, mime, size, …)`; the bytes live in a
 * FileStore under their SM3 hash, so the same content is stored once however many
 * records refer to it, and every read re-checks the hash: content changed on disk is
 * refused with a FileIntegrityError naming the hash, never served.
 *
 * `LocalFileStore` keeps the files on a local disk; an S3-compatible object store can
 * implement the same interface (the key would be the same relative path,
 * `sm3/3a/5f/3a5f…`).
 *
 * Uploads are checked (size limit, type allowlist, magic bytes) by `checkUpload`
 * (./upload.ts, re-exported here) before they are stored.
 */
import { createHash, randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { chmod, mkdir, open, readFile, rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { NotFoundError, ValidationError } from "../../kernel/errors.ts";

export {
  ALLOWED_UPLOAD_TYPES,
  type CheckedUpload,
  checkUpload,
  DEFAULT_MAX_UPLOAD_BYTES,
  type UploadCheckOptions,
  type UploadToCheck,
  type UploadType,
} from "./upload.ts";

/** What a put stored: the SM3 hash (64 lowercase hex digits) and the size in bytes. */
export interface StoredFile {
  sm3: string;
  size: number;
}

/** The content to store: bytes in memory, or a stream (e.g. a multipart upload). */
export type FileContent = Buffer | Uint8Array | Readable | AsyncIterable<Uint8Array>;

export interface FileStore {
  /** Stores the content once (dedup by hash); returns its SM3 hash and size. */
  put(content: FileContent): Promise<StoredFile>;
  /**
   * The content with this hash. Throws NotFoundError if nothing is stored under it,
   * FileIntegrityError if what is stored no longer hashes to it.
   */
  get(sm3: string): Promise<Buffer>;
  /** Whether content with this hash is stored (without re-checking it). */
  has(sm3: string): Promise<boolean>;
}

/** Stored content whose SM3 hash no longer matches the hash it is stored under. */
export class FileIntegrityError extends Error {
  constructor(
    readonly sm3: string,
    readonly actualSm3: string,
    readonly path?: string,
  ) {
    super(
      `stored file ${sm3} has been altered: its content now hashes to ${actualSm3} (SM3)` +
        (path ? ` — ${path}` : ""),
    );
    this.name = "FileIntegrityError";
  }
}

const SM3_HEX = /^[0-9a-f]{64}$/;

export function sm3Hex(bytes: Uint8Array): string {
  return createHash("sm3").update(bytes).digest("hex");
}

/** Refuses anything but 64 lowercase hex digits (which also keeps paths inside the store). */
export function assertSm3(sm3: string): void {
  if (typeof sm3 !== "string" || !SM3_HEX.test(sm3)) {
    throw new ValidationError("not an SM3 hash (64 lowercase hex digits)", [
      { field: "sm3", message: "must be 64 lowercase hex digits" },
    ]);
  }
}

/** Path of a hash relative to the store's root: `sm3/3a/5f/3a5f…` (two-level fan-out). */
export function relativePathOf(sm3: string): string {
  assertSm3(sm3);
  return join("sm3", sm3.slice(0, 2), sm3.slice(2, 4), sm3);
}

function chunksOf(content: FileContent): AsyncIterable<Uint8Array | string> | Iterable<Uint8Array> {
  if (content instanceof Uint8Array) return [content];
  // A Readable with an encoding set yields strings.
  return content as AsyncIterable<Uint8Array | string>;
}

/**
 * Files under `root` (the configured file directory, `FazhiConfig.fileDir`):
 * `root/sm3/<2 hex>/<2 hex>/<64 hex>`, read-only (0440) once written. A put writes a
 * temporary file in `root/tmp`, fsyncs it and renames it into place, so a reader never
 * sees half a file and a crash leaves only a temporary file behind.
 */
export class LocalFileStore implements FileStore {
  constructor(readonly root: string) {}

  pathOf(sm3: string): string {
    return join(this.root, relativePathOf(sm3));
  }

  async put(content: FileContent): Promise<StoredFile> {
    const tmpDir = join(this.root, "tmp");
    await mkdir(tmpDir, { recursive: true, mode: 0o700 });
    const tmp = join(tmpDir, `${process.pid}-${randomBytes(8).toString("hex")}.part`);
    const hash = createHash("sm3");
    let size = 0;
    const fh = await open(tmp, "wx", 0o600);
    try {
      try {
        for await (const chunk of chunksOf(content)) {
          const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
          hash.update(bytes);
          size += bytes.length;
          let off = 0;
          while (off < bytes.length) {
            const { bytesWritten } = await fh.write(bytes, off, bytes.length - off);
            off += bytesWritten;
          }
        }
        await fh.sync();
      } finally {
        await fh.close();
      }
      const sm3 = hash.digest("hex");
      const target = this.pathOf(sm3);
      const existing = await stat(target).catch(() => undefined);
      if (existing?.isFile() && existing.size === size) {
        // Dedup: the same content is already stored. (A file of the wrong size under
        // this hash — damaged — is replaced by the good copy below.)
        await rm(tmp, { force: true });
        return { sm3, size };
      }
      await mkdir(join(target, ".."), { recursive: true, mode: 0o750 });
      await chmod(tmp, 0o440);
      await rename(tmp, target);
      return { sm3, size };
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
  }

  async get(sm3: string): Promise<Buffer> {
    const path = this.pathOf(sm3);
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") {
        throw new NotFoundError(`no stored file with SM3 ${sm3}`);
      }
      throw err;
    }
    const actual = sm3Hex(bytes);
    if (actual !== sm3) throw new FileIntegrityError(sm3, actual, path);
    return bytes;
  }

  async has(sm3: string): Promise<boolean> {
    const s = await stat(this.pathOf(sm3)).catch(() => undefined);
    return s?.isFile() ?? false;
  }

  /** Re-hashes a stored file by streaming it (for audits of large stores); true if intact. */
  async verify(sm3: string): Promise<boolean> {
    const hash = createHash("sm3");
    for await (const chunk of createReadStream(this.pathOf(sm3))) hash.update(chunk as Buffer);
    return hash.digest("hex") === sm3;
  }
}
