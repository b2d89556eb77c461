import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { examplesModule } from "../fixtures/examples/index.ts";
import { portalTest } from "../fixtures/portal.ts";
import { type TestApp, testApp } from "../support/app.ts";
import { type PrivateParty, scanPublic } from "../support/masking-scanner.ts";

/**
 * The public portal (http/portal): only declared sections (engines/portal) reach a page
 * — here a test module puts the worked examples' permit decisions and officers on the
 * portal, with a small register of bodies — in Chinese, through the sources' public
 * projections; search with filters; Chinese error pages for the portal's addresses.
 */
let t: TestApp;
const parties: PrivateParty[] = [
  { name: "王小明", idNumber: "11010519491231002X", phone: "13800138000" },
  { name: "欧阳娜娜", idNumber: "440524188001010014", phone: "13912345678" },
  { name: "李四", idNumber: "500156199001011234", phone: "02377778888" },
];
const ids: number[] = [];
// Officials acting in office: shown with their certificate numbers; their ID and phone never.
const officers = [
  {
    name: "张执法",
    certificateNo: "50156001",
    idNumber: "500156198001012479",
    phone: "13700001111",
    validFrom: "2019-01-01",
    validTo: "2024-12-31",
  },
  {
    name: "刘审核",
    certificateNo: "50156002",
    idNumber: "500156198502024638",
    phone: "13700002222",
    validFrom: "2019-01-01",
    validTo: "2024-12-31",
    legalReviewer: true,
  },
];

const get = (url: string) => t.app.inject({ method: "GET", url });

beforeAll(async () => {
  t = await testApp([examplesModule, portalTest]);
  const unit = await t.unit("500156", "scjgj");
  const other = await t.unit("500156", "sthjj");
  await t.user("handler", unit, ["case_handler"]);
  await t.user("reviewer", unit, ["legal_reviewer"]);
  await t.user("other", other, ["case_handler"]);
  t.clock.t = new Date("2020-11-20T02:00:00Z");
  const h = await t.login("handler");
  const r = await t.login("reviewer");
  const o = await t.login("other");
  for (const [s, name, code] of [
    [h, "区市场监管局", "scjgj"],
    [o, "武隆区生态环境局", "sthjj"],
  ] as const) {
    const res = await t.call(s, {
      method: "POST",
      url: "/api/registers/portal_test_body/entries",
      payload: { data: { name, unitCode: code } },
    });
    expect(res.statusCode, res.body).toBeLessThan(300);
  }
  for (const off of officers) {
    const res = await t.call(h, {
      method: "POST",
      url: "/api/registers/example_officer/entries",
      payload: { data: off },
    });
    expect(res.statusCode, res.body).toBeLessThan(300);
  }
  for (const [i, p] of parties.entries()) {
    const c = (
      await t.call(h, {
        method: "POST",
        url: "/api/cases/example_permit",
        payload: {
          fields: { applicant: p, item: `食品经营许可事项${i}`, category: "market" },
          onDate: "2020-10-12",
        },
      })
    ).json();
    ids.push(c.id);
    await t.call(h, {
      method: "POST",
      url: `/api/cases/example_permit/${c.id}/actions/accept`,
      payload: { version: 1, onDate: "2020-10-12" },
    });
    if (i === 2) continue; // still open: not public
    await t.call(r, {
      method: "POST",
      url: `/api/cases/example_permit/${c.id}/actions/review`,
      payload: { version: 2, input: { reviewPassed: true } },
    });
    const d = await t.call(h, {
      method: "POST",
      url: `/api/cases/example_permit/${c.id}/actions/decide`,
      payload: { version: 3, input: { decisionSummary: `准予${p.name}经营` } },
    });
    expect(d.statusCode, d.body).toBe(200);
  }
});
afterAll(async () => t.close());

/** No Latin-letter word on a citizen's page outside tags (no code, key or English). */
function latinWords(html: string): string[] {
  const text = html
    .replace(/<style[\s\S]*?<\/style>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&[a-z]+;|&#\d+;/g, " ");
  return [...text.matchAll(/[A-Za-z_]{3,}/g)].map((m) => m[0]);
}

describe("public portal", () => {
  it("a region's home page shows the declared sections by stage, in Chinese, nothing technical", async () => {
    const res = await get("/public/500156");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/text\/html/);
    expect(res.body).toContain('<html lang="zh-CN">');
    for (const s of ["事前公开", "事中公开", "事后公开", "公开文件", "年度报告", "许可决定"])
      expect(res.body).toContain(s);
    // Examples never show: no case type or register that no section declares.
    expect(res.body).not.toContain("示例");
    expect(res.body).not.toContain("example_");
    // The audit anchors are off the home page: a verification page, linked by its purpose.
    expect(res.body).not.toContain("审计锚点");
    expect(res.body).toContain('href="/public/verify"');
    expect(latinWords(res.body)).toEqual([]);
  });

  it("lists a section's items through the projection, each with its own page", async () => {
    const res = await get("/public/500156/sections/permits");
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("武隆市监许〔2020〕1号");
    expect(res.body).toContain("王*");
    expect(res.body).toContain("决定书文号");
    expect(res.body).toContain("2020年"); // dates in Chinese
    expect(latinWords(res.body)).toEqual([]);
    const one = await get(`/public/500156/sections/permits/${ids[0]}`);
    expect(one.statusCode).toBe(200);
    expect(one.body).toContain("<h1>武隆市监许〔2020〕");
    expect(one.body).toContain("食品经营许可事项0");
  });

  it("shows no record that its projection does not publish, and no section not declared", async () => {
    const open = await get(`/public/500156/sections/permits/${ids[2]}`);
    expect(open.statusCode).toBe(404);
    expect(open.headers["content-type"]).toMatch(/text\/html/);
    // The old generic lists are gone: an example type is not reachable by its code.
    expect((await get("/public/500156/cases/example_permit")).statusCode).toBe(404);
    expect((await get("/public/500156/sections/example_review")).statusCode).toBe(404);
    const api = (await get("/public/api/500156/cases/example_permit")).json();
    expect(api.total).toBe(2);
    expect(Object.keys(api.items[0]).sort()).toEqual([
      "applicant",
      "decidedOn",
      "id",
      "item",
      "number",
      "summary",
    ]);
  });

  it("shows officials acting in office with their certificate numbers, never their ID or phone", async () => {
    const res = await get("/public/500156/sections/officers");
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("张执法");
    expect(res.body).toContain("50156001");
    expect(res.body).toContain("执法证号");
    expect(res.body).not.toContain("13700001111");
    // A section without item pages has none.
    expect((await get("/public/500156/sections/officers/1")).statusCode).toBe(404);
    const api = (await get("/public/api/500156/registers/example_officer")).json();
    expect(Object.keys(api.items[0]).sort()).toEqual(["certificateNo", "id", "name", "validTo"]);
  });

  it("paginates compactly and refuses a page past the end", async () => {
    const res = await get("/public/500156/sections/permits?page=1");
    expect(res.body).not.toContain('class="pager"'); // two items: one page
    expect((await get("/public/500156/sections/permits?page=9")).statusCode).toBe(404);
  });

  it("search: finds public records only, filtered by section, body and date", async () => {
    const q = (params: string) => get(`/public/500156/search?q=${encodeURI("许可事项")}${params}`);
    const all = await q("");
    expect(all.statusCode).toBe(200);
    expect(all.body).toContain("找到 2 条结果");
    expect(all.body).toContain(`/public/500156/sections/permits/${ids[0]}`);
    expect(all.body).not.toContain("食品经营许可事项2"); // not public
    // The body filter lists the bodies register's names, in full.
    expect(all.body).toContain("重庆市武隆区市场监管局");
    expect(all.body).toContain("重庆市武隆区生态环境局");
    expect((await q("&section=permits")).body).toContain("找到 2 条结果");
    expect((await q("&section=officers")).body).toContain("没有找到相关内容");
    expect((await q("&body=scjgj")).body).toContain("找到 2 条结果");
    expect((await q("&body=sthjj")).body).toContain("没有找到相关内容");
    expect((await q("&from=2020-10-01&to=2020-10-31")).body).toContain("找到 2 条结果");
    expect((await q("&from=2020-11-01")).body).toContain("没有找到相关内容");
    expect((await q("&to=2020-10-11")).body).toContain("没有找到相关内容");
    // An unknown section or body finds nothing (never an error).
    expect((await q("&section=example_review")).body).toContain("没有找到相关内容");
    expect((await q("&body=nobody")).body).toContain("没有找到相关内容");
    // The form is labelled (every control has a label).
    for (const id of ["q", "section", "body", "from", "to"])
      expect(all.body).toContain(`<label for="${id}">`);
  });

  it("error pages: Chinese HTML for the portal's addresses, JSON for its API", async () => {
    for (const url of [
      "/public/999999",
      "/public/abc",
      "/public/500156/nothing-here",
      "/public/500156/sections/permits/abc",
      "/public/500156/stages/nowhere",
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers["content-type"], url).toMatch(/text\/html/);
      expect(res.body, url).toContain("页面不存在");
      expect(res.body, url).toContain('<html lang="zh-CN">');
      expect(latinWords(res.body), url).toEqual([]);
    }
    for (const url of [
      "/public/500156/search?from=2020-02-30",
      "/public/500156/sections/permits?page=0",
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.headers["content-type"], url).toMatch(/text\/html/);
      expect(res.body, url).toContain("地址有误");
      expect(latinWords(res.body), url).toEqual([]);
    }
    const api = await get("/public/api/999999/search?q=x");
    expect(api.statusCode).toBe(404);
    expect(api.headers["content-type"]).toMatch(/application\/json/);
  });

  it("the annual report: a placeholder that says it is not yet published", async () => {
    const res = await get("/public/500156/report");
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("年度报告尚未在本平台发布");
    expect(res.body).toContain("第二十四条");
  });

  it("the verification page keeps the signed anchors, and the old address leads to it", async () => {
    const res = await get("/public/verify");
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("公开数据防篡改核验");
    const old = await get("/public/audit");
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe("/public/verify");
  });

  it("masking scanner: no public page or public API response carries a private party's name, ID or phone", async () => {
    const r = await scanPublic(
      t.app,
      parties,
      ["/public", "/public/verify"],
      ["/public/api/500156/cases/example_permit", "/public/audit/anchors.json?region=500156"],
    );
    expect(r.visited.length).toBeGreaterThan(6);
    expect(r.visited).toContain(`/public/500156/sections/permits/${ids[0]}`);
    // The decision summary quotes the applicant's name: the projection must not leak it.
    expect(r.leaks).toEqual([]);
  });
});
