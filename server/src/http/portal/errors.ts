import type { FastifyReply, FastifyRequest } from "fastify";
import { errorHandler, toEnvelope } from "../errors.ts";
import { page } from "./html.ts";

/**
 * The portal's error pages: a citizen who mistypes an address gets a page in Chinese,
 * never the API's JSON envelope. The portal's pages are /public and everything under
 * it except the JSON and files (/public/api/…, /public/audit/anchors.json, the key).
 */
export function isPortalPage(url: string): boolean {
  const path = url.split("?")[0] ?? "";
  if (path !== "/public" && !path.startsWith("/public/")) return false;
  if (path.startsWith("/public/api/") || path === "/public/api") return false;
  return !/\.(json|pem)$/.test(path);
}

const PAGES: Record<number, { title: string; text: string }> = {
  400: {
    title: "地址有误",
    text: "您访问的地址或检索条件格式不正确，请检查后重试，或从首页进入。",
  },
  404: {
    title: "页面不存在",
    text: "您访问的页面不存在，或相关信息已不再公开。请从首页进入，或使用检索查找。",
  },
  429: { title: "访问过于频繁", text: "请稍后再试。" },
  500: {
    title: "系统暂时无法处理",
    text: "系统暂时无法处理您的请求，请稍后再试。",
  },
};

export function portalErrorPage(status: number): { status: number; body: string } {
  const shown = status === 404 || status === 429 ? status : status >= 500 ? 500 : 400;
  const p = PAGES[shown]!;
  const body = `<p>${p.text}</p><p><a href="/public">返回公示首页</a></p>`;
  return { status, body: page({ title: p.title, site: {}, body }) };
}

/** The app's error handler: portal pages get HTML, everything else the JSON envelope. */
export function appErrorHandler(err: unknown, req: FastifyRequest, reply: FastifyReply) {
  if (!isPortalPage(req.url)) return errorHandler(err, req, reply);
  const { status } = toEnvelope(err);
  if (status >= 500) req.log.error({ err }, "unhandled error");
  // An address whose parts do not fit (a region that is not six digits, an id that is
  // not a number) names no page: 404. A refused query (400, 422) reads as 400.
  const inParams = (err as { validationContext?: string }).validationContext === "params";
  const shown = inParams ? 404 : status === 422 ? 400 : status;
  const out = portalErrorPage(shown);
  return reply.status(out.status).type("text/html; charset=utf-8").send(out.body);
}
