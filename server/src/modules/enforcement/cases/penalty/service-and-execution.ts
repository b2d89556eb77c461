import { z } from "zod";
import type { TransitionDecl } from "../../../../engines/case/index.ts";
import { basisEn, basisZh } from "../../../../kernel/citation.ts";
import { t } from "../../../../kernel/errors.ts";
import { addPeriod, compareLocalDate, type LocalDate } from "../../../../kernel/time/index.ts";
import { L, labelledEnum, zAmount } from "../common.ts";
import { SERVICE_METHOD_LABELS } from "../labels.ts";
import { PublicationNoticeInput, publicationNoticeGuard } from "../publication-term.ts";
import { COMPULSION } from "../rules.ts";
import { COURT_OUTCOME_STEPS } from "./court-outcome.ts";
import { DEFERRAL_STEPS } from "./deferral.ts";
import {
  announcementRule,
  courtWindowEnd,
  courtWindowFrom,
  deemedServedOn,
  lateDays,
  proceedingsOf,
} from "./execution.ts";
import { courtWindowGuard, reminderWaitGuard, serviceMethodGuard } from "./execution-guards.ts";
import { type Ctx, type PenaltyCase, rulesOf } from "./fields.ts";
import {
  cents,
  INSTALMENT_STEPS,
  instalmentSurcharge,
  outstanding,
  scheduleOf,
  settleAll,
} from "./instalments.ts";

// ─────────────────────────────────────────────────────────── service and execution

export const SERVICE_AND_EXECUTION_STEPS: TransitionDecl<PenaltyCase>[] = [
  {
    action: "serve",
    label: { zh: "送达决定书", en: "Serve the decision" },
    from: ["decided"],
    to: "served",
    input: z.object({
      serviceMethod: labelledEnum(SERVICE_METHOD_LABELS, "送达方式", "How it was served"),
      servedTo: L(
        z.string().trim().min(1, "required").max(100),
        "受送达人（签收人）",
        "Received by",
      ),
      electronicConsent: L(
        z.boolean().optional(),
        "当事人同意电子送达并签订确认书",
        "The party agreed in writing to electronic service",
      ),
      announcementReason: L(
        z.string().trim().max(1000).optional(),
        "公告送达的原因和经过",
        "Why and how service was by announcement",
      ),
      note: L(z.string().trim().max(1000).optional(), "备注", "Note"),
      ...PublicationNoticeInput, // issue 10 fault 12 (总局令第45号 art. 8)
    }),
    setsFields: ["serviceMethod", "servedTo"],
    guards: [publicationNoticeGuard, serviceMethodGuard],
    // Every period that runs from service runs from the day service takes effect (for an
    // announcement, the end of the announcement period); the clocks start from `servedOn`.
    derive: (ctx) => {
      const servedOn = deemedServedOn(String(ctx.input.serviceMethod), ctx.onDate);
      const fine = Number(ctx.case.fields.fineAmount ?? 0) > 0;
      const w = courtWindowFrom(ctx, servedOn);
      return {
        servedOn,
        ...(ctx.input.serviceMethod === "announcement"
          ? {
              announcement: {
                announcedOn: ctx.onDate,
                deemedServedOn: servedOn,
                basis: announcementRule(ctx.onDate).basis,
              },
            }
          : {}),
        paymentDue: fine
          ? addPeriod(ctx.calendar, servedOn, rulesOf(ctx.case).payment.value).due
          : undefined,
        challengeEndsOn: w.challengeEnd,
        reconsiderationFirst: w.first,
        courtWindowFrom: fine ? w.from : undefined,
        courtWindowEnd: fine ? courtWindowEnd(ctx.calendar, w.from) : undefined,
      };
    },
  },
  {
    action: "record_payment",
    label: { zh: "登记缴纳罚款（银行收缴）", en: "Record the payment (at the bank)" },
    from: ["served", "reminded", "court_enforcement"],
    to: "executed",
    input: z.object({
      amountPaid: L(zAmount, "缴纳罚款（元）", "Fine paid (yuan)"),
      surchargePaid: L(zAmount.default(0), "加处罚款（元）", "Surcharge paid (yuan)"),
      collector: L(
        z.string().trim().min(1, "required").max(100),
        "收缴机构（代收银行）",
        "Collecting bank",
      ),
      receiptNo: L(z.string().trim().min(1, "required").max(50), "缴款凭证号", "Receipt number"),
    }),
    guards: [paymentGuard],
    derive: async (ctx) => {
      const cap = await surchargeCap(ctx);
      const f = ctx.case.fields;
      const collector = String(ctx.input.collector);
      const receiptNo = String(ctx.input.receiptNo);
      return {
        payment: {
          paidOn: ctx.onDate,
          amountPaid: ctx.input.amountPaid,
          surchargePaid: ctx.input.surchargePaid,
          daysLate: cap.daysLate,
          surchargeCap: cap.amount,
          ...(cap.instalments ? { instalmentSurcharges: cap.instalments } : {}),
          collector,
          receiptNo,
        },
        // With a schedule, the last payment settles each instalment still open.
        ...(cap.settles
          ? {
              instalmentPayments: [
                ...(f.instalmentPayments ?? []),
                ...cap.settles.map((x) => ({ ...x, collector, receiptNo })),
              ],
              deferral: {
                ...f.deferral,
                instalments: (scheduleOf(f) ?? []).map((x) => ({
                  ...x,
                  paid: x.amount,
                  settledOn: x.settledOn ?? ctx.onDate,
                })),
              },
            }
          : {}),
      };
    },
  },
  ...INSTALMENT_STEPS,
  ...COURT_OUTCOME_STEPS,
  {
    action: "remind",
    label: { zh: "催告履行", en: "Remind the party to pay" },
    from: ["served"],
    to: "reminded",
    input: z.object({
      reminderNo: L(z.string().trim().min(1, "required").max(50), "催告书文号", "Reminder number"),
    }),
    guards: [
      (ctx) => {
        // With instalments, the first instalment not paid in full is the one overdue.
        const open = scheduleOf(ctx.case.fields)?.find((x) => !x.settledOn);
        const due = open?.dueOn ?? ctx.case.fields.paymentDue;
        if (!due) return { message: t("没有需要缴纳的罚款", "there is no fine to pay") };
        if (compareLocalDate(ctx.onDate, due) <= 0) {
          return {
            message: t(
              `罚款缴纳期限至 ${due}：期满后方可催告${basisZh(COMPULSION.reminder)}`,
              `the fine is due by ${due}: remind the party only after that day${basisEn(COMPULSION.reminder)}`,
            ),
          };
        }
        return undefined;
      },
    ],
    derive: (ctx) => ({ reminderOn: ctx.onDate }),
  },
  {
    action: "apply_court",
    label: { zh: "申请人民法院强制执行", en: "Apply to the court for enforcement" },
    from: ["reminded"],
    to: "court_enforcement",
    input: z.object({
      court: L(z.string().trim().min(1, "required").max(100), "受理法院", "Court"),
    }),
    guards: [reminderWaitGuard, courtWindowGuard],
    derive: (ctx) => ({ courtApplication: { onDate: ctx.onDate, court: ctx.input.court } }),
  },
  ...DEFERRAL_STEPS,
];

/**
 * The payment settles the fine: all of it, or with a schedule what is left of it; the
 * surcharge is at most what the party owes on the day.
 */
async function paymentGuard(ctx: Ctx) {
  const f = ctx.case.fields;
  const fine = Number(f.fineAmount ?? 0);
  const left = scheduleOf(f) ? outstanding(f) : fine;
  if (Number(ctx.input.amountPaid) < left) {
    return {
      field: "amountPaid",
      message:
        left === fine
          ? t(
              `罚款为 ${fine} 元，缴纳 ${ctx.input.amountPaid} 元不足以结清`,
              `the fine is ${fine} yuan; ${ctx.input.amountPaid} yuan does not settle it`,
            )
          : t(
              `罚款尚有 ${left} 元未缴纳，缴纳 ${ctx.input.amountPaid} 元不足以结清：分期缴纳的一期请以“登记分期缴纳（一期）”登记`,
              `${left} yuan of the fine is left; ${ctx.input.amountPaid} yuan does not settle it: record an instalment as such`,
            ),
    };
  }
  const cap = await surchargeCap(ctx);
  if (Number(ctx.input.surchargePaid) <= cap.amount) return undefined;
  const basis = rulesOf(ctx.case).surcharge.basis;
  if (cap.settles) {
    // What each instalment still owes (less the surcharge paid with it already).
    const late = cap.settles
      .filter((x) => x.surcharge > 0)
      .map((x) => ({ ...x, amount: f.deferral?.instalments[x.instalment - 1]?.amount ?? 0 }));
    const zh = late
      .map((x) => `${x.dueOn}到期的${x.amount}元逾期${x.daysLate}日，加处${x.surcharge}元`)
      .join("；");
    const en = late
      .map((x) => `${x.amount} due ${x.dueOn}: ${x.daysLate} days late, ${x.surcharge}`)
      .join("; ");
    return {
      field: "surchargePaid",
      message: t(
        `分期缴纳的罚款各期自其缴纳期限届满之日起加处罚款，尚可加处最多 ${cap.amount} 元（${zh || "没有逾期的分期"}）${basisZh(basis)}`,
        `with instalments, each is surcharged from its own due date: at most ${cap.amount} yuan in all (${en || "none late"})${basisEn(basis)}`,
      ),
    };
  }
  return {
    field: "surchargePaid",
    message: t(
      `加处罚款最多 ${cap.amount} 元（逾期 ${cap.daysLate} 日，每日按罚款 ${fine} 元的百分之三计算，不得超出罚款数额）${basisZh(basis)}`,
      `the surcharge can be at most ${cap.amount} yuan (${cap.daysLate} days late × 3% of ${fine}, capped at the fine)${basisEn(basis)}`,
    ),
  };
}

/**
 * The surcharge the party may owe on the payment date (art. 72 (一); 行政强制法 art. 45),
 * leaving out the days a reconsideration or litigation was pending (art. 73 para. 3).
 * With instalments (art. 66 para. 2) each instalment is due on its own day: its surcharge
 * runs from that day to the day it is paid in full, 3% a day of the instalment, at most
 * the instalment (行政强制法 art. 45 para. 2), less what was paid on it (instalments.ts).
 */
async function surchargeCap(ctx: Ctx): Promise<{
  daysLate: number;
  amount: number;
  instalments?: { dueOn: LocalDate; amount: number; daysLate: number; surcharge: number }[];
  settles?: ReturnType<typeof settleAll>["payments"];
}> {
  const f = ctx.case.fields;
  const fine = Number(f.fineAmount ?? 0);
  if (!f.paymentDue || fine <= 0) return { daysLate: 0, amount: 0 };
  const proceedings = await proceedingsOf(ctx.w, ctx.case.regionCode, ctx.case.id);
  const list = scheduleOf(f);
  if (list) {
    const each = list.map((x) => {
      const s = instalmentSurcharge(ctx, x, proceedings);
      return { dueOn: x.dueOn, amount: x.amount, daysLate: s.daysLate, surcharge: s.surcharge };
    });
    const settled = settleAll(ctx, list, proceedings);
    return {
      daysLate: Math.max(0, ...each.map((x) => x.daysLate)),
      amount: settled.cap,
      instalments: each,
      settles: settled.payments,
    };
  }
  const rate = rulesOf(ctx.case).surcharge.value;
  const daysLate = lateDays(f.paymentDue, ctx.onDate, proceedings);
  return { daysLate, amount: Math.min(fine, cents(fine * rate * daysLate)) };
}
