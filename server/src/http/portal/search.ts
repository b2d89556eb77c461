/**
 * The portal's search (公示检索): one region's public projections — what the portal's
 * sections already show, nothing else: each record's 'public' search document is built
 * from its public projection only (engines/search/records.ts), and only the sources of
 * declared portal sections are searched — and the law library. Filters: the section
 * (or the law library), the enforcement body, and the record's date.
 *
 *   GET /public/:region/search?q=&section=&body=&from=&to=   a server-rendered page
 *   GET /public/api/:region/search?q=&kind=                  hits as JSON
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  publicSearchResult,
  type SearchHit,
  type SearchResult,
} from "../../engines/search/query.ts";
import { SearchHitOut, SearchNoteOut } from "../../engines/search/routes.ts";
import { zt } from "../../kernel/issue-text.ts";
import { isLocalDate } from "../../kernel/time/index.ts";
import type { Services } from "../context.ts";
import { dateZh, esc, page } from "./html.ts";
import { Region, regionSite } from "./routes.ts";
import {
  bodiesOf,
  itemTitle,
  sectionOfSource,
  sectionRecord,
  showField,
  unitsOfItems,
} from "./sections.ts";

const PUBLIC_KINDS = ["law", "case", "register", "document"] as const;
/** Hits shown (the best first). */
const LIMIT = 20;
/** The law library as a choice of the section filter. */
const LAWS = "laws";
const Day = z
  .string()
  .refine(
    (s) => s === "" || (/^\d{4}-\d{2}-\d{2}$/.test(s) && isLocalDate(s)),
    zt("不是有效日期", "not a valid date"),
  )
  .optional();
const PageQuery = z.object({
  q: z.string().trim().max(200).default(""),
  section: z
    .string()
    .max(60)
    .regex(/^[a-z0-9_]*$/)
    .optional(),
  body: z
    .string()
    .max(60)
    .regex(/^[A-Za-z0-9_-]*$/)
    .optional(),
  from: Day,
  to: Day,
});
const ApiQuery = z.object({
  q: z.string().trim().min(1).max(200),
  kind: z.enum(PUBLIC_KINDS).optional(),
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

const opt = (value: string, label: string, selected: boolean) =>
  `<option value="${esc(value)}"${selected ? " selected" : ""}>${esc(label)}</option>`;

export const portalSearchRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const { registry } = services;
    const db = services.db.app;
    const sources = () => [
      ...new Set(
        registry
          .portalSections()
          .map((s) => ("caseType" in s.source ? s.source.caseType : s.source.register)),
      ),
    ];

    app.get(
      "/public/api/:region/search",
      {
        config: { access: "public" },
        schema: {
          tags: ["public"],
          operationId: "publicSearch",
          summary: "Search a region's public disclosures and the law library",
          params: z.object({ region: Region }),
          querystring: ApiQuery,
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
              note: SearchNoteOut,
            }),
          },
        },
      },
      async (req) => {
        await regionSite(services, req.params.region);
        const r = await publicSearchResult(db, registry, req.params.region, req.query);
        return { hits: r.hits.map(publicHit), ...(r.note ? { note: r.note } : {}) };
      },
    );

    app.get(
      "/public/:region/search",
      {
        config: { access: "public" },
        schema: { hide: true, params: z.object({ region: Region }), querystring: PageQuery },
      },
      async (req, reply) => {
        const { region } = req.params;
        const { q } = req.query;
        const section = req.query.section || undefined;
        const bodyCode = req.query.body || undefined;
        const from = req.query.from || undefined;
        const to = req.query.to || undefined;
        const site = await regionSite(services, region);
        const bodies = await bodiesOf(db, registry, region);
        const chosen = section && section !== LAWS ? registry.portalSection(section) : undefined;
        const body = bodyCode ? bodies.byUnitCode.get(bodyCode) : undefined;

        const sectionOptions = [
          opt("", "全部栏目", !section),
          ...registry.portalSections().map((s) => opt(s.code, s.label.zh, s.code === section)),
          opt(LAWS, "法律法规", section === LAWS),
        ].join("");
        const bodyOptions = [
          opt("", "全部执法主体", !bodyCode),
          ...bodies.list.map((b) => opt(b.unitCode, b.fullName, b.unitCode === bodyCode)),
        ].join("");
        const form = `<form class="search" method="get" action="/public/${region}/search" role="search">
<div class="q"><label for="q">检索词</label><input id="q" name="q" type="search" maxlength="200" value="${esc(q)}" placeholder="如：决定书文号、执法主体名称、违法行为"></div>
<div><label for="section">栏目</label><select id="section" name="section">${sectionOptions}</select></div>
<div><label for="body">执法主体</label><select id="body" name="body">${bodyOptions}</select></div>
<div><label for="from">日期从</label><input id="from" name="from" type="date" value="${esc(from ?? "")}"></div>
<div><label for="to">日期至</label><input id="to" name="to" type="date" value="${esc(to ?? "")}"></div>
<div><button type="submit">检索</button></div></form>`;

        /**
         * A hit as the portal shows its record: the section's own title and body name
         * (from the record's projection, as on its page), the section, the date, the
         * matched words in context.
         */
        const hitHtml = async (h: SearchHit): Promise<string> => {
          const s = h.kind === "law" ? undefined : sectionOfSource(registry, h.kind, h.source);
          let title = esc(h.title);
          let link: string | undefined;
          let by = "";
          if (s) {
            link =
              s.detail === false
                ? `/public/${region}/sections/${s.code}`
                : `/public/${region}/sections/${s.code}/${h.id}`;
            const item = await sectionRecord(db, registry, s, region, Number(h.id)).catch(
              () => undefined,
            );
            if (item) {
              const ctx = {
                registry,
                s,
                bodies,
                units: await unitsOfItems(db, s, region, [item.id]),
              };
              title = itemTitle(ctx, item);
              if (s.body && s.body.field !== s.title) by = showField(ctx, item, s.body.field);
            }
          }
          const where = esc(h.kind === "law" ? h.sourceLabel.zh : (s?.label.zh ?? ""));
          const meta = [where, by, h.kind !== "law" && h.date ? esc(dateZh(h.date)) : ""]
            .filter(Boolean)
            .join(" · ");
          const head = link ? `<a href="${esc(link)}">${title}</a>` : title;
          // The snippet is already escaped, with the matches in <mark>.
          return `<li><p><strong>${head}</strong></p><p class="meta">${meta}</p><p>${h.snippet}</p></li>`;
        };
        let results = "";
        if (!q) {
          results = `<p class="empty">请输入检索词，可按栏目、执法主体和日期缩小范围。</p>`;
        } else if ((section && section !== LAWS && !chosen) || (bodyCode && !body)) {
          results = `<p class="empty">没有找到相关内容。</p>`;
        } else {
          const { hits, note } = await publicSearchResult(db, registry, region, {
            q,
            kind: section === LAWS ? "law" : undefined,
            source: chosen
              ? "caseType" in chosen.source
                ? chosen.source.caseType
                : chosen.source.register
              : undefined,
            // A body, or a date, narrows to records (the law library has neither).
            unitId: body ? (body.unitId ?? -1) : undefined,
            from,
            to,
            sources: sources(),
            limit: LIMIT,
          }).catch((): SearchResult => ({ hits: [] }));
          const shown: string[] = [];
          for (const h of hits) shown.push(await hitHtml(h));
          results = hits.length
            ? `<p class="meta" role="status">${note ? esc(note.zh) : hits.length < LIMIT ? `找到 ${hits.length} 条结果` : `显示最相关的 ${LIMIT} 条结果，可加检索词或筛选条件缩小范围`}</p><ol class="hits">${shown.join("")}</ol>`
            : `<p class="empty" role="status">没有找到相关内容。</p>`;
        }
        return reply.type("text/html; charset=utf-8").send(
          page({
            title: "检索",
            site,
            current: "search",
            body: form + results,
            crumbs: [[`/public/${region}`, "首页"]],
          }),
        );
      },
    );
  };
