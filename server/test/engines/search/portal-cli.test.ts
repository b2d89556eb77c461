import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchVerb } from "../../../src/cli/commands/search.ts";
import { type Session, type TestApp, testApp } from "../../support/app.ts";
import { searchFixture } from "./fixture.ts";

/**
 * The portal's search sees only public projections; the `fazhi search` verb keeps its
 * contract; the case list's `q` takes % and _ literally.
 */
let t: TestApp;
let market: Session;

async function open(fields: Record<string, unknown>) {
  const res = await t.call(market, {
    method: "POST",
    url: "/api/cases/search_note",
    payload: { fields, onDate: "2020-05-20" },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; version: number };
}

async function portal(q: string) {
  const res = await t.call(undefined, {
    method: "GET",
    url: "/public/api/500156/search",
    query: { q },
  });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { hits: { kind: string; id: string; title: string; snippet: string }[] })
    .hits;
}

beforeAll(async () => {
  t = await testApp([searchFixture]);
  const unit = await t.unit("500156", "scjgj");
  await t.user("market", unit, ["case_handler"]);
  market = await t.login("market");
}, 120_000);

afterAll(async () => t?.close());

describe("portal search", () => {
  it("finds a case only once public, and only by its public projection", async () => {
    const c = await open({
      subject: "餐饮油烟<script>超标</script>",
      facts: "油烟净化器未开启",
      party: { name: "司马光明", idNumber: "11010519491231002X" },
    });
    expect(await portal("油烟")).toEqual([]);
    const res = await t.call(market, {
      method: "POST",
      url: `/api/cases/search_note/${c.id}/actions/publish`,
      payload: { version: c.version, onDate: "2020-05-25" },
    });
    expect(res.statusCode, res.body).toBe(200);
    const hits = await portal("油烟");
    expect(hits.map((h) => [h.kind, h.id])).toEqual([["case", String(c.id)]]);
    expect(hits[0]?.snippet).toContain("&lt;script&gt;");
    expect(JSON.stringify(hits)).not.toContain("净化器");
    // Fields outside the projection are not searchable from the portal…
    expect(await portal("净化器")).toEqual([]);
    expect(await portal("司马")).toEqual([]);
    // …though users inside find them.
    const inside = await t.call(market, {
      method: "GET",
      url: "/api/search",
      query: { q: "司马" },
    });
    expect((inside.json() as { hits: { id: string }[] }).hits.map((h) => h.id)).toEqual([
      String(c.id),
    ]);
    const html = await t.call(undefined, {
      method: "GET",
      url: "/public/500156/search",
      query: { q: "油烟" },
    });
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain("<mark>油烟</mark>");
    expect(html.body).not.toContain("<script>超标");
  });

  it("a register entry: its public fields only", async () => {
    const res = await t.call(market, {
      method: "POST",
      url: "/api/registers/search_ledger/entries",
      payload: { data: { name: "仙女山景区游客中心", note: "内部整改意见" } },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect((await portal("仙女山")).map((h) => h.kind)).toEqual(["register"]);
    expect(await portal("整改意见")).toEqual([]);
  });

  it("the law library is public", async () => {
    const { ensureLawLibrary } = await import("../../../src/engines/search/laws.ts");
    await ensureLawLibrary(t.db.owner, new Date());
    const hits = await portal("听证");
    expect(hits.some((h) => h.kind === "law")).toBe(true);
  });
});

describe("fazhi search", () => {
  it("prints a JSON array of {kind, id, title, snippet, score}, best first", async () => {
    let out = "";
    await searchVerb(
      "行政处罚 听证",
      { region: "500156", kind: "law", json: true },
      { config: t.config, extraModules: [searchFixture], out: (s) => (out += s) },
    );
    const hits = JSON.parse(out) as {
      kind: string;
      id: string;
      title: string;
      snippet: string;
      score: number;
    }[];
    expect(hits.length).toBeGreaterThan(0);
    expect(Object.keys(hits[0] ?? {}).sort()).toEqual(["id", "kind", "score", "snippet", "title"]);
    expect(hits[0]?.id).toMatch(/^admin_penalty_2021:6[345]$/);
    for (let i = 1; i < hits.length; i++) {
      expect(hits[i]?.score).toBeLessThanOrEqual(hits[i - 1]?.score ?? 0);
    }
  });

  it("sees the region's cases (region scope), and refuses a bad option naming it", async () => {
    await open({ subject: "渣土运输", facts: "未覆盖篷布", party: { name: "赵某" } });
    let out = "";
    await searchVerb(
      "篷布",
      { region: "500156", json: true },
      { config: t.config, extraModules: [searchFixture], out: (s) => (out += s) },
    );
    expect((JSON.parse(out) as { kind: string; title: string }[]).map((h) => h.title)).toEqual([
      "渣土运输",
    ]);
    await expect(
      searchVerb("篷布", { region: "500156", kind: "people" }, { config: t.config }),
    ).rejects.toThrow(/--kind/);
    await expect(searchVerb("篷布", { region: "5001" }, { config: t.config })).rejects.toThrow(
      /--region/,
    );
  });
});

describe("the case list's q", () => {
  it("takes % and _ literally", async () => {
    const pct = await open({ subject: "达标率100%", party: { name: "甲" } });
    await open({ subject: "达标率1000", party: { name: "乙" } });
    const under = await open({ subject: "编号A_B", party: { name: "丙" } });
    await open({ subject: "编号AxB", party: { name: "丁" } });
    const list = async (q: string) => {
      const res = await t.call(market, {
        method: "GET",
        url: "/api/cases/search_note",
        query: { q },
      });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { items: { id: number }[] }).items.map((i) => i.id);
    };
    expect(await list("100%")).toEqual([pct.id]);
    expect(await list("A_B")).toEqual([under.id]);
    expect(await list("%")).toEqual([pct.id]);
    expect(await list("_")).toEqual([under.id]);
  });
});
