/**
 * Settings of the execution rules and time-limit extensions (issue 10, part B), declared
 * apart from settings.ts and spread into it. Each with its national default and basis.
 */
import { z } from "zod";
import type { SettingDecl } from "../../../engines/settings.ts";
import { CATEGORIES, type Category, MODULE } from "./common.ts";

export const RECONSIDERATION_FIRST = "enforcement.reconsideration_first";

export interface ReconsiderationFirst {
  /** Enforcement areas whose penalty decisions must go to reconsideration first. */
  categories: Category[];
  /** Violation codes (the benchmark's) whose decisions must go to reconsideration first. */
  violationCodes: string[];
}

export const executionSettings: SettingDecl[] = [
  {
    code: RECONSIDERATION_FIRST,
    label: {
      zh: "复议前置的事项（申请法院强制执行期限按六十日加三个月计算）",
      en: "Matters where reconsideration comes first (court window: 60 days + 3 months)",
    },
    module: MODULE,
    schema: z.object({
      categories: z.array(z.enum(CATEGORIES as [Category, ...Category[]])).max(20),
      violationCodes: z.array(z.string().trim().min(1).max(50)).max(500),
    }),
    default: { categories: [], violationCodes: [] } satisfies ReconsiderationFirst,
    basis: {
      cites: [
        { law: "行政复议法", version: "2023", article: 23 },
        { law: "行政强制法", article: 53 },
        { law: "行政复议法", version: "2023", article: 20 },
      ],
      note: "行政复议法(2023) art. 23: 应当先申请行政复议的情形 (and where a law or regulation says so); 行政强制法 art. 53: 自法定复议、诉讼期限届满之日起三个月内申请 — where reconsideration comes first the party has only the 60 days (art. 20), so the window runs 3 months from their end. National default: none.",
    },
  },
];

export const DECISION_EXTENSION = "enforcement.decision_limit_extension";

export interface DecisionExtensionRule {
  /** One extension of the decision limit by this many days with the head's approval. */
  days: number;
  /** Further extension decided by the leaders' collective discussion. */
  furtherByDiscussion: boolean;
  basis: string;
}

executionSettings.push({
  code: DECISION_EXTENSION,
  label: {
    zh: "行政处罚决定期限的延长（按执法领域）",
    en: "Extending the penalty decision limit (by enforcement area)",
  },
  module: MODULE,
  schema: z.partialRecord(
    z.enum(CATEGORIES as [Category, ...Category[]]),
    z.object({
      days: z.number().int().min(1).max(30),
      furtherByDiscussion: z.boolean(),
      basis: z.string().trim().min(1).max(500),
    }),
  ),
  default: {
    market_regulation: {
      days: 30,
      furtherByDiscussion: true,
      basis:
        "市场监督管理行政处罚程序规定 art. 64 [R]: 因案情复杂或者其他原因，不能在规定期限内作出处理决定的，经负责人批准，可以延长三十日；案情特别复杂或者有其他特殊情况，经延期仍不能作出处理决定的，应当由负责人集体讨论决定是否继续延期",
    },
  } satisfies Partial<Record<Category, DecisionExtensionRule>>,
  basis: {
    cites: [{ law: "行政处罚法", version: "2021", article: 60 }],
    note: "行政处罚法(2021) art. 60: 九十日内作出决定；法律、法规、规章另有规定的，从其规定 — the law itself provides no extension; an area extends only where its rules say so (national default: market regulation's 30 days with the head's approval, then the leaders' collective discussion). The engine caps one extension at 30 days.",
  },
});

/** Where and how fines are paid, as the decision states it (行政处罚法(2021) art. 67 para. 3). */
export const PAYMENT_PLACE = "enforcement.payment_place";

executionSettings.push({
  code: PAYMENT_PLACE,
  label: {
    zh: "罚款缴纳的银行或者电子支付系统（写入处罚决定书）",
    en: "Where fines are paid (printed on the decision)",
  },
  module: MODULE,
  schema: z.string().trim().min(1).max(200),
  default: "指定的银行或者通过电子支付系统",
  basis: {
    cites: [
      { law: "行政处罚法", version: "2021", article: 67, paragraph: 3 },
      { law: "行政处罚法", version: "2021", article: 59, item: 4 },
    ],
    note: "行政处罚法(2021) art. 67 para. 3: 当事人应当自收到行政处罚决定书之日起十五日内，到指定的银行或者通过电子支付系统缴纳罚款 — the decision says how and where (art. 59 (四)); the region names its collecting bank or payment system (national default: the words of the law).",
  },
});
