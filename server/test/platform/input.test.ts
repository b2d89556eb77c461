import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { examplesModule } from "../fixtures/examples/index.ts";
import { portalTest } from "../fixtures/portal.ts";
import { type Session, type TestApp, testApp } from "../support/app.ts";
import { changed, fingerprinter } from "../support/fingerprint.ts";

/**
 * Issue 8, hostile input (the gaps the other suites leave): oversized bodies, wrong
 * content types, path-traversal file names, files whose bytes contradict their name,
 * formula injection through the xlsx export, script in every text field the public
 * portal renders, SQL metacharacters in every list filter. Each refusal writes nothing.
 * (NUL and lone surrogates: reliability.test.ts; the xlsx zip bomb: zip-bomb.test.ts;
 * a file whose magic bytes are wrong, an xlsx import refused with 415: cases.test.ts and
 * register.test.ts; security headers: identity.test.ts.)
 */
let t: TestApp;
let handler: Session;
let reviewer: Session;
let leader: Session;
let caseId: number;
let fingerprint: ReturnType<typeof fingerprinter>;

const XSS = ['<script>alert("x")</script>', '"><img src=x onerror=alert(1)>'];
const FORMULAS = ["=1+1", '=HYPERLINK("http://evil.example","点我")', "+1", "-1+2", "@SUM(A1)"];

beforeAll(async () => {
  t = await testApp([examplesModule, portalTest]);
  const unit = await t.unit("500156", "scjgj");
  await t.user("handler", unit, ["case_handler"]);
  await t.user("reviewer", unit, ["legal_reviewer"]);
  await t.user("leader", unit, ["unit_leader"]);
  t.clock.t = new Date("2020-11-20T02:00:00Z");
  handler = await t.login("handler");
  reviewer = await t.login("reviewer");
  leader = await t.login("leader");
  fingerprint = fingerprinter(t.db.owner, t.config.fileDir);
  const c = await t.call(handler, {
    method: "POST",
    url: "/api/cases/example_permit",
    payload: {
      fields: { applicant: { name: XSS[1] }, item: XSS[0], category: "market" },
      onDate: "2020-11-02",
    },
  });
  expect(c.statusCode, c.body).toBe(201);
  caseId = c.json().id;
}, 120_000);
afterAll(async () => t?.close());

async function refusedWritesNothing(
  send: () => Promise<{ statusCode: number; body: string }>,
  status: number,
  code?: string,
) {
  const before = await fingerprint();
  const res = await send();
  expect(res.statusCode, res.body).toBe(status);
  const error = JSON.parse(res.body).error;
  expect(error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
  if (code) expect(error.code).toBe(code);
  expect(changed(before, await fingerprint())).toEqual([]);
  return error;
}

const attach = (name: string, bytes: Buffer, type = "application/octet-stream") =>
  t.call(handler, {
    method: "POST",
    url: `/api/cases/example_permit/${caseId}/attachments?name=${encodeURIComponent(name)}`,
    payload: bytes,
    headers: { "content-type": type },
  });

describe("bodies", () => {
  it("a JSON body over the 2 MB limit is 413 with the envelope", async () => {
    const big = { fields: { applicant: { name: "甲" }, item: "x".repeat(3 * 1024 * 1024) } };
    await refusedWritesNothing(
      () => t.call(handler, { method: "POST", url: "/api/cases/example_permit", payload: big }),
      413,
      "too_large",
    );
  });

  it("an import over its limit is 413 with the envelope", async () => {
    await refusedWritesNothing(
      () =>
        t.call(handler, {
          method: "POST",
          url: "/api/registers/example_officer/import",
          payload: Buffer.alloc(11 * 1024 * 1024, 0x41),
          headers: { "content-type": "application/octet-stream" },
        }),
      413,
      "too_large",
    );
  });

  it("a JSON route sent text, XML or a form is 415 with the envelope (case routes included)", async () => {
    for (const type of ["text/plain", "application/xml", "multipart/form-data; boundary=x"]) {
      for (const url of [
        "/api/cases/example_permit",
        `/api/cases/example_permit/${caseId}/actions/accept`,
        "/api/registers/example_officer/entries",
        "/api/auth/login",
      ]) {
        await refusedWritesNothing(
          () =>
            t.call(handler, {
              method: "POST",
              url,
              payload: '{"fields":{},"version":1}',
              headers: { "content-type": type },
            }),
          415,
        );
      }
    }
  });

  it("a case import sent as an image is 415; the body limit of JSON routes is not the upload's", async () => {
    await refusedWritesNothing(
      () =>
        t.call(leader, {
          method: "POST",
          url: "/api/cases/example_permit/import",
          payload: Buffer.from("a,b\n1,2\n"),
          headers: { "content-type": "image/png" },
        }),
      415,
    );
    // 3 MB of text to a JSON route: refused at the JSON limit, not buffered up to 50 MB.
    await refusedWritesNothing(
      () =>
        t.call(handler, {
          method: "POST",
          url: "/api/cases/example_permit",
          payload: Buffer.alloc(3 * 1024 * 1024, 0x41),
          headers: { "content-type": "application/json" },
        }),
      413,
    );
  });
});

describe("uploads", () => {
  const pdf = Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n", "latin1");

  it("a path-traversal file name keeps only its last part; the file is stored by its hash", async () => {
    for (const [name, kept] of [
      ["../../../../etc/passwd.pdf", "passwd.pdf"],
      ["..\\..\\windows\\system32\\x.pdf", "x.pdf"],
      ["/abs/path/申请书.pdf", "申请书.pdf"],
    ] as const) {
      const r = await attach(name, pdf);
      expect(r.statusCode, r.body).toBe(201);
      expect(r.json().name).toBe(kept);
      const got = await t.call(handler, {
        method: "GET",
        url: `/api/cases/example_permit/${caseId}/attachments/${r.json().id}`,
      });
      expect(got.headers["content-disposition"]).toBe(
        `attachment; filename*=UTF-8''${encodeURIComponent(kept)}`,
      );
    }
  });

  it("names that are only a directory, or carry control characters, are refused", async () => {
    for (const name of ["../", "..", "a/..", "x\r\nSet-Cookie: a=b.pdf", "x\u0007.pdf"]) {
      await refusedWritesNothing(() => attach(name, pdf), 422);
    }
    // NUL never reaches the handler (kernel/text.ts): 400 naming the query field.
    const e = await refusedWritesNothing(() => attach("a\u0000.pdf", pdf), 400);
    expect(e.fields.map((f: { field: string }) => f.field)).toContain("name");
  });

  it("polyglots are refused: a PDF or JPEG that is also HTML or script", async () => {
    const jpeg = Buffer.concat([
      Buffer.from([0xff, 0xd8, 0xff, 0xfe, 0x00, 0x30]),
      Buffer.from("<script>alert(document.cookie)</script>"),
    ]);
    const cases: [string, Buffer][] = [
      ["a.pdf", Buffer.from("%PDF-1.4\n<html><body><script>alert(1)</script></body></html>")],
      ["b.pdf", Buffer.from("%PDF-1.4\n1 0 obj<</S/URI/URI(javascript:alert(1))>>endobj")],
      ["c.jpg", jpeg],
      [
        "d.png",
        Buffer.concat([
          Buffer.from("\x89PNG\r\n\x1a\n", "latin1"),
          Buffer.from("<svg onload=alert(1)>"),
        ]),
      ],
    ];
    for (const [name, bytes] of cases) {
      const e = await refusedWritesNothing(() => attach(name, bytes), 422);
      expect(e.fields[0].field).toBe("file");
      expect(e.fields[0].message).toMatch(/HTML or script/);
    }
  });

  it("a file whose bytes contradict its name or claimed type is refused; what is served is ours", async () => {
    await refusedWritesNothing(() => attach("photo.jpg", pdf), 422);
    await refusedWritesNothing(() => attach("x.pdf", pdf, "text/html"), 422);
    await refusedWritesNothing(() => attach("page.html", Buffer.from("<p>hi</p>")), 422);
    // A .txt sent as text/plain is accepted; served as text with nosniff, as an attachment.
    const txt = await attach("说明.txt", Buffer.from("纯文本说明\n"), "text/plain");
    expect(txt.statusCode, txt.body).toBe(201);
    const ok = await attach("ok.pdf", pdf, "application/octet-stream");
    expect(ok.statusCode, ok.body).toBe(201);
    const got = await t.call(handler, {
      method: "GET",
      url: `/api/cases/example_permit/${caseId}/attachments/${ok.json().id}`,
    });
    expect(got.headers["content-type"]).toMatch(/^application\/pdf/);
    expect(got.headers["x-content-type-options"]).toBe("nosniff");
    expect(String(got.headers["content-disposition"])).toMatch(/^attachment;/);
  });
});

describe("formula injection through the xlsx export", () => {
  it("text starting with = + - @ goes out with Excel's text mark, and imports back unchanged", async () => {
    const ids: number[] = [];
    for (const [i, name] of FORMULAS.entries()) {
      const r = await t.call(handler, {
        method: "POST",
        url: "/api/registers/example_officer/entries",
        payload: {
          data: {
            name,
            certificateNo: `5015600${i}`,
            idNumber: "11010519491231002X",
            validFrom: "2020-01-01",
            validTo: "2025-12-31",
          },
        },
      });
      expect(r.statusCode, r.body).toBe(201);
      ids.push(r.json().id);
    }
    const res = await t.call(handler, {
      method: "GET",
      url: "/api/registers/example_officer/export.xlsx",
    });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const cells: unknown[] = [];
    wb.worksheets[0]!.eachRow((row) => {
      row.eachCell((cell) => {
        cells.push(cell.value);
      });
    });
    // No cell is a formula, and no text cell starts with a formula character.
    for (const v of cells) {
      expect(typeof v === "object" && v !== null && "formula" in v).toBe(false);
      if (typeof v === "string") expect(v).not.toMatch(/^[=+\-@\t\r]/);
    }
    for (const f of FORMULAS) expect(cells).toContain(`'${f}`);

    // The export imports back as it was (the mark is taken off): no change, no new rows.
    const back = await t.call(handler, {
      method: "POST",
      url: "/api/registers/example_officer/import",
      payload: res.rawPayload,
      headers: { "content-type": "application/octet-stream" },
    });
    expect(back.statusCode, back.body).toBeLessThan(300);
    for (const [i, id] of ids.entries()) {
      const e = await t.call(handler, {
        method: "GET",
        url: `/api/registers/example_officer/entries/${id}`,
      });
      expect(e.json().data.name).toBe(FORMULAS[i]);
    }
  });
});

describe("script in the public portal", () => {
  it("every published text field is escaped, and the CSP forbids inline script", async () => {
    // A decided permit (public) with script in each published field, and an officer.
    const acc = await t.call(handler, {
      method: "POST",
      url: `/api/cases/example_permit/${caseId}/actions/accept`,
      payload: { version: 1, onDate: "2020-11-02" },
    });
    expect(acc.statusCode, acc.body).toBe(200);
    const rev = await t.call(reviewer, {
      method: "POST",
      url: `/api/cases/example_permit/${caseId}/actions/review`,
      payload: { version: 2, input: { reviewPassed: true } },
    });
    expect(rev.statusCode, rev.body).toBe(200);
    const dec = await t.call(handler, {
      method: "POST",
      url: `/api/cases/example_permit/${caseId}/actions/decide`,
      payload: { version: 3, input: { decisionSummary: XSS.join(" ") } },
    });
    expect(dec.statusCode, dec.body).toBe(200);
    const off = await t.call(handler, {
      method: "POST",
      url: "/api/registers/example_officer/entries",
      payload: {
        data: {
          name: XSS[0],
          certificateNo: "50156999",
          idNumber: "11010519491231002X",
          validFrom: "2020-01-01",
          validTo: "2025-12-31",
        },
      },
    });
    expect(off.statusCode, off.body).toBe(201);

    const pages = [
      "/public/500156/sections/permits",
      `/public/500156/sections/permits/${caseId}`,
      "/public/500156/sections/officers",
      `/public/500156/search?q=${encodeURIComponent(XSS[0]!)}`,
      `/public/500156/search?q=${encodeURIComponent(XSS[1]!)}&section=permits`,
    ];
    let escaped = 0;
    for (const url of pages) {
      const res = await t.app.inject({ method: "GET", url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers["content-type"]).toMatch(/text\/html/);
      for (const x of XSS) expect(res.body, url).not.toContain(x);
      expect(res.body).not.toMatch(/<img[^>]*onerror/i);
      // Every script element loads a file; none is inline.
      for (const m of res.body.matchAll(/<script\b([^>]*)>/gi)) expect(m[1], url).toMatch(/\bsrc=/);
      if (res.body.includes("&lt;script&gt;")) escaped++;
      const scriptSrc = String(res.headers["content-security-policy"])
        .split(";")
        .find((d) => d.trim().startsWith("script-src"));
      expect(scriptSrc?.trim()).toBe("script-src 'self'");
    }
    // The script was there to escape: the list, the case page, the register and search show it.
    expect(escaped).toBeGreaterThanOrEqual(4);
  });
});

describe("SQL metacharacters in every list filter", () => {
  const META = [
    "'",
    "' or '1'='1",
    "'; drop table case_file; --",
    "%",
    "_",
    "\\",
    '"',
    "%' --",
    "$1",
  ];
  const filters = [
    (v: string) => `/api/cases/example_permit?q=${v}`,
    (v: string) => `/api/cases/example_permit?state=${v}`,
    (v: string) => `/api/registers/example_officer/entries?q=${v}`,
    (v: string) => `/api/registers/example_officer/entries?sort=${v}`,
    (v: string) => `/api/registers/example_officer/export.xlsx?q=${v}`,
    (v: string) => `/api/search?q=${v}`,
    (v: string) => `/api/search?q=x&source=${v}&status=${v}`,
    (v: string) => `/api/warnings?level=${v}`,
    (v: string) => `/public/api/500156/search?q=${v}`,
    (v: string) => `/public/500156/search?q=${v}`,
  ];

  it("are data, not SQL: never a 5xx, never a wildcard, nothing written", async () => {
    const before = await fingerprint();
    for (const make of filters) {
      for (const m of META) {
        const url = make(encodeURIComponent(m));
        const res = await t.call(handler, { method: "GET", url });
        expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
        if (res.statusCode >= 400) expect(res.json().error.code, url).toEqual(expect.any(String));
      }
    }
    // % and _ match themselves: no title contains them, so nothing is listed.
    for (const m of ["%", "_", "%%", "\\"]) {
      const cases = await t.call(handler, {
        method: "GET",
        url: `/api/cases/example_permit?q=${encodeURIComponent(m)}`,
      });
      expect(cases.json().total, m).toBe(0);
      const entries = await t.call(handler, {
        method: "GET",
        url: `/api/registers/example_officer/entries?q=${encodeURIComponent(m)}`,
      });
      expect(entries.json().total, m).toBe(0);
    }
    expect(changed(before, await fingerprint())).toEqual([]);
    // The tables are all there (the "drop table" was a search term).
    expect(
      (await t.call(handler, { method: "GET", url: "/api/cases/example_permit" })).statusCode,
    ).toBe(200);
  });
});
