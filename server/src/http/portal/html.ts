/**
 * The portal's HTML: server-rendered, no script, one small style sheet (portal.css),
 * in Chinese (lang="zh-CN"), with landmarks (header, nav, main, footer), one h1 per page,
 * a skip link and breadcrumbs. Lists are tables that become cards on a phone (the cells
 * carry their column's name for that); long numbers wrap instead of widening the page.
 */

/** Text for HTML: escaped; objects never reach a page as JSON (callers format them). */
export function esc(v: unknown): string {
  const s = v === null || v === undefined || typeof v === "object" ? "" : String(v);
  return s
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** A query string from the given pairs, leaving out empty values. */
export function qs(params: Record<string, string | number | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : "";
}

export interface Site {
  /** The region's code and name (the portal of one district), if the page is in one. */
  region?: { code: string; name: string };
}

export const STYLESHEET = "/public/assets/portal.css";
export const VERIFY_PAGE = "/public/verify";

function siteNav(site: Site, current?: string): string {
  if (!site.region) return "";
  const r = `/public/${site.region.code}`;
  const items: [string, string, string][] = [
    ["home", r, "首页"],
    ["before", `${r}/stages/before`, "事前公开"],
    ["during", `${r}/stages/during`, "事中公开"],
    ["after", `${r}/stages/after`, "事后公开"],
    ["documents", `${r}/stages/documents`, "公开文件"],
    ["consultations", `${r}/consultations`, "意见征集"],
    ["report", `${r}/report`, "年度报告"],
    ["search", `${r}/search`, "检索"],
  ];
  const links = items
    .map(
      ([key, href, text]) =>
        `<li><a href="${esc(href)}"${key === current ? ' aria-current="page"' : ""}>${esc(text)}</a></li>`,
    )
    .join("");
  return `<nav class="site-nav" aria-label="栏目导航"><ul>${links}</ul></nav>`;
}

export function page(opts: {
  title: string;
  site: Site;
  body: string;
  /** Breadcrumbs above the title: [address, text]; the page itself is added last. */
  crumbs?: [string, string][];
  /** The navigation item of this page. */
  current?: string;
  /** A line under the title. */
  lead?: string;
}): string {
  const { site } = opts;
  const home = site.region ? `/public/${site.region.code}` : "/public";
  const brand = site.region ? `${site.region.name}行政执法公示` : "行政执法公示";
  const crumbs = opts.crumbs?.length
    ? `<nav class="crumbs" aria-label="当前位置"><ol>${opts.crumbs
        .map(([href, text]) => `<li><a href="${esc(href)}">${esc(text)}</a></li>`)
        .join("")}<li aria-current="page">${esc(opts.title)}</li></ol></nav>`
    : "";
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(opts.title)} — ${esc(brand)}</title>
<link rel="stylesheet" href="${STYLESHEET}"></head>
<body><a class="skip" href="#main">跳到正文</a>
<header class="site"><div class="wrap"><a class="brand" href="${esc(home)}">${esc(brand)}</a></div>${siteNav(site, opts.current)}</header>
<main id="main" class="wrap">${crumbs}<h1>${esc(opts.title)}</h1>${opts.lead ? `<p class="lead">${opts.lead}</p>` : ""}${opts.body}</main>
<footer class="site"><div class="wrap"><p>依法主动公开。自然人当事人的姓名已作去标识化处理，身份证号码、联系电话等个人信息不予公开。</p>
<p><a href="${VERIFY_PAGE}">公开数据防篡改核验</a></p></div></footer>
</body></html>`;
}

export interface Column {
  key: string;
  label: string;
}

/**
 * A list: a table on a wide screen, a card per row on a phone (portal.css). Cells are
 * HTML already (the caller escapes). The first column is the row's heading and link.
 */
export function list(
  columns: Column[],
  rows: { href?: string; cells: Record<string, string> }[],
  caption: string,
): string {
  if (rows.length === 0) return `<p class="empty">暂无公开信息。</p>`;
  const head = columns.map((c) => `<th scope="col">${esc(c.label)}</th>`).join("");
  const body = rows
    .map((r) => {
      const cells = columns.map((c, i) => {
        const v = r.cells[c.key] || "—";
        if (i === 0)
          return `<th scope="row">${r.href ? `<a href="${esc(r.href)}">${v}</a>` : v}</th>`;
        return `<td data-label="${esc(c.label)}">${v}</td>`;
      });
      return `<tr>${cells.join("")}</tr>`;
    })
    .join("\n");
  return `<table class="list"><caption class="sr-only">${esc(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** A definition list of labelled values (HTML values; empty ones left out). */
export function details(items: [string, string][]): string {
  const shown = items.filter(([, v]) => v !== "");
  return `<dl class="fields">${shown.map(([k, v]) => `<div><dt>${esc(k)}</dt><dd>${v}</dd></div>`).join("")}</dl>`;
}

/**
 * Compact pagination: previous, "第 n 页 / 共 m 页", next, and a few page numbers
 * around the current one (hidden on a phone).
 */
export function pager(href: (p: number) => string, page: number, pages: number): string {
  if (pages <= 1) return "";
  const around: number[] = [];
  for (let p = Math.max(1, page - 2); p <= Math.min(pages, page + 2); p++) around.push(p);
  const num = (p: number) =>
    p === page
      ? `<li class="num"><span aria-current="page">${p}</span></li>`
      : `<li class="num"><a href="${esc(href(p))}" aria-label="第 ${p} 页">${p}</a></li>`;
  const nums = [
    ...(around[0]! > 1 ? [num(1), ...(around[0]! > 2 ? ['<li class="num gap">…</li>'] : [])] : []),
    ...around.map(num),
    ...(around.at(-1)! < pages
      ? [...(around.at(-1)! < pages - 1 ? ['<li class="num gap">…</li>'] : []), num(pages)]
      : []),
  ];
  const prev = page > 1 ? `<li><a href="${esc(href(page - 1))}" rel="prev">上一页</a></li>` : "";
  const next =
    page < pages ? `<li><a href="${esc(href(page + 1))}" rel="next">下一页</a></li>` : "";
  return `<nav class="pager" aria-label="分页"><ul>${prev}${nums.join("")}${next}</ul><p>第 ${page} 页，共 ${pages} 页</p></nav>`;
}

/** A date of the form 2020-03-05 as 2020年3月5日 (anything else unchanged). */
export function dateZh(v: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : v;
}
