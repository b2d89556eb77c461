import fs from "node:fs";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { publicCases } from "../../engines/case/public.ts";
import { PublicCasePage } from "../../engines/case/wire.ts";
import {
  PORTAL_STAGE_LABELS,
  PORTAL_STAGES,
  type PortalStage,
} from "../../engines/portal/index.ts";
import { publicEntries } from "../../engines/register/public.ts";
import { zOnDay } from "../../engines/register/versions/routes.ts";
import { PublicEntryPage } from "../../engines/register/wire.ts";
import { NotFoundError, t as text } from "../../kernel/errors.ts";
import { zt } from "../../kernel/issue-text.ts";
import { toLocalDate } from "../../kernel/time/index.ts";
import type { Services } from "../context.ts";
import { portalFileRoutes, publicFilesHtml } from "./files.ts";
import { dateZh, details, esc, list, page, pager, qs, type Site } from "./html.ts";
import { publishedReportHtml } from "./report.ts";
import {
  bodiesOf,
  detailFields,
  fieldLabel,
  itemTitle,
  PAGE_SIZE,
  sectionItem,
  sectionItems,
  sectionsOf,
  showField,
  unitsOfItems,
} from "./sections.ts";
import { verifyRoutes } from "./verify.ts";

/**
 * The public portal (政务公开): server-rendered pages, readable without JavaScript, in
 * Chinese, organised as citizens look for it — 事前、事中、事后公开 and published documents
 * (the sections the modules declare, engines/portal), the annual report, and a search
 * (search.ts). Only declared sections are shown; their data come through the sources'
 * public projections. The same data as JSON under /public/api (for re-use by others).
 *
 *   /public                                 the regions
 *   /public/:region                         a region's home page
 *   /public/:region/stages/:stage           one stage's sections
 *   /public/:region/sections/:code[/:id]    a section's list, an item's own page
 *   /public/:region/report                  the annual report (not yet published here)
 *   /public/verify                          the audit chains' signed anchors
 */
export const Region = z
  .string()
  .regex(/^[0-9]{6}$/, zt("应为六位行政区划代码", "a six-digit region code"));
const Code = z.string().regex(/^[a-z0-9_]+$/);
const PageQ = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
/** A published list's day (`?on=2020-06-01`): the version in force then. */
const OnQ = z.object({ on: zOnDay.optional() });

const STAGE_INTROS: Record<PortalStage, string> = {
  before:
    "执法主体、执法人员、职责权限、执法依据、裁量基准、执法程序和救济渠道等信息，在执法前向社会公开。",
  during: "执法人员执法时出示执法证件、表明身份，告知当事人执法事由、依据和权利义务。",
  after: "执法决定作出后，依法公开执法机关、执法对象、执法类别和执法结论等信息。",
  documents: "依法主动公开的行政规范性文件和其他决定。",
};

const CSS = fs.readFileSync(new URL("./portal.css", import.meta.url), "utf8");

const html = "text/html; charset=utf-8";

/** A region's name, or 404 (a citizen's page). */
export async function regionSite(services: Services, code: string): Promise<Site> {
  const r = await services.db.app
    .selectFrom("region")
    .select(["name_zh"])
    .where("code", "=", code)
    .executeTakeFirst();
  if (!r) throw new NotFoundError(text("没有这个地区", `no region ${code}`));
  return { region: { code, name: r.name_zh } };
}

export const portalRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const { registry } = services;
    const db = services.db.app;
    const hidden = { config: { access: "public" as const }, schema: { hide: true } };

    portalFileRoutes(app, services, { Region, Code }); // a published document's PDF

    app.get("/public/assets/portal.css", hidden, async (_req, reply) =>
      reply
        .type("text/css; charset=utf-8")
        .header("cache-control", "public, max-age=3600")
        .send(CSS),
    );

    app.get("/public", hidden, async (_req, reply) => {
      const regions = await db
        .selectFrom("region")
        .select(["code", "name_zh"])
        .where("code", "in", db.selectFrom("unit").select("region_code").distinct())
        .orderBy("code")
        .execute();
      const body = `<ul class="sections">${regions
        .map((r) => `<li><a href="/public/${r.code}">${esc(r.name_zh)}</a></li>`)
        .join("")}</ul>`;
      return reply
        .type(html)
        .send(page({ title: "选择地区", site: {}, body, lead: "请选择要查看的行政区域。" }));
    });

    const sectionCards = (region: string, stage: PortalStage) => {
      const sections = sectionsOf(registry, stage);
      if (sections.length === 0) return `<p class="empty">暂无公开信息。</p>`;
      return `<ul class="sections">${sections
        .map(
          (s) =>
            `<li><a href="/public/${region}/sections/${s.code}">${esc(s.label.zh)}</a><p>${esc(s.intro.zh)}</p></li>`,
        )
        .join("")}</ul>`;
    };

    const searchForm = (region: string) =>
      `<form class="search" method="get" action="/public/${region}/search" role="search"><div class="q"><label for="q">检索公开信息</label><input id="q" name="q" type="search" maxlength="200" placeholder="如：决定书文号、执法主体名称、违法行为"></div><div><button type="submit">检索</button></div></form>`;

    app.get(
      "/public/:region",
      { ...hidden, schema: { hide: true, params: z.object({ region: Region }) } },
      async (req, reply) => {
        const { region } = req.params;
        const site = await regionSite(services, region);
        const stages = PORTAL_STAGES.map(
          (st) =>
            `<section aria-labelledby="st-${st}"><h2 id="st-${st}"><a href="/public/${region}/stages/${st}">${esc(PORTAL_STAGE_LABELS[st].zh)}</a></h2><p class="lead">${esc(STAGE_INTROS[st])}</p>${sectionCards(region, st)}</section>`,
        ).join("");
        const report = `<section aria-labelledby="st-report"><h2 id="st-report">年度报告</h2><ul class="sections"><li><a href="/public/${region}/report">法治政府建设年度报告</a><p>本区法治政府建设情况的年度报告。</p></li></ul></section>`;
        // Drafts open for public comment (engines/consultation; portal/consultation.ts).
        const consultations = `<section aria-labelledby="st-consultations"><h2 id="st-consultations">意见征集</h2><ul class="sections"><li><a href="/public/${region}/consultations">草案公开征求意见</a><p>规范性文件、重大行政决策草案公开征求意见，查看意见答复和意见采纳情况。</p></li></ul></section>`;
        return reply.type(html).send(
          page({
            title: `${site.region!.name}行政执法公示`,
            site,
            current: "home",
            body: searchForm(region) + stages + consultations + report,
          }),
        );
      },
    );

    app.get(
      "/public/:region/stages/:stage",
      {
        ...hidden,
        schema: {
          hide: true,
          params: z.object({ region: Region, stage: z.enum(PORTAL_STAGES) }),
        },
      },
      async (req, reply) => {
        const { region, stage } = req.params;
        const site = await regionSite(services, region);
        return reply.type(html).send(
          page({
            title: PORTAL_STAGE_LABELS[stage].zh,
            site,
            current: stage,
            lead: esc(STAGE_INTROS[stage]),
            body: sectionCards(region, stage),
            crumbs: [[`/public/${region}`, "首页"]],
          }),
        );
      },
    );

    const sectionOf = (code: string) => {
      const s = registry.portalSection(code);
      if (!s) throw new NotFoundError(text("没有这个栏目", `no portal section ${code}`));
      return s;
    };

    app.get(
      "/public/:region/sections/:section",
      {
        ...hidden,
        schema: {
          hide: true,
          params: z.object({ region: Region, section: Code }),
          querystring: PageQ.extend(OnQ.shape),
        },
      },
      async (req, reply) => {
        const { region } = req.params;
        const s = sectionOf(req.params.section);
        const site = await regionSite(services, region);
        const p = req.query.page;
        const on = req.query.on ?? toLocalDate(services.clock());
        const [data, bodies] = await Promise.all([
          sectionItems(db, registry, s, region, p, on),
          bodiesOf(db, registry, region),
        ]);
        const pages = Math.max(1, Math.ceil(data.total / PAGE_SIZE));
        if (p > pages) throw new NotFoundError(text("没有这一页", `no page ${p}`));
        const cols = [s.title, ...s.list].map((key) => ({
          key,
          label: fieldLabel(registry, s, key),
        }));
        const units = await unitsOfItems(
          db,
          s,
          region,
          data.items.map((i) => i.id),
        );
        const ctx = { registry, s, bodies, units };
        const onQs = req.query.on ? qs({ on: req.query.on }) : "";
        const rows = data.items.map((item) => ({
          href:
            s.detail === false
              ? undefined
              : `/public/${region}/sections/${s.code}/${item.id}${onQs}`,
          cells: Object.fromEntries(cols.map((c) => [c.key, showField(ctx, item, c.key)])),
        }));
        const count =
          (data.versions ? versionBanner(region, s.code, on, data.versions) : "") +
          `<p class="meta">共 ${data.total} 条</p>`;
        return reply.type(html).send(
          page({
            title: s.label.zh,
            site,
            current: s.stage,
            lead: esc(s.intro.zh),
            body:
              count +
              list(cols, rows, s.label.zh) +
              pager(
                (n) =>
                  `/public/${region}/sections/${s.code}${qs({ page: n, ...(req.query.on ? { on: req.query.on } : {}) })}`,
                p,
                pages,
              ),
            crumbs: [
              [`/public/${region}`, "首页"],
              [`/public/${region}/stages/${s.stage}`, PORTAL_STAGE_LABELS[s.stage].zh],
            ],
          }),
        );
      },
    );

    app.get(
      "/public/:region/sections/:section/:id",
      {
        ...hidden,
        schema: {
          hide: true,
          params: z.object({
            region: Region,
            section: Code,
            id: z.coerce.number().int().min(1).max(2_147_483_647),
          }),
          querystring: OnQ,
        },
      },
      async (req, reply) => {
        const { region, id } = req.params;
        const s = sectionOf(req.params.section);
        const site = await regionSite(services, region);
        const on = req.query.on ?? toLocalDate(services.clock());
        const [item, bodies] = await Promise.all([
          sectionItem(db, registry, s, region, id, on),
          bodiesOf(db, registry, region),
        ]);
        const ctx = { registry, s, bodies, units: await unitsOfItems(db, s, region, [item.id]) };
        const rows = detailFields(registry, s).map(
          (f) => [fieldLabel(registry, s, f), showField(ctx, item, f, true)] as [string, string],
        );
        const title = itemTitle(ctx, item);
        const files = await publicFilesHtml(services, s, region, item.id);
        return reply.type(html).send(
          page({
            // The title is HTML already (escaped by showField): page() escapes it again
            // only where it is text, so pass the plain heading.
            title: decodeEntities(title),
            site,
            current: s.stage,
            body: details(rows) + files,
            crumbs: [
              [`/public/${region}`, "首页"],
              [`/public/${region}/stages/${s.stage}`, PORTAL_STAGE_LABELS[s.stage].zh],
              [`/public/${region}/sections/${s.code}`, s.label.zh],
            ],
          }),
        );
      },
    );

    app.get(
      "/public/:region/report",
      {
        ...hidden,
        schema: {
          hide: true,
          params: z.object({ region: Region }),
          querystring: z.object({ year: z.coerce.number().int().min(1000).max(9999).optional() }),
        },
      },
      async (req, reply) => {
        const { region } = req.params;
        const site = await regionSite(services, region);
        // 法治政府建设与责任落实督察工作规定 第二十四条: the annual report is published by
        // 1 April of the next year. The report engine publishes it here (public version:
        // no personal contact details); earlier years are listed below it.
        const body = await publishedReportHtml(db, region, req.query.year);
        return reply.type(html).send(
          page({
            title: "法治政府建设年度报告",
            site,
            current: "report",
            body,
            crumbs: [[`/public/${region}`, "首页"]],
          }),
        );
      },
    );

    // The same data as JSON (for re-use by others; scanned by the masking tests too).
    app.get(
      "/public/api/:region/cases/:type",
      {
        config: { access: "public" },
        schema: {
          operationId: "publicCases",
          tags: ["public"],
          summary: "Public projections of a case type",
          params: z.object({ region: Region, type: Code }),
          querystring: PageQ,
          response: { 200: PublicCasePage },
        },
      },
      async (req) =>
        publicCases(registry, db, req.params.type, req.params.region, {
          page: req.query.page,
          pageSize: PAGE_SIZE,
        }),
    );
    app.get(
      "/public/api/:region/registers/:code",
      {
        config: { access: "public" },
        schema: {
          operationId: "publicEntries",
          tags: ["public"],
          summary: "Public entries of a register",
          params: z.object({ region: Region, code: Code }),
          querystring: PageQ,
          response: { 200: PublicEntryPage },
        },
      },
      async (req) => {
        const decl = registry.register(req.params.code);
        if (!decl?.public)
          throw new NotFoundError(
            text("没有这个公开台账", `no public register ${req.params.code}`),
          );
        return publicEntries(db, decl, req.params.region, {
          page: req.query.page,
          pageSize: PAGE_SIZE,
        });
      },
    );

    await app.register(verifyRoutes(services));
  };

/**
 * Which version of a published list is shown, and a form to see the list in force on
 * another day (政府信息公开: a citizen checks what applied on the day of an act).
 */
function versionBanner(
  region: string,
  section: string,
  on: string,
  versions: { number: string; publishedOn: string; inForceFrom: string }[],
): string {
  const which =
    versions.length === 0
      ? `<p><strong>${esc(dateZh(on))}尚无施行的版本。</strong></p>`
      : versions
          .map(
            (v) =>
              `<p>${esc(dateZh(on))}施行的版本：<strong>${esc(v.number)}</strong>（${esc(dateZh(v.publishedOn))}发布，${esc(dateZh(v.inForceFrom))}起施行）</p>`,
          )
          .join("");
  const form = `<form class="search" method="get" action="/public/${region}/sections/${section}"><div class="q"><label for="on">查看某日施行的版本</label><input id="on" name="on" type="date" value="${esc(on)}"></div><div><button type="submit">查看</button></div></form>`;
  return `<div class="notice" role="status">${which}</div>${form}`;
}

/** The plain text of escaped HTML (for a title that page() escapes again). */
function decodeEntities(s: string): string {
  return s
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&amp;", "&");
}
