import type { Label } from "../../kernel/labels.ts";

/** Minimal server-side HTML for the public portal: no JavaScript needed to read it. */
export function esc(v: unknown): string {
  const s =
    v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : String(v);
  return s
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

export type Lang = "zh" | "en";
export const t = (l: Label, lang: Lang) => (lang === "en" ? l.en : l.zh);

const CSS = `body{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:0;color:#222;background:#f6f7f9}
header{background:#b71c1c;color:#fff;padding:12px 24px}header a{color:#fff;text-decoration:none}
main{max-width:1100px;margin:0 auto;padding:16px 24px;background:#fff;min-height:80vh}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #ddd;padding:6px 8px;text-align:left;vertical-align:top}
th{background:#f0f0f0}nav.pages a{margin-right:8px}footer{color:#888;font-size:12px;padding:12px 24px;text-align:center}
dl{display:grid;grid-template-columns:12em 1fr;gap:6px 12px}dt{color:#666}`;

export function page(opts: {
  title: string;
  lang: Lang;
  body: string;
  crumbs?: [string, string][];
}): string {
  const crumbs = (opts.crumbs ?? [])
    .map(([href, text]) => `<a href="${esc(href)}">${esc(text)}</a>`)
    .join(" › ");
  const other = opts.lang === "en" ? "zh" : "en";
  return `<!doctype html>
<html lang="${opts.lang === "en" ? "en" : "zh-CN"}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(opts.title)} — ${opts.lang === "en" ? "Public disclosure" : "政务公开"}</title>
<style>${CSS}</style></head>
<body><header><a href="/public?lang=${opts.lang}"><strong>${opts.lang === "en" ? "Fazhi — public disclosure" : "法治 · 公示公开"}</strong></a>
<span style="float:right"><a href="?lang=${other}">${other === "en" ? "English" : "中文"}</a></span></header>
<main>${crumbs ? `<p>${crumbs}</p>` : ""}<h1>${esc(opts.title)}</h1>${opts.body}</main>
<footer>${opts.lang === "en" ? "Published under the disclosure rules; private parties' personal data are masked." : "依法公开；当事人个人信息已作去标识化处理。"}</footer>
</body></html>`;
}

export function table(
  columns: { key: string; label: string }[],
  rows: Record<string, unknown>[],
  link?: (r: Record<string, unknown>) => string,
): string {
  if (rows.length === 0) return "<p>—</p>";
  const head = columns.map((c) => `<th>${esc(c.label)}</th>`).join("");
  const body = rows
    .map((r) => {
      const cells = columns.map((c, i) => {
        const v = esc(r[c.key]);
        return `<td>${i === 0 && link ? `<a href="${esc(link(r))}">${v || "—"}</a>` : v}</td>`;
      });
      return `<tr>${cells.join("")}</tr>`;
    })
    .join("\n");
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

export function pager(
  base: string,
  lang: Lang,
  page: number,
  pageSize: number,
  total: number,
): string {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages === 1) return "";
  const link = (p: number) =>
    `<a href="${esc(`${base}?lang=${lang}&page=${p}`)}">${p === page ? `<strong>${p}</strong>` : p}</a>`;
  return `<nav class="pages">${Array.from({ length: Math.min(pages, 50) }, (_, i) => link(i + 1)).join("")}</nav>`;
}
