/**
 * The decisions demo (with the directory): the seed's figures of 一(四)2 and 一(五) — 101
 * risk assessments filed, 7 legal advisers — and the catalogue and decisions, computed by
 * the indicator engine from the records; the complete decision's dossier downloads with
 * every step; the portal lists the published decisions and the catalogue.
 */
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../../src/engines/demo/declare.ts";
import { loadDemo } from "../../../src/engines/demo/loader.ts";
import { createRegistry } from "../../../src/engines/registry.ts";
import { decisionsModule } from "../../../src/modules/decisions/index.ts";
import { directoryModule } from "../../../src/modules/directory/index.ts";
import type { Session, TestApp } from "../../support/app.ts";
import { testApp } from "../../support/app.ts";
import { scanPublic } from "../../support/masking-scanner.ts";

const modules = [directoryModule, decisionsModule];
const registry = createRegistry(modules);

let t: TestApp;
let office: Session;
let ms = 0;

beforeAll(async () => {
  t = await testApp(modules);
  t.clock.t = new Date("2021-01-31T01:00:00Z");
  const result = await loadDemo(t.db, registry, { seed: "wulong-2020", keyDir: t.config.keyDir });
  ms = result.contributions.find((c) => c.id === "decisions")?.ms ?? 0;
  office = await t.login("wl.yfzqb.office", DEMO_PASSWORD);
}, 600_000);
afterAll(async () => t?.close());

describe("the decisions demo", () => {
  it("gives the seed's figures from the records", async () => {
    const res = await t.call(office, {
      method: "GET",
      url: "/api/indicators/values?region=500156&year=2020",
    });
    expect(res.statusCode, res.body).toBe(200);
    const v = Object.fromEntries(
      (res.json().values as { id: string; value: number }[]).map((x) => [x.id, x.value]),
    );
    expect({
      risk_assessments_filed: v.risk_assessments_filed,
      legal_advisers: v.legal_advisers,
      major_decisions_catalogued: v.major_decisions_catalogued,
      major_decisions_decided: v.major_decisions_decided,
      major_decisions_comment_30_days: v.major_decisions_comment_30_days,
      major_decisions_published: v.major_decisions_published,
      major_decisions_post_evaluation: v.major_decisions_post_evaluation,
    }).toEqual({
      risk_assessments_filed: 101,
      legal_advisers: 7,
      major_decisions_catalogued: 6,
      major_decisions_decided: 3,
      major_decisions_comment_30_days: 3,
      major_decisions_published: 2,
      major_decisions_post_evaluation: 1,
    });
    // Loaded well within its budget (40 s on a quiet machine; measured, not asserted tightly).
    expect(ms).toBeLessThan(120_000);
  });

  it("downloads the complete decision's dossier and shows the published ones on the portal", async () => {
    const list = await t.call(office, {
      method: "GET",
      url: "/api/cases/major_decision?state=closed",
    });
    expect(list.statusCode, list.body).toBe(200);
    const closed = (list.json().items as { id: number; state: string }[]).find(
      (c) => c.state === "closed",
    );
    expect(closed).toBeDefined();
    const zip = await t.call(office, {
      method: "GET",
      url: `/api/cases/major_decision/${closed!.id}/dossier.zip`,
    });
    expect(zip.statusCode).toBe(200);
    const names = Object.keys(unzipSync(new Uint8Array(zip.rawPayload)));
    expect(names).toContain("00-目录.txt");
    expect(names.filter((n) => /^\d\d-/.test(n)).length).toBeGreaterThanOrEqual(16);
    const portal = await t.call(undefined, {
      method: "GET",
      url: "/public/500156/sections/published_decisions",
    });
    expect(portal.statusCode).toBe(200);
    expect(portal.body).toContain("武隆区城区生活垃圾分类实施方案");
    expect(portal.body).not.toContain("武隆区国土空间总体规划");
    const catalogue = await t.call(undefined, {
      method: "GET",
      url: "/public/500156/sections/decision_catalogue",
    });
    expect(catalogue.body).toContain("武隆区城区机动车停放服务收费管理办法");
  });

  it("keeps the internal deliberation off the public pages (the masking scanner)", async () => {
    // Experts, advisers, hearing participants and a dissenting member are internal.
    const people = ["周立群", "唐明华", "冉建国", "夏磊", "市民代表冉某", "赵勇"].map((name) => ({
      name,
    }));
    const scan = await scanPublic(
      t.app,
      people,
      ["/public/500156/sections/published_decisions", "/public/500156/sections/decision_catalogue"],
      ["/public/api/500156/search?q=%E5%85%AC%E5%85%B1%E4%BA%A4%E9%80%9A"],
    );
    expect(scan.visited.length).toBeGreaterThan(4);
    expect(scan.leaks).toEqual([]);
  });

  it("is found by search: the office finds a draft, the portal finds published decisions only", async () => {
    const q = encodeURIComponent("游客承载量");
    const internal = await t.call(office, { method: "GET", url: `/api/search?q=${q}` });
    expect(internal.statusCode, internal.body).toBe(200);
    expect(internal.body).toContain("仙女山国家森林公园旅游资源保护利用办法");
    const outside = await t.call(undefined, {
      method: "GET",
      url: `/public/api/500156/search?q=${q}`,
    });
    expect(outside.statusCode).toBe(200);
    expect(outside.body).not.toContain("仙女山国家森林公园旅游资源保护利用办法");
    const published = await t.call(undefined, {
      method: "GET",
      url: `/public/api/500156/search?q=${encodeURIComponent("一票制")}`,
    });
    expect(published.body).toContain("武隆区城区公共交通线网优化方案");
  });
});
