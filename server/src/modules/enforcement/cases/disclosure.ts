/**
 * 行政处罚决定公开 (事后公开): the publication record a penalty decision opens when it must
 * be published (penalty/publication.ts, setting-driven scope). It carries what may be
 * published — a snapshot of the decision with the party's ID number never copied and free
 * text scrubbed — and its own clocks:
 * - publication: N working days from the decision (settings: 国办发〔2018〕118号 7 working
 *   days; 总局令第45号 20 working days for market regulation), stopped by publication;
 * - withdrawal: 3 working days from the decision being changed, revoked, confirmed
 *   illegal or invalid (a step on the linked penalty case), stopped by the withdrawal
 *   (行政处罚法(2021) art. 48 para. 2; 总局令第45号 art. 11).
 * Overdue, either appears on the warning list. The public projection shows the decision
 * (natural persons masked, legal persons with their USCC, minors never); once withdrawn
 * it shows the withdrawal and its reason instead.
 */

import { z } from "zod";
import type { CaseTypeDecl, CaseView } from "../../../engines/case/index.ts";
import { zUscc } from "../../../kernel/codes/uscc.ts";
import { t } from "../../../kernel/errors.ts";
import { maskName, publicationBlockedBy } from "../../../kernel/masking.ts";
import { addPeriod, compareLocalDate, type LocalDate } from "../../../kernel/time/index.ts";
import {
  CATEGORY_LABELS,
  type Category,
  L,
  labelledEnum,
  MODULE,
  PARTY_KIND_LABELS,
  scrub,
  zCategory,
  zDay,
} from "./common.ts";
import { ALTERATION_LABELS } from "./labels.ts";
import { DISCLOSURE_TYPE } from "./penalty/index.ts";
import { endPublicationStep, PublicMonthsField, publicationTermClock } from "./publication-term.ts";
import { penaltyRulesAt } from "./rules.ts";

export const PUBLICATION_CHANNEL_LABELS = {
  government_portal: { zh: "政府门户网站行政执法公示专栏", en: "Government portal (enforcement)" },
  credit_system: {
    zh: "国家企业信用信息公示系统",
    en: "National enterprise credit information system",
  },
  credit_china: { zh: "信用中国（重庆）", en: "Credit China (Chongqing)" },
  other: { zh: "其他", en: "Other" },
} as const;

export const DisclosureFields = z.object({
  penaltyCaseId: L(z.number().int().positive(), "处罚案件", "Penalty case"),
  decisionNumber: L(z.string().trim().min(1).max(100), "决定书文号", "Decision number"),
  decidedOn: L(zDay, "决定日期", "Decided on"),
  bodyName: L(z.string().trim().min(1).max(200), "处罚机关", "Body"),
  category: zCategory,
  party: z
    .object({
      kind: labelledEnum(PARTY_KIND_LABELS, "当事人类别", "Kind of party"),
      name: L(z.string().trim().min(1).max(200), "姓名或名称", "Name"),
      uscc: L(zUscc.optional(), "统一社会信用代码", "Unified social credit code"),
      minor: L(z.boolean().default(false), "未成年人", "Minor"),
    })
    .meta({ label: { zh: "当事人", en: "Party" } }),
  violation: L(z.string().trim().min(1).max(500), "违法行为类型", "Violation"),
  facts: L(z.string().max(10000).default(""), "主要违法事实", "Facts"),
  penalty: L(z.string().trim().min(1).max(1000), "处罚内容", "Penalty"),
  legalBasis: L(z.string().max(2000).default(""), "处罚依据", "Legal basis"),
  fineAmount: L(z.number().nonnegative().default(0), "罚款金额（元）", "Fine (yuan)"),
  workingDays: L(
    z.number().int().min(1).max(60),
    "公开时限（工作日）",
    "Time limit (working days)",
  ),
  scopeBasis: L(z.string().max(1000).default(""), "公开依据", "Basis"),
  // issue 10 fault 12: the term of publication (publication-term.ts)
  ...PublicMonthsField,
});

export interface DisclosureCase extends z.infer<typeof DisclosureFields> {
  publishedOn?: LocalDate;
  publicationDue?: LocalDate;
  publishedOnTime?: boolean;
  channel?: keyof typeof PUBLICATION_CHANNEL_LABELS;
  withdrawnOn?: LocalDate;
  withdrawalGround?: keyof typeof ALTERATION_LABELS;
  withdrawalReason?: string;
  notPublishedReason?: string;
}

/** How the party appears in public: a natural person masked; an organisation with its USCC. */
export function publicParty(p: DisclosureCase["party"]): string {
  if (p.kind === "natural_person") return maskName(p.name);
  return p.uscc ? `${p.name}（统一社会信用代码：${p.uscc}）` : p.name;
}

function projection(c: CaseView<DisclosureCase>): Record<string, unknown> | undefined {
  const f = c.fields;
  const role = f.party.minor
    ? "minor"
    : f.party.kind === "natural_person"
      ? "party_natural"
      : "legal_person";
  if (publicationBlockedBy([role])) return undefined;
  const names = f.party.kind === "natural_person" ? [f.party.name] : [];
  if (c.state === "withdrawn") {
    return {
      number: f.decisionNumber,
      body: f.bodyName,
      status: "已撤回",
      withdrawnOn: f.withdrawnOn,
      withdrawalGround: f.withdrawalGround ? ALTERATION_LABELS[f.withdrawalGround].zh : undefined,
      withdrawalReason: scrub(f.withdrawalReason ?? "", names),
    };
  }
  if (c.state === "taken_down") {
    return { number: f.decisionNumber, body: f.bodyName, status: "已撤下" };
  }
  if (c.state !== "published") return undefined;
  return {
    number: f.decisionNumber,
    body: f.bodyName,
    status: "已公开",
    party: publicParty(f.party),
    area: CATEGORY_LABELS[f.category as Category]?.zh,
    violation: scrub(f.violation, names),
    facts: scrub(f.facts, names),
    penalty: scrub(f.penalty, names),
    legalBasis: scrub(f.legalBasis, names),
    decidedOn: f.decidedOn,
    publishedOn: f.publishedOn,
  };
}

export const disclosureCaseType: CaseTypeDecl<DisclosureCase> = {
  code: DISCLOSURE_TYPE,
  label: { zh: "行政处罚决定公开", en: "Publication of a penalty decision" },
  module: MODULE,
  fields: DisclosureFields,
  // Opened only by the penalty decision (penalty/review-and-decision.ts): its case, number,
  // body (from the register) and party are the decision's, never typed in — a record
  // opened over HTTP could publish a decision that was never made.
  openedBy: "step",
  title: (f) => `${f.decisionNumber}（${f.party.name}）`,
  states: {
    pending: { label: { zh: "待公开", en: "To be published" } },
    published: { label: { zh: "已公开", en: "Published" } },
    // The decision was changed, revoked, or confirmed illegal or invalid: off the portal at
    // once (a follow-up of the penalty case's step); the withdrawal with its reason follows.
    taken_down: {
      label: { zh: "已撤下（待公开撤回理由）", en: "Taken down (withdrawal to be recorded)" },
    },
    withdrawn: { label: { zh: "已撤回", en: "Withdrawn" }, terminal: true },
    not_published: { label: { zh: "不予公开", en: "Not published" }, terminal: true },
    ended: {
      label: { zh: "公示期满，已停止公示", en: "Term over, no longer public" },
      terminal: true,
    },
  },
  initial: "pending",
  transitions: [
    {
      action: "publish",
      label: { zh: "公开", en: "Publish" },
      from: ["pending"],
      to: "published",
      // 市场监督管理行政处罚信息公示规定 第十六条: 行政处罚信息公示内部审核 — the unit's
      // leader approves what is published (the handler who keyed it in does not).
      permission: "unit.lead",
      input: z.object({
        channel: labelledEnum(PUBLICATION_CHANNEL_LABELS, "公开渠道", "Where"),
      }),
      setsFields: ["channel"],
      guards: [
        (ctx) =>
          ctx.case.fields.party.minor
            ? {
                // 未成年人保护法 第一百零三条 (kernel/masking.ts, role minor)
                message: t(
                  "当事人为未成年人，处罚决定不予公开（依据《中华人民共和国未成年人保护法》第一百零三条）",
                  "the party is a minor: the decision is not published (未成年人保护法 art. 103)",
                ),
              }
            : undefined,
      ],
      derive: (ctx) => {
        const due = addPeriod(ctx.calendar, ctx.case.fields.decidedOn as LocalDate, {
          n: ctx.case.fields.workingDays,
          unit: "working_day",
        }).due;
        return {
          publishedOn: ctx.onDate,
          publicationDue: due,
          publishedOnTime: compareLocalDate(ctx.onDate, due) <= 0,
        };
      },
    },
    {
      action: "not_publish",
      label: { zh: "不予公开", en: "Do not publish" },
      from: ["pending"],
      to: "not_published",
      sensitive: true,
      // A decision changed, revoked, or confirmed illegal or invalid before it was published
      // is not published (行政处罚法(2021) art. 48 para. 2; 总局令第45号 art. 11).
      viaLink: ["follows"],
      input: z.object({
        notPublishedReason: L(
          z.string().trim().min(1, "required").max(1000),
          "不予公开的理由",
          "Why it is not published",
        ),
      }),
      setsFields: ["notPublishedReason"],
    },
    endPublicationStep,
    {
      action: "take_down",
      label: { zh: "撤下公开信息", en: "Take the decision off the portal" },
      from: ["published"],
      to: "taken_down",
      // Only as the follow-up of the penalty case's alteration (penalty/endings.ts).
      viaLink: ["follows"],
    },
    {
      action: "withdraw",
      label: { zh: "撤回公开", en: "Withdraw the publication" },
      from: ["published", "taken_down"],
      to: "withdrawn",
      sensitive: true,
      input: z.object({
        withdrawalGround: labelledEnum(ALTERATION_LABELS, "撤回情形", "Ground"),
        withdrawalReason: L(
          z.string().trim().min(1, "required").max(1000),
          "撤回理由（公开）",
          "Reason (published)",
        ),
      }),
      setsFields: ["withdrawalGround", "withdrawalReason"],
      derive: (ctx) => ({ withdrawnOn: ctx.onDate }),
    },
  ],
  clocks: [
    publicationTermClock,
    {
      code: "publication",
      label: { zh: "公开时限", en: "Time limit for publication" },
      period: (c) => ({ n: c.fields.workingDays, unit: "working_day" }),
      legalBasis: {
        cites: [{ law: "市场监督管理行政处罚信息公示规定", article: 9 }],
        docs: ["国办发〔2018〕118号"],
        note: "国办发〔2018〕118号: 7个工作日 [S]; 市场监督管理行政处罚信息公示规定 art. 9: 二十个工作日 (setting enforcement.publication_*)",
      },
      startOn: { action: "create" },
      stopOn: [{ action: "publish" }, { action: "not_publish" }],
    },
    {
      code: "withdrawal",
      label: { zh: "撤回公开时限", en: "Time limit for withdrawal" },
      period: (c) => penaltyRulesAt(c.fields.decidedOn).rules.withdrawal.value,
      legalBasis: {
        cites: [
          { law: "行政处罚法", version: "2021", article: 48, paragraph: 2 },
          { law: "行政处罚法", version: "2021", article: 85 },
          { law: "市场监督管理行政处罚信息公示规定", article: 11 },
        ],
        note: "行政处罚法(2021) art. 48 para. 2: 决定被变更、撤销、确认违法或者确认无效的，应当在三日内撤回并公开说明理由 (art. 85: 工作日); 市场监督管理行政处罚信息公示规定 art. 11",
      },
      startOn: { action: "alter_decision", viaLink: "follows" },
      stopOn: [{ action: "withdraw" }, { action: "not_publish" }],
      dueSoon: { n: 2, unit: "working_day" },
    },
  ],
  links: ["follows"],
  people: [{ field: "party", role: "party_natural" }],
  publicStates: ["published", "taken_down", "withdrawn"],
  // Every case in those states is shown but a minor's (publicationBlockedBy): the portal pages in SQL.
  publicFilter: (eb, f) => eb.not(f.contains({ party: { minor: true } })),
  publicLabels: {
    number: { zh: "决定书文号", en: "Decision number" },
    body: { zh: "处罚机关", en: "Body" },
    status: { zh: "状态", en: "Status" },
    party: { zh: "当事人", en: "Party" },
    area: { zh: "执法领域", en: "Area" },
    violation: { zh: "违法行为类型", en: "Violation" },
    facts: { zh: "主要违法事实", en: "Facts" },
    penalty: { zh: "处罚内容", en: "Penalty" },
    legalBasis: { zh: "处罚依据", en: "Legal basis" },
    decidedOn: { zh: "决定日期", en: "Decided on" },
    publishedOn: { zh: "公开日期", en: "Published on" },
    withdrawnOn: { zh: "撤回日期", en: "Withdrawn on" },
    withdrawalGround: { zh: "撤回情形", en: "Ground" },
    withdrawalReason: { zh: "撤回理由", en: "Reason for withdrawal" },
  },
  public: projection,
};
