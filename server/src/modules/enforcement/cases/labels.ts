/** Labels of the enforcement cases' codes (zh first, en beside). */
import type { Label } from "../../../kernel/labels.ts";

export const SOURCE_LABELS = {
  inspection: { zh: "检查发现", en: "Found in an inspection" },
  complaint: { zh: "投诉举报", en: "Complaint or report" },
  referral: { zh: "移送", en: "Referred by another body" },
  assigned: { zh: "上级交办", en: "Assigned by a higher authority" },
  other: { zh: "其他", en: "Other" },
} as const satisfies Record<string, Label>;

export const INVESTIGATION_KIND_LABELS = {
  inquiry: { zh: "询问调查", en: "Inquiry" },
  site_inspection: { zh: "现场检查（勘验）", en: "Site inspection" },
  sampling: { zh: "抽样取证", en: "Sampling" },
  preservation: { zh: "先行登记保存", en: "Registration and preservation of evidence" },
  documents: { zh: "调取书证", en: "Obtaining documents" },
  other: { zh: "其他", en: "Other" },
} as const satisfies Record<string, Label>;

export const CIRCUMSTANCE_LABELS = {
  minor: { zh: "轻微", en: "Minor" },
  general: { zh: "一般", en: "General" },
  serious: { zh: "严重", en: "Serious" },
} as const satisfies Record<string, Label>;

/** Kinds of penalty (行政处罚法(2021) art. 9). */
export const PENALTY_KIND_LABELS = {
  warning: { zh: "警告", en: "Warning" },
  criticism: { zh: "通报批评", en: "Public criticism" },
  fine: { zh: "罚款", en: "Fine" },
  confiscation: { zh: "没收违法所得、没收非法财物", en: "Confiscation" },
  suspend_licence: { zh: "暂扣许可证件", en: "Licence suspended" },
  lower_qualification: { zh: "降低资质等级", en: "Qualification lowered" },
  revoke_licence: { zh: "吊销许可证件", en: "Licence revoked" },
  restrict_business: { zh: "限制开展生产经营活动", en: "Business restricted" },
  stop_production: { zh: "责令停产停业", en: "Ordered to stop production or business" },
  close: { zh: "责令关闭", en: "Ordered to close" },
  restrict_practice: { zh: "限制从业", en: "Barred from practice" },
} as const satisfies Record<string, Label>;
export type PenaltyKind = keyof typeof PENALTY_KIND_LABELS;

/** What the body decides at the end (行政处罚法(2021) art. 57 para. 1). */
export const DECISION_KIND_LABELS = {
  penalty: { zh: "给予行政处罚", en: "Penalty" },
  no_penalty_minor: {
    zh: "违法行为轻微，依法不予行政处罚",
    en: "No penalty: a minor violation",
  },
  no_penalty_unfounded: {
    zh: "违法事实不能成立，不予行政处罚",
    en: "No penalty: the violation is not established",
  },
  transfer_judicial: { zh: "移送司法机关", en: "Transferred to the judicial authorities" },
} as const satisfies Record<string, Label>;
export type DecisionKind = keyof typeof DECISION_KIND_LABELS;

/** Ways of service (行政处罚法(2021) art. 61; 民事诉讼法 arts. 87–95). */
export const SERVICE_METHOD_LABELS = {
  on_spot: { zh: "宣告后当场交付", en: "Handed over after announcement" },
  direct: { zh: "直接送达", en: "Direct service" },
  left: { zh: "留置送达", en: "Service by leaving" },
  mail: { zh: "邮寄送达", en: "Service by post" },
  electronic: { zh: "电子送达（当事人确认书）", en: "Electronic service (with consent)" },
  entrusted: { zh: "委托送达", en: "Entrusted service" },
  announcement: { zh: "公告送达", en: "Service by announcement" },
} as const satisfies Record<string, Label>;

/** Why a published decision is withdrawn (行政处罚法(2021) art. 48 para. 2). */
export const ALTERATION_LABELS = {
  changed: { zh: "变更", en: "Changed" },
  revoked: { zh: "撤销", en: "Revoked" },
  confirmed_illegal: { zh: "确认违法", en: "Confirmed illegal" },
  confirmed_invalid: { zh: "确认无效", en: "Confirmed invalid" },
} as const satisfies Record<string, Label>;

export const ALTERING_AUTHORITY_LABELS = {
  reconsideration: { zh: "行政复议决定", en: "Reconsideration decision" },
  litigation: { zh: "人民法院裁判", en: "Court judgment" },
  self_correction: { zh: "本机关自行纠正", en: "Corrected by the body itself" },
  supervision: { zh: "上级机关或监督机关", en: "Higher or supervising authority" },
} as const satisfies Record<string, Label>;

/** The legality review's items (国办发〔2018〕118号 审核内容 [R]; 行政处罚法(2021) art. 58). */
export const REVIEW_ITEM_LABELS = {
  competence: { zh: "执法主体、执法人员资格合法", en: "Competence of the body and the officers" },
  procedure: { zh: "执法程序合法", en: "Procedure" },
  factsEvidence: { zh: "案件事实清楚、证据合法充分", en: "Facts and evidence" },
  legalBasis: { zh: "适用法律、法规、规章准确", en: "Legal basis" },
  discretion: { zh: "裁量基准运用适当", en: "Discretion (benchmark)" },
  documents: { zh: "执法文书完备、规范", en: "Documents complete and in order" },
} as const satisfies Record<string, Label>;
export type ReviewItem = keyof typeof REVIEW_ITEM_LABELS;
export const REVIEW_ITEMS = Object.keys(REVIEW_ITEM_LABELS) as ReviewItem[];
