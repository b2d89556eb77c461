/**
 * A minimal reader of ZIP archives (PKWARE APPNOTE), enough to list the entries of an
 * upload that claims to be a docx, xlsx or OFD (all ZIP containers) and to read a
 * stored or deflated entry. Node's zlib inflates; no dependency.
 *
 * Only the central directory is trusted for names; an archive whose central
 * directory cannot be found or read is reported as not a ZIP archive.
 */
import { inflateRawSync } from "node:zlib";

export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflated. */
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ZipFormatError";
  }
}

/** The entries of the archive's central directory, in order. Throws ZipFormatError. */
export function listZipEntries(buf: Buffer): ZipEntry[] {
  if (buf.length < 22) throw new ZipFormatError("too short for a ZIP archive");
  // The end-of-central-directory record is in the last 22 + 65535 (comment) bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError("no end of central directory record");
  let count: number = buf.readUInt16LE(eocd + 10);
  let cdOffset: number = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || buf.readUInt32LE(loc) !== ZIP64_LOCATOR) {
      throw new ZipFormatError("ZIP64 archive without a ZIP64 locator");
    }
    const z = Number(buf.readBigUInt64LE(loc + 8));
    if (z + 56 > buf.length || buf.readUInt32LE(z) !== ZIP64_EOCD) {
      throw new ZipFormatError("bad ZIP64 end of central directory record");
    }
    count = Number(buf.readBigUInt64LE(z + 32));
    cdOffset = Number(buf.readBigUInt64LE(z + 48));
  }
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) {
      throw new ZipFormatError(`bad central directory entry ${n}`);
    }
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    if (p + 46 + nameLen > buf.length) throw new ZipFormatError(`bad central directory entry ${n}`);
    entries.push({
      name: buf.toString("utf8", p + 46, p + 46 + nameLen),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localHeaderOffset: buf.readUInt32LE(p + 42),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The bytes of one entry (stored or deflated), or undefined if the archive has no such entry. */
export function readZipEntry(buf: Buffer, name: string, maxBytes?: number): Buffer | undefined {
  const e = listZipEntries(buf).find((x) => x.name === name);
  if (!e) return undefined;
  return inflateEntry(buf, e, maxBytes);
}

/** An archive that expands past a limit (a zip bomb, or simply too much). */
export class ZipTooLargeError extends Error {
  constructor(
    message: string,
    readonly limit: "entries" | "expanded",
  ) {
    super(message);
    this.name = "ZipTooLargeError";
  }
}

/**
 * Expand every entry with a ceiling on the total output, before any parser sees the
 * archive: the declared sizes in the central directory can lie, so the bytes are
 * really inflated, and zlib stops at the remaining budget (`maxOutputLength`) instead
 * of allocating what the bomb asks for. Returns the expanded entries.
 */
export function expandZip(
  buf: Buffer,
  limits: { maxEntries: number; maxExpandedBytes: number },
): Map<string, Buffer> {
  const entries = listZipEntries(buf);
  if (entries.length > limits.maxEntries) {
    throw new ZipTooLargeError(`more than ${limits.maxEntries} entries`, "entries");
  }
  const declared = entries.reduce((n, e) => n + e.size, 0);
  if (declared > limits.maxExpandedBytes) {
    throw new ZipTooLargeError(`expands to ${declared} bytes`, "expanded");
  }
  const out = new Map<string, Buffer>();
  let total = 0;
  for (const e of entries) {
    if (e.name.endsWith("/")) continue;
    const budget = limits.maxExpandedBytes - total;
    let bytes: Buffer;
    try {
      bytes = inflateEntry(buf, e, budget);
    } catch (err) {
      if ((err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" || err instanceof RangeError) {
        throw new ZipTooLargeError(`expands past ${limits.maxExpandedBytes} bytes`, "expanded");
      }
      throw err;
    }
    total += bytes.length;
    if (total > limits.maxExpandedBytes) {
      throw new ZipTooLargeError(`expands past ${limits.maxExpandedBytes} bytes`, "expanded");
    }
    out.set(e.name, bytes);
  }
  return out;
}

function inflateEntry(buf: Buffer, e: ZipEntry, maxBytes?: number): Buffer {
  const name = e.name;
  const p = e.localHeaderOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== LOCAL) {
    throw new ZipFormatError(`bad local header for ${name}`);
  }
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const data = buf.subarray(start, start + e.compressedSize);
  if (e.method === 0) {
    if (maxBytes !== undefined && data.length > maxBytes) {
      throw new ZipTooLargeError(`${name} is larger than ${maxBytes} bytes`, "expanded");
    }
    return Buffer.from(data);
  }
  if (e.method === 8) {
    return maxBytes === undefined
      ? inflateRawSync(data)
      : inflateRawSync(data, { maxOutputLength: Math.max(1, maxBytes) });
  }
  throw new ZipFormatError(`unsupported compression method ${e.method} for ${name}`);
}
