/**
 * Searching: the law library and the search documents, ranked (`ts_rank` over the
 * bigram/word tsvector, title weighted above the body), with snippets around the
 * matched terms (HTML-escaped, matches in <mark>).
 *
 * Users search the 'internal' documents inside their unit of work: the row-level
 * security of search_doc follows each record's own, so a unit never finds another
 * unit's case. The public portal searches the 'public' documents of one region (the
 * public projections only) and the law library.
 */
import { type Kysely, sql, type Transaction } from "kysely";
import { z } from "zod";
import type { DB } from "../../db/schema.ts";
import { withScope } from "../../db/scope.ts";
import { t, ValidationError } from "../../kernel/errors.ts";
import { zt } from "../../kernel/issue-text.ts";
import type { Label } from "../../kernel/labels.ts";
import { isLocalDate } from "../../kernel/time/index.ts";
import type { Registry } from "../registry.ts";
import { SEARCH_KINDS, type SearchKind } from "./declare.ts";
import { hasMatch, type ParsedQuery, parseQuery, snippetOf } from "./text.ts";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day (2020-04-31 is refused here, not by PostgreSQL with a 500). */
const SearchDate = z
  .string()
  .regex(DATE)
  .refine(isLocalDate, zt("不是有效日期（YYYY-MM-DD）", "not a valid date (YYYY-MM-DD)"));

export const SearchQuery = z.object({
  q: z.string().trim().min(1).max(200),
  kind: z.enum(SEARCH_KINDS).optional(),
  /** A case type, register or law code. */
  source: z.string().max(100).optional(),
  unitId: z.coerce.number().int().positive().optional(),
  /** A case state. */
  status: z.string().max(100).optional(),
  /** Opening date (cases) or entry date (registers), inclusive. */
  from: SearchDate.optional(),
  to: SearchDate.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type SearchParams = z.infer<typeof SearchQuery>;

export interface SearchHit {
  kind: SearchKind;
  /** A record's id, or a law article as `<law code>:<article number>`. */
  id: string;
  title: string;
  /** HTML: escaped text with the matches in <mark>. */
  snippet: string;
  score: number;
  /** The case type, register or law code. */
  source: string;
  sourceLabel: Label;
  regionCode: string | null;
  unitId: number | null;
  status: string | null;
  date: string | null;
  /** For laws: the citation. */
  law?: { code: string; article: number; label: string; title: string };
}

function parsed(q: string): ParsedQuery {
  const p = parseQuery(q);
  if (!p.tsquery) {
    throw new ValidationError(t("请输入要搜索的字词", "Enter words to search for"), [
      {
        field: "q",
        message: t("没有可搜索的文字或数字", "has no letters, digits or Chinese characters"),
      },
    ]);
  }
  return p;
}

/** Whether the search reaches the law library: laws have no unit, state or date. */
function includesLaws(f: SearchParams) {
  return (
    (f.kind === undefined || f.kind === "law") &&
    f.unitId === undefined &&
    f.status === undefined &&
    f.from === undefined &&
    f.to === undefined
  );
}

async function lawHits(
  db: Kysely<DB> | Transaction<DB>,
  p: ParsedQuery,
  f: SearchParams,
): Promise<SearchHit[]> {
  const { rows } = await sql<{
    law_code: string;
    article_no: number;
    label: string;
    text: string;
    short_title: string;
    title: string;
    title_en: string;
    score: number;
  }>`
    select a.law_code, a.article_no, a.label, a.text, l.short_title, l.title, l.title_en,
           ts_rank(a.tokens, ${p.rankQuery}::tsquery)::float8 as score
      from law_article a join law l on l.code = a.law_code
     where a.tokens @@ ${p.tsquery}::tsquery
       ${f.source ? sql`and a.law_code = ${f.source}` : sql``}
     order by score desc, l.version_date desc, a.law_code, a.article_no
     limit ${f.limit}`.execute(db);
  return rows.map((r) => ({
    kind: "law",
    id: `${r.law_code}:${r.article_no}`,
    title: `${r.short_title} ${r.label}`,
    snippet: snippetOf(r.text, p.terms),
    score: r.score,
    source: r.law_code,
    sourceLabel: { zh: r.title, en: r.title_en },
    regionCode: null,
    unitId: null,
    status: null,
    date: null,
    law: { code: r.law_code, article: r.article_no, label: r.label, title: r.title },
  }));
}

/** The query over search documents (exported so a test can EXPLAIN it). */
export function docQuery(
  db: Kysely<DB> | Transaction<DB>,
  p: ParsedQuery,
  f: SearchParams,
  audience: "internal" | "public",
  region?: string,
  only?: readonly string[],
) {
  let q = db
    .selectFrom("search_doc")
    .select([
      "kind",
      "record_id",
      "source",
      "title",
      "body",
      "region_code",
      "unit_id",
      "status",
      "on_date",
      sql<number>`ts_rank(tokens, ${p.rankQuery}::tsquery)::float8`.as("score"),
    ])
    // The GIN index is reached through fazhi_search_match (migration 0006): under the
    // row-level security of search_doc, PostgreSQL cannot use @@ as an index condition.
    .where(
      sql<boolean>`(region_code, kind, record_id) in (select * from fazhi_search_match(${p.tsquery}::tsquery, ${audience}))`,
    )
    .where("audience", "=", audience);
  if (region) q = q.where("region_code", "=", region);
  if (only) q = q.where("source", "in", only.length ? [...only] : [""]);
  if (f.kind) q = q.where("kind", "=", f.kind as "case" | "register" | "document");
  if (f.source) q = q.where("source", "=", f.source);
  if (f.unitId) q = q.where("unit_id", "=", f.unitId);
  if (f.status) q = q.where("status", "=", f.status);
  if (f.from) q = q.where("on_date", ">=", f.from);
  if (f.to) q = q.where("on_date", "<=", f.to);
  return q.orderBy("score", "desc").orderBy("record_id", "desc").limit(f.limit);
}

async function docHits(
  db: Kysely<DB> | Transaction<DB>,
  registry: Registry,
  p: ParsedQuery,
  f: SearchParams,
  audience: "internal" | "public",
  region?: string,
  only?: readonly string[],
): Promise<SearchHit[]> {
  const rows = await docQuery(db, p, f, audience, region, only).execute();
  return rows.map((r) => {
    const label =
      r.kind === "register"
        ? registry.register(r.source)?.label
        : registry.caseType(r.source)?.label;
    return {
      kind: r.kind,
      id: String(r.record_id),
      title: r.title,
      // Around the matches in the body, or the title when only the title matched.
      snippet: snippetOf(hasMatch(r.body, p.terms) ? r.body : r.title, p.terms),
      score: Number(r.score),
      source: r.source,
      sourceLabel: label ?? { zh: r.source, en: r.source },
      regionCode: r.region_code,
      unitId: audience === "public" ? null : r.unit_id,
      status: r.status,
      date: r.on_date,
    };
  });
}

function merge(lists: SearchHit[][], limit: number): SearchHit[] {
  return lists
    .flat()
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}

/** A user's search, inside the unit of work (row-level security applies). */
export async function search(
  trx: Transaction<DB>,
  registry: Registry,
  query: unknown,
): Promise<SearchHit[]> {
  const r = SearchQuery.safeParse(query);
  if (!r.success) {
    throw new ValidationError(
      t("搜索条件有误", "Invalid search"),
      r.error.issues.map((i) => ({ field: i.path.join(".") || "q", message: i.message })),
    );
  }
  const f = r.data;
  const p = parsed(f.q);
  const lists: SearchHit[][] = [];
  if (includesLaws(f)) lists.push(await lawHits(trx, p, f));
  if (f.kind !== "law") lists.push(await docHits(trx, registry, p, f, "internal"));
  return merge(lists, f.limit);
}

/**
 * The portal's search in one region: public projections only (and the law library).
 * No actor: the query runs under a data scope of the one region. `sources` limits the
 * records to the case types and registers the portal shows (its declared sections);
 * `unitId` (the enforcement body's unit) and `from`/`to` (the record's date) filter them.
 */
export async function publicSearch(
  db: Kysely<DB>,
  registry: Registry,
  region: string,
  query: {
    q: string;
    kind?: SearchKind;
    limit?: number;
    source?: string;
    unitId?: number;
    from?: string;
    to?: string;
    sources?: readonly string[];
  },
): Promise<SearchHit[]> {
  const f = SearchQuery.parse({
    q: query.q,
    kind: query.kind,
    limit: query.limit ?? 20,
    source: query.source,
    unitId: query.unitId,
    from: query.from,
    to: query.to,
  });
  const p = parsed(f.q);
  return withScope(db, { regions: [region], unitId: undefined, userId: undefined }, async (trx) => {
    const lists: SearchHit[][] = [];
    if (includesLaws(f) && f.source === undefined) lists.push(await lawHits(trx, p, f));
    if (f.kind !== "law") {
      if (query.sources?.length === 0) return merge(lists, f.limit);
      let hits = await docHits(trx, registry, p, f, "public", region, query.sources);
      hits = hits.filter((h) => !query.sources || query.sources.includes(h.source));
      lists.push(hits);
    }
    return merge(lists, f.limit);
  });
}
