import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  formToken,
  MAX_AUTHOR,
  MAX_COMMENT,
  MAX_CONTACT,
  MAX_TOPIC,
  publicConsultation,
  publicConsultations,
  submitComment,
  tokenProblem,
} from "../../engines/consultation/public.ts";
import { adoptionReportDocument } from "../../engines/consultation/report.ts";
import { SETTING_REAL_NAME } from "../../engines/consultation/settings.ts";
import { settingsFor } from "../../engines/settings.ts";
import { DomainError, textOf } from "../../kernel/errors.ts";
import { toLocalDate } from "../../kernel/time/index.ts";
import { loadOrCreateFieldKey } from "../../platform/crypto/keys.ts";
import { renderOfficialDocument } from "../../platform/documents/official.ts";
import type { Services } from "../context.ts";
import { dateZh, details, esc, list, page } from "./html.ts";
import { Region, regionSite } from "./routes.ts";

/** Comments per address and minute (the platform's first write path open to anyone). */
export const COMMENT_RATE = { max: 5, timeWindow: "1 minute" } as const;
/** The largest form body taken (the comment's limit is checked again on the text). */
const FORM_BYTES = 64 * 1024;

/**
 * Public comment on the portal (公开征求意见; engines/consultation): the region's drafts,
 * one draft's page with its text, the comment form while it is open, the comments that
 * are not hidden with their published answers, and the published adoption report (.docx).
 * Script-free: a plain HTML form, posted with a token the page carries (tokenProblem),
 * from our own origin, rate-limited per address, size-limited.
 */
export const consultationPortalRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const db = services.db.app;
    const key = loadOrCreateFieldKey(services.config.keyDir);
    const hidden = { config: { access: "public" as const }, schema: { hide: true } };
    const html = "text/html; charset=utf-8";
    const P = z.object({
      region: Region,
      id: z.coerce
        .number()
        .int()
        .positive()
        .max(2 ** 53),
    });

    // Plain HTML forms post application/x-www-form-urlencoded (only in this plugin).
    app.addContentTypeParser(
      "application/x-www-form-urlencoded",
      { parseAs: "string", bodyLimit: FORM_BYTES },
      (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
    );

    app.get(
      "/public/:region/consultations",
      { ...hidden, schema: { hide: true, params: z.object({ region: Region }) } },
      async (req, reply) => {
        const site = await regionSite(services, req.params.region);
        const today = toLocalDate(services.clock());
        const items = await publicConsultations(db, req.params.region, today);
        const body = list(
          [
            { key: "title", label: "草案名称" },
            { key: "period", label: "征求意见期间" },
            { key: "status", label: "状态" },
          ],
          items.map((c) => ({
            href: `/public/${req.params.region}/consultations/${c.id}`,
            cells: {
              title: esc(c.title),
              period: `${dateZh(c.opensOn)}至${dateZh(c.closesOn)}`,
              status: c.open ? "正在征求意见" : c.answersPublished ? "已答复" : "已截止",
            },
          })),
          "征求意见草案",
        );
        return reply.type(html).send(
          page({
            title: "公开征求意见",
            site,
            lead: "行政规范性文件和重大行政决策草案向社会公开征求意见。提交意见无须注册。",
            body,
            crumbs: [[`/public/${req.params.region}`, "首页"]],
          }),
        );
      },
    );

    const render = async (
      region: string,
      id: number,
      opts: {
        status?: number;
        errors?: string[];
        submitted?: boolean;
        values?: Record<string, string>;
      } = {},
    ) => {
      const site = await regionSite(services, region);
      const now = services.clock();
      const today = toLocalDate(now);
      const { consultation: c, comments, report } = await publicConsultation(db, region, id, today);
      const settings = await settingsFor(db, services.registry, region, today);
      const realName = settings<boolean>(SETTING_REAL_NAME);
      const v = opts.values ?? {};
      const parts: string[] = [];
      parts.push(
        details([
          ["征求意见期间", `${dateZh(c.opensOn)}至${dateZh(c.closesOn)}`],
          ["状态", c.open ? "正在征求意见" : c.answersPublished ? "已公布答复" : "征求意见已截止"],
        ]),
      );
      if (c.draft)
        parts.push(
          `<section aria-labelledby="draft"><h2 id="draft">草案全文</h2><div class="text">${esc(c.draft).replaceAll("\n", "<br>")}</div></section>`,
        );
      if (opts.submitted)
        parts.push(`<p class="notice" role="status">您的意见已提交，感谢参与。</p>`);
      if (opts.errors?.length)
        parts.push(
          `<div class="errors" role="alert"><p>意见未能提交：</p><ul>${opts.errors.map((e) => `<li>${esc(e)}</li>`).join("")}</ul></div>`,
        );
      if (c.open) {
        const token = formToken(await key, region, id, now);
        parts.push(`<section aria-labelledby="form-h"><h2 id="form-h">提交意见</h2>
<form method="post" action="/public/${esc(region)}/consultations/${id}/comments" class="comment">
<input type="hidden" name="token" value="${esc(token)}">
<p><label for="topic">针对的条款或主题（选填）</label><input id="topic" name="topic" maxlength="${MAX_TOPIC}" value="${esc(v.topic ?? "")}"></p>
<p><label for="body">意见内容（必填，不超过${MAX_COMMENT}字）</label><textarea id="body" name="body" rows="8" maxlength="${MAX_COMMENT}" required>${esc(v.body ?? "")}</textarea></p>
<p><label for="author">姓名${realName ? "（必填）" : "（选填）"}</label><input id="author" name="author" maxlength="${MAX_AUTHOR}"${realName ? " required" : ""} value="${esc(v.author ?? "")}"></p>
<p><label for="contact">联系电话（选填，仅供起草单位联系，不公开）</label><input id="contact" name="contact" type="tel" maxlength="${MAX_CONTACT}"></p>
<p><button type="submit">提交意见</button></p></form></section>`);
      }
      parts.push(
        `<section aria-labelledby="comments-h"><h2 id="comments-h">收到的意见${c.answersPublished ? "及答复" : ""}</h2>`,
      );
      if (comments.length === 0) parts.push(`<p class="empty">暂无意见。</p>`);
      for (const m of comments) {
        parts.push(
          `<article class="comment"><h3>${esc(m.topic || "总体意见")}（${dateZh(m.submittedOn)}）</h3><p>${esc(m.body)}</p>${
            m.answer
              ? `<p class="answer"><strong>答复：${esc(m.answer.result)}</strong>${m.answer.reason ? `。${esc(m.answer.reason)}` : ""}</p>`
              : ""
          }</article>`,
        );
      }
      parts.push("</section>");
      if (report)
        parts.push(
          `<section aria-labelledby="report-h"><h2 id="report-h">意见采纳情况及理由</h2><p>共收到意见${report.total}条，其中采纳${report.counts.adopted}条、部分采纳${report.counts.partly_adopted}条、不予采纳${report.counts.not_adopted}条、研究中${report.counts.under_study}条。</p><p><a href="/public/${esc(region)}/consultations/${id}/report.docx">下载意见采纳情况及理由（Word 文档）</a></p></section>`,
        );
      return {
        status: opts.status ?? 200,
        body: page({
          title: c.title,
          site,
          body: parts.join(""),
          crumbs: [
            [`/public/${region}`, "首页"],
            [`/public/${region}/consultations`, "公开征求意见"],
          ],
        }),
      };
    };

    app.get(
      "/public/:region/consultations/:id",
      {
        ...hidden,
        schema: {
          hide: true,
          params: P,
          querystring: z.object({ submitted: z.string().optional() }),
        },
      },
      async (req, reply) => {
        const out = await render(req.params.region, req.params.id, {
          submitted: req.query.submitted === "1",
        });
        return reply.status(out.status).type(html).send(out.body);
      },
    );

    app.post(
      "/public/:region/consultations/:id/comments",
      {
        config: { access: "public" as const, csrf: false, rateLimit: COMMENT_RATE },
        bodyLimit: FORM_BYTES,
        schema: {
          hide: true,
          params: P,
          body: z.record(z.string(), z.string()),
        },
      },
      async (req, reply) => {
        const { region, id } = req.params;
        const form = req.body;
        const now = services.clock();
        const today = toLocalDate(now);
        const fieldKey = await key;
        // Our own form only: a token this server issued for this draft, and no foreign Origin.
        const origin = req.headers.origin;
        const host = req.headers.host;
        const foreign =
          typeof origin === "string" && origin !== "null" && host && new URL(origin).host !== host;
        if (foreign || tokenProblem(fieldKey, region, id, form.token, now)) {
          const out = await render(region, id, {
            status: 403,
            errors: ["表单已失效或来源不明，请刷新页面后重新提交。"],
            values: form,
          });
          return reply.status(out.status).type(html).send(out.body);
        }
        try {
          const settings = await settingsFor(db, services.registry, region, today);
          await submitComment(
            db,
            fieldKey,
            { region, id, today, now, realNameRequired: settings<boolean>(SETTING_REAL_NAME) },
            form,
          );
        } catch (e) {
          if (!(e instanceof DomainError)) throw e;
          const errors = e.fields?.length ? e.fields.map((f) => textOf(f.message).zh) : [e.text.zh];
          const status = e.code === "validation" ? 400 : e.code === "not_found" ? 404 : 409;
          const out = await render(region, id, {
            status,
            errors,
            values: form,
          });
          return reply.status(out.status).type(html).send(out.body);
        }
        return reply.redirect(`/public/${region}/consultations/${id}?submitted=1`, 303);
      },
    );

    app.get(
      "/public/:region/consultations/:id/report.docx",
      { ...hidden, schema: { hide: true, params: P } },
      async (req, reply) => {
        const { region, id } = req.params;
        const today = toLocalDate(services.clock());
        const { report } = await publicConsultation(db, region, id, today);
        if (!report)
          return reply
            .status(404)
            .type(html)
            .send((await render(region, id, { status: 404 })).body);
        const site = await regionSite(services, region);
        const doc = adoptionReportDocument(report, {
          name: `${site.region!.name}人民政府`,
          date: today,
        });
        const buf = await renderOfficialDocument(doc);
        return reply
          .type("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
          .header(
            "content-disposition",
            `attachment; filename*=UTF-8''${encodeURIComponent("意见采纳情况及理由.docx")}`,
          )
          .send(buf);
      },
    );
  };
