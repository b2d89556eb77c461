/**
 * 100,000 public search documents in one district, for the search benchmark (issue 9:
 * "Chinese search over all laws and 100,000 documents against a sequential scan").
 *
 * A search document is visible when its record is (migration 0006: the policy asks the
 * record's table), so each document has a record: a closed case of the undeclared type
 * `bench_document` in its own unit, written in SQL. The texts are generated from phrases
 * of normative documents and decisions (deterministic), tokenised by the product's own
 * tokenizer (`tsvectorOf`), and written 2,000 at a time. Resumable: only the missing
 * documents are added.
 */
import { sql } from "kysely";
import type { Database } from "../server/src/db/connection.ts";
import { tsvectorOf } from "../server/src/engines/search/index.ts";

export const BENCH_DOC_TYPE = "bench_document";

const ISSUERS = [
  "区人民政府",
  "区市场监管局",
  "区司法局",
  "区生态环境局",
  "区交通局",
  "区卫生健康委",
  "区应急管理局",
  "区住房城乡建设委",
];
const KINDS = ["通知", "决定", "办法", "实施意见", "规定", "批复"];
const TOPICS = [
  "行政处罚裁量基准",
  "营业执照办理",
  "食品安全监督抽检",
  "安全生产检查",
  "听证程序",
  "罚款收缴",
  "当场处罚",
  "行政许可事项清单",
  "重大行政决策程序",
  "规范性文件备案审查",
  "证明事项告知承诺",
  "校外培训机构管理",
  "建筑施工扬尘治理",
  "农村集体资产管理",
  "道路运输经营",
  "药品零售监督",
];
const SENTENCES = [
  "为进一步规范{t}工作，根据有关法律法规，结合本区实际，制定本{k}。",
  "各单位应当严格依照法定权限和程序履行职责，做到严格规范公正文明执法。",
  "对违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚。",
  "当事人有权进行陈述和申辩，要求听证的，应当在规定期限内提出。",
  "罚款决定书应当载明罚款数额、缴纳期限和收缴机关。",
  "本{k}自印发之日起施行，由{i}负责解释。",
  "对{t}中发现的问题，应当及时移送有关部门依法处理。",
  "办理营业执照及相关许可，申请人可以通过政务服务网办理。",
  "各乡镇人民政府、街道办事处和区级有关部门要加强协调配合。",
  "执法人员当场作出行政处罚决定的，应当向当事人出示执法证件。",
];

function rng(seed: number) {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let x = Math.imul(s ^ (s >>> 15), 1 | s);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The i-th generated document: the same title and body for the same i. */
export function benchDocument(i: number): { title: string; body: string; onDate: string } {
  const r = rng(i + 1);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const t = pick(TOPICS);
  const k = pick(KINDS);
  const issuer = pick(ISSUERS);
  const year = 2010 + (i % 12);
  const sentences = Array.from({ length: 3 + Math.floor(r() * 5) }, () =>
    pick(SENTENCES).replaceAll("{t}", t).replaceAll("{k}", k).replaceAll("{i}", issuer),
  );
  return {
    title: `${issuer}关于${t}的${k}（${year}年第${(i % 997) + 1}号）`,
    body: sentences.join(""),
    onDate: `${year}-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`,
  };
}

/** Make `n` public documents exist in `region` (adds the missing ones); returns the time, ms. */
export async function ensureSearchDocs(
  db: Database,
  region: string,
  n: number,
  progress?: (done: number) => void,
): Promise<number> {
  const t0 = performance.now();
  const unit = await db.owner
    .insertInto("unit")
    .values({
      region_code: region,
      code: "bench-docs",
      name_zh: "文件基准",
      name_en: "Documents bench",
      kind: "department",
      parent_id: null,
    })
    .onConflict((oc) => oc.doNothing())
    .returning("id")
    .executeTakeFirst();
  const unitId =
    unit?.id ??
    (
      await db.owner
        .selectFrom("unit")
        .select("id")
        .where("region_code", "=", region)
        .where("code", "=", "bench-docs")
        .executeTakeFirstOrThrow()
    ).id;
  const have = Number(
    (
      await sql<{ n: number }>`select count(*)::int as n from case_file
        where region_code = ${region} and case_type = ${BENCH_DOC_TYPE}`.execute(db.owner)
    ).rows[0]!.n,
  );
  const BATCH = 2000;
  for (let from = have; from < n; from += BATCH) {
    const docs = Array.from({ length: Math.min(BATCH, n - from) }, (_, k) => {
      const d = benchDocument(from + k);
      return {
        ...d,
        tokens: tsvectorOf([
          { text: d.title, weight: "A" },
          { text: d.body, weight: "D" },
        ]),
      };
    });
    await db.owner.transaction().execute(async (trx) => {
      const ids = await sql<{ id: number }>`
        insert into case_file (region_code, case_type, unit_id, state, title, fields, numbers,
          opened_on, closed_on, created_at, updated_at)
        select ${region}, ${BENCH_DOC_TYPE}, ${unitId}, 'closed', d.title, '{}', '{}',
          d."onDate", d."onDate", now(), now()
          from jsonb_to_recordset(${JSON.stringify(docs)}::jsonb) as d(title text, "onDate" date)
        returning id`.execute(trx);
      // Which case carries which document does not matter: each needs a record of its own.
      const rows = docs.map((d, k) => ({ ...d, id: ids.rows[k]!.id }));
      await sql`
        insert into search_doc (region_code, kind, record_id, audience, source, unit_id, status,
          on_date, title, body, tokens, indexed_at)
        select ${region}, 'document', d.id, 'public', ${BENCH_DOC_TYPE}, ${unitId}, 'closed',
          d."onDate", d.title, d.body, d.tokens::tsvector, now()
          from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
            as d(id bigint, "onDate" date, title text, body text, tokens text)`.execute(trx);
    });
    progress?.(Math.min(n, from + BATCH));
  }
  await sql`analyze case_file`.execute(db.owner);
  await sql`analyze search_doc`.execute(db.owner);
  return performance.now() - t0;
}

/**
 * The portal's Chinese search alone, on DATABASE_URL's server (migrated, the law library
 * and the 100,000 documents added if missing), as in `bench/scale.ts` ("Chinese search"):
 * the portal API's p95 against a sequential `LIKE` scan's p95, interleaved, and the
 * documents' previous query (every match read back under the policy and ranked) in the
 * same run:
 *
 *   DATABASE_URL=postgres://… node --import tsx bench/search-docs.ts [--rounds 7]
 */
async function measure(rounds: number) {
  const { loadConfig } = await import("../server/src/db/config.ts");
  const { openDatabase } = await import("../server/src/db/connection.ts");
  const { withScope } = await import("../server/src/db/scope.ts");
  const { createRegistry } = await import("../server/src/engines/registry.ts");
  const { ensureLawLibrary, parseQuery } = await import("../server/src/engines/search/index.ts");
  const { buildApp } = await import("../server/src/http/app.ts");
  const { MODULES } = await import("../server/src/modules/index.ts");
  const os = await import("node:os");
  const path = await import("node:path");
  const region = "500156";
  const config = loadConfig({
    DATABASE_URL: process.env.DATABASE_URL,
    FAZHI_DATA_DIR: path.join(os.tmpdir(), "fazhi-search-docs"),
  });
  const db = await openDatabase(config);
  try {
    await ensureLawLibrary(db.owner, new Date());
    await ensureSearchDocs(db, region, 100_000, (n) => {
      if (n % 20_000 === 0) process.stderr.write(`${n} documents\n`);
    });
    const app = await buildApp({
      db,
      config,
      clock: () => new Date("2021-01-31T02:00:00Z"),
      registry: createRegistry([...MODULES]),
    });
    const terms = ["行政处罚", "听证", "罚款", "营业执照", "当场", "扬尘", "告知承诺"];
    const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1]!;
    const ms = { scan: [] as number[], search: [] as number[], previous: [] as number[] };
    // One unmeasured pass (the pools' connections, the plans, the caches).
    for (const q of terms) {
      await app.inject({
        method: "GET",
        url: `/public/api/${region}/search?q=${encodeURIComponent(q)}`,
      });
    }
    const n = Math.max(14, rounds * terms.length);
    const slow: [number, string][] = [];
    for (let k = 0; k < n; k++) {
      const q = terms[k % terms.length]!;
      let t0 = performance.now();
      await sql`select law_code, article_no from law_article where text like ${`%${q}%`}
        union all select kind, record_id from search_doc
         where region_code = ${region} and audience = 'public' and body like ${`%${q}%`}`.execute(
        db.owner,
      );
      ms.scan.push(performance.now() - t0);
      t0 = performance.now();
      const res = await app.inject({
        method: "GET",
        url: `/public/api/${region}/search?q=${encodeURIComponent(q)}`,
      });
      if (res.statusCode !== 200) throw new Error(`search: ${res.body.slice(0, 300)}`);
      ms.search.push(performance.now() - t0);
      slow.push([performance.now() - t0, q]);
      // The documents' query before migration 0026 (laws not included: a lower bound).
      if (k < terms.length * 2) {
        const p = parseQuery(q);
        t0 = performance.now();
        await withScope(
          db.app,
          { regions: [region], unitId: undefined, userId: undefined },
          (trx) =>
            sql`select kind, record_id, title, body,
                ts_rank(tokens, ${p.rankQuery}::tsquery)::float8 as score
              from search_doc
             where (region_code, kind, record_id) in
                   (select * from fazhi_search_match(${p.tsquery}::tsquery, 'public'))
               and audience = 'public' and region_code = ${region}
             order by score desc, record_id desc limit 20`.execute(trx),
        );
        ms.previous.push(performance.now() - t0);
      }
    }
    const load = os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(" ");
    const line = (name: string, xs: number[]) =>
      `${name.padEnd(44)} ${(p95(xs) / p95(ms.scan)).toFixed(3)} (${p95(xs).toFixed(1)} ms vs ${p95(ms.scan).toFixed(1)} ms)`;
    process.stdout.write(
      `${line("search p95 / sequential scan p95", ms.search)}\n${line("previous documents query p95 / scan p95", ms.previous)}\nslowest searches: ${slow
        .sort((a, b) => b[0] - a[0])
        .slice(0, 4)
        .map(([t, q]) => `${q} ${t.toFixed(0)} ms`)
        .join(", ")}\nload average ${load}\n`,
    );
    await app.close();
  } finally {
    await db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { parseArgs } = await import("node:util");
  const { values } = parseArgs({ options: { rounds: { type: "string", default: "7" } } });
  await measure(Number(values.rounds));
}
