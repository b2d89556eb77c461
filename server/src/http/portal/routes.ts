import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { publicCase, publicCases, publicCaseTypes } from "../../engines/case/public.ts";
import { PublicCasePage } from "../../engines/case/wire.ts";
import { publicEntries } from "../../engines/register/public.ts";
import { PublicEntryPage } from "../../engines/register/wire.ts";
import { NotFoundError, t as text } from "../../kernel/errors.ts";
import { zt } from "../../kernel/issue-text.ts";
import type { Label } from "../../kernel/labels.ts";
import type { Services } from "../context.ts";
import { esc, type Lang, page, pager, t, table } from "./html.ts";

/**
 * The public portal (公示): server-rendered pages, readable without JavaScript and
 * indexable, listing whatever case types and registers declare public — through their
 * public projections only — plus the same data as JSON under /public/api.
 */
const Region = z
  .string()
  .regex(/^[0-9]{6}$/, zt("应为六位行政区划代码", "a six-digit region code"));
const Code = z.string().regex(/^[a-z0-9_]+$/);
const PageQ = z.object({
  lang: z.enum(["zh", "en"]).default("zh"),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
const PAGE_SIZE = 20;

function columnsOf(
  labels: Record<string, Label> | undefined,
  rows: Record<string, unknown>[],
  lang: Lang,
) {
  if (labels) return Object.entries(labels).map(([key, l]) => ({ key, label: t(l, lang) }));
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((k) => k !== "id");
  return keys.map((key) => ({ key, label: key }));
}

export const portalRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const { registry } = services;
    const db = services.db.app;
    const publicRegisters = () => registry.registers().filter((r) => r.public);
    const html = (s: string) => ({ type: "text/html; charset=utf-8", body: s });
    const regionName = async (code: string, lang: Lang) => {
      const r = await db
        .selectFrom("region")
        .select(["name_zh", "name_en"])
        .where("code", "=", code)
        .executeTakeFirst();
      if (!r) throw new NotFoundError(text("没有这个地区", `no region ${code}`));
      return lang === "en" ? r.name_en : r.name_zh;
    };

    app.get(
      "/public",
      { config: { access: "public" }, schema: { hide: true, querystring: PageQ } },
      async (req, reply) => {
        const lang = req.query.lang;
        const regions = await db
          .selectFrom("region")
          .select(["code", "name_zh", "name_en"])
          .where("code", "in", db.selectFrom("unit").select("region_code").distinct())
          .orderBy("code")
          .execute();
        const body = `<ul>${regions
          .map(
            (r) =>
              `<li><a href="/public/${r.code}?lang=${lang}">${esc(lang === "en" ? r.name_en : r.name_zh)}（${r.code}）</a></li>`,
          )
          .join(
            "",
          )}</ul><p><a href="/public/audit?lang=${lang}">${lang === "en" ? "Audit anchors" : "审计锚点"}</a></p>`;
        const out = html(page({ title: lang === "en" ? "Regions" : "行政区域", lang, body }));
        return reply.type(out.type).send(out.body);
      },
    );

    app.get(
      "/public/:region",
      {
        config: { access: "public" },
        schema: { hide: true, params: z.object({ region: Region }), querystring: PageQ },
      },
      async (req, reply) => {
        const lang = req.query.lang;
        const { region } = req.params;
        const name = await regionName(region, lang);
        const items = [
          ...publicCaseTypes(registry).map(
            (d) =>
              `<li><a href="/public/${region}/cases/${d.code}?lang=${lang}">${esc(t(d.label, lang))}</a></li>`,
          ),
          ...publicRegisters().map(
            (r) =>
              `<li><a href="/public/${region}/registers/${r.code}?lang=${lang}">${esc(t(r.label, lang))}</a></li>`,
          ),
        ];
        const out = html(
          page({
            title: name,
            lang,
            body: `<form method="get" action="/public/${region}/search"><input type="hidden" name="lang" value="${lang}"><input name="q" size="40" aria-label="${lang === "en" ? "Search" : "检索"}"> <button type="submit">${lang === "en" ? "Search" : "检索"}</button></form><ul>${items.join("")}</ul>`,
            crumbs: [[`/public?lang=${lang}`, lang === "en" ? "Public" : "公示"]],
          }),
        );
        return reply.type(out.type).send(out.body);
      },
    );

    app.get(
      "/public/:region/cases/:type",
      {
        config: { access: "public" },
        schema: {
          hide: true,
          params: z.object({ region: Region, type: Code }),
          querystring: PageQ,
        },
      },
      async (req, reply) => {
        const { region, type } = req.params;
        const { lang, page: p } = req.query;
        const decl = registry.caseType(type);
        const data = await publicCases(registry, db, type, region, {
          page: p,
          pageSize: PAGE_SIZE,
        });
        const name = await regionName(region, lang);
        const cols = columnsOf(decl?.publicLabels, data.items, lang);
        const body =
          table(cols, data.items, (r) => `/public/${region}/cases/${type}/${r.id}?lang=${lang}`) +
          pager(`/public/${region}/cases/${type}`, lang, p, PAGE_SIZE, data.total);
        const out = html(
          page({
            title: `${name} · ${t(decl!.label, lang)}`,
            lang,
            body,
            crumbs: [[`/public/${region}?lang=${lang}`, name]],
          }),
        );
        return reply.type(out.type).send(out.body);
      },
    );

    app.get(
      "/public/:region/cases/:type/:id",
      {
        config: { access: "public" },
        schema: {
          hide: true,
          params: z.object({ region: Region, type: Code, id: z.coerce.number().int() }),
          querystring: PageQ,
        },
      },
      async (req, reply) => {
        const { region, type, id } = req.params;
        const lang = req.query.lang;
        const decl = registry.caseType(type);
        const c = await publicCase(registry, db, type, region, id);
        const cols = columnsOf(decl?.publicLabels, [c], lang);
        const body = `<dl>${cols.map((col) => `<dt>${esc(col.label)}</dt><dd>${esc(c[col.key])}</dd>`).join("")}</dl>`;
        const name = await regionName(region, lang);
        const out = html(
          page({
            title: t(decl!.label, lang),
            lang,
            body,
            crumbs: [
              [`/public/${region}?lang=${lang}`, name],
              [`/public/${region}/cases/${type}?lang=${lang}`, t(decl!.label, lang)],
            ],
          }),
        );
        return reply.type(out.type).send(out.body);
      },
    );

    app.get(
      "/public/:region/registers/:code",
      {
        config: { access: "public" },
        schema: {
          hide: true,
          params: z.object({ region: Region, code: Code }),
          querystring: PageQ,
        },
      },
      async (req, reply) => {
        const { region, code } = req.params;
        const { lang, page: p } = req.query;
        const decl = registry.register(code);
        if (!decl?.public)
          throw new NotFoundError(text("没有这个公开台账", `no public register ${code}`));
        const data = await publicEntries(db, decl, region, { page: p, pageSize: PAGE_SIZE });
        const labels = Object.fromEntries(
          decl.public.fields.map((f) => [
            f,
            decl.columns.find((c) => c.field === f)?.label ?? { zh: f, en: f },
          ]),
        );
        const name = await regionName(region, lang);
        const body =
          table(columnsOf(labels, data.items, lang), data.items) +
          pager(`/public/${region}/registers/${code}`, lang, p, PAGE_SIZE, data.total);
        const out = html(
          page({
            title: `${name} · ${t(decl.label, lang)}`,
            lang,
            body,
            crumbs: [[`/public/${region}?lang=${lang}`, name]],
          }),
        );
        return reply.type(out.type).send(out.body);
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

    app.get(
      "/public/audit",
      { config: { access: "public" }, schema: { hide: true, querystring: PageQ } },
      async (req, reply) => {
        const lang = req.query.lang;
        const rows = await services.db.owner
          .selectFrom("audit_anchor")
          .select(["region_code", "anchor_seq", "anchored_at", "digest"])
          .orderBy("anchored_at", "desc")
          .limit(100)
          .execute();
        const body = `<p>${lang === "en" ? "Signed (SM2/SM3) statements of the audit chains; keep copies. Public key:" : "审计日志哈希链的签名锚点（SM2/SM3），欢迎留存。公钥："} <a href="/public/audit/signing-key.pem">signing-key.pem</a></p>${table(
          [
            { key: "region_code", label: lang === "en" ? "Region" : "区域" },
            { key: "anchor_seq", label: "#" },
            { key: "anchored_at", label: lang === "en" ? "Signed at" : "签名时间" },
            { key: "digest", label: "SM3" },
          ],
          rows.map((r) => ({ ...r, anchored_at: r.anchored_at.toISOString() })),
          (r) => `/public/audit/anchors.json?region=${r.region_code}`,
        )}`;
        const out = html(page({ title: lang === "en" ? "Audit anchors" : "审计锚点", lang, body }));
        return reply.type(out.type).send(out.body);
      },
    );
  };
