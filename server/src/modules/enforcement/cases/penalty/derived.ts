/**
 * The labels of the fields the penalty case's steps compute (`derive`), so that the case
 * page names them (法制审核, 重大执法决定, 罚款缴纳, …) instead of showing their keys. The
 * schema is served with the case type (`derived`) and never parses input: the steps
 * write these values themselves (fields.ts `PenaltyCase` is their type).
 */
import { z } from "zod";
import { L, labelledEnum } from "../common.ts";
import {
  ALTERATION_LABELS,
  ALTERING_AUTHORITY_LABELS,
  CIRCUMSTANCE_LABELS,
  PENALTY_KIND_LABELS,
  REVIEW_ITEM_LABELS,
  SERVICE_METHOD_LABELS,
} from "../labels.ts";
import { MITIGATION_LABELS, type Mitigation, NO_PENALTY_LABELS } from "./capacity.ts";
import { COURT_FORM_LABELS, INSTANCE_LABELS } from "./court-outcome.ts";
import { DEFERRAL_KIND_LABELS } from "./execution.ts";
import { PRESERVATION_HANDLING, TRANSFER_ANSWER } from "./procedures.ts";

const date = (zh: string, en: string) => L(z.string(), zh, en);
const yuan = (zh: string, en: string) => L(z.number(), zh, en);
const yes = (zh: string, en: string) => L(z.boolean(), zh, en);
const text = (zh: string, en: string) => L(z.string(), zh, en);

const benchmarkObject = z.object({
  violationCode: text("违法行为编码", "Violation code"),
  violation: text("违法行为", "Violation"),
  legalBasis: text("处罚依据", "Legal basis"),
  circumstance: labelledEnum(CIRCUMSTANCE_LABELS, "违法情节", "Circumstances"),
  fineMin: yuan("罚款下限（元）", "Lowest fine (yuan)"),
  fineMax: yuan("罚款上限（元）", "Highest fine (yuan)"),
  otherPenalties: L(z.array(z.string()), "其他处罚", "Other penalties"),
});

/** Labelled on the nullable itself, where the web reads a property's label. */
const benchmark = L(benchmarkObject.nullable(), "适用的裁量基准", "Discretion benchmark applied");

const reviewItem = (l: { zh: string; en: string }) =>
  L(
    z.object({
      passed: yes("通过", "Passed"),
      note: text("说明", "Note"),
    }),
    l.zh,
    l.en,
  );

const reviewItemCodes = Object.keys(REVIEW_ITEM_LABELS) as [
  keyof typeof REVIEW_ITEM_LABELS,
  ...(keyof typeof REVIEW_ITEM_LABELS)[],
];

export const PenaltyDerived = z.object({
  benchmark,
  hearingRequestUntil: date("可要求听证至", "Hearing may be requested until"),
  statementWaived: yes("当事人放弃陈述申辩", "Statement and defence waived"),
  hearingWaived: yes("当事人放弃听证", "Hearing waived"),
  legalReview: L(
    z.object({
      onDate: date("审核日期", "Date of the review"),
      reviewer: L(
        z.object({
          name: text("姓名", "Name"),
          certificateNo: text("执法证号", "Certificate number"),
          firstTime: yes("初次从事法制审核", "First review"),
        }),
        "审核人员",
        "Reviewer",
      ),
      items: L(
        z.object(
          Object.fromEntries(reviewItemCodes.map((k) => [k, reviewItem(REVIEW_ITEM_LABELS[k])])),
        ),
        "审核事项",
        "Items reviewed",
      ),
      failed: z.array(z.enum(reviewItemCodes)).meta({
        label: { zh: "未通过的事项", en: "Items not passed" },
        enumLabels: REVIEW_ITEM_LABELS,
      }),
      opinion: text("审核意见", "Opinion"),
      passed: yes("审核通过", "Passed"),
      benchmark,
      proposal: L(
        z.object({
          penalty: text("拟作出的行政处罚", "Intended penalty"),
          fine: yuan("拟罚款金额（元）", "Intended fine (yuan)"),
          penalties: z.array(z.string()).meta({
            label: { zh: "处罚种类", en: "Kinds" },
            enumLabels: PENALTY_KIND_LABELS,
          }),
          confiscation: yuan("拟没收金额（元）", "Intended confiscation (yuan)"),
        }),
        "处罚建议",
        "Proposal",
      ),
    }),
    "法制审核",
    "Legality review",
  ),
  collectiveDiscussion: L(
    z.object({
      onDate: date("讨论日期", "Date"),
      participants: L(z.array(z.string()), "参加人员", "Participants"),
      conclusion: text("讨论结论", "Conclusion"),
    }),
    "集体讨论",
    "Collective discussion",
  ),
  decidedOn: date("决定日期", "Decided on"),
  lawVersion: text("适用的法律文本", "Law in force at filing"),
  documentPrefix: text("决定书文号前缀", "Decision number prefix"),
  major: L(
    z.object({
      isMajor: yes("属于重大执法决定", "Major decision"),
      reasons: L(z.array(z.string()), "认定理由", "Reasons"),
      reviewRequired: yes("须经法制审核", "Legality review required"),
      reviewPassed: yes("法制审核已通过", "Legality review passed"),
    }),
    "重大执法决定",
    "Major enforcement decision",
  ),
  benchmarkCheck: L(
    z.object({
      applied: yes("适用了裁量基准", "Benchmark applied"),
      within: yes("罚款在基准范围内", "Fine within the benchmark"),
    }),
    "裁量基准核对",
    "Benchmark check",
  ),
  publicationPlan: L(
    z.object({
      required: yes("应当公开", "To be published"),
      reason: text("说明", "Why"),
      workingDays: L(z.number(), "公开时限（工作日）", "Within (working days)"),
      basis: text("依据", "Basis"),
    }),
    "公开安排",
    "Publication",
  ),
  servedOn: date("送达日期", "Served on"),
  paymentDue: date("罚款缴纳期限", "Fine due by"),
  payment: L(
    z.object({
      paidOn: date("缴纳日期", "Paid on"),
      amountPaid: yuan("缴纳罚款（元）", "Fine paid (yuan)"),
      surchargePaid: yuan("加处罚款（元）", "Surcharge paid (yuan)"),
      daysLate: L(z.number(), "逾期天数", "Days late"),
      surchargeCap: yuan("加处罚款上限（元）", "Surcharge cap (yuan)"),
      instalmentSurcharges: L(
        z.array(
          z.object({
            dueOn: date("缴纳期限", "Due on"),
            amount: yuan("金额（元）", "Amount (yuan)"),
            daysLate: L(z.number(), "逾期日数", "Days late"),
            surcharge: yuan("加处罚款（元）", "Surcharge (yuan)"),
          }),
        ),
        "各期加处罚款",
        "Surcharge per instalment",
      ),
      collector: text("收缴机构（代收银行）", "Collecting bank"),
      receiptNo: text("缴款凭证号", "Receipt number"),
    }),
    "罚款缴纳",
    "Payment",
  ),
  reminderOn: date("催告日期", "Reminded on"),
  courtApplication: L(
    z.object({
      onDate: date("申请日期", "Applied on"),
      court: text("受理法院", "Court"),
    }),
    "申请人民法院强制执行",
    "Application to the court",
  ),
  alteration: L(
    z.object({
      onDate: date("日期", "Date"),
      ground: labelledEnum(ALTERATION_LABELS, "变更事由", "Ground"),
      authority: labelledEnum(ALTERING_AUTHORITY_LABELS, "作出机关", "Authority"),
      documentNo: text("文书编号", "Document number"),
      reason: text("理由", "Reason"),
    }),
    "决定的变更或撤销",
    "Alteration of the decision",
  ),
  // ── Issue 10 part B: service, execution, deadlines ──
  announcement: L(
    z.object({
      announcedOn: date("公告日期", "Announced on"),
      deemedServedOn: date("视为送达日期", "Deemed served on"),
      basis: text("依据", "Basis"),
    }),
    "公告送达",
    "Service by announcement",
  ),
  challengeEndsOn: date("申请复议、提起诉讼期限届满日", "Last day to seek reconsideration or sue"),
  reconsiderationFirst: yes("复议前置", "Reconsideration comes first"),
  courtWindowFrom: date("申请法院强制执行期限起算日", "Court window counted from"),
  courtWindowEnd: date("申请法院强制执行期限届满日", "Last day to apply to the court"),
  decisionLimit: L(
    z.object({
      due: date("办案期限届满日", "Time limit ended on"),
      extended: yes("已批准延长", "Extended"),
      furtherByDiscussion: yes("经集体讨论继续延期", "Extended further by collective discussion"),
      late: yes("超期作出决定", "Decided after the limit"),
      lateReason: text("超期理由", "Why late"),
    }),
    "办案期限",
    "Decision time limit",
  ),
  preservation: L(
    z.object({
      approvedOn: date("批准日期", "Approved on"),
      approver: L(z.object({ name: text("姓名", "Name") }), "批准的负责人", "Approved by"),
      items: L(z.array(z.string()), "物品", "Items"),
      handling: labelledEnum(PRESERVATION_HANDLING, "处理决定", "Handling"),
      handledOn: date("处理日期", "Decided on"),
    }),
    "先行登记保存",
    "Evidence preserved",
  ),
  recusals: L(
    z.array(
      z.object({
        appliedOn: date("申请日期", "Applied on"),
        officer: text("执法人员（执法证号）", "Officer"),
        grounds: text("申请理由", "Grounds"),
        granted: yes("决定回避", "Granted"),
        decidedOn: date("决定日期", "Decided on"),
        decidedBy: L(z.object({ name: text("姓名", "Name") }), "决定的负责人", "Decided by"),
        reason: text("决定理由", "Reason"),
      }),
    ),
    "回避",
    "Recusals",
  ),
  judicialTransfer: L(
    z.object({
      transferredOn: date("移送日期", "Transferred on"),
      receivingOrgan: text("接收机关", "Receiving organ"),
      documentNo: text("移送书文号", "Transfer number"),
      suspectedCrime: text("涉嫌犯罪", "Suspected crime"),
      answer: labelledEnum(TRANSFER_ANSWER, "司法机关回复", "Answer"),
      answeredOn: date("回复日期", "Answered on"),
      answerDocumentNo: text("回复文书文号", "Answer number"),
    }),
    "移送司法机关",
    "Transfer to the judiciary",
  ),
  courtWindowBasis: text("申请法院强制执行期限的依据", "Basis of the court window"),
  deferral: L(
    z.object({
      kind: labelledEnum(DEFERRAL_KIND_LABELS, "方式", "Kind"),
      appliedOn: date("当事人申请日期", "Applied on"),
      approvedOn: date("批准日期", "Approved on"),
      until: date("缴纳期限", "Pay by"),
      instalments: L(
        z.array(
          z.object({
            dueOn: date("本期缴纳期限", "Due on"),
            amount: yuan("本期金额（元）", "Amount (yuan)"),
            paid: yuan("已缴纳（元）", "Paid (yuan)"),
            settledOn: date("缴清日期", "Paid in full on"),
            surchargePaid: yuan("已缴加处罚款（元）", "Surcharge paid (yuan)"),
          }),
        ),
        "分期缴纳安排",
        "Instalment schedule",
      ),
      reason: text("经济困难的情况", "Financial hardship"),
    }),
    "暂缓或者分期缴纳罚款",
    "Deferred or instalment payment",
  ),
  courtOutcomes: L(
    z.array(
      z.object({
        instance: labelledEnum(INSTANCE_LABELS, "审级", "Instance"),
        form: labelledEnum(COURT_FORM_LABELS, "判决或者裁定", "Judgment or ruling"),
        documentNo: text("裁判文书号", "Court document number"),
        servedOn: date("送达日期", "Served on"),
        finalAfter: date("上诉期限届满（或生效）日期", "Appeal period ends (or final) on"),
      }),
    ),
    "人民法院的裁判",
    "The court's judgments and rulings",
  ),
  instalmentPayments: L(
    z.array(
      z.object({
        instalment: L(z.number(), "期次", "Instalment"),
        dueOn: date("本期缴纳期限", "Due on"),
        paidOn: date("缴纳日期", "Paid on"),
        amount: yuan("缴纳罚款（元）", "Fine paid (yuan)"),
        surcharge: yuan("加处罚款（元）", "Surcharge (yuan)"),
        daysLate: L(z.number(), "逾期日数", "Days late"),
        collector: text("收缴机构（代收银行）", "Collecting bank"),
        receiptNo: text("缴款凭证号", "Receipt number"),
      }),
    ),
    "分期缴纳记录",
    "Instalments paid",
  ),
  // ── issue 10, part A (penalty/procedure.ts)
  hearingRight: yes("有要求听证的权利", "Right to a hearing"),
  hearingScope: L(z.array(z.string()), "听证范围（认定理由）", "Hearing scope (why)"),
  noticeOn: date("告知日期", "Notified on"),
  statementDays: L(z.number(), "陈述申辩期限（工作日）", "Statement period (working days)"),
  decidingBody: text("作出决定的执法主体", "Deciding body"),
  paymentPlace: text("罚款缴纳方式", "Where the fine is paid"),
  noticeServedOn: date("告知书送达生效日期", "Notice served (took effect) on"),
  noticeService: L(
    z.object({
      method: labelledEnum(SERVICE_METHOD_LABELS, "送达方式", "How it was served"),
      announcedOn: date("公告日期", "Announced on"),
    }),
    "告知书的送达",
    "Service of the notice",
  ),
  partyStatement: L(
    z.object({
      onDate: date("陈述申辩日期", "Stated on"),
      statement: text("陈述申辩意见", "Statement"),
      adopted: yes("是否采纳", "Adopted"),
      reply: text("复核意见", "Review of it"),
    }),
    "当事人的陈述申辩及采纳情况",
    "The party's statement and whether it was adopted",
  ),
  noticeLaw: text("告知时适用的程序法", "Procedure in force at the notice"),
  statementUntil: date("陈述申辩期限至", "Statement period until"),
  mitigation: z
    .array(z.enum(Object.keys(MITIGATION_LABELS) as [Mitigation, ...Mitigation[]]))
    .meta({
      label: { zh: "从轻、减轻处罚的情形", en: "Grounds for a lighter penalty" },
      enumLabels: MITIGATION_LABELS,
    }),
  noPenaltyGround: labelledEnum(NO_PENALTY_LABELS, "不予处罚的情形", "Ground for no penalty"),
  substantiveLaw: text("适用的实体法（从旧兼从轻）", "Substantive law (the act's, unless lighter)"),
  rightsUsed: labelledEnum(
    {
      statement: { zh: "已陈述申辩", en: "Stated its case" },
      waived: { zh: "明确放弃", en: "Waived" },
      hearing: { zh: "经听证", en: "Heard" },
      silence: { zh: "期满未陈述申辩，视为放弃", en: "Silent until the period ended (waived)" },
    },
    "陈述申辩权利的行使",
    "How the party used its rights",
  ),
});
