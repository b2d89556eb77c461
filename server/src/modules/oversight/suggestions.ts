/**
 * Suggestions to the government, each with its reply deadline (a setting, national
 * default beside its basis):
 * - 人大代表建议 / 政协提案 (deputy_suggestion): assigned to a unit, replied, and the
 *   deputy's satisfaction recorded (代表法 art. 18 para. 3 as amended 2010: reply within
 *   three months of assignment; 政协提案工作条例 the same; default 3 months).
 * - 司法建议 / 检察建议 (judicial_suggestion): received, replied (人民检察院检察建议工作
 *   规定 art. 18 and 行政诉讼法 art. 25 para. 4: two months, 15 days when urgent in
 *   public-interest cases; 最高人民法院关于加强司法建议工作的意见: default two months).
 */
import { z } from "zod";
import type { CaseTypeDecl } from "../../engines/case/index.ts";
import { L, labelledEnum } from "../../engines/labels.ts";
import type { SettingDecl } from "../../engines/settings.ts";
import { MODULE, zText } from "./common.ts";

export const DEPUTY_SUGGESTION_TYPE = "deputy_suggestion";
export const JUDICIAL_SUGGESTION_TYPE = "judicial_suggestion";

export const SETTING_DEPUTY_REPLY = "oversight.deputy_reply_months";
export const SETTING_JUDICIAL_REPLY = "oversight.judicial_reply_months";
export const SETTING_PROCURATORIAL_REPLY = "oversight.procuratorial_reply_months";
export const SETTING_URGENT_REPLY = "oversight.urgent_public_interest_reply_days";

const months = z.number().int().min(1).max(12);

export const suggestionSettings: SettingDecl[] = [
  {
    code: SETTING_DEPUTY_REPLY,
    label: {
      zh: "人大代表建议、政协提案答复期限（月）",
      en: "Reply to deputies' suggestions (months)",
    },
    module: MODULE,
    schema: months,
    default: 3,
    basis: {
      cites: [{ law: "全国人民代表大会和地方各级人民代表大会代表法", article: 18, paragraph: 3 }],
      note: "全国人民代表大会和地方各级人民代表大会代表法 art. 18 para. 3 (2010): 自交办之日起三个月内答复; provinces may set shorter periods in their own rules.",
    },
  },
  {
    code: SETTING_JUDICIAL_REPLY,
    label: { zh: "司法建议回复期限（月）", en: "Reply to judicial suggestions (months)" },
    module: MODULE,
    schema: months,
    default: 2,
    basis:
      "最高人民法院关于加强司法建议工作的意见 (法发〔2012〕74号): the court sets the period, usually two months.",
  },
  {
    code: SETTING_PROCURATORIAL_REPLY,
    label: { zh: "检察建议回复期限（月）", en: "Reply to procuratorial suggestions (months)" },
    module: MODULE,
    schema: months,
    default: 2,
    basis: {
      cites: [
        { law: "人民检察院检察建议工作规定", article: 18 },
        {
          law: "最高人民法院、最高人民检察院关于检察公益诉讼案件适用法律若干问题的解释",
          article: 21,
        },
      ],
      note: "人民检察院检察建议工作规定 (2019) art. 18; 最高法最高检检察公益诉讼解释 art. 21: 收到检察建议书之日起两个月内.",
    },
  },
  {
    code: SETTING_URGENT_REPLY,
    label: {
      zh: "紧急情形公益诉讼检察建议回复期限（日）",
      en: "Urgent public-interest suggestions (days)",
    },
    module: MODULE,
    schema: z.number().int().min(1).max(60),
    default: 15,
    basis: {
      cites: [
        {
          law: "最高人民法院、最高人民检察院关于检察公益诉讼案件适用法律若干问题的解释",
          article: 21,
          paragraph: 2,
        },
      ],
      note: "检察公益诉讼解释 (法释〔2018〕6号, 2020 amended) art. 21 para. 2: 出现国家利益或者社会公共利益损害继续扩大等紧急情形的，应当在十五日内书面回复.",
    },
  },
];

const SATISFACTION = {
  satisfied: { zh: "满意", en: "Satisfied" },
  basically: { zh: "基本满意", en: "Basically satisfied" },
  unsatisfied: { zh: "不满意", en: "Not satisfied" },
};

export const deputySuggestionCaseType: CaseTypeDecl<{
  kind: "npc" | "cppcc";
  number: string;
  subject: string;
  proposer: string;
  satisfaction?: string;
}> = {
  code: DEPUTY_SUGGESTION_TYPE,
  label: { zh: "人大代表建议、政协提案", en: "Deputies' suggestions and proposals" },
  module: MODULE,
  fields: z.object({
    kind: labelledEnum(
      {
        npc: { zh: "人大代表建议", en: "NPC deputy suggestion" },
        cppcc: { zh: "政协委员提案", en: "CPPCC proposal" },
      },
      "类别",
      "Kind",
    ),
    number: L(zText(50), "编号", "Number"),
    subject: L(zText(300), "标题", "Subject"),
    proposer: L(zText(200), "代表、委员", "Deputies or members"),
  }),
  title: (f) => `${f.number} ${f.subject}`.slice(0, 120),
  states: {
    assigned: { label: { zh: "已交办", en: "Assigned" } },
    replied: { label: { zh: "已答复", en: "Replied" } },
    closed: { label: { zh: "已办结", en: "Closed" }, terminal: true },
  },
  initial: "assigned",
  stepFields: ["satisfaction"],
  transitions: [
    {
      action: "reply",
      label: { zh: "答复", en: "Reply" },
      from: ["assigned"],
      to: "replied",
      input: z.object({
        category: labelledEnum(
          {
            a: { zh: "A类（已解决或采纳）", en: "A: solved or adopted" },
            b: { zh: "B类（正在解决或列入计划）", en: "B: in progress or planned" },
            c: { zh: "C类（留作参考）", en: "C: kept for reference" },
          },
          "答复类别",
          "Reply category",
        ),
        content: L(zText(4000), "答复内容", "Reply"),
      }),
    },
    {
      action: "feedback",
      label: { zh: "登记代表委员意见", en: "Record the deputy's view" },
      from: ["replied"],
      to: "closed",
      input: z.object({ satisfaction: labelledEnum(SATISFACTION, "满意度", "Satisfaction") }),
      setsFields: ["satisfaction"],
    },
  ],
  clocks: [
    {
      code: "reply",
      label: { zh: "答复期限", en: "Reply deadline" },
      period: (_c, s) => ({ n: s<number>(SETTING_DEPUTY_REPLY), unit: "month" }),
      legalBasis: {
        cites: [{ law: "代表法", article: 18, paragraph: 3 }],
        note: "代表法 art. 18 para. 3; setting oversight.deputy_reply_months",
      },
      startOn: { action: "create" },
      stopOn: [{ action: "reply" }],
    },
  ],
  reads: { settings: [SETTING_DEPUTY_REPLY] },
  search: { fields: ["subject", "proposer", "number"] },
};

export const judicialSuggestionCaseType: CaseTypeDecl<{
  kind: "judicial" | "procuratorial";
  publicInterest?: boolean;
  urgent?: boolean;
  issuer: string;
  documentNo: string;
  subject: string;
}> = {
  code: JUDICIAL_SUGGESTION_TYPE,
  label: { zh: "司法建议、检察建议", en: "Judicial and procuratorial suggestions" },
  module: MODULE,
  fields: z.object({
    kind: labelledEnum(
      {
        judicial: { zh: "司法建议", en: "Judicial suggestion" },
        procuratorial: { zh: "检察建议", en: "Procuratorial suggestion" },
      },
      "类别",
      "Kind",
    ),
    publicInterest: L(
      z.boolean().optional(),
      "公益诉讼诉前检察建议",
      "Pre-suit public-interest suggestion",
    ),
    urgent: L(z.boolean().optional(), "紧急情形", "Urgent"),
    issuer: L(zText(100), "发出机关", "Issued by"),
    documentNo: L(zText(100), "建议书文号", "Document number"),
    subject: L(zText(500), "建议事项", "Subject"),
  }),
  title: (f) => `${f.documentNo} ${f.subject}`.slice(0, 120),
  states: {
    received: { label: { zh: "已收到", en: "Received" } },
    replied: { label: { zh: "已回复", en: "Replied" }, terminal: true },
  },
  initial: "received",
  transitions: [
    {
      action: "reply",
      label: { zh: "书面回复", en: "Reply in writing" },
      from: ["received"],
      to: "replied",
      input: z.object({
        adopted: L(z.boolean(), "采纳并整改", "Adopted and rectified"),
        content: L(zText(4000), "回复内容", "Reply"),
      }),
    },
  ],
  clocks: [
    {
      code: "reply",
      label: { zh: "回复期限", en: "Reply deadline" },
      period: (c, s) =>
        c.fields.kind === "judicial"
          ? { n: s<number>(SETTING_JUDICIAL_REPLY), unit: "month" }
          : c.fields.publicInterest && c.fields.urgent
            ? { n: s<number>(SETTING_URGENT_REPLY), unit: "calendar_day" }
            : { n: s<number>(SETTING_PROCURATORIAL_REPLY), unit: "month" },
      legalBasis: {
        cites: [
          { law: "人民检察院检察建议工作规定", article: 18 },
          {
            law: "最高人民法院、最高人民检察院关于检察公益诉讼案件适用法律若干问题的解释",
            article: 21,
          },
        ],
        docs: ["法发〔2012〕74号"],
        note: "人民检察院检察建议工作规定 art. 18; 检察公益诉讼解释 art. 21; 法发〔2012〕74号",
      },
      startOn: { action: "create" },
      stopOn: [{ action: "reply" }],
    },
  ],
  reads: {
    settings: [SETTING_JUDICIAL_REPLY, SETTING_PROCURATORIAL_REPLY, SETTING_URGENT_REPLY],
  },
  search: { fields: ["subject", "issuer", "documentNo"] },
};
