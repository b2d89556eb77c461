/**
 * 错案责任追究: an accountability review of an act that reconsideration or a court
 * overturned (the seed's next steps: 行政执法责任制 and wrongful-case accountability).
 * Opened by the rule-of-law office (or the reconsideration office) from the reconsideration
 * or litigation case that corrected the act (`opened_from`, across units in the region),
 * naming the officers and reviewers of the original case; its finding is recorded.
 * Bases: 国务院办公厅关于推行行政执法责任制的若干意见 (国办发〔2005〕37号) 四; 行政处罚法(2021)
 * art. 76; 公职人员政务处分法 art. 7 (the sanctions).
 */
import { z } from "zod";
import type { CaseTypeDecl, Guard } from "../../engines/case/index.ts";
import { L, labelledEnum } from "../../engines/labels.ts";
import type { Basis } from "../../kernel/citation.ts";
import { basisEn, basisZh } from "../../kernel/citation.ts";
import { t } from "../../kernel/errors.ts";
import { CORRECTING, MODULE, zText } from "./common.ts";
import { LITIGATION_TYPE } from "./litigation.ts";
import { RECONSIDERATION_TYPE } from "./reconsideration/fields.ts";

export const ACCOUNTABILITY_TYPE = "accountability_review";
const BASIS: Basis = {
  cites: [{ law: "行政处罚法", version: "2021", article: 76 }],
  docs: ["国办发〔2005〕37号"],
  note: "国办发〔2005〕37号; 行政处罚法(2021) art. 76",
};

const SANCTION_LABELS = {
  none: { zh: "不予追责", en: "None" },
  criticism: { zh: "批评教育、责令检查", en: "Criticism, self-examination" },
  warning: { zh: "警告", en: "Warning" },
  demerit: { zh: "记过", en: "Demerit" },
  major_demerit: { zh: "记大过", en: "Major demerit" },
  demotion: { zh: "降级", en: "Demotion" },
  dismissal_from_post: { zh: "撤职", en: "Removal from post" },
  enforcement_suspended: {
    zh: "暂扣执法证件、调离执法岗位",
    en: "Enforcement certificate suspended",
  },
} as const;

/** The case it was opened from corrected the act (a correcting decision or judgment). */
const overturned: Guard<Record<string, unknown>> = async (ctx) => {
  const from = (await ctx.linked("opened_from")).filter((l) => l.direction === "out");
  const corrected = from.some((l) => {
    const o = String(l.fields.outcome ?? l.fields.judgment ?? "");
    return o in CORRECTING || o === "order_performance";
  });
  if (corrected) return undefined;
  return {
    message: t(
      `须先关联纠正该行政行为的行政复议决定或者人民法院裁判${basisZh(BASIS)}`,
      `link the reconsideration decision or judgment that corrected the act first${basisEn(BASIS)}`,
    ),
  };
};

export const accountabilityCaseType: CaseTypeDecl<Record<string, unknown>> = {
  code: ACCOUNTABILITY_TYPE,
  label: { zh: "错案责任追究", en: "Wrongful-case accountability review" },
  module: MODULE,
  fields: z.object({
    subject: L(zText(300), "被纠错的行政行为", "The act overturned"),
    unitName: L(zText(100), "原承办单位", "The unit that acted"),
    officers: L(z.array(zText(50)).min(1).max(20), "承办人员", "Officers"),
    reviewers: L(
      z.array(zText(50)).max(20).default([]),
      "审核、批准人员",
      "Reviewers and approvers",
    ),
  }),
  title: (f) => `错案责任追究：${String(f.subject)}`.slice(0, 120),
  states: {
    open: { label: { zh: "调查中", en: "Under review" } },
    concluded: { label: { zh: "已作出认定", en: "Concluded" }, terminal: true },
  },
  initial: "open",
  stepFields: ["fault", "sanction", "finding"],
  transitions: [
    {
      action: "conclude",
      label: { zh: "作出责任认定", en: "Record the finding" },
      from: ["open"],
      to: "concluded",
      permission: "unit.lead",
      sensitive: true,
      input: z.object({
        fault: labelledEnum(
          {
            none: { zh: "无过错", en: "No fault" },
            minor: { zh: "一般过错", en: "Minor fault" },
            serious: { zh: "重大过错", en: "Serious fault" },
          },
          "过错认定",
          "Fault",
        ),
        sanction: labelledEnum(SANCTION_LABELS, "处理", "Sanction"),
        finding: L(zText(4000), "认定事实和理由", "Finding"),
      }),
      setsFields: ["fault", "sanction", "finding"],
      guards: [overturned],
    },
  ],
  links: [
    {
      code: "opened_from",
      label: { zh: "纠错来源", en: "Opened from" },
      jurisdiction: {
        units: ["yfzqb", "sfj"],
        sameRegion: true,
        legalBasis: BASIS,
      },
      targets: [RECONSIDERATION_TYPE, LITIGATION_TYPE],
      reads: ["outcome", "judgment"],
    },
  ],
};
