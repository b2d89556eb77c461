import { crc32, deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { textOf, ValidationError } from "../../kernel/errors.ts";
import {
  ALLOWED_UPLOAD_TYPES,
  checkUpload,
  DEFAULT_MAX_UPLOAD_BYTES,
  type UploadToCheck,
} from "./upload.ts";
import { listZipEntries, readZipEntry, ZipFormatError } from "./zip.ts";

/** A ZIP archive (the first entry stored, the others deflated), as real tools write them. */
function makeZip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  Object.entries(entries).forEach(([name, text], i) => {
    const raw = Buffer.from(text);
    const method = i === 0 ? 0 : 8;
    const data = method === 0 ? raw : deflateRawSync(raw);
    const n = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc32(raw), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc32(raw), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, n, data);
    centrals.push(central, n);
    offset += 30 + n.length + data.length;
  });
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(Object.keys(entries).length, 8);
  eocd.writeUInt16LE(Object.keys(entries).length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

const ole = (stream: string) =>
  Buffer.concat([
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    Buffer.alloc(504),
    Buffer.from(stream, "utf16le"),
    Buffer.alloc(64),
  ]);

const FIXTURES = {
  pdf: Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n%%EOF\n", "latin1"),
  docx: makeZip({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>" }),
  xlsx: makeZip({ "[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>" }),
  doc: ole("WordDocument"),
  xls: ole("Workbook"),
  jpg: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]),
  png: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  ofd: makeZip({ "OFD.xml": "<ofd:OFD/>", "Doc_0/Document.xml": "<ofd:Document/>" }),
  mp4: Buffer.concat([Buffer.from([0, 0, 0, 0x20]), Buffer.from("ftypisom\0\0\x02\0", "latin1")]),
  mp3: Buffer.concat([Buffer.from("ID3\x04\0\0\0\0\0\0", "latin1"), Buffer.alloc(8)]),
  wav: Buffer.concat([Buffer.from("RIFF\x24\0\0\0WAVEfmt ", "latin1"), Buffer.alloc(8)]),
  zip: makeZip({ "a.txt": "a", "b/c.txt": "c" }),
  txt: Buffer.from("关于开展行政执法检查的通知\r\n\t第一条……\n"),
};

const MIME: Record<keyof typeof FIXTURES, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  doc: "application/msword",
  xls: "application/vnd.ms-excel",
  jpg: "image/jpeg",
  png: "image/png",
  ofd: "application/ofd",
  mp4: "video/mp4",
  mp3: "audio/mpeg",
  wav: "audio/wav",
  zip: "application/zip",
  txt: "text/plain",
};

const upload = (name: string, bytes: Buffer, mime = "application/octet-stream"): UploadToCheck => ({
  name,
  mime,
  size: bytes.length,
  bytes,
});

/** The `file` field's message of the ValidationError that `fn` throws. */
function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationError);
    const fields = (err as ValidationError).fields ?? [];
    expect(fields.map((f) => f.field)).toEqual(["file"]);
    return textOf(fields[0]!.message).en;
  }
  throw new Error("expected a refusal");
}

describe("checkUpload", () => {
  it("accepts every allowed type with its real magic bytes, with the canonical MIME type", () => {
    expect([...ALLOWED_UPLOAD_TYPES].sort()).toEqual(Object.keys(FIXTURES).sort());
    for (const [type, bytes] of Object.entries(FIXTURES) as [keyof typeof FIXTURES, Buffer][]) {
      for (const claimed of [MIME[type], "application/octet-stream", ""]) {
        const ok = checkUpload(upload(`材料.${type.toUpperCase()}`, bytes, claimed));
        expect(ok).toEqual({
          name: `材料.${type.toUpperCase()}`,
          type,
          mime: MIME[type],
          size: bytes.length,
        });
      }
    }
    expect(checkUpload(upload("photo.jpeg", FIXTURES.jpg, "image/jpeg")).type).toBe("jpg");
    expect(checkUpload(upload("a.txt", FIXTURES.txt, "text/plain; charset=utf-8")).mime).toBe(
      "text/plain",
    );
  });

  it("accepts an empty ZIP archive, GB 18030 and UTF-16 text", () => {
    const empty = Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]);
    expect(checkUpload(upload("empty.zip", empty)).type).toBe("zip");
    const gb = Buffer.from([0xd6, 0xd0, 0xce, 0xc4, 0x0d, 0x0a]); // 中文 in GB 18030
    expect(checkUpload(upload("gb.txt", gb)).type).toBe("txt");
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("中文\r\n", "utf16le")]);
    expect(checkUpload(upload("u16.txt", utf16)).type).toBe("txt");
  });

  it("refuses content that is not what the extension claims", () => {
    const exe = Buffer.concat([Buffer.from("MZ\x90\0\x03\0", "latin1"), Buffer.alloc(64)]);
    expect(refusal(() => checkUpload(upload("report.pdf", exe, "application/pdf")))).toMatch(
      /%PDF-/,
    );
    expect(refusal(() => checkUpload(upload("report.pdf", FIXTURES.png)))).toMatch(
      /not a \.pdf file/,
    );
    expect(refusal(() => checkUpload(upload("photo.jpg", FIXTURES.png)))).toMatch(/FF D8 FF/);
    expect(refusal(() => checkUpload(upload("photo.png", FIXTURES.jpg)))).toMatch(/89 50 4E 47/);
    expect(refusal(() => checkUpload(upload("a.docx", FIXTURES.pdf)))).toMatch(/PK\\x03\\x04/);
    expect(refusal(() => checkUpload(upload("a.docx", FIXTURES.xlsx)))).toMatch(
      /not a Word \(docx\)/,
    );
    expect(refusal(() => checkUpload(upload("a.xlsx", FIXTURES.docx)))).toMatch(
      /not a Excel \(xlsx\)/,
    );
    expect(refusal(() => checkUpload(upload("a.ofd", FIXTURES.zip)))).toMatch(/no OFD\.xml/);
    expect(refusal(() => checkUpload(upload("a.doc", FIXTURES.xls)))).toMatch(/not a Word \(doc\)/);
    expect(refusal(() => checkUpload(upload("a.xls", FIXTURES.docx)))).toMatch(/OLE compound file/);
    expect(refusal(() => checkUpload(upload("a.mp4", FIXTURES.mp3)))).toMatch(/ftyp/);
    expect(refusal(() => checkUpload(upload("a.mp3", FIXTURES.wav)))).toMatch(/ID3/);
    expect(refusal(() => checkUpload(upload("a.wav", FIXTURES.mp4)))).toMatch(/RIFF/);
    expect(refusal(() => checkUpload(upload("a.txt", exe)))).toMatch(/control bytes/);
    // PK\x03\x04 followed by garbage: the central directory cannot be read.
    const fake = Buffer.concat([Buffer.from("PK\x03\x04", "latin1"), Buffer.alloc(100, 7)]);
    expect(refusal(() => checkUpload(upload("a.zip", fake)))).toMatch(/not a readable ZIP/);
  });

  it("refuses polyglots: markup in the first 1,445 bytes of a PDF, JPEG or PNG; not in text or archives", () => {
    const withTail = (head: Buffer, tail: string) => Buffer.concat([head, Buffer.from(tail)]);
    for (const [name, bytes] of [
      ["a.pdf", withTail(FIXTURES.pdf, "<html><script>alert(1)</script>")],
      ["a.pdf", withTail(FIXTURES.pdf, "/URI(JavaScript:alert(1))")],
      ["a.jpg", withTail(FIXTURES.jpg, "<SCRIPT src=//x></SCRIPT>")],
      ["a.png", withTail(FIXTURES.png, "<svg/onload=alert(1)>")],
      ["a.mp3", withTail(FIXTURES.mp3, "<iframe src=x>")],
    ] as const) {
      expect(
        refusal(() => checkUpload(upload(name, bytes))),
        name,
      ).toMatch(/HTML or script/);
    }
    // Past the sniffing window, and in types where markup is content, it is let through.
    const far = withTail(Buffer.concat([FIXTURES.pdf, Buffer.alloc(1500, 0x20)]), "<script>");
    expect(checkUpload(upload("far.pdf", far)).type).toBe("pdf");
    expect(
      checkUpload(upload("page.txt", Buffer.from("<script>x</script>"), "text/plain")).type,
    ).toBe("txt");
    expect(checkUpload(upload("site.zip", makeZip({ "index.html": "<html><script>" }))).type).toBe(
      "zip",
    );
  });

  it("refuses types outside the allowlist, by extension", () => {
    for (const name of ["run.exe", "page.html", "script.js", "noextension", ".pdf", "a.pdf.exe"]) {
      expect(refusal(() => checkUpload(upload(name, FIXTURES.pdf)))).toMatch(
        /is not allowed; allowed: pdf, docx/,
      );
    }
    const narrowed = { allow: ["pdf", "ofd"] as const };
    expect(checkUpload(upload("a.pdf", FIXTURES.pdf), narrowed).type).toBe("pdf");
    expect(refusal(() => checkUpload(upload("a.png", FIXTURES.png), narrowed))).toMatch(
      /allowed: pdf, ofd$/,
    );
  });

  it("refuses a claimed MIME type that does not fit the extension", () => {
    expect(refusal(() => checkUpload(upload("a.pdf", FIXTURES.pdf, "text/html")))).toMatch(
      /MIME type text\/html does not match a \.pdf file/,
    );
  });

  it("applies the size limit (default 50 MB) and checks the claimed size", () => {
    expect(DEFAULT_MAX_UPLOAD_BYTES).toBe(50 * 1024 * 1024);
    const big = Buffer.concat([FIXTURES.pdf, Buffer.alloc(1000)]);
    expect(checkUpload(upload("a.pdf", big), { maxBytes: big.length }).size).toBe(big.length);
    expect(refusal(() => checkUpload(upload("a.pdf", big), { maxBytes: 1000 }))).toMatch(
      /larger than the limit/,
    );
    const claimedHuge = { ...upload("a.pdf", FIXTURES.pdf), size: DEFAULT_MAX_UPLOAD_BYTES + 1 };
    expect(refusal(() => checkUpload(claimedHuge))).toMatch(/larger than the limit of 50 MB/);
    expect(refusal(() => checkUpload({ ...upload("a.pdf", FIXTURES.pdf), size: 3 }))).toMatch(
      /size claimed/,
    );
    expect(refusal(() => checkUpload(upload("a.pdf", Buffer.alloc(0))))).toMatch(/empty/);
  });

  it("keeps only the base name and refuses unusable names", () => {
    expect(checkUpload(upload("C:\\Users\\x\\决定书.pdf", FIXTURES.pdf)).name).toBe("决定书.pdf");
    expect(checkUpload(upload("../../etc/决定书.pdf", FIXTURES.pdf)).name).toBe("决定书.pdf");
    expect(refusal(() => checkUpload(upload("", FIXTURES.pdf)))).toMatch(/no name/);
    expect(refusal(() => checkUpload(upload("a\nb.pdf", FIXTURES.pdf)))).toMatch(
      /control characters/,
    );
    expect(refusal(() => checkUpload(upload(`${"长".repeat(300)}.pdf`, FIXTURES.pdf)))).toMatch(
      /255/,
    );
  });

  it("says what is wrong in the error message too", () => {
    expect(() => checkUpload(upload("a.pdf", FIXTURES.png))).toThrow(
      /^file refused: the content is not a \.pdf file/,
    );
  });
});

describe("zip reader", () => {
  it("lists and reads stored and deflated entries", () => {
    const zip = makeZip({ "a.txt": "stored 文本", "dir/b.xml": "<b>deflated 文本</b>".repeat(20) });
    expect(listZipEntries(zip).map((e) => [e.name, e.method])).toEqual([
      ["a.txt", 0],
      ["dir/b.xml", 8],
    ]);
    expect(readZipEntry(zip, "a.txt")?.toString()).toBe("stored 文本");
    expect(readZipEntry(zip, "dir/b.xml")?.toString()).toBe("<b>deflated 文本</b>".repeat(20));
    expect(readZipEntry(zip, "missing")).toBeUndefined();
    expect(() => listZipEntries(Buffer.from("not a zip at all, not at all"))).toThrow(
      ZipFormatError,
    );
  });
});
