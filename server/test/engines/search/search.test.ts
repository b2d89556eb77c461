import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withScope } from "../../../src/db/scope.ts";
import { ensureLawLibrary } from "../../../src/engines/search/laws.ts";
import { docQuery, SearchQuery } from "../../../src/engines/search/query.ts";
import { parseQuery } from "../../../src/engines/search/text.ts";
import { type Session, type TestApp, testApp } from "../../support/app.ts";
import { searchFixture } from "./fixture.ts";

/**
 * Full-text search over HTTP: the GIN index serves two-character queries (the plan shows
 * it), row-level security (a unit never finds another unit's case), the portal sees only
 * public projections, filters, snippets, the law library (the hearing articles of the
 * penalty law first for 行政处罚 听证) and citations.
 */
let t: TestApp;
const u: Record<string, number> = {};
let market: Session;
let transport: Session;
let office: Session;

type Hit = { kind: string; id: string; title: string; snippet: string; score: number };

async function find(s: Session, query: Record<string, string>) {
  const res = await t.call(s, { method: "GET", url: "/api/search", query });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { hits: Hit[] }).hits;
}

async function open(s: Session, fields: Record<string, unknown>, onDate = "2020-05-20") {
  const res = await t.call(s, {
    method: "POST",
    url: "/api/cases/search_note",
    payload: { fields, onDate },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; version: number };
}

beforeAll(async () => {
  t = await testApp([searchFixture]);
  await ensureLawLibrary(t.db.owner, new Date("2020-06-01T00:00:00Z"));
  u.market = await t.unit("500156", "scjgj");
  u.transport = await t.unit("500156", "jtj");
  u.office = await t.unit("500156", "sfj");
  await t.user("market", u.market, ["case_handler"]);
  await t.user("transport", u.transport, ["case_handler"]);
  await t.user("office", u.office, ["rule_of_law_office"]);
  market = await t.login("market");
  transport = await t.login("transport");
  office = await t.login("office");
}, 120_000);

afterAll(async () => t?.close());

describe("the index", () => {
  it("a two-character query uses the GIN index (the plan shows a Bitmap Index Scan on it)", async () => {
    for (let i = 0; i < 30; i++) {
      await open(market, {
        subject: i % 3 === 0 ? `法治建设第${i}号` : `道路运输第${i}号`,
        facts: "检查记录",
        party: { name: `当事人${i}` },
      });
    }
    const p = parseQuery("法治");
    expect(p.tsquery).toBe("'法治'");
    // Under row-level security @@ cannot be an index condition, so the lookup runs in
    // fazhi_search_match (as the owner, keys only); its statement uses the index…
    const def = await sql<{ d: string }>`
      select pg_get_functiondef('fazhi_search_match(tsquery, text)'::regprocedure) as d`.execute(
      t.db.owner,
    );
    expect(def.rows[0]?.d).toContain("d.tokens @@ q");
    // A district's worth of other documents (the planner picks the index once the
    // region holds more than a handful of rows).
    await sql`
      insert into search_doc (region_code, kind, record_id, audience, source, unit_id, status,
                              on_date, title, body, tokens, indexed_at)
      select '500156', 'register', 1000000 + g, 'internal', 'filler', ${u.market}, null, null,
             '道路运输', '道路运输', ('道路:1 路运:2 运输:3 ' || g || ':4')::tsvector, now()
        from generate_series(1, 3000) g`.execute(t.db.owner);
    await sql`analyze search_doc`.execute(t.db.owner);
    const plan = await t.db.owner.transaction().execute(async (trx) => {
      await sql`select set_config('fazhi.regions', '500156', true)`.execute(trx);
      await sql`set local enable_seqscan = off`.execute(trx);
      const { rows } = await sql<{ "QUERY PLAN": string }>`
        explain select d.region_code, d.kind, d.record_id from search_doc d
         where d.tokens @@ ${p.tsquery}::tsquery and d.audience = 'internal'
           and d.region_code = any(fazhi_regions())`.execute(trx);
      return rows.map((r) => r["QUERY PLAN"]).join("\n");
    });
    expect(plan).toContain("Bitmap Index Scan on search_doc_tokens");
    // …and the engine's query goes through the same lookup (migration 0026: ranked in
    // fazhi_search_top, whose rarer terms are found with d.tokens @@ q).
    const f = SearchQuery.parse({ q: "法治" });
    const compiled = docQuery(t.db.app, p, f, "internal").compile();
    expect(compiled.sql).toContain("fazhi_search_top(");
    const top = await sql<{ d: string }>`
      select pg_get_functiondef('fazhi_search_top'::regproc) as d`.execute(t.db.owner);
    expect(top.rows[0]?.d).toContain("d.tokens @@ q");

    const lawPlan = await t.db.owner.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      const { rows } = await sql<{ "QUERY PLAN": string }>`
        explain select law_code, article_no from law_article where tokens @@ ${p.tsquery}::tsquery`.execute(
        trx,
      );
      return rows.map((r) => r["QUERY PLAN"]).join("\n");
    });
    expect(lawPlan).toContain("Bitmap Index Scan on law_article_tokens");

    const hits = await find(market, { q: "法治", kind: "case" });
    expect(hits).toHaveLength(10);
    expect(hits[0]?.snippet).toContain("<mark>法治</mark>");
  });

  it("a unit does not find another unit's case; the region's office finds both", async () => {
    const mine = await open(market, {
      subject: "食品抽检不合格",
      facts: "冷链仓库温度超标",
      party: { name: "张某" },
    });
    const theirs = await open(transport, {
      subject: "超限运输",
      facts: "冷链车辆超载",
      party: { name: "李某" },
    });
    const ids = (hits: Hit[]) => hits.map((h) => h.id);
    expect(ids(await find(market, { q: "冷链" }))).toEqual([String(mine.id)]);
    expect(ids(await find(transport, { q: "冷链" }))).toEqual([String(theirs.id)]);
    expect(ids(await find(office, { q: "冷链" })).sort()).toEqual(
      [String(mine.id), String(theirs.id)].sort(),
    );
    // The search table itself answers the same to the app role under the unit's scope.
    const n = await withScope(
      t.db.app,
      { regions: ["500156"], unitId: u.transport, userId: undefined },
      (trx) =>
        trx.selectFrom("search_doc").select("record_id").where("record_id", "=", mine.id).execute(),
    );
    expect(n).toEqual([]);
  });

  it("finds a case by a declared field and its party's name, never by an encrypted ID number", async () => {
    const c = await open(market, {
      subject: "价格违法",
      facts: "明码标价不规范",
      party: { name: "欧阳娜娜", idNumber: "11010519491231002X" },
    });
    expect((await find(market, { q: "明码标价" })).map((h) => h.id)).toContain(String(c.id));
    expect((await find(market, { q: "欧阳" })).map((h) => h.id)).toContain(String(c.id));
    expect(await find(market, { q: "11010519491231002X" })).toEqual([]);
    expect(await find(market, { q: "11010519491231002x" })).toEqual([]);
  });

  it("a step re-indexes the case (state filter), and filters by kind, unit, state and date", async () => {
    const c = await open(
      market,
      { subject: "广告违法", facts: "虚假宣传", party: { name: "王某" } },
      "2020-05-10",
    );
    expect(await find(market, { q: "虚假宣传", status: "published" })).toEqual([]);
    const res = await t.call(market, {
      method: "POST",
      url: `/api/cases/search_note/${c.id}/actions/publish`,
      payload: { version: c.version, onDate: "2020-05-25" },
    });
    expect(res.statusCode, res.body).toBe(200);
    const id = String(c.id);
    expect((await find(market, { q: "虚假宣传", status: "published" })).map((h) => h.id)).toEqual([
      id,
    ]);
    expect(await find(market, { q: "虚假宣传", kind: "register" })).toEqual([]);
    expect(await find(office, { q: "虚假宣传", unitId: String(u.transport) })).toEqual([]);
    expect(
      (await find(office, { q: "虚假宣传", unitId: String(u.market) })).map((h) => h.id),
    ).toEqual([id]);
    expect(await find(market, { q: "虚假宣传", from: "2020-05-11" })).toEqual([]);
    expect(
      (await find(market, { q: "虚假宣传", from: "2020-05-10", to: "2020-05-10" })).map(
        (h) => h.id,
      ),
    ).toEqual([id]);
  });

  it("register entries: found as the register's visibility allows, deleted ones gone", async () => {
    const res = await t.call(market, {
      method: "POST",
      url: "/api/registers/search_ledger/entries",
      payload: {
        data: { name: "武隆区冷库台账", note: "液氨制冷", idNumber: "500102199001011234" },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const entry = res.json() as { id: number };
    const hits = await find(market, { q: "液氨", kind: "register" });
    expect(hits.map((h) => [h.kind, h.id, h.title])).toEqual([
      ["register", String(entry.id), "武隆区冷库台账"],
    ]);
    expect(await find(transport, { q: "液氨" })).toEqual([]);
    expect(await find(market, { q: "500102199001011234" })).toEqual([]);
    const del = await t.call(market, {
      method: "DELETE",
      url: `/api/registers/search_ledger/entries/${entry.id}`,
    });
    expect(del.statusCode, del.body).toBeLessThan(300);
    expect(await find(market, { q: "液氨" })).toEqual([]);
    const left = await t.db.owner
      .selectFrom("search_doc")
      .select("record_id")
      .where("kind", "=", "register")
      .where("record_id", "=", entry.id)
      .execute();
    expect(left).toEqual([]);
  });

  it("refuses the anonymous (401) and administrators without record.read (403)", async () => {
    const anon = await t.call(undefined, {
      method: "GET",
      url: "/api/search",
      query: { q: "法治" },
    });
    expect(anon.statusCode).toBe(401);
    await t.user("auditor", u.office as number, ["audit_admin"]);
    const auditor = await t.login("auditor");
    const res = await t.call(auditor, { method: "GET", url: "/api/search", query: { q: "法治" } });
    expect(res.statusCode).toBe(403);
  });

  it("refuses a query with nothing to search, naming the field, in Chinese by default", async () => {
    const res = await t.call(market, {
      method: "GET",
      url: "/api/search",
      query: { q: "%_" },
      headers: { "accept-language": "zh-CN" },
    });
    expect(res.statusCode).toBe(422);
    const body = res.json() as { error: { message: string; fields: { field: string }[] } };
    expect(body.error.message).toBe("请输入要搜索的字词");
    expect(body.error.fields[0]?.field).toBe("q");
    const bad = await t.call(market, {
      method: "GET",
      url: "/api/search",
      query: { q: "法治", kind: "nonsense" },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("kind");
  });
});

describe("the law library", () => {
  it("行政处罚 听证: a hearing article of the penalty law (2021 arts. 63–65) first among laws", async () => {
    const hits = await find(market, { q: "行政处罚 听证", kind: "law" });
    expect(hits.length).toBeGreaterThan(0);
    const first = hits[0] as Hit & { law: { code: string; article: number } };
    expect(first.law.code).toBe("admin_penalty_2021");
    expect([63, 64, 65]).toContain(first.law.article);
    expect(first.snippet).toContain("<mark>听证</mark>");
    for (const h of hits) expect(h.kind).toBe("law");
  });

  it("laws come with the records when no kind is given, not when a unit filter is", async () => {
    const hits = await find(market, { q: "听证" });
    expect(hits.some((h) => h.kind === "law")).toBe(true);
    expect(await find(office, { q: "听证", unitId: String(u.market) })).toEqual([]);
  });

  it("an article is citable by law code and number; a missing one is 404 in Chinese", async () => {
    const res = await t.call(market, {
      method: "GET",
      url: "/api/laws/admin_penalty_2021/articles/63",
    });
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json() as { citation: string; text: string; label: string };
    expect(a.citation).toBe("《中华人民共和国行政处罚法》第六十三条");
    expect(a.text).toContain("听证");
    const missing = await t.call(market, {
      method: "GET",
      url: "/api/laws/admin_penalty_2021/articles/999",
      headers: { "accept-language": "zh-CN" },
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain("法规库中没有");
    const list = await t.call(market, { method: "GET", url: "/api/laws" });
    const laws = (list.json() as { laws: { code: string; articles: number }[] }).laws;
    expect(laws.find((l) => l.code === "admin_penalty_2021")?.articles).toBe(86);
  });

  it("loading again is a no-op while the files are unchanged", async () => {
    expect(await ensureLawLibrary(t.db.owner, new Date())).toEqual([]);
  });
});
