/**
 * HTTP routes of the search engine:
 *
 *   GET /api/search?q=&kind=&source=&unitId=&status=&from=&to=&limit=
 *                                         ranked hits with snippets, as I may see them
 *   GET /api/laws                         the law library
 *   GET /api/laws/:code/articles/:no      one article, citable (law code + number)
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { inTenantTx, type Services } from "../../http/context.ts";
import { NotFoundError, t } from "../../kernel/errors.ts";
import { SEARCH_KINDS } from "./declare.ts";
import { SearchQuery, searchResult } from "./query.ts";

const LabelOut = z.object({ zh: z.string(), en: z.string() });

export const SearchHitOut = z.object({
  kind: z.enum(SEARCH_KINDS),
  id: z.string(),
  title: z.string(),
  snippet: z.string().describe("HTML: escaped text, matches in <mark>"),
  score: z.number(),
  source: z.string(),
  sourceLabel: LabelOut,
  regionCode: z.string().nullable(),
  unitId: z.number().nullable(),
  status: z.string().nullable(),
  date: z.string().nullable(),
  law: z
    .object({ code: z.string(), article: z.number(), label: z.string(), title: z.string() })
    .optional(),
});

/** Set when a common term was ranked among the newer records only (say so to the user). */
export const SearchNoteOut = LabelOut.optional().describe(
  "e.g. 结果较多，显示较新内容中最相关的 20 条，可加上更多关键词缩小范围",
);

const LawOut = z.object({
  code: z.string(),
  title: z.string(),
  shortTitle: z.string(),
  titleEn: z.string(),
  versionDate: z.string(),
  articles: z.number(),
});

const ArticleOut = z.object({
  law: LawOut.omit({ articles: true }),
  article: z.number(),
  label: z.string(),
  chapter: z.string().nullable(),
  text: z.string(),
  citation: z.string().describe("e.g. 《中华人民共和国行政处罚法》第六十三条"),
});

export const searchRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/search",
      {
        config: { access: "record.read" },
        schema: {
          tags: ["search"],
          operationId: "search",
          summary: "Full-text search of laws, cases, registers and documents, as I may see them",
          querystring: SearchQuery,
          response: { 200: z.object({ hits: z.array(SearchHitOut), note: SearchNoteOut }) },
        },
      },
      async (req) =>
        inTenantTx(services, req, (w) => searchResult(w.trx, services.registry, req.query)),
    );

    app.get(
      "/api/laws",
      {
        config: { access: "authenticated" },
        schema: {
          tags: ["search"],
          operationId: "listLaws",
          summary: "The law library",
          response: { 200: z.object({ laws: z.array(LawOut) }) },
        },
      },
      async () => {
        const rows = await services.db.app
          .selectFrom("law as l")
          .select(["l.code", "l.title", "l.short_title", "l.title_en", "l.version_date"])
          .select((eb) =>
            eb
              .selectFrom("law_article as a")
              .whereRef("a.law_code", "=", "l.code")
              .select(eb.fn.countAll<number>().as("n"))
              .as("articles"),
          )
          .orderBy("l.code")
          .execute();
        return {
          laws: rows.map((r) => ({
            code: r.code,
            title: r.title,
            shortTitle: r.short_title,
            titleEn: r.title_en,
            versionDate: r.version_date,
            articles: Number(r.articles ?? 0),
          })),
        };
      },
    );

    app.get(
      "/api/laws/:code/articles/:no",
      {
        config: { access: "authenticated" },
        schema: {
          tags: ["search"],
          operationId: "getLawArticle",
          summary: "One article of a law, citable by law code and article number",
          params: z.object({
            code: z.string().regex(/^[a-z0-9_]+$/),
            no: z.coerce.number().int().positive().max(10_000),
          }),
          response: { 200: ArticleOut },
        },
      },
      async (req) => {
        const r = await services.db.app
          .selectFrom("law_article as a")
          .innerJoin("law as l", "l.code", "a.law_code")
          .select([
            "l.code",
            "l.title",
            "l.short_title",
            "l.title_en",
            "l.version_date",
            "a.article_no",
            "a.label",
            "a.chapter",
            "a.text",
          ])
          .where("a.law_code", "=", req.params.code)
          .where("a.article_no", "=", req.params.no)
          .executeTakeFirst();
        if (!r) {
          throw new NotFoundError(
            t(
              `法规库中没有 ${req.params.code} 第 ${req.params.no} 条`,
              `no article ${req.params.no} of ${req.params.code} in the law library`,
            ),
          );
        }
        return {
          law: {
            code: r.code,
            title: r.title,
            shortTitle: r.short_title,
            titleEn: r.title_en,
            versionDate: r.version_date,
          },
          article: r.article_no,
          label: r.label,
          chapter: r.chapter,
          text: r.text,
          citation: `《${r.title}》${r.label}`,
        };
      },
    );
  };
