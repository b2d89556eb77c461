import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RANKING } from "../../../src/engines/search/query.ts";
import { tsvectorOf } from "../../../src/engines/search/text.ts";
import { type Session, type TestApp, testApp } from "../../support/app.ts";
import { searchFixture } from "./fixture.ts";

/**
 * A common term (issue 9): past the threshold of estimated matches, the search ranks
 * the newest matching documents only (migration 0026, `fazhi_search_top`) and says so —
 * 20 hits, all among the newest, and the note; the visibility is the policy's: another
 * unit's cases, another region's documents and documents without a record never appear.
 */
let t: TestApp;
const u: Record<string, number> = {};
let market: Session;
let transport: Session;
let office: Session;
const saved = { ...RANKING };
/** Ranked among the newest RECENT matches once more than COMMON are expected. */
const COMMON = 30;
const RECENT = 40;
const NOTE = "结果较多，显示较新内容中最相关的 20 条，可加上更多关键词缩小范围";

type Hit = { kind: string; id: string; title: string; score: number; date: string | null };
type Found = { hits: Hit[]; note?: { zh: string; en: string } };

/** `n` cases of a unit with their internal and public documents, dated from `first` on. */
async function cases(
  region: string,
  unit: number,
  n: number,
  first: string,
  text: string,
  every = 1,
) {
  const rows = Array.from({ length: n }, (_, i) => {
    const day = new Date(Date.parse(`${first}T00:00:00Z`) + i * 86_400_000)
      .toISOString()
      .slice(0, 10);
    // Every third mentions the term in its title too (ranked higher), unless only every
    // `every`-th mentions it at all.
    const title = every === 1 && i % 3 === 0 ? `${text}决定书第${i}号` : `处理决定第${i}号`;
    const body = i % every === 0 ? `依法${text}，责令改正。第${i}号` : `责令改正。第${i}号`;
    return {
      day,
      title,
      body,
      tokens: tsvectorOf([
        { text: title, weight: "A" },
        { text: body, weight: "D" },
      ]),
    };
  });
  const ids: number[] = [];
  for (const r of rows) {
    const c = await sql<{ id: number }>`
      insert into case_file (region_code, case_type, unit_id, state, title, opened_on,
        created_at, updated_at)
      values (${region}, 'search_note', ${unit}, 'published', ${r.title}, ${r.day}, now(), now())
      returning id`.execute(t.db.owner);
    const id = Number(c.rows[0]!.id);
    ids.push(id);
    for (const audience of ["internal", "public"]) {
      await sql`
        insert into search_doc (region_code, kind, record_id, audience, source, unit_id, status,
          on_date, title, body, tokens, indexed_at)
        values (${region}, 'case', ${id}, ${audience}, 'search_note', ${unit}, 'published',
          ${r.day}, ${r.title}, ${r.body}, ${r.tokens}::tsvector, now())`.execute(t.db.owner);
    }
  }
  return ids;
}

async function find(s: Session | undefined, url: string, query: Record<string, string>) {
  const res = await t.call(s, { method: "GET", url, query });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Found;
}

let marketIds: number[] = [];
let transportIds: number[] = [];
let elsewhereIds: number[] = [];

beforeAll(async () => {
  t = await testApp([searchFixture]);
  u.market = await t.unit("500156", "scjgj");
  u.transport = await t.unit("500156", "jtj");
  u.office = await t.unit("500156", "sfj");
  u.elsewhere = await t.unit("500101", "scjgj");
  await t.user("market", u.market, ["case_handler"]);
  await t.user("transport", u.transport, ["case_handler"]);
  await t.user("office", u.office, ["rule_of_law_office"]);
  market = await t.login("market");
  transport = await t.login("transport");
  office = await t.login("office");
  // The transport bureau's few cases are the oldest; another region's are the newest.
  transportIds = await cases("500156", u.transport, 3, "2019-01-01", "罚款");
  marketIds = await cases("500156", u.market, 60, "2020-01-01", "罚款");
  elsewhereIds = await cases("500101", u.elsewhere, 10, "2024-01-01", "罚款");
  // Documents without a record (nothing may show them), newer than all.
  await sql`
    insert into search_doc (region_code, kind, record_id, audience, source, unit_id, status,
      on_date, title, body, tokens, indexed_at)
    select '500156', 'case', 9000000 + g, a, 'search_note', ${u.market}, 'published',
           date '2025-01-01', '罚款', '罚款', '罚款:1A'::tsvector, now()
      from generate_series(1, 5) g, unnest(array['internal', 'public']) a`.execute(t.db.owner);
  await sql`analyze search_doc`.execute(t.db.owner);
  Object.assign(RANKING, { common: COMMON, recent: RECENT });
}, 120_000);

afterAll(async () => {
  Object.assign(RANKING, saved);
  await t?.close();
});

const ids = (f: Found) => f.hits.filter((h) => h.kind !== "law").map((h) => Number(h.id));

describe("a common term", () => {
  it("the portal ranks the newest matches: 20 hits, all among the newest, and the note", async () => {
    const found = await find(undefined, "/public/api/500156/search", { q: "罚款", kind: "case" });
    expect(found.hits).toHaveLength(20);
    expect(found.note?.zh).toBe(NOTE);
    const newest = marketIds.slice(-RECENT);
    expect(ids(found).every((id) => newest.includes(id))).toBe(true);
    // Ranked among themselves: the ones with the term in the title first, newest first.
    const titled = newest.filter((_, i) => (marketIds.length - RECENT + i) % 3 === 0);
    expect(ids(found).slice(0, titled.length)).toEqual([...titled].reverse());
    const scores = found.hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));

    const page = await t.call(undefined, {
      method: "GET",
      url: "/public/500156/search",
      query: { q: "罚款" },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(NOTE);
  });

  it("a rare term is ranked over all its matches, without the note", async () => {
    const found = await find(undefined, "/public/api/500156/search", { q: "第5号", kind: "case" });
    expect(found.note).toBeUndefined();
    expect(ids(found)).toEqual([marketIds[5]]);
  });

  it("staff see what the policy lets them: a unit never another unit's, nor another region's", async () => {
    const mine = await find(transport, "/api/search", { q: "罚款", kind: "case" });
    // The walk passes the market's 60 newer cases, which the transport bureau may not see.
    expect(ids(mine).sort()).toEqual([...transportIds].sort());
    expect(mine.note).toBeUndefined();

    const theirs = await find(market, "/api/search", { q: "罚款", kind: "case" });
    expect(theirs.hits).toHaveLength(20);
    expect(theirs.note?.zh).toBe(NOTE);
    expect(ids(theirs).every((id) => marketIds.includes(id))).toBe(true);

    const all = await find(office, "/api/search", { q: "罚款", kind: "case", limit: "100" });
    expect(all.hits.length).toBeLessThanOrEqual(RECENT);
    expect(all.note?.zh).toContain("结果较多");
    for (const id of ids(all)) {
      expect(elsewhereIds).not.toContain(id);
      expect(id).toBeLessThan(9000000);
    }
    const pub = await find(undefined, "/public/api/500156/search", { q: "罚款" });
    for (const id of ids(pub)) {
      expect(elsewhereIds).not.toContain(id);
      expect(id).toBeLessThan(9000000);
    }
    // Another region's portal finds its own, and none of Wulong's.
    const there = await find(undefined, "/public/api/500101/search", { q: "罚款", kind: "case" });
    expect(ids(there).sort()).toEqual([...elsewhereIds].sort());
  });

  it("a term of middling frequency: the newest matches found through the index by date, the same as the walk", async () => {
    // 300 newer cases, one in five about dust (扬尘): a fifth of the documents or less,
    // more than √(recent × documents) — searched from a date on through the GIN index.
    const newer = await cases("500156", Number(u.market), 300, "2021-01-01", "扬尘", 5);
    await sql`analyze search_doc`.execute(t.db.owner);
    Object.assign(RANKING, { common: 30, recent: 5 });
    try {
      const dusty = newer.filter((_, i) => i % 5 === 0);
      const found = await find(undefined, "/public/api/500156/search", { q: "扬尘", kind: "case" });
      expect(found.note?.zh).toContain("结果较多");
      expect(ids(found).sort()).toEqual(dusty.slice(-5).sort());
      const office_ = await find(office, "/api/search", { q: "扬尘", kind: "case" });
      expect(ids(office_).sort()).toEqual(dusty.slice(-5).sort());
      expect((await find(transport, "/api/search", { q: "扬尘", kind: "case" })).hits).toEqual([]);
    } finally {
      Object.assign(RANKING, { common: COMMON, recent: RECENT });
    }
  });
});
