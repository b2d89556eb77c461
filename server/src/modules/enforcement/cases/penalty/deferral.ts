/**
 * 暂缓或者分期缴纳罚款 (deferred or instalment payment, issue 10 fault 13): on the party's
 * application, for real financial hardship, with the body's approval (行政处罚法(2021)
 * art. 66 para. 2; 2017 text art. 52 [R]). The fine then falls due at the end of the
 * deferral (or on the last instalment), and the court window counts from that end
 * (art. 72 para. 2).
 */
import { z } from "zod";
import type { TransitionDecl } from "../../../../engines/case/index.ts";
import { basisEn, basisZh } from "../../../../kernel/citation.ts";
import { t } from "../../../../kernel/errors.ts";
import { zt } from "../../../../kernel/issue-text.ts";
import { compareLocalDate, type LocalDate } from "../../../../kernel/time/index.ts";
import { L, labelledEnum, zAmount, zDay } from "../common.ts";
import { CHALLENGE, courtWindowEnd, courtWindowFrom, DEFERRAL_KIND_LABELS } from "./execution.ts";
import type { Ctx, PenaltyCase } from "./fields.ts";
import {
  cents,
  outstanding,
  type Instalment as Scheduled,
  scheduleOrderError,
} from "./instalments.ts";

const deferralBasis = (ctx: Ctx) =>
  compareLocalDate(ctx.case.openedOn, "2021-07-15" as LocalDate) < 0
    ? "行政处罚法(2017) art. 52: 当事人确有经济困难，需要延期或者分期缴纳罚款的，经当事人申请和行政机关批准，可以暂缓或者分期缴纳 [R]"
    : "行政处罚法(2021) art. 66 para. 2: 当事人确有经济困难，需要延期或者分期缴纳罚款的，经当事人申请和行政机关批准，可以暂缓或者分期缴纳";

const Instalment = z.object({
  dueOn: L(zDay, "缴纳期限", "Due on"),
  amount: L(zAmount, "金额（元）", "Amount (yuan)"),
});

const lastDay = (ctx: Ctx): LocalDate => {
  if (ctx.input.kind === "deferral") return ctx.input.until as LocalDate;
  const list = ctx.input.instalments as { dueOn: LocalDate }[];
  return list[list.length - 1]?.dueOn as LocalDate;
};

/**
 * A second deferral or schedule is a new approval of a new application (第六十六条第二款:
 * 经当事人申请和行政机关批准): the party's application must come after the last approval.
 */
const newApplicationGuard = (ctx: Ctx) => {
  const prev = ctx.case.fields.deferral;
  if (!prev) return undefined;
  if (compareLocalDate(ctx.input.appliedOn as LocalDate, prev.approvedOn) > 0) return undefined;
  const basis = deferralBasis(ctx);
  return {
    field: "appliedOn",
    message: t(
      `${prev.approvedOn} 已批准${DEFERRAL_KIND_LABELS[prev.kind].zh}；变更缴纳安排须当事人在该日之后重新申请，并经行政机关批准${basisZh(basis)}`,
      `a ${prev.kind} was approved on ${prev.approvedOn}; a new schedule needs a new application by the party after that day, and a new approval${basisEn(basis)}`,
    ),
  };
};

const deferralGuard = (ctx: Ctx) => {
  const f = ctx.case.fields;
  const basis = deferralBasis(ctx);
  // What is left of the fine (less the instalments already paid under an earlier schedule).
  const fine = outstanding(f);
  if (fine <= 0) return { message: t("没有需要缴纳的罚款", "there is no fine to pay") };
  if (compareLocalDate(ctx.input.appliedOn as LocalDate, ctx.onDate) > 0) {
    return {
      field: "appliedOn",
      message: t(
        `当事人的申请日期不能晚于批准日期 ${ctx.onDate}${basisZh(basis)}`,
        `the party's application cannot come after the approval on ${ctx.onDate}${basisEn(basis)}`,
      ),
    };
  }
  if (ctx.input.kind === "deferral") {
    const until = ctx.input.until as LocalDate | undefined;
    if (!until || compareLocalDate(until, ctx.onDate) <= 0) {
      return {
        field: "until",
        message: t(
          `暂缓缴纳须写明晚于 ${ctx.onDate} 的缴纳期限${basisZh(basis)}`,
          `a deferral needs the new due date, after ${ctx.onDate}${basisEn(basis)}`,
        ),
      };
    }
    return undefined;
  }
  const list = (ctx.input.instalments as { dueOn: LocalDate; amount: number }[]) ?? [];
  const order = scheduleOrderError(list, ctx.onDate);
  if (order) {
    return {
      field: `instalments.${order.index}.dueOn`,
      message: t(
        `第 ${order.index + 1} 期的缴纳期限应当晚于 ${order.after}（批准日期或上一期的期限），并按先后排列${basisZh(basis)}`,
        `instalment ${order.index + 1} must fall due after ${order.after} (the approval or the instalment before), in order${basisEn(basis)}`,
      ),
    };
  }
  const sum = cents(list.reduce((a, x) => a + Number(x.amount), 0));
  if (list.length < 2 || sum !== fine) {
    const what = fine === Number(f.fineAmount ?? 0) ? "罚款" : "尚未缴纳的罚款";
    return {
      field: "instalments",
      message: t(
        `分期缴纳至少分两期，各期合计应为${what} ${fine} 元（现为 ${sum} 元）${basisZh(basis)}`,
        `instalments: at least two, adding up to the fine of ${fine} yuan (now ${sum})${basisEn(basis)}`,
      ),
    };
  }
  return undefined;
};

export const DEFERRAL_STEPS: TransitionDecl<PenaltyCase>[] = [
  {
    action: "defer_payment",
    label: { zh: "批准暂缓或者分期缴纳罚款", en: "Approve deferred or instalment payment" },
    from: ["served", "reminded"],
    to: "served",
    // The body approves: its leader (行政处罚法(2021) art. 66 para. 2: 经行政机关批准).
    permission: "unit.lead",
    input: z
      .object({
        kind: labelledEnum(DEFERRAL_KIND_LABELS, "方式", "Kind"),
        appliedOn: L(zDay, "当事人申请日期", "The party applied on"),
        reason: L(
          z.string().trim().min(1, "required").max(2000),
          "当事人经济困难的情况",
          "The party's financial hardship",
        ),
        until: L(zDay.optional(), "暂缓至（缴纳期限）", "Deferred until"),
        instalments: L(z.array(Instalment).max(36).default([]), "分期缴纳安排", "Instalments"),
      })
      .superRefine((d, ctx) => {
        if (d.kind === "instalments" && d.instalments.length === 0) {
          ctx.addIssue({
            code: "custom",
            path: ["instalments"],
            message: zt("请填写分期缴纳安排", "give the instalments"),
          });
        }
      }),
    guards: [newApplicationGuard, deferralGuard],
    derive: (ctx) => {
      const until = lastDay(ctx);
      const servedOn = ctx.case.fields.servedOn as LocalDate;
      const w = courtWindowFrom(ctx, servedOn, until);
      return {
        deferral: {
          kind: ctx.input.kind,
          appliedOn: ctx.input.appliedOn,
          approvedOn: ctx.onDate,
          until,
          instalments:
            ctx.input.kind === "instalments"
              ? (ctx.input.instalments as Scheduled[]).map((x) => ({
                  dueOn: x.dueOn,
                  amount: x.amount,
                  paid: 0,
                }))
              : [],
          reason: ctx.input.reason,
        },
        paymentDue: until,
        courtWindowFrom: w.from,
        courtWindowEnd: courtWindowEnd(ctx.calendar, w.from),
        courtWindowBasis: `${CHALLENGE.court.basis}; ${CHALLENGE.deferral.basis}`,
      };
    },
  },
];
