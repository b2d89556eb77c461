import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { examplesModule } from "../fixtures/examples/index.ts";
import { type TestApp, testApp } from "../support/app.ts";
import { type PrivateParty, scanPublic } from "../support/masking-scanner.ts";

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

beforeAll(async () => {
  t = await testApp([examplesModule]);
  const unit = await t.unit("500156", "scjgj");
  await t.user("handler", unit, ["case_handler"]);
  await t.user("reviewer", unit, ["legal_reviewer"]);
  t.clock.t = new Date("2020-11-20T02:00:00Z");
  const h = await t.login("handler");
  const r = await t.login("reviewer");
  for (const o of officers) {
    const res = await t.call(h, {
      method: "POST",
      url: "/api/registers/example_officer/entries",
      payload: { data: o },
    });
    expect(res.statusCode, res.body).toBeLessThan(300);
  }
  for (const [i, p] of parties.entries()) {
    const c = (
      await t.call(h, {
        method: "POST",
        url: "/api/cases/example_permit",
        payload: {
          fields: { applicant: p, item: `许可事项${i}`, category: "market" },
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

describe("public portal", () => {
  it("lists public cases through their projection, server-rendered", async () => {
    const res = await t.app.inject({ method: "GET", url: "/public/500156/cases/example_permit" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/text\/html/);
    expect(res.body).toContain("武隆市监许〔2020〕1号");
    expect(res.body).toContain("王*");
    expect(res.body).toContain("决定书文号");
    const en = await t.app.inject({
      method: "GET",
      url: "/public/500156/cases/example_permit?lang=en",
    });
    expect(en.body).toContain("Decision number");
  });

  it("shows no case that its projection does not publish", async () => {
    const open = await t.app.inject({
      method: "GET",
      url: `/public/500156/cases/example_permit/${ids[2]}`,
    });
    expect(open.statusCode).toBe(404);
    const api = (
      await t.app.inject({ method: "GET", url: "/public/api/500156/cases/example_permit" })
    ).json();
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
    const res = await t.app.inject({
      method: "GET",
      url: "/public/500156/registers/example_officer",
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("张执法");
    expect(res.body).toContain("50156001");
    expect(res.body).toContain("执法证号");
    const api = (
      await t.app.inject({ method: "GET", url: "/public/api/500156/registers/example_officer" })
    ).json();
    expect(Object.keys(api.items[0]).sort()).toEqual(["certificateNo", "id", "name", "validTo"]);
  });

  it("a private type or unknown region is 404", async () => {
    expect(
      (await t.app.inject({ method: "GET", url: "/public/500156/cases/example_review" }))
        .statusCode,
    ).toBe(404);
    expect((await t.app.inject({ method: "GET", url: "/public/999999" })).statusCode).toBe(404);
  });

  it("masking scanner: no public page or public API response carries a private party's name, ID or phone", async () => {
    const r = await scanPublic(
      t.app,
      parties,
      ["/public", "/public?lang=en", "/public/audit"],
      ["/public/api/500156/cases/example_permit", "/public/audit/anchors.json?region=500156"],
    );
    expect(r.visited.length).toBeGreaterThan(6);
    expect(r.visited).toContain(`/public/500156/cases/example_permit/${ids[0]}?lang=zh`);
    // The decision summary quotes the applicant's name: the projection must not leak it.
    expect(r.leaks).toEqual([]);
  });
});
