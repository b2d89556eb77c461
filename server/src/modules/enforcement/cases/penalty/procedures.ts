/**
 * Rules of the penalty procedure that were missing (issue 10, part B):
 * - 先行登记保存: evidence that may be lost registered and preserved with the head's
 *   approval, and a handling decision within 7 days (行政处罚法(2021) art. 56: 七日内,
 *   working days by art. 85; 2017 text art. 37 para. 2: 七日内, calendar days [R]);
 * - 回避: the party's application for an officer's recusal, decided by the head and
 *   recorded; a recused officer takes no further investigation step (art. 43);
 * - 行刑衔接: a suspected crime transferred to the judiciary (art. 27 para. 1) — the
 *   transfer record and the receiving organ, the case suspended meanwhile (its decision
 *   limit stops: the engine's suspension, taken before the transfer), then the organ's
 *   answer: it takes the case (the penalty case ends), or returns it (不予立案, 或者依法
 *   不需要追究刑事责任) and the investigation goes on once the case is resumed.
 * 责令改正 (art. 28) is a case type of its own (../correction.ts).
 */
import { z } from "zod";
import type { ClockDecl, StepEvent, TransitionDecl } from "../../../../engines/case/index.ts";
import { basisEn, basisZh, joinBasis } from "../../../../kernel/citation.ts";
import { t } from "../../../../kernel/errors.ts";
import { compareLocalDate, type LocalDate, type Period } from "../../../../kernel/time/index.ts";
import { L, labelledEnum, zDay } from "../common.ts";
import type { Ctx, PenaltyCase } from "./fields.ts";

export const PRESERVATION = {
  v2021: {
    value: { n: 7, unit: "working_day" } as Period,
    basis:
      "行政处罚法(2021) art. 56: 经行政机关负责人批准，可以先行登记保存，并应当在七日内及时作出处理决定; art. 85: 工作日",
  },
  v2017: {
    value: { n: 7, unit: "calendar_day" } as Period,
    basis:
      "行政处罚法(2017) art. 37 para. 2: 经行政机关负责人批准，可以先行登记保存，并应当在七日内及时作出处理决定 [R]",
  },
};
export const preservationRule = (openedOn: string) =>
  openedOn < "2021-07-15" ? PRESERVATION.v2017 : PRESERVATION.v2021;

const RECUSAL_BASIS =
  "行政处罚法(2021) art. 43: 当事人认为执法人员与案件有直接利害关系或者有其他关系可能影响公正执法的，有权申请回避；由行政机关负责人决定";
export const TRANSFER_BASIS =
  "行政处罚法(2021) art. 27 para. 1: 违法行为涉嫌犯罪的，行政机关应当及时将案件移送司法机关，依法追究刑事责任";

export const PRESERVATION_HANDLING = {
  returned: { zh: "解除先行登记保存，退还当事人", en: "Released to the party" },
  seized: { zh: "依法采取查封、扣押措施", en: "Sealed up or seized" },
  tested: { zh: "送交检测、检验、检疫、鉴定", en: "Sent for testing" },
  evidence: { zh: "作为证据留存（复制、拍照后退还）", en: "Kept as evidence (copied, returned)" },
} as const;

export const TRANSFER_ANSWER = {
  accepted: { zh: "司法机关立案", en: "The judiciary opened a criminal case" },
  returned: {
    zh: "不予立案或者依法不需要追究刑事责任，退回",
    en: "Returned: no criminal case, or no criminal liability",
  },
} as const;

/** Is the case suspended now (its last suspension not resumed)? */
const suspendedNow = (history: StepEvent[]) => {
  const s = history.filter((e) => e.kind === "suspend" || e.kind === "resume").at(-1);
  return s?.kind === "suspend";
};

interface Person {
  userId: number;
  name: string;
}

export interface ProceduresFields {
  preservation?: {
    approvedOn: LocalDate;
    approver: Person;
    items: string[];
    handling?: keyof typeof PRESERVATION_HANDLING;
    handledOn?: LocalDate;
  };
  recusals?: {
    appliedOn: LocalDate;
    officer: string;
    grounds: string;
    granted: boolean;
    decidedOn: LocalDate;
    decidedBy: Person;
    reason: string;
  }[];
  judicialTransfer?: {
    transferredOn: LocalDate;
    receivingOrgan: string;
    documentNo: string;
    suspectedCrime: string;
    answer?: keyof typeof TRANSFER_ANSWER;
    answeredOn?: LocalDate;
    answerDocumentNo?: string;
  };
}

const actorOf = (ctx: Ctx): Person => ({
  userId: ctx.w.actor.userId,
  name: ctx.w.actor.displayName,
});

const required = (max: number, zh: string, en: string) =>
  L(z.string().trim().min(1, "required").max(max), zh, en);

const answerInput = z.object({
  answerDocumentNo: required(100, "回复文书文号", "Answer number"),
});

export const PROCEDURE_STEPS: TransitionDecl<PenaltyCase>[] = [
  {
    action: "preserve_evidence",
    occasional: true,
    label: { zh: "先行登记保存证据（负责人批准）", en: "Preserve evidence (the head approves)" },
    from: ["filed", "investigating"],
    to: "investigating",
    permission: "unit.lead",
    input: z.object({
      items: L(
        z.array(z.string().trim().min(1).max(200)).min(1).max(200),
        "先行登记保存的物品",
        "Items preserved",
      ),
      reason: required(1000, "证据可能灭失或者以后难以取得的情况", "Why the evidence may be lost"),
    }),
    guards: [
      (ctx) => {
        const p = ctx.case.fields.preservation;
        if (!p || p.handling) return undefined;
        const r = preservationRule(ctx.case.openedOn);
        return {
          message: t(
            `${p.approvedOn} 先行登记保存的证据尚未作出处理决定${basisZh(r.basis)}`,
            `the evidence preserved on ${p.approvedOn} has no handling decision yet${basisEn(r.basis)}`,
          ),
        };
      },
    ],
    derive: (ctx) => ({
      preservation: { approvedOn: ctx.onDate, approver: actorOf(ctx), items: ctx.input.items },
    }),
  },
  {
    action: "handle_preserved",
    label: { zh: "对先行登记保存的证据作出处理决定", en: "Decide on the preserved evidence" },
    from: ["investigating"],
    to: "investigating",
    input: z.object({
      handling: labelledEnum(PRESERVATION_HANDLING, "处理决定", "Handling"),
    }),
    guards: [
      (ctx) => {
        const p = ctx.case.fields.preservation;
        if (p && !p.handling) return undefined;
        return {
          message: t(
            "没有尚待处理的先行登记保存证据",
            "there is no preserved evidence waiting for a decision",
          ),
        };
      },
    ],
    derive: (ctx) => ({
      preservation: {
        ...ctx.case.fields.preservation,
        handling: ctx.input.handling,
        handledOn: ctx.onDate,
      },
    }),
  },
  {
    action: "decide_recusal",
    occasional: true,
    label: { zh: "决定回避申请（负责人）", en: "Decide on a recusal application (the head)" },
    from: ["filed", "investigating"],
    to: "investigating",
    permission: "unit.lead",
    input: z.object({
      appliedOn: L(zDay, "当事人申请日期", "Applied on"),
      officer: L(
        z.string().trim().toUpperCase().min(1, "required").max(20),
        "申请回避的执法人员（执法证号）",
        "Officer (certificate number)",
      ),
      grounds: required(2000, "申请理由", "Grounds"),
      granted: L(z.boolean(), "决定回避", "Recusal granted"),
      reason: required(2000, "决定理由", "Reason"),
    }),
    guards: [
      (ctx) => {
        if (compareLocalDate(ctx.input.appliedOn as LocalDate, ctx.onDate) <= 0) return undefined;
        return {
          field: "appliedOn",
          message: t(
            `申请日期不能晚于决定日期 ${ctx.onDate}${basisZh(RECUSAL_BASIS)}`,
            `the application cannot come after the decision on ${ctx.onDate}${basisEn(RECUSAL_BASIS)}`,
          ),
        };
      },
    ],
    derive: (ctx) => ({
      recusals: [
        ...(ctx.case.fields.recusals ?? []),
        {
          appliedOn: ctx.input.appliedOn,
          officer: ctx.input.officer,
          grounds: ctx.input.grounds,
          granted: ctx.input.granted,
          decidedOn: ctx.onDate,
          decidedBy: actorOf(ctx),
          reason: ctx.input.reason,
        },
      ],
    }),
  },
  {
    action: "transfer_judiciary",
    occasional: true,
    label: { zh: "移送司法机关", en: "Transfer to the judiciary" },
    from: ["filed", "investigating", "investigated"],
    to: "transferred",
    permission: "unit.lead",
    allowedWhileSuspended: true,
    input: z.object({
      receivingOrgan: required(100, "接收机关", "Receiving organ"),
      documentNo: required(100, "移送书文号", "Transfer number"),
      suspectedCrime: required(500, "涉嫌犯罪的事实和罪名", "Suspected crime"),
      materials: required(2000, "移送的证据材料", "Evidence handed over"),
    }),
    guards: [
      (ctx) => {
        if (suspendedNow(ctx.history)) return undefined;
        return {
          message: t(
            `移送司法机关期间本案中止：请先中止本案（办案期限停止计算），再登记移送${basisZh(TRANSFER_BASIS)}`,
            `the case is suspended while the judiciary decides: suspend it first (its time limit stops), then record the transfer${basisEn(TRANSFER_BASIS)}`,
          ),
        };
      },
    ],
    derive: (ctx) => ({
      judicialTransfer: {
        transferredOn: ctx.onDate,
        receivingOrgan: ctx.input.receivingOrgan,
        documentNo: ctx.input.documentNo,
        suspectedCrime: ctx.input.suspectedCrime,
      },
    }),
  },
  {
    action: "judiciary_accepts",
    label: { zh: "司法机关立案（本案终结）", en: "The judiciary takes the case" },
    from: ["transferred"],
    to: "transferred_out",
    allowedWhileSuspended: true,
    input: answerInput,
    derive: (ctx) => ({
      judicialTransfer: {
        ...ctx.case.fields.judicialTransfer,
        answer: "accepted",
        answeredOn: ctx.onDate,
        answerDocumentNo: ctx.input.answerDocumentNo,
      },
    }),
  },
  {
    action: "judiciary_returns",
    label: { zh: "司法机关退回（继续调查）", en: "The judiciary returns the case" },
    from: ["transferred"],
    to: "investigating",
    allowedWhileSuspended: true,
    input: answerInput,
    derive: (ctx) => ({
      judicialTransfer: {
        ...ctx.case.fields.judicialTransfer,
        answer: "returned",
        answeredOn: ctx.onDate,
        answerDocumentNo: ctx.input.answerDocumentNo,
      },
    }),
  },
];

export const PROCEDURE_CLOCKS: ClockDecl<PenaltyCase>[] = [
  {
    code: "preservation",
    label: { zh: "先行登记保存处理期限", en: "Decision on preserved evidence" },
    period: (c) => preservationRule(c.openedOn).value,
    legalBasis: joinBasis(PRESERVATION.v2021.basis, PRESERVATION.v2017.basis),
    startOn: { action: "preserve_evidence" },
    restartable: true,
    stopOn: [{ action: "handle_preserved" }, { action: "drop" }],
  },
];

/** A recused officer takes no further investigation step (art. 43). */
export const recusedGuard = (ctx: Ctx) => {
  const recused = (ctx.case.fields.recusals ?? []).filter((r) => r.granted).map((r) => r.officer);
  const named = ((ctx.input.officers as string[] | undefined) ?? []).map((o) =>
    o.trim().toUpperCase(),
  );
  const hit = named.find((o) => recused.includes(o));
  if (!hit) return undefined;
  return {
    field: "officers",
    message: t(
      `执法人员（执法证号 ${hit}）已决定回避，不得参与本案调查${basisZh(RECUSAL_BASIS)}`,
      `the officer ${hit} was recused and takes no part in this case${basisEn(RECUSAL_BASIS)}`,
    ),
  };
};
