import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Services } from "../context.ts";
import { esc, list, page, qs, VERIFY_PAGE } from "./html.ts";

/**
 * The verification page (公开数据防篡改核验): the audit chains' signed anchors, for those who
 * check that published records were not altered. Off the citizen's home page; linked from
 * every page's footer by its purpose. The old address /public/audit leads here.
 */
export const verifyRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const hidden = { config: { access: "public" as const }, schema: { hide: true } };
    app.get("/public/audit", hidden, async (_req, reply) => reply.redirect(VERIFY_PAGE, 301));
    app.get(VERIFY_PAGE, hidden, async (_req, reply) => {
      const rows = await services.db.owner
        .selectFrom("audit_anchor")
        .innerJoin("region", "region.code", "audit_anchor.region_code")
        .select([
          "audit_anchor.region_code",
          "region.name_zh",
          "audit_anchor.anchor_seq",
          "audit_anchor.anchored_at",
          "audit_anchor.digest",
        ])
        .orderBy("audit_anchor.anchored_at", "desc")
        .limit(100)
        .execute();
      const cols = [
        { key: "region", label: "行政区域" },
        { key: "seq", label: "锚点序号" },
        { key: "at", label: "签名时间" },
        { key: "digest", label: "摘要值" },
      ];
      const fmt = new Intl.DateTimeFormat("zh-CN", {
        timeZone: "Asia/Shanghai",
        dateStyle: "long",
        timeStyle: "short",
      });
      const table = list(
        cols,
        rows.map((r) => ({
          href: `/public/audit/anchors.json${qs({ region: r.region_code })}`,
          cells: {
            region: esc(r.name_zh),
            seq: esc(r.anchor_seq),
            at: esc(fmt.format(r.anchored_at)),
            digest: `<code>${esc(r.digest)}</code>`,
          },
        })),
        "签名锚点",
      );
      const body = `<p>平台对每个行政区域的操作记录（审计日志）逐条计算哈希链，并定期用国密算法签名，形成“锚点”。留存锚点后，可以用公钥核验此后公开的操作记录是否被改动。</p><p><a href="/public/audit/signing-key.pem">下载签名公钥</a></p>${table}`;
      return reply
        .type("text/html; charset=utf-8")
        .send(page({ title: "公开数据防篡改核验", site: {}, body }));
    });
  };
