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

/**
 * How the documents are ranked (migration 0026, `fazhi_search_top`): a term the planner
 * expects in more than `common` documents of the scope (and more than √(recent × the
 * documents in scope)) is ranked among the first `recent` matching documents, newest
 * first; a rarer term among all its matches.
 * (Mutable so a test can lower the threshold on a small corpus.)
 */
export const RANKING = { common: 1000, recent: 100 };

/** What a search returns: the hits, and a note when only the newer records were ranked. */
export interface SearchResult {
  hits: SearchHit[];
  note?: Label;
}

/** The note shown when a common term was ranked among the newer records only. */
export function recentNote(limit: number): Label {
  return {
    zh: `结果较多，显示较新内容中最相关的 ${limit} 条，可加上更多关键词缩小范围`,
    en: `Many matches: the ${limit} most relevant of the newer records; add words to narrow the search`,
  };
}

interface DocRow {
  kind: "case" | "register" | "document";
  record_id: number;
  source: string;
  title: string;
  body: string;
  region_code: string;
  unit_id: number;
  status: string | null;
  on_date: string | null;
  score: number;
  cut: boolean;
}

/**
 * The query over search documents (exported so a test can read it): the best `limit`
 * documents the caller may see, ranked in the database (migration 0026; the visibility
 * is the policy of search_doc, checked there as the owner).
 */
export function docQuery(
  db: Kysely<DB> | Transaction<DB>,
  p: ParsedQuery,
  f: SearchParams,
  audience: "internal" | "public",
  region?: string,
  only?: readonly string[],
) {
  const top = sql<DocRow>`fazhi_search_top(${p.tsquery}::tsquery, ${p.rankQuery}::tsquery,
    ${audience}::text, ${region ?? null}::text, ${f.kind ?? null}::text, ${f.source ?? null}::text,
    ${only ? [...only] : null}::text[], ${f.unitId ?? null}::bigint, ${f.status ?? null}::text,
    ${f.from ?? null}::date, ${f.to ?? null}::date, ${f.limit}::int, ${RANKING.common}::int,
    ${RANKING.recent}::int)`;
  return db.selectFrom(top.as("t")).selectAll();
}

async function docHits(
  db: Kysely<DB> | Transaction<DB>,
  registry: Registry,
  p: ParsedQuery,
  f: SearchParams,
  audience: "internal" | "public",
  region?: string,
  only?: readonly string[],
): Promise<{ hits: SearchHit[]; cut: boolean }> {
  const rows = await docQuery(db, p, f, audience, region, only).execute();
  const hits = rows.map((r): SearchHit => {
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
      unitId: audience === "public" ? null : Number(r.unit_id),
      status: r.status,
      date: r.on_date,
    };
  });
  return { hits, cut: rows.some((r) => r.cut) };
}

function merge(lists: SearchHit[][], limit: number): SearchHit[] {
  return lists
    .flat()
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}

function result(lists: SearchHit[][], limit: number, cut: boolean): SearchResult {
  const hits = merge(lists, limit);
  return cut ? { hits, note: recentNote(limit) } : { hits };
}

/** A user's search, inside the unit of work: the hits and, if only newer records were ranked, a note. */
export async function searchResult(
  trx: Transaction<DB>,
  registry: Registry,
  query: unknown,
): Promise<SearchResult> {
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
  let cut = false;
  if (includesLaws(f)) lists.push(await lawHits(trx, p, f));
  if (f.kind !== "law") {
    const docs = await docHits(trx, registry, p, f, "internal");
    lists.push(docs.hits);
    cut = docs.cut;
  }
  return result(lists, f.limit, cut);
}

/** A user's search, inside the unit of work (row-level security applies). */
export async function search(
  trx: Transaction<DB>,
  registry: Registry,
  query: unknown,
): Promise<SearchHit[]> {
  return (await searchResult(trx, registry, query)).hits;
}

export interface PublicSearchQuery {
  q: string;
  kind?: SearchKind;
  limit?: number;
  source?: string;
  unitId?: number;
  from?: string;
  to?: string;
  sources?: readonly string[];
}

/**
 * The portal's search in one region: public projections only (and the law library).
 * No actor: the documents are read under a data scope of the one region, while the law
 * library (no row-level security) is searched at the same time on another connection.
 * `sources` limits the records to the case types and registers the portal shows (its
 * declared sections); `unitId` (the enforcement body's unit) and `from`/`to` (the
 * record's date) filter them.
 */
export async function publicSearchResult(
  db: Kysely<DB>,
  registry: Registry,
  region: string,
  query: PublicSearchQuery,
): Promise<SearchResult> {
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
  const none = { hits: [] as SearchHit[], cut: false };
  const [laws, docs] = await Promise.all([
    includesLaws(f) && f.source === undefined ? lawHits(db, p, f) : [],
    f.kind === "law" || query.sources?.length === 0
      ? none
      : withScope(db, { regions: [region], unitId: undefined, userId: undefined }, (trx) =>
          docHits(trx, registry, p, f, "public", region, query.sources),
        ),
  ]);
  return result([laws, docs.hits], f.limit, docs.cut);
}

/** The portal's search in one region: the hits only. */
export async function publicSearch(
  db: Kysely<DB>,
  registry: Registry,
  region: string,
  query: PublicSearchQuery,
): Promise<SearchHit[]> {
  return (await publicSearchResult(db, registry, region, query)).hits;
}
