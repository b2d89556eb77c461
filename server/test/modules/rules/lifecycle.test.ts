import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { directoryModule } from "../../../src/modules/directory/index.ts";
import { rulesModule } from "../../../src/modules/rules/index.ts";
import { type Session, type TestApp, testApp } from "../../support/app.ts";
import { pdfText, scanPublic } from "../../support/masking-scanner.ts";

/**
 * A district-government normative document through its whole lifecycle over HTTP —
 * public comment on the portal (no account), fair-competition and legality review,
 * deliberation, numbering, publication, filing with the city (a linked case the city's
 * office answers), clean-up — and every refusal on the way, each writing nothing.
 */
let t: TestApp;
let drafter: Session; // the district government (qzf), unit leader
let office: Session; // the district's rule-of-law office (region scope)
let city: Session; // the city's rule-of-law office (500000)
let deptReviewer: Session; // a department's legal reviewer
const T = "normative_document";
const R = "500156";
const PHONE = "13812345678";
const NAME = "欧阳明华";

/** Move the clock (and log in again: sessions expire when idle). */
async function at(day: string) {
  t.clock.t = new Date(`${day}T02:00:00Z`);
  if (!drafter) return;
  await logins();
}
/** Each user from its own address (the login rate limit counts per address). */
async function logins() {
  drafter = await t.login("drafter", undefined, "10.9.0.1");
  office = await t.login("office", undefined, "10.9.0.2");
  city = await t.login("city", undefined, "10.9.0.3");
  deptReviewer = await t.login("reviewer", undefined, "10.9.0.4");
}
const detail = async (s: Session, id: number, type = T) =>
  (await t.call(s, { method: "GET", url: `/api/cases/${type}/${id}` })).json();
async function step(
  s: Session,
  id: number,
  action: string,
  input: object,
  onDate: string,
  type = T,
) {
  const d = await detail(type === T ? office : s, id, type);
  return t.call(s, {
    method: "POST",
    url: `/api/cases/${type}/${id}/actions/${action}`,
    payload: { version: d.case.version, input, onDate },
  });
}
async function ok(p: ReturnType<typeof step>) {
  const r = await p;
  expect(r.statusCode, r.body).toBe(200);
  return r;
}
/** A refused step: the status, the message or field, and the case unchanged (state, version, timeline). */
async function refused(
  s: Session,
  id: number,
  action: string,
  input: object,
  onDate: string,
  status: number,
  expectText: string,
) {
  const before = await detail(office, id);
  const r = await step(s, id, action, input, onDate);
  expect(r.statusCode, r.body).toBe(status);
  expect(r.body).toContain(expectText);
  const after = await detail(office, id);
  expect(after.case.version).toBe(before.case.version);
  expect(after.case.state).toBe(before.case.state);
  expect(after.timeline.length).toBe(before.timeline.length);
}
const count = async (table: "consultation" | "consultation_comment") =>
  Number(
    (
      await t.db.owner
        .selectFrom(table as never)
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

let docId: number;
let kid: number;
let pageUrl: string;

async function formToken(): Promise<string> {
  const r = await t.app.inject({ method: "GET", url: pageUrl });
  expect(r.statusCode, r.body).toBe(200);
  const m = /name="token" value="([^"]+)"/.exec(r.body);
  expect(m, "the page carries the form").toBeTruthy();
  return m![1]!;
}
const post = (form: Record<string, string>, remoteAddress = "10.0.0.1", headers = {}) =>
  t.app.inject({
    method: "POST",
    url: `${pageUrl}/comments`,
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    payload: new URLSearchParams(form).toString(),
    remoteAddress,
  });

beforeAll(async () => {
  t = await testApp([directoryModule, rulesModule]);
  const qzf = await t.unit(R, "qzf", "government");
  const yfzqb = await t.unit(R, "yfzqb", "committee_office");
  const fgw = await t.unit(R, "fgw");
  const cq = await t.unit("500000", "sfj");
  await t.user("drafter", qzf, ["unit_leader"]);
  await t.user("office", yfzqb, ["rule_of_law_office"]);
  await t.user("city", cq, ["rule_of_law_office"]);
  await t.user("reviewer", fgw, ["legal_reviewer"]);
  await at("2020-06-01");
  await logins();
});
afterAll(() => t.close());

describe("a district-government normative document, end to end", () => {
  it("opens a draft and refuses a comment period shorter than 30 days for a market-related document", async () => {
    const r = await t.call(drafter, {
      method: "POST",
      url: `/api/cases/${T}`,
      payload: {
        fields: {
          title: "武隆区促进中小企业发展的若干措施",
          issuer: "government",
          numberPrefix: "武隆府发",
          marketRelated: true,
          draftText: "第一条 为促进中小企业发展，制定本措施。\n第二条 本措施自公布之日起施行。",
        },
        onDate: "2020-06-01",
      },
    });
    expect(r.statusCode, r.body).toBe(201);
    docId = r.json().id;
    await refused(
      drafter,
      docId,
      "open_comment",
      { commentFrom: "2020-06-01", commentTo: "2020-06-20" },
      "2020-06-01",
      422,
      "input.commentTo",
    );
    expect(await count("consultation")).toBe(0);
    await ok(
      step(
        drafter,
        docId,
        "open_comment",
        { commentFrom: "2020-06-01", commentTo: "2020-07-01" },
        "2020-06-01",
      ),
    );
    const k = await t.call(drafter, {
      method: "GET",
      url: `/api/cases/${T}/${docId}/consultation`,
    });
    expect(k.statusCode, k.body).toBe(200);
    kid = k.json().id;
    pageUrl = `/public/${R}/consultations/${kid}`;
  });

  it("takes a citizen's comment without an account, and refuses a forged, oversized or too frequent one", async () => {
    const page = await t.app.inject({ method: "GET", url: pageUrl });
    expect(page.body).toContain("第一条 为促进中小企业发展");
    expect(page.body).not.toContain("<script");
    // No token (a form posted from elsewhere): refused, nothing written.
    const forged = await post({ body: "意见" });
    expect(forged.statusCode).toBe(403);
    // A foreign Origin with a good token: refused.
    const foreign = await post({ body: "意见", token: await formToken() }, "10.0.0.1", {
      origin: "https://evil.example",
    });
    expect(foreign.statusCode).toBe(403);
    // Too long: refused with the field's message.
    const long = await post({ body: "长".repeat(2001), token: await formToken() });
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain("意见内容不得超过2000字");
    expect(await count("consultation_comment")).toBe(0);
    // Good ones.
    for (const [topic, body] of <[string, string][]>[
      ["第一条", "建议明确中小企业的划型标准，联系电话 138 1234 5678。"],
      ["第二条", "建议设置过渡期。"],
      ["", "措施很好。"],
    ]) {
      const r = await post(
        { topic, body, author: NAME, contact: PHONE, token: await formToken() },
        "10.0.0.2",
      );
      expect(r.statusCode, r.body).toBe(303);
    }
    expect(await count("consultation_comment")).toBe(3);
    // The contact is encrypted at rest.
    const raw = await t.db.owner
      .selectFrom("consultation_comment" as never)
      .selectAll()
      .execute();
    expect(JSON.stringify(raw)).not.toContain(PHONE);
    // Rate: five a minute per address (three were taken above from 10.0.0.2).
    const token = await formToken();
    const codes: number[] = [];
    for (let i = 0; i < 3; i++)
      codes.push((await post({ body: `第${i}条意见`, token }, "10.0.0.2")).statusCode);
    expect(codes).toEqual([303, 303, 429]);
    expect(await count("consultation_comment")).toBe(5);
  });

  it("shows the contact in full to the drafting unit only, masked to the office, never in public", async () => {
    const own = await t.call(drafter, {
      method: "GET",
      url: `/api/cases/${T}/${docId}/consultation`,
    });
    expect(own.json().comments[0].contact).toBe(PHONE);
    const off = await t.call(office, {
      method: "GET",
      url: `/api/cases/${T}/${docId}/consultation`,
    });
    expect(off.json().comments[0].contact).not.toBe(PHONE);
    const page = await t.app.inject({ method: "GET", url: pageUrl });
    expect(page.body).toContain("建议设置过渡期");
    expect(page.body).not.toContain(NAME);
  });

  it("moderates with a reason and answers: not adopted needs a reason", async () => {
    const k = (
      await t.call(drafter, { method: "GET", url: `/api/cases/${T}/${docId}/consultation` })
    ).json();
    const [c1, c2, c3, c4, c5] = k.comments.map((c: { id: number }) => c.id);
    const base = `/api/cases/${T}/${docId}/consultation/comments`;
    const noReason = await t.call(drafter, {
      method: "POST",
      url: `${base}/${c5}/moderation`,
      payload: { hidden: true, reason: "" },
    });
    expect(noReason.statusCode).toBe(400);
    const hide = await t.call(drafter, {
      method: "POST",
      url: `${base}/${c5}/moderation`,
      payload: { hidden: true, reason: "重复提交" },
    });
    expect(hide.statusCode, hide.body).toBe(200);
    // Not adopted without a reason: refused, nothing written.
    const bad = await t.call(drafter, {
      method: "PUT",
      url: `${base}/${c2}/answer`,
      payload: { result: "not_adopted" },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields[0].field).toBe("reason");
    const stored = await t.db.owner
      .selectFrom("consultation_comment" as never)
      .select(["answer_result" as never])
      .where("id" as never, "=", c2 as never)
      .executeTakeFirstOrThrow();
    expect((stored as { answer_result: string | null }).answer_result).toBeNull();
    for (const [id, result, reason] of [
      [c1, "adopted", ""],
      [c2, "not_adopted", "过渡期由上位法规定，本措施不作调整。"],
      [c3, "adopted", ""],
      [c4, "under_study", "将在实施细则中研究。"],
    ] as const) {
      const r = await t.call(drafter, {
        method: "PUT",
        url: `${base}/${id}/answer`,
        payload: { result, reason },
      });
      expect(r.statusCode, r.body).toBe(200);
    }
    // Answers cannot be published while the period runs.
    const early = await t.call(drafter, {
      method: "POST",
      url: `/api/cases/${T}/${docId}/consultation/publish-answers`,
      payload: {},
    });
    expect(early.statusCode).toBe(409);
  });

  it("refuses a comment outside the period", async () => {
    await at("2020-07-02");
    // The page no longer offers the form; a post with an older token is refused.
    await at("2020-07-01");
    const token = await formToken();
    await at("2020-07-02");
    const n = await count("consultation_comment");
    const late = await post({ body: "迟到的意见", token }, "10.0.0.3");
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain("不在征求意见期间内");
    expect(await count("consultation_comment")).toBe(n);
  });

  it("closes comment (market actors' views required), reviews fair competition, then legality", async () => {
    await at("2020-07-23");
    await refused(drafter, docId, "close_comment", {}, "2020-07-02", 422, "input.marketViews");
    await ok(
      step(
        drafter,
        docId,
        "close_comment",
        { marketViews: "召开企业座谈会，听取12家企业和区工商联意见" },
        "2020-07-02",
      ),
    );
    await refused(
      drafter,
      docId,
      "submit_review",
      { materials: "起草说明" },
      "2020-07-03",
      409,
      "fair-competition",
    );
    await ok(
      step(
        drafter,
        docId,
        "fair_competition_review",
        { result: "compliant", opinion: "未发现排除、限制竞争的内容" },
        "2020-07-03",
      ),
    );
    await ok(
      step(
        drafter,
        docId,
        "submit_review",
        { materials: "起草说明、制定依据、征求意见及采纳情况" },
        "2020-07-03",
      ),
    );
    // Deliberation before any review: refused, nothing written.
    await refused(
      drafter,
      docId,
      "deliberate",
      { meeting: "区政府第50次常务会议", minutes: "同意" },
      "2020-07-06",
      409,
      "legality review",
    );
    // The drafter cannot review its own government document; a department's reviewer neither.
    await refused(
      drafter,
      docId,
      "legality_review",
      { result: "passed", opinion: "合法" },
      "2020-07-13",
      409,
      "reviewing body",
    );
    await refused(
      deptReviewer,
      docId,
      "legality_review",
      { result: "passed", opinion: "合法" },
      "2020-07-13",
      404,
      "",
    );
    // The office, too early (under 5 working days).
    await refused(
      office,
      docId,
      "legality_review",
      { result: "passed", opinion: "合法" },
      "2020-07-08",
      409,
      "at least 5 working days",
    );
    await ok(
      step(
        office,
        docId,
        "legality_review",
        { result: "not_passed", opinion: "第一条超越职权" },
        "2020-07-10",
      ),
    );
    await refused(
      drafter,
      docId,
      "deliberate",
      { meeting: "区政府第50次常务会议", minutes: "同意" },
      "2020-07-13",
      409,
      "did not pass",
    );
    await ok(step(drafter, docId, "revise", { changes: "删除第一条超越职权的内容" }, "2020-07-13"));
    await ok(step(drafter, docId, "submit_review", { materials: "修改稿" }, "2020-07-13"));
    await ok(
      step(
        office,
        docId,
        "legality_review",
        { result: "passed_after_changes", opinion: "修改后合法" },
        "2020-07-20",
      ),
    );
    await ok(
      step(
        drafter,
        docId,
        "deliberate",
        { meeting: "区政府第52次常务会议", minutes: "审议通过" },
        "2020-07-23",
      ),
    );
  });

  it("publishes the answers and the adoption report (.docx, no contact)", async () => {
    await at("2020-07-24");
    const pa = await t.call(drafter, {
      method: "POST",
      url: `/api/cases/${T}/${docId}/consultation/publish-answers`,
      payload: {},
    });
    expect(pa.statusCode, pa.body).toBe(200);
    const pr = await t.call(drafter, {
      method: "POST",
      url: `/api/cases/${T}/${docId}/consultation/publish-report`,
      payload: {},
    });
    expect(pr.statusCode, pr.body).toBe(200);
    const page = await t.app.inject({ method: "GET", url: pageUrl });
    expect(page.body).toContain("答复：不予采纳");
    expect(page.body).toContain("过渡期由上位法规定");
    expect(page.body).not.toContain("重复提交"); // hidden comment and its reason stay internal
    for (const url of [
      `/api/cases/${T}/${docId}/consultation/report.docx`,
      `${pageUrl}/report.docx`,
    ]) {
      const r = url.startsWith("/api")
        ? await t.call(drafter, { method: "GET", url })
        : await t.app.inject({ method: "GET", url });
      expect(r.statusCode, r.body.slice(0, 200)).toBe(200);
      const xml = strFromU8(unzipSync(r.rawPayload)["word/document.xml"]!);
      expect(xml).toContain("意见采纳情况及理由");
      expect(xml).toContain("第二条");
      expect(xml).not.toContain("5678");
      expect(xml).not.toContain(NAME);
    }
  });

  it("numbers, publishes, files with the city (a linked case it answers) and cleans up", async () => {
    await at("2020-08-10");
    await ok(step(drafter, docId, "register", {}, "2020-07-24"));
    const d = await detail(drafter, docId);
    expect(d.case.numbers.document).toBe("武隆府发〔2020〕1号");
    await refused(
      drafter,
      docId,
      "publish",
      { channel: "website", effectiveFrom: "2020-07-01", text: "正文" },
      "2020-07-27",
      422,
      "input.effectiveFrom",
    );
    await ok(
      step(
        drafter,
        docId,
        "publish",
        {
          channel: "website",
          effectiveFrom: "2020-08-01",
          text: "第一条 为促进中小企业发展，制定本措施。",
        },
        "2020-07-27",
      ),
    );
    expect((await detail(drafter, docId)).case.fields.expiresOn).toBe("2025-07-31");
    await refused(
      drafter,
      docId,
      "file",
      { filedWith: "重庆市人民政府" },
      "2020-08-10",
      422,
      "input.npcReceipt",
    );
    await ok(
      step(
        drafter,
        docId,
        "file",
        { filedWith: "重庆市人民政府", npcReceipt: "武隆人大备〔2020〕3号" },
        "2020-08-10",
      ),
    );
    // The city's office opens its filing review and links it to the district's document.
    await at("2020-08-12");
    const f = await t.call(city, {
      method: "POST",
      url: "/api/cases/normative_filing_review",
      payload: {
        fields: {
          documentTitle: "武隆区促进中小企业发展的若干措施",
          documentNumber: "武隆府发〔2020〕1号",
          filedBy: "武隆区人民政府",
        },
        onDate: "2020-08-12",
      },
    });
    expect(f.statusCode, f.body).toBe(201);
    const fid = f.json().id;
    const link = await t.call(city, {
      method: "POST",
      url: `/api/cases/normative_filing_review/${fid}/links`,
      payload: { kind: "reviews", toCaseId: docId },
    });
    expect(link.statusCode, link.body).toBeLessThan(300);
    await at("2020-08-20");
    await ok(
      step(
        city,
        fid,
        "conclude",
        { result: "no_problem", opinion: "未发现问题" },
        "2020-08-20",
        "normative_filing_review",
      ),
    );
    expect((await detail(drafter, docId)).case.state).toBe("filing_reviewed");
    await at("2020-12-01");
    await ok(
      step(
        office,
        docId,
        "cleanup",
        {
          campaign: "2020年规范性文件清理",
          cleanupResult: "remain_valid",
          lastCleanupReason: "符合上位法",
        },
        "2020-12-01",
      ),
    );
  });

  it("puts the published document on the portal and finds it by 规范性文件 合法性审核 — not the drafts", async () => {
    await at("2020-12-02");
    const draft = await t.call(drafter, {
      method: "POST",
      url: `/api/cases/${T}`,
      payload: {
        fields: {
          title: "关于规范性文件合法性审核的草案",
          issuer: "government",
          numberPrefix: "武隆府发",
          draftText: "规范性文件合法性审核",
        },
        onDate: "2020-12-02",
      },
    });
    expect(draft.statusCode).toBe(201);
    const s = await t.app.inject({
      method: "GET",
      url: `/public/api/${R}/search?q=${encodeURIComponent("规范性文件 合法性审核")}`,
    });
    expect(s.statusCode, s.body).toBe(200);
    expect(s.body).toContain("武隆区促进中小企业发展的若干措施");
    expect(s.body).not.toContain("关于规范性文件合法性审核的草案");
    const scan = await scanPublic(
      t.app,
      [{ name: NAME, phone: PHONE }],
      [`/public/${R}`, `/public/${R}/consultations`, pageUrl],
    );
    expect(scan.leaks).toEqual([]);
    expect(scan.visited.some((u) => u.includes("/sections/normative_documents/"))).toBe(true);
  });

  it("links the published text as a PDF (and its .docx) on the document's portal page", async () => {
    const url = `/public/${R}/sections/normative_documents/${docId}`;
    const page = await t.app.inject({ method: "GET", url });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("正式文本下载");
    expect(page.body).toContain("（PDF 格式");
    expect(page.body).not.toContain("PDF 版本正在生成");
    const links = [...page.body.matchAll(/href="([^"]+\/files\/\d+)">([^<]+)</g)];
    const pdf = links.find((m) => m[2]!.endsWith(".pdf"));
    expect(pdf?.[2]).toBe("武隆区促进中小企业发展的若干措施（武隆府发〔2020〕1号）.pdf");
    const res = await t.app.inject({ method: "GET", url: pdf![1]! });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    const text = (await pdfText(res.rawPayload)).replace(/\s+/g, "");
    expect(text).toContain("武隆府发〔2020〕1号");
    expect(text).toContain("第一条为促进中小企业发展，制定本措施。");
    // A file of another case, or of no public case, is not served.
    const fileId = /\/files\/(\d+)$/.exec(pdf![1]!)![1];
    const other = await t.app.inject({
      method: "GET",
      url: `/public/${R}/sections/normative_documents/${docId + 1000}/files/${fileId}`,
    });
    expect(other.statusCode).toBe(404);
    // The masking scanner reads the PDF's text.
    const scan = await scanPublic(t.app, [{ name: NAME, phone: PHONE }], [url]);
    expect(scan.leaks).toEqual([]);
    expect(scan.visited).toContain(pdf![1]!);
  });

  it("counts the year's figures from the records", async () => {
    const r = await t.call(office, {
      method: "GET",
      url: `/api/indicators/values?region=${R}&year=2020`,
    });
    expect(r.statusCode, r.body).toBe(200);
    const v = Object.fromEntries(
      (r.json().values ?? r.json()).map((x: { id: string; value: number }) => [x.id, x.value]),
    );
    expect(v.normative_docs_reviewed).toBe(1);
    expect(v.normative_docs_published).toBe(1);
    expect(v.normative_docs_filed).toBe(1);
    expect(v.normative_docs_filed_on_time).toBe(1);
    expect(v.normative_docs_in_force).toBe(1);
    expect(v.normative_comments_received).toBe(5);
    expect(v.normative_comments_answered).toBe(4);
  });
});
