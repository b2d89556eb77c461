/**
 * The portal's search (公示检索): one region's public projections — what the portal's
 * lists already show, nothing else: each record's 'public' search document is built from
 * its public projection only (engines/search/records.ts) — and the law library.
 *
 *   GET /public/:region/search?q=&kind=&lang=      a server-rendered page with a form
 *   GET /public/api/:region/search?q=&kind=        the same hits as JSON
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { SEARCH_KIND_LABELS } from "../../engines/search/declare.ts";
import { publicSearch, type SearchHit } from "../../engines/search/query.ts";
import { SearchHitOut } from "../../engines/search/routes.ts";
import { NotFoundError, t as text } from "../../kernel/errors.ts";
import { zt } from "../../kernel/issue-text.ts";
import type { Services } from "../context.ts";
import { esc, type Lang, page, t } from "./html.ts";

const Region = z
  .string()
  .regex(/^[0-9]{6}$/, zt("应为六位行政区划代码", "a six-digit region code"));
const PUBLIC_KINDS = ["law", "case", "register", "document"] as const;
const Query = z.object({
  q: z.string().trim().max(200).default(""),
  kind: z.enum(PUBLIC_KINDS).optional(),
  lang: z.enum(["zh", "en"]).default("zh"),
});

/** What a public hit shows: no unit, nothing beyond the projection's text. */
function publicHit(h: SearchHit) {
  return {
    kind: h.kind,
    id: h.id,
    title: h.title,
    snippet: h.snippet,
    score: h.score,
    source: h.source,
    sourceLabel: h.sourceLabel,
    date: h.kind === "law" ? null : h.date,
    ...(h.law ? { law: h.law } : {}),
  };
}

function linkOf(region: string, h: SearchHit, lang: Lang): string | null {
  if (h.kind === "case" || h.kind === "document")
    return `/public/${region}/cases/${h.source}/${h.id}?lang=${lang}`;
  return null;
}

export const portalSearchRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const { registry } = services;
    const db = services.db.app;
    const regionName = async (code: string, lang: Lang) => {
      const r = await db
        .selectFrom("region")
        .select(["name_zh", "name_en"])
        .where("code", "=", code)
        .executeTakeFirst();
      if (!r) throw new NotFoundError(text(`没有行政区域 ${code}`, `no region ${code}`));
      return lang === "en" ? r.name_en : r.name_zh;
    };

    app.get(
      "/public/api/:region/search",
      {
        config: { access: "public" },
        schema: {
          tags: ["public"],
          operationId: "publicSearch",
          summary: "Search a region's public disclosures and the law library",
          params: z.object({ region: Region }),
          querystring: Query.omit({ lang: true }).extend({ q: z.string().trim().min(1).max(200) }),
          response: {
            200: z.object({
              hits: z.array(
                SearchHitOut.pick({
                  kind: true,
                  id: true,
                  title: true,
                  snippet: true,
                  score: true,
                  source: true,
                  sourceLabel: true,
                  date: true,
                  law: true,
                }),
              ),
            }),
          },
        },
      },
      async (req) => {
        await regionName(req.params.region, "zh");
        const hits = await publicSearch(db, registry, req.params.region, req.query);
        return { hits: hits.map(publicHit) };
      },
    );

    app.get(
      "/public/:region/search",
      {
        config: { access: "public" },
        schema: { hide: true, params: z.object({ region: Region }), querystring: Query },
      },
      async (req, reply) => {
        const { region } = req.params;
        const { q, kind, lang } = req.query;
        const name = await regionName(region, lang);
        const options = PUBLIC_KINDS.map(
          (k) =>
            `<option value="${k}"${k === kind ? " selected" : ""}>${esc(t(SEARCH_KIND_LABELS[k], lang))}</option>`,
        ).join("");
        const form = `<form method="get" action="/public/${region}/search">
<input type="hidden" name="lang" value="${lang}">
<input name="q" value="${esc(q)}" size="40" aria-label="${lang === "en" ? "Search" : "检索"}">
<select name="kind"><option value="">${lang === "en" ? "All" : "全部"}</option>${options}</select>
<button type="submit">${lang === "en" ? "Search" : "检索"}</button></form>`;
        let results = "";
        if (q) {
          let hits: SearchHit[] = [];
          try {
            hits = await publicSearch(db, registry, region, { q, kind });
          } catch {
            hits = [];
          }
          results = hits.length
            ? `<ol>${hits
                .map((h) => {
                  const link = linkOf(region, h, lang);
                  const title = link ? `<a href="${esc(link)}">${esc(h.title)}</a>` : esc(h.title);
                  // The snippet is already escaped, with the matches in <mark>.
                  return `<li><p><strong>${title}</strong> <small>${esc(t(h.sourceLabel, lang))}</small></p><p>${h.snippet}</p></li>`;
                })
                .join("")}</ol>`
            : `<p>${lang === "en" ? "Nothing found." : "没有找到相关内容。"}</p>`;
        }
        const body = page({
          title: lang === "en" ? `Search — ${name}` : `检索 — ${name}`,
          lang,
          body: form + results,
          crumbs: [
            [`/public?lang=${lang}`, lang === "en" ? "Public" : "公示"],
            [`/public/${region}?lang=${lang}`, name],
          ],
        });
        return reply.type("text/html; charset=utf-8").send(body);
      },
    );
  };
