/**
 * The portal's annual report page (/public/:region/report): the published report's
 * public version (no personal contact details) through `fazhi_public_reports`, the
 * latest year unless one is asked for, and the earlier years listed. Until a report is
 * published, a notice citing the duty (督察工作规定 第二十四条).
 */
import { type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema.ts";
import { esc } from "./html.ts";

interface PublicReport {
  id: number;
  template: string;
  year: number;
  title: string;
  public_body: {
    draft: { issuer: string; date: string; addressee: string; number?: string };
    paragraphs: { kind: "heading" | "paragraph"; level: number | null; text: string }[];
  };
  fingerprint: string;
  published_on: unknown;
}

const ZH = [
  "一",
  "二",
  "三",
  "四",
  "五",
  "六",
  "七",
  "八",
  "九",
  "十",
  "十一",
  "十二",
  "十三",
  "十四",
  "十五",
];

const dateZh = (v: unknown) => {
  const s = v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10);
  const [y, m, d] = s.split("-").map(Number);
  return `${y}年${m}月${d}日`;
};

export async function publishedReportHtml(
  db: Kysely<DB>,
  region: string,
  year: number | undefined,
): Promise<string> {
  const rows = (await sql<PublicReport>`select * from fazhi_public_reports(${region})`.execute(db))
    .rows;
  if (rows.length === 0) {
    return `<div class="notice" role="status"><p><strong>年度报告尚未在本平台发布。</strong></p><p>依照《法治政府建设与责任落实督察工作规定》第二十四条，地方各级政府和县级以上政府部门于每年4月1日之前，通过报刊、网站等新闻媒体向社会公开上一年度法治政府建设情况报告。报告发布后，将在本栏目全文公开。</p></div>`;
  }
  const shown = rows.find((r) => year === undefined || r.year === year);
  const others = rows.filter((r) => r !== shown);
  const earlier = others.length
    ? `<section aria-labelledby="earlier"><h2 id="earlier">往年报告</h2><ul class="sections">${others
        .map(
          (r) =>
            `<li><a href="/public/${region}/report?year=${r.year}">${esc(r.title.replace(/\n/g, ""))}</a><p>${dateZh(r.published_on)}公开</p></li>`,
        )
        .join("")}</ul></section>`
    : "";
  if (!shown)
    return `<div class="notice" role="status"><p>${esc(year)}年度报告尚未发布。</p></div>${earlier}`;
  const counters = [0, 0, 0, 0];
  const paras = shown.public_body.paragraphs
    .map((p) => {
      if (p.kind !== "heading") return `<p>${esc(p.text)}</p>`;
      const l = Math.min(Math.max((p.level ?? 1) - 1, 0), 3);
      counters[l]!++;
      for (let i = l + 1; i < 4; i++) counters[i] = 0;
      const n = counters[l]!;
      const no =
        l === 0 ? `${ZH[n - 1]}、` : l === 1 ? `（${ZH[n - 1]}）` : l === 2 ? `${n}.` : `（${n}）`;
      return `<h${l + 3}>${esc(no + p.text)}</h${l + 3}>`;
    })
    .join("");
  const d = shown.public_body.draft;
  return `<article class="report"><h2>${esc(shown.title.replace(/\n/g, ""))}</h2>${
    d.number ? `<p class="meta">${esc(d.number)}</p>` : ""
  }<p>${esc(d.addressee)}：</p>${paras}<p class="signature">${esc(d.issuer)}<br>${dateZh(d.date)}</p><p class="meta">${dateZh(shown.published_on)}公开 · 数字指纹（SM3）：<code>${esc(shown.fingerprint)}</code></p></article>${earlier}`;
}
