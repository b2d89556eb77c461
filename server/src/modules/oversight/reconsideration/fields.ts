/**
 * A reconsideration case's fields: the application as received (opening), and what the
 * steps record (procedure, acceptance, the decision, the latest service).
 */
import { z } from "zod";
import type { CaseView } from "../../../engines/case/index.ts";
import { L, labelledEnum } from "../../../engines/labels.ts";
import type { Label } from "../../../kernel/labels.ts";
import type { LocalDate } from "../../../kernel/time/index.ts";
import { Party, type PartyData, zDate, zText } from "../common.ts";
import { type ReconsiderationRules, rulesAt } from "./rules.ts";

export const RECONSIDERATION_TYPE = "reconsideration";

export const ACT_KIND_LABELS = {
  penalty: { zh: "行政处罚", en: "Administrative penalty" },
  compulsion: { zh: "行政强制", en: "Administrative compulsion" },
  licensing: { zh: "行政许可", en: "Administrative licensing" },
  information: { zh: "政府信息公开", en: "Government information disclosure" },
  inaction: { zh: "不履行法定职责", en: "Failure to perform a duty" },
  other: { zh: "其他行政行为", en: "Other administrative act" },
} as const satisfies Record<string, Label>;

export const OUTCOME_LABELS = {
  change: { zh: "变更", en: "Change" },
  revoke: { zh: "撤销", en: "Revoke" },
  confirm_illegal: { zh: "确认违法", en: "Confirm illegal" },
  confirm_invalid: { zh: "确认无效", en: "Confirm invalid" },
  order_performance: { zh: "责令履行", en: "Order performance" },
  uphold: { zh: "维持", en: "Uphold" },
  dismiss_claim: { zh: "驳回复议请求", en: "Dismiss the claim" },
} as const satisfies Record<string, Label>;
export type Outcome = keyof typeof OUTCOME_LABELS;

export const PROCEDURE_LABELS = {
  ordinary: { zh: "普通程序", en: "Ordinary procedure" },
  simplified: { zh: "简易程序", en: "Simplified procedure" },
} as const satisfies Record<string, Label>;

export const SERVED_DOCUMENT_LABELS = {
  acceptance_notice: { zh: "受理通知书", en: "Notice of acceptance" },
  completion_notice: { zh: "补正通知书", en: "Notice to complete the application" },
  refusal: { zh: "不予受理决定书", en: "Decision not to accept" },
  reply_notice: { zh: "提出答复通知书", en: "Notice to the respondent to reply" },
  hearing_notice: { zh: "听证通知书", en: "Hearing notice" },
  suspension_notice: { zh: "中止审理通知书", en: "Notice of suspension" },
  resumption_notice: { zh: "恢复审理通知书", en: "Notice of resumption" },
  extension_notice: { zh: "延期审理通知书", en: "Notice of extension" },
  decision: { zh: "行政复议决定书", en: "Reconsideration decision" },
  mediation: { zh: "行政复议调解书", en: "Mediation agreement" },
  termination: { zh: "行政复议终止决定书", en: "Decision to terminate" },
  opinion: { zh: "行政复议意见书", en: "Reconsideration opinion" },
} as const satisfies Record<string, Label>;

export const SERVICE_METHOD_LABELS = {
  direct: { zh: "直接送达", en: "In person" },
  post: { zh: "邮寄送达", en: "By post" },
  electronic: { zh: "电子送达", en: "Electronically" },
  left: { zh: "留置送达", en: "Left at the address" },
  announcement: { zh: "公告送达", en: "By announcement" },
} as const satisfies Record<string, Label>;

export const TERMINATION_LABELS = {
  withdrawn: { zh: "申请人撤回申请", en: "The applicant withdrew" },
  settled: { zh: "和解后撤回申请", en: "Withdrawn after a settlement" },
  applicant_died: { zh: "申请人死亡且无近亲属参加", en: "The applicant died, no relative joins" },
  organisation_ended: { zh: "申请人终止且无承受权利者", en: "The applicant ceased to exist" },
  long_suspension: { zh: "中止满六十日原因仍未消除", en: "Suspended 60 days, the cause remains" },
  other: { zh: "其他依法终止情形", en: "Other ground in law" },
} as const satisfies Record<string, Label>;

export const ReconsiderationFields = z.object({
  applicant: Party.meta({ label: { zh: "申请人", en: "Applicant" } }),
  respondent: L(zText(100), "被申请人", "Respondent"),
  actKind: labelledEnum(ACT_KIND_LABELS, "行政行为类别", "Kind of act"),
  act: L(zText(500), "被申请的行政行为", "The act under review"),
  actNo: L(z.string().trim().max(100).optional(), "行政行为文号", "The act's document number"),
  actOn: L(zDate.optional(), "行政行为作出日期", "The act was done on"),
  realEstate: L(z.boolean().optional(), "因不动产提出", "About real estate"),
  amount: L(z.number().nonnegative().max(1e12).optional(), "涉及金额（元）", "Amount (yuan)"),
  knewOn: L(zDate, "知道该行政行为之日", "Knew of the act on"),
  rightNotStated: L(
    z.boolean().optional(),
    "行政行为未告知复议权利、机关和期限",
    "The act did not state the right, body and period",
  ),
  learnedOfRightOn: L(zDate.optional(), "知道申请复议权利之日", "Learned of the right on"),
  obstacle: z
    .object({
      from: L(zDate, "障碍开始日", "From"),
      until: L(zDate, "障碍消除日", "Until"),
      reason: L(zText(500), "不可抗力或者其他正当理由", "Force majeure or other justified reason"),
    })
    .optional()
    .meta({ label: { zh: "耽误申请期限的障碍", en: "Obstacle that delayed the application" } }),
  request: L(zText(2000), "复议请求", "Request"),
  major: L(z.boolean().optional(), "重大、疑难、复杂案件", "Major, difficult or complex"),
  numberPrefix: L(zText(20), "机关代字", "Issuer's code"),
});

export type ServiceRecord = {
  document: keyof typeof SERVED_DOCUMENT_LABELS;
  recipient: string;
  method: keyof typeof SERVICE_METHOD_LABELS;
  servedOn: LocalDate;
  address?: string;
};

export type ReconsiderationCase = Omit<z.infer<typeof ReconsiderationFields>, "applicant"> & {
  applicant: PartyData;
  procedure?: keyof typeof PROCEDURE_LABELS;
  completionDays?: number;
  materialsReceivedOn?: LocalDate;
  acceptedOn?: LocalDate;
  outcome?: Outcome;
  reasoning?: string;
  decisionContent?: string;
  decidedOn?: LocalDate;
  lastService?: ServiceRecord;
  publishedOn?: LocalDate;
};

export type RCase = CaseView<ReconsiderationCase>;

/** The rules of the law in force on the day the application was received (the case's opening). */
export const rulesOf = (c: RCase): ReconsiderationRules => rulesAt(c.openedOn);

/** The procedure a case follows (ordinary unless the acceptance chose simplified). */
export const simplified = (c: RCase) => c.fields.procedure === "simplified";

export const zService = {
  document: labelledEnum(SERVED_DOCUMENT_LABELS, "送达文书", "Document served"),
  recipient: L(zText(100), "受送达人", "Recipient"),
  method: labelledEnum(SERVICE_METHOD_LABELS, "送达方式", "Method"),
  address: L(z.string().trim().max(200).optional(), "送达地点", "Where"),
};

/** The labels of the fields the steps compute (engine: `derived`). */
export const ReconsiderationDerived = z.object({
  acceptedOn: L(z.string(), "受理日期", "Accepted on"),
  materialsReceivedOn: L(z.string(), "收到补正材料日期", "Completed materials received on"),
  decidedOn: L(z.string(), "决定日期", "Decided on"),
  publishedOn: L(z.string(), "公开日期", "Published on"),
  lastService: z
    .object({
      ...zService,
      servedOn: L(z.string(), "送达日期", "Served on"),
    })
    .meta({ label: { zh: "最近一次送达", en: "Latest service" } }),
});
