/**
 * The check every upload passes before it is stored: a size limit, a type allowlist,
 * and the content's magic bytes — the type is taken from the file name's extension,
 * and the bytes must really be that type (a .pdf must start with %PDF-, a .docx must
 * be a ZIP with a word/ part, …). The claimed MIME type must fit the type or be a
 * generic one; the MIME type returned (and to be recorded) is ours, not the client's.
 *
 * Refusals are ValidationErrors naming the field `file`.
 */
import { t, ValidationError } from "../../kernel/errors.ts";
import { listZipEntries, ZipFormatError } from "./zip.ts";

/** 50 MiB. Callers pass their configured limit as `maxBytes`. */
export const DEFAULT_MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

export type UploadType =
  | "pdf"
  | "docx"
  | "doc"
  | "xlsx"
  | "xls"
  | "jpg"
  | "png"
  | "ofd"
  | "mp4"
  | "mp3"
  | "wav"
  | "zip"
  | "txt";

interface TypeRule {
  extensions: readonly string[];
  /** The canonical MIME type first; then others that clients send for it. */
  mimes: readonly string[];
  /** Why the bytes are not of this type, or null if they are. */
  problem(bytes: Buffer): string | null;
}

const OLE_CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const ZIP_LOCAL = Buffer.from("PK\x03\x04", "latin1");
const ZIP_EMPTY = Buffer.from("PK\x05\x06", "latin1");

const startsWith = (bytes: Buffer, magic: Buffer | string, at = 0): boolean => {
  const m = typeof magic === "string" ? Buffer.from(magic, "latin1") : magic;
  return bytes.length >= at + m.length && bytes.subarray(at, at + m.length).equals(m);
};

function zipNames(bytes: Buffer, what: string): string[] | string {
  if (!startsWith(bytes, ZIP_LOCAL))
    return `a ${what} file is a ZIP archive and must start with PK\\x03\\x04`;
  try {
    return listZipEntries(bytes).map((e) => e.name);
  } catch (err) {
    if (err instanceof ZipFormatError) return `not a readable ZIP archive (${err.message})`;
    throw err;
  }
}

function ooxml(what: string, partDir: string) {
  return (bytes: Buffer): string | null => {
    const names = zipNames(bytes, what);
    if (typeof names === "string") return names;
    if (!names.includes("[Content_Types].xml") || !names.some((n) => n.startsWith(partDir))) {
      return `a ZIP archive, but not a ${what} document (no [Content_Types].xml and ${partDir} parts)`;
    }
    return null;
  };
}

/** A legacy Office file (OLE compound file) with a stream of one of these names (UTF-16LE). */
function ole(what: string, streams: readonly string[]) {
  return (bytes: Buffer): string | null => {
    if (!startsWith(bytes, OLE_CFB))
      return `a ${what} file must be an OLE compound file (D0 CF 11 E0)`;
    const found = streams.some((s) => bytes.includes(Buffer.from(s, "utf16le")));
    return found ? null : `an OLE compound file, but not a ${what} document`;
  };
}

const RULES: Record<UploadType, TypeRule> = {
  pdf: {
    extensions: ["pdf"],
    mimes: ["application/pdf", "application/x-pdf"],
    problem: (b) => (startsWith(b, "%PDF-") ? null : "a PDF file must start with %PDF-"),
  },
  docx: {
    extensions: ["docx"],
    mimes: ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    problem: ooxml("Word (docx)", "word/"),
  },
  xlsx: {
    extensions: ["xlsx"],
    mimes: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    problem: ooxml("Excel (xlsx)", "xl/"),
  },
  doc: {
    extensions: ["doc"],
    mimes: ["application/msword"],
    problem: ole("Word (doc)", ["WordDocument"]),
  },
  xls: {
    extensions: ["xls"],
    mimes: ["application/vnd.ms-excel"],
    problem: ole("Excel (xls)", ["Workbook", "Book"]),
  },
  jpg: {
    extensions: ["jpg", "jpeg"],
    mimes: ["image/jpeg", "image/pjpeg", "image/jpg"],
    problem: (b) =>
      startsWith(b, Buffer.from([0xff, 0xd8, 0xff]))
        ? null
        : "a JPEG file must start with FF D8 FF",
  },
  png: {
    extensions: ["png"],
    mimes: ["image/png"],
    problem: (b) =>
      startsWith(b, PNG) ? null : "a PNG file must start with 89 50 4E 47 0D 0A 1A 0A",
  },
  ofd: {
    // GB/T 33190-2016: a ZIP container whose entry file is OFD.xml.
    extensions: ["ofd"],
    mimes: ["application/ofd"],
    problem: (b) => {
      const names = zipNames(b, "OFD");
      if (typeof names === "string") return names;
      return names.includes("OFD.xml")
        ? null
        : "a ZIP archive, but not an OFD document (no OFD.xml)";
    },
  },
  mp4: {
    extensions: ["mp4"],
    mimes: ["video/mp4"],
    problem: (b) => (startsWith(b, "ftyp", 4) ? null : "an MP4 file must have 'ftyp' at byte 4"),
  },
  mp3: {
    extensions: ["mp3"],
    mimes: ["audio/mpeg", "audio/mp3", "audio/mpeg3", "audio/x-mpeg-3"],
    problem: (b) =>
      startsWith(b, "ID3") || (b.length >= 2 && b[0] === 0xff && (b[1]! & 0xe0) === 0xe0)
        ? null
        : "an MP3 file must start with an ID3 tag or an MPEG audio frame",
  },
  wav: {
    extensions: ["wav"],
    mimes: ["audio/wav", "audio/x-wav", "audio/wave", "audio/vnd.wave"],
    problem: (b) =>
      startsWith(b, "RIFF") && startsWith(b, "WAVE", 8)
        ? null
        : "a WAV file must start with RIFF….WAVE",
  },
  zip: {
    extensions: ["zip"],
    mimes: ["application/zip", "application/x-zip-compressed", "application/x-zip"],
    problem: (b) => {
      if (startsWith(b, ZIP_EMPTY) && b.length === 22) return null;
      const names = zipNames(b, "ZIP");
      return typeof names === "string" ? names : null;
    },
  },
  txt: {
    extensions: ["txt"],
    mimes: ["text/plain"],
    problem: textProblem,
  },
};

/** Plain text: UTF-8 or GB 18030 (no NUL or control bytes but tab, line feed, form feed,
 *  carriage return), or UTF-16 with a byte order mark. */
function textProblem(b: Buffer): string | null {
  if (startsWith(b, Buffer.from([0xff, 0xfe])) || startsWith(b, Buffer.from([0xfe, 0xff]))) {
    return b.length % 2 === 0 ? null : "a UTF-16 text file must have an even number of bytes";
  }
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || c === 0x7f) {
      return `a text file must not contain control bytes (0x${c.toString(16).padStart(2, "0")} at ${i})`;
    }
  }
  return null;
}

/**
 * A polyglot: a file that is a valid PDF or JPEG by its magic bytes and also HTML or
 * script a browser or another viewer might run (issue 8). Looked for in the bytes a
 * browser's MIME sniffer reads (the first 1,445 — WHATWG MIME Sniffing, "resource
 * header"); downloads also go out with our type, `nosniff` and as attachments.
 */
const SNIFF_WINDOW = 1445;
/** Types with no markup of their own (archives may hold web pages; text is text). */
const NOT_MARKUP: readonly UploadType[] = ["pdf", "jpg", "png", "doc", "xls", "mp4", "mp3", "wav"];
const MARKUP =
  /<(?:!doctype\s+html|html|head|body|script|iframe|svg|object|embed)[\s>/]|javascript:/i;
function hasMarkup(bytes: Buffer): boolean {
  return MARKUP.test(bytes.subarray(0, SNIFF_WINDOW).toString("latin1"));
}

export const ALLOWED_UPLOAD_TYPES = Object.keys(RULES) as UploadType[];

/** MIME types a client may send for any file (the bytes decide). */
const GENERIC_MIMES = new Set([
  "",
  "application/octet-stream",
  "binary/octet-stream",
  "application/unknown",
]);

const BY_EXTENSION = new Map<string, UploadType>(
  ALLOWED_UPLOAD_TYPES.flatMap((t) => RULES[t].extensions.map((e) => [e, t] as const)),
);

export interface UploadToCheck {
  /** The file name the client gave. */
  name: string;
  /** The MIME type the client claimed. */
  mime: string;
  /** The size the client claimed (must match the bytes). */
  size: number;
  /** The whole content. */
  bytes: Buffer;
}

export interface UploadCheckOptions {
  /** Default DEFAULT_MAX_UPLOAD_BYTES (50 MiB). */
  maxBytes?: number;
  /** Narrow the allowlist for one kind of attachment (default: all ALLOWED_UPLOAD_TYPES). */
  allow?: readonly UploadType[];
}

export interface CheckedUpload {
  /** The file name, trimmed, without any directory part. */
  name: string;
  type: UploadType;
  /** The canonical MIME type of the type (to record; not the client's claim). */
  mime: string;
  size: number;
}

function refuse(zh: string, en: string): never {
  throw new ValidationError(t(`文件未被接受：${zh}`, `file refused: ${en}`), [
    { field: "file", message: t(zh, en) },
  ]);
}

const mib = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

/** Checks an upload; returns what to record, or throws a ValidationError on field `file`. */
export function checkUpload(
  upload: UploadToCheck,
  options: UploadCheckOptions = {},
): CheckedUpload {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  const allow = options.allow ?? ALLOWED_UPLOAD_TYPES;
  const { bytes } = upload;

  const name = (upload.name ?? "").split(/[/\\]/).pop()!.trim();
  if (name === "" || name === "." || name === "..") refuse("文件没有名称", "the file has no name");
  if (name.length > 255)
    refuse("文件名超过 255 个字符", "the file name is longer than 255 characters");
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(name))
    refuse("文件名含有控制字符", "the file name contains control characters");

  if (!Buffer.isBuffer(bytes)) refuse("文件没有内容", "no content");
  const size = bytes.length;
  if (Math.max(size, upload.size ?? 0) > maxBytes) {
    const got = mib(Math.max(size, upload.size ?? 0));
    refuse(
      `文件大小（${got}）超过上限 ${mib(maxBytes)}`,
      `the file is larger than the limit of ${mib(maxBytes)} (${got})`,
    );
  }
  if (upload.size !== size)
    refuse(
      "收到的文件不完整，请重新上传",
      `the size claimed (${upload.size}) is not the size received (${size})`,
    );
  if (size === 0) refuse("文件是空的", "the file is empty");

  const dot = name.lastIndexOf(".");
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
  const type = BY_EXTENSION.get(ext);
  const allowedList = allow.flatMap((k) => RULES[k].extensions).join(", ");
  if (!type || !allow.includes(type)) {
    refuse(
      `不接受${ext ? ` .${ext} ` : "没有扩展名的"}文件，可上传的类型：${allowedList}`,
      `type ${ext ? `.${ext}` : "(no extension)"} is not allowed; allowed: ${allowedList}`,
    );
  }
  const rule = RULES[type];

  const claimed = (upload.mime ?? "").split(";")[0]!.trim().toLowerCase();
  if (!GENERIC_MIMES.has(claimed) && !rule.mimes.includes(claimed)) {
    refuse(
      `文件类型与扩展名 .${ext} 不符`,
      `the MIME type ${claimed} does not match a .${ext} file`,
    );
  }

  const problem = rule.problem(bytes);
  if (problem) refuse(`文件内容不是 .${ext} 格式`, `the content is not a .${ext} file: ${problem}`);
  if (NOT_MARKUP.includes(type) && hasMarkup(bytes))
    refuse(
      `文件内容含有网页或脚本标记，不是单纯的 .${ext} 文件`,
      `the .${ext} file carries HTML or script markup near its start (a polyglot)`,
    );

  return { name, type, mime: rule.mimes[0]!, size };
}
