/**
 * 分期缴纳罚款: the schedule an approval carries and the payments recorded against it
 * (行政处罚法(2021) 第六十六条第二款; 2017 text 第五十二条 [R]). Each instalment has its
 * amount and due date (the sum is the fine, or what is left of it when a new application
 * is approved); each payment names its instalment and may not exceed what is left of it;
 * each instalment late is surcharged from its own due date, 3% a day of the instalment, at
 * most the instalment (第七十二条第一款第（一）项; 行政强制法 第四十五条第二款), leaving out the
 * days a linked reconsideration or lawsuit was pending (第七十三条第三款). The last payment
 * is `record_payment` (the case is then executed); the ones before it are `pay_instalment`.
 */
import { z } from "zod";
import { STAY, type TransitionDecl } from "../../../../engines/case/index.ts";
import { basisEn, basisZh } from "../../../../kernel/citation.ts";
import { t } from "../../../../kernel/errors.ts";
import { compareLocalDate, type LocalDate } from "../../../../kernel/time/index.ts";
import { L, zAmount } from "../common.ts";
import { lateDays, type Proceeding, proceedingsOf } from "./execution.ts";
import { type Ctx, type PenaltyCase, rulesOf } from "./fields.ts";

/** One instalment of the schedule, with what has been paid on it. */
export interface Instalment {
  dueOn: LocalDate;
  amount: number;
  /** Paid so far (fine, without the surcharge), and the day it was paid in full. */
  paid?: number;
  settledOn?: LocalDate;
  surchargePaid?: number;
}

/** A payment recorded against an instalment (pay_instalment, or the final record_payment). */
export interface InstalmentPayment {
  instalment: number;
  dueOn: LocalDate;
  paidOn: LocalDate;
  amount: number;
  surcharge: number;
  daysLate: number;
  collector: string;
  receiptNo: string;
}

export const cents = (n: number) => Math.round(n * 100) / 100;

/** The schedule of an instalment approval, or undefined. */
export const scheduleOf = (f: PenaltyCase): Instalment[] | undefined =>
  f.deferral?.kind === "instalments" && f.deferral.instalments.length > 0
    ? (f.deferral.instalments as Instalment[])
    : undefined;

export const balanceOf = (x: Instalment) => cents(Number(x.amount) - Number(x.paid ?? 0));

/** What is left of the fine: its amount less every payment recorded against instalments. */
export function outstanding(f: PenaltyCase): number {
  const paid = (f.instalmentPayments ?? []).reduce((a, p) => a + Number(p.amount), 0);
  return cents(Number(f.fineAmount ?? 0) - paid);
}

/**
 * An instalment's surcharge on `onDate`: days late from its due date to the day it was paid
 * in full (or `onDate`), 3% a day of the instalment, at most the instalment; less what has
 * been paid on it already.
 */
export function instalmentSurcharge(
  ctx: Ctx,
  x: Instalment,
  proceedings: Proceeding[],
): { daysLate: number; surcharge: number; owed: number } {
  const rate = rulesOf(ctx.case).surcharge.value;
  const end = x.settledOn ?? ctx.onDate;
  const daysLate = lateDays(x.dueOn, end, proceedings);
  const surcharge = Math.min(Number(x.amount), cents(Number(x.amount) * rate * daysLate));
  return { daysLate, surcharge, owed: Math.max(0, cents(surcharge - (x.surchargePaid ?? 0))) };
}

/** The schedule after paying `amount` (and `surcharge`) on instalment `i` on `onDate`. */
export function applyPayment(
  list: Instalment[],
  i: number,
  amount: number,
  surcharge: number,
  onDate: LocalDate,
): Instalment[] {
  return list.map((x, k) => {
    if (k !== i) return x;
    const paid = cents(Number(x.paid ?? 0) + amount);
    return {
      ...x,
      paid,
      surchargePaid: cents(Number(x.surchargePaid ?? 0) + surcharge),
      ...(paid >= Number(x.amount) ? { settledOn: onDate } : {}),
    };
  });
}

const BASIS_2021 =
  "行政处罚法(2021) art. 66 para. 2: 当事人确有经济困难，需要延期或者分期缴纳罚款的，经当事人申请和行政机关批准，可以暂缓或者分期缴纳";

/** Which instalment a payment names, and that it does not exceed what is left of it. */
export const instalmentGuard = async (ctx: Ctx) => {
  const list = scheduleOf(ctx.case.fields);
  if (!list) {
    return {
      message: t(
        `本案没有经批准的分期缴纳安排：请登记缴纳罚款${basisZh(BASIS_2021)}`,
        `there is no approved instalment schedule: record the payment of the fine${basisEn(BASIS_2021)}`,
      ),
    };
  }
  const i = Number(ctx.input.instalment) - 1;
  const x = list[i];
  if (!x) {
    return {
      field: "instalment",
      message: t(
        `分期缴纳安排共 ${list.length} 期，没有第 ${i + 1} 期`,
        `the schedule has ${list.length} instalments; there is no instalment ${i + 1}`,
      ),
    };
  }
  const balance = balanceOf(x);
  const amount = Number(ctx.input.amountPaid);
  if (balance <= 0 || amount > balance) {
    return {
      field: "amountPaid",
      message: t(
        `第 ${i + 1} 期（${x.dueOn} 到期，${x.amount} 元）尚未缴纳 ${balance} 元，本次缴纳 ${amount} 元超出该期余额${basisZh(BASIS_2021)}`,
        `instalment ${i + 1} (due ${x.dueOn}, ${x.amount} yuan) has ${balance} yuan left; ${amount} yuan is more than that${basisEn(BASIS_2021)}`,
      ),
    };
  }
  if (amount >= outstanding(ctx.case.fields)) {
    return {
      field: "amountPaid",
      message: t(
        `本次缴纳将结清全部罚款：请以“登记缴纳罚款（银行收缴）”登记，案件转为已执行`,
        `this payment settles the whole fine: record it as the payment of the fine (the case is then executed)`,
      ),
    };
  }
  const proceedings = await proceedingsOf(ctx.w, ctx.case.regionCode, ctx.case.id);
  const s = instalmentSurcharge(ctx, x, proceedings);
  if (Number(ctx.input.surchargePaid ?? 0) > s.owed) {
    const basis = rulesOf(ctx.case).surcharge.basis;
    return {
      field: "surchargePaid",
      message: t(
        `第 ${i + 1} 期于 ${x.dueOn} 到期，逾期 ${s.daysLate} 日，加处罚款最多 ${s.owed} 元（每日按该期金额的百分之三，不超出该期金额）${basisZh(basis)}`,
        `instalment ${i + 1} fell due on ${x.dueOn}: ${s.daysLate} days late, a surcharge of at most ${s.owed} yuan${basisEn(basis)}`,
      ),
    };
  }
  return undefined;
};

export const INSTALMENT_STEPS: TransitionDecl<PenaltyCase>[] = [
  {
    action: "pay_instalment",
    label: { zh: "登记分期缴纳（一期）", en: "Record an instalment paid" },
    from: ["served", "reminded"],
    to: STAY,
    // Taken when the party pays an instalment: never a work-queue item of its own.
    occasional: true,
    input: z.object({
      instalment: L(z.number().int().min(1).max(36), "第几期", "Instalment number"),
      amountPaid: L(zAmount.positive(), "本期缴纳罚款（元）", "Fine paid (yuan)"),
      surchargePaid: L(zAmount.default(0), "加处罚款（元）", "Surcharge paid (yuan)"),
      collector: L(
        z.string().trim().min(1, "required").max(100),
        "收缴机构（代收银行）",
        "Collecting bank",
      ),
      receiptNo: L(z.string().trim().min(1, "required").max(50), "缴款凭证号", "Receipt number"),
    }),
    guards: [instalmentGuard],
    derive: async (ctx) => {
      const f = ctx.case.fields;
      const list = scheduleOf(f) ?? [];
      const i = Number(ctx.input.instalment) - 1;
      const x = list[i] as Instalment;
      const proceedings = await proceedingsOf(ctx.w, ctx.case.regionCode, ctx.case.id);
      const s = instalmentSurcharge(ctx, x, proceedings);
      const amount = Number(ctx.input.amountPaid);
      const surcharge = Number(ctx.input.surchargePaid ?? 0);
      const payment: InstalmentPayment = {
        instalment: i + 1,
        dueOn: x.dueOn,
        paidOn: ctx.onDate,
        amount,
        surcharge,
        daysLate: s.daysLate,
        collector: String(ctx.input.collector),
        receiptNo: String(ctx.input.receiptNo),
      };
      return {
        deferral: {
          ...f.deferral,
          instalments: applyPayment(list, i, amount, surcharge, ctx.onDate),
        },
        instalmentPayments: [...(f.instalmentPayments ?? []), payment],
      };
    },
  },
];

/**
 * The final payment with a schedule: it settles what is left, instalment by instalment in
 * order, each with the surcharge it owes on the day. Returns the payments and the cap.
 */
export function settleAll(
  ctx: Ctx,
  list: Instalment[],
  proceedings: Proceeding[],
): { payments: Omit<InstalmentPayment, "collector" | "receiptNo">[]; cap: number } {
  const payments: Omit<InstalmentPayment, "collector" | "receiptNo">[] = [];
  let cap = 0;
  list.forEach((x, i) => {
    const s = instalmentSurcharge(ctx, x, proceedings);
    cap = cents(cap + s.owed);
    const left = balanceOf(x);
    if (left > 0 || s.owed > 0) {
      payments.push({
        instalment: i + 1,
        dueOn: x.dueOn,
        paidOn: ctx.onDate,
        amount: left,
        surcharge: s.owed,
        daysLate: s.daysLate,
      });
    }
  });
  return { payments, cap };
}

/** Is every instalment's due date after the approval and in order? (undefined: yes) */
export function scheduleOrderError(list: { dueOn: LocalDate }[], approvedOn: LocalDate) {
  let prev = approvedOn;
  for (const [i, x] of list.entries()) {
    if (compareLocalDate(x.dueOn, prev) <= 0) return { index: i, after: prev };
    prev = x.dueOn;
  }
  return undefined;
}
