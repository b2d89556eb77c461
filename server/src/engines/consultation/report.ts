import { scrubNumbers } from "../../kernel/masking.ts";
import type { OfficialDocument } from "../../platform/documents/official.ts";
import { formatChineseDate } from "../../platform/documents/official.ts";
import { ANSWER_RESULT_LABELS, type AnswerResult } from "./declare.ts";

/**
 * The consolidated adoption report (意见采纳情况及理由) of one draft: the comments (not
 * hidden) grouped by the article or topic they address, each with its answer and reason,
 * and the counts by result. The same data makes the portal page and the .docx (a 公文 in
 * the GB/T 9704 layout). No submitter's name or contact, ever; numbers in free text are
 * scrubbed (kernel/masking.ts).
 */
export interface ReportComment {
  topic: string;
  body: string;
  answer_result: AnswerResult | null;
  answer_reason: string | null;
  hidden: boolean;
}

export interface AdoptionReport {
  title: string;
  opensOn: string;
  closesOn: string;
  total: number;
  counts: Record<AnswerResult, number>;
  groups: { topic: string; items: { body: string; result: string; reason: string }[] }[];
}

export function adoptionReport(
  k: { title: string; opens_on: string; closes_on: string },
  comments: readonly ReportComment[],
): AdoptionReport {
  const counts: Record<AnswerResult, number> = {
    adopted: 0,
    partly_adopted: 0,
    not_adopted: 0,
    under_study: 0,
  };
  const groups = new Map<string, AdoptionReport["groups"][number]["items"]>();
  const shown = comments.filter((c) => !c.hidden);
  for (const c of shown) {
    if (c.answer_result) counts[c.answer_result]++;
    const topic = c.topic.trim() || "总体意见";
    const items = groups.get(topic) ?? [];
    items.push({
      body: scrubNumbers(c.body),
      result: c.answer_result ? ANSWER_RESULT_LABELS[c.answer_result].zh : "未答复",
      reason: scrubNumbers(c.answer_reason ?? ""),
    });
    groups.set(topic, items);
  }
  return {
    title: k.title,
    opensOn: k.opens_on,
    closesOn: k.closes_on,
    total: shown.length,
    counts,
    groups: [...groups.entries()]
      .sort(([a], [b]) => a.localeCompare(b, "zh"))
      .map(([topic, items]) => ({ topic, items })),
  };
}

/** The report as an official document of the drafting unit. */
export function adoptionReportDocument(
  r: AdoptionReport,
  issuer: { name: string; date: string },
): OfficialDocument {
  const c = r.counts;
  const summary = `${formatChineseDate(r.opensOn)}至${formatChineseDate(r.closesOn)}，《${r.title}》向社会公开征求意见，共收到意见${r.total}条，其中采纳${c.adopted}条、部分采纳${c.partly_adopted}条、不予采纳${c.not_adopted}条、研究中${c.under_study}条。现将意见采纳情况及理由说明如下。`;
  const body: OfficialDocument["body"] = [summary];
  for (const g of r.groups) {
    body.push({ kind: "heading", level: 1, text: g.topic });
    body.push({
      kind: "table",
      widths: [1, 5, 2, 5],
      rows: [
        ["序号", "意见内容", "采纳情况", "理由"],
        ...g.items.map((it, i) => [String(i + 1), it.body, it.result, it.reason || "—"]),
      ],
    });
  }
  if (r.groups.length === 0) body.push("征求意见期间未收到意见。");
  return {
    issuerMark: `${issuer.name}文件`,
    title: `关于《${r.title}》公开征求意见采纳情况及理由的说明`,
    body,
    issuer: issuer.name,
    date: issuer.date,
    seal: false,
  };
}
