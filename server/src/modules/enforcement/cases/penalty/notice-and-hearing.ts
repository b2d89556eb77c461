import { z } from "zod";
import type { TransitionDecl } from "../../../../engines/case/index.ts";
import { basisEn, basisZh } from "../../../../kernel/citation.ts";
import { t } from "../../../../kernel/errors.ts";
import { compareLocalDate } from "../../../../kernel/time/index.ts";
import { L, zDay } from "../common.ts";
import { serviceMethodGuard } from "./execution-guards.ts";
import type { PenaltyCase } from "./fields.ts";
import { hearingWindowEnd } from "./guards.ts";
import {
  chairNotInvestigator,
  hearingBasis,
  hearingOfferGuard,
  NoticeInput,
  noticeDerive,
  rulesOn,
} from "./procedure.ts";
import { BEFORE_DECISION } from "./states.ts";

// ─────────────────────────────────────────────────── notice, statement and hearing

/** The notice's service: electronic with the party's consent, an announcement with its reason. */
const noticeServiceGuard = (ctx: Parameters<typeof serviceMethodGuard>[0]) => {
  const refusal = serviceMethodGuard({
    ...ctx,
    input: {
      serviceMethod: ctx.input.noticeServiceMethod,
      electronicConsent: ctx.input.noticeElectronicConsent,
      announcementReason: ctx.input.noticeAnnouncementReason,
    },
  });
  if (!refusal) return undefined;
  const field =
    refusal.field === "electronicConsent" ? "noticeElectronicConsent" : "noticeAnnouncementReason";
  return { ...refusal, field };
};

export const NOTICE_AND_HEARING_STEPS: TransitionDecl<PenaltyCase>[] = [
  {
    action: "notify",
    label: {
      zh: "告知拟作出的处罚（陈述申辩、听证权利）",
      en: "Notify the intended penalty (rights to state, defend and ask for a hearing)",
    },
    from: ["investigated", ...BEFORE_DECISION],
    to: "notified",
    input: NoticeInput,
    setsFields: ["intendedPenalty", "intendedPenalties", "intendedFine", "intendedConfiscation"],
    guards: [hearingOfferGuard, noticeServiceGuard],
    derive: noticeDerive,
  },
  {
    action: "record_statement",
    label: { zh: "记录陈述申辩及复核", en: "Record the statement and defence, and its review" },
    from: ["notified", "reviewed"],
    to: "notified",
    input: z.object({
      statement: L(z.string().trim().min(1, "required").max(5000), "陈述申辩意见", "Statement"),
      adopted: L(z.boolean(), "是否采纳", "Adopted"),
      reply: L(z.string().trim().min(1, "required").max(5000), "复核意见", "Review of it"),
    }),
    // Kept for the decision, which states the defence and whether it was adopted, with the
    // reasons (2021 art. 45 para. 1: 对当事人提出的事实、理由和证据，应当进行复核).
    derive: (ctx) => ({
      partyStatement: {
        onDate: ctx.onDate,
        statement: ctx.input.statement,
        adopted: ctx.input.adopted,
        reply: ctx.input.reply,
      },
    }),
  },
  {
    action: "waive_rights",
    label: { zh: "当事人放弃权利", en: "The party waives its rights" },
    from: ["notified"],
    to: "notified",
    input: z.object({
      statementWaived: L(z.boolean(), "放弃陈述申辩", "Waives statement and defence"),
      hearingWaived: L(z.boolean(), "放弃听证", "Waives the hearing"),
      signedBy: L(z.string().trim().min(1, "required").max(100), "签字人", "Signed by"),
    }),
    setsFields: ["statementWaived", "hearingWaived"],
  },
  {
    action: "request_hearing",
    label: { zh: "当事人要求听证", en: "The party asks for a hearing" },
    from: ["notified", "reviewed"],
    to: "hearing_requested",
    input: z.object({
      note: L(z.string().trim().max(2000).optional(), "申请内容", "Request"),
    }),
    guards: [
      (ctx) => {
        const f = ctx.case.fields;
        if (!f.hearingRight) {
          return {
            // 行政处罚法(2021) 第六十三条; 2017 text 第四十二条
            message: t(
              `告知时未告知当事人有要求听证的权利${basisZh(hearingBasis(ctx.case.fields.noticeOn ?? ctx.onDate))}`,
              "the notice did not give a right to a hearing (行政处罚法(2021) art. 63; 2017 art. 42)",
            ),
          };
        }
        if (f.hearingWaived)
          return { message: t("当事人已放弃听证", "the party waived the hearing") };
        const end = hearingWindowEnd(ctx);
        if (end && compareLocalDate(ctx.onDate, end) > 0) {
          const basis = rulesOn(ctx.case.fields.noticeOn ?? ctx.onDate).hearingRequest.basis;
          return {
            message: t(
              `已超过要求听证的期限（截至 ${end}）${basisZh(basis)}`,
              `too late: a hearing could be asked for until ${end}${basisEn(basis)}`,
            ),
          };
        }
        return undefined;
      },
    ],
  },
  {
    action: "schedule_hearing",
    label: { zh: "通知听证", en: "Schedule the hearing" },
    from: ["hearing_requested"],
    to: "hearing_scheduled",
    input: z.object({
      hearingDate: L(zDay, "听证日期", "Hearing date"),
      hearingPlace: L(z.string().trim().min(1, "required").max(200), "听证地点", "Place"),
      hearingChair: L(
        z.string().trim().min(1, "required").max(50),
        "听证主持人（非本案调查人员）",
        "Chair (not an investigator)",
      ),
      publicHearing: L(z.boolean().default(true), "公开举行", "Held in public"),
    }),
    setsFields: ["hearingDate", "hearingPlace", "hearingChair"],
    guards: [chairNotInvestigator],
    leadTimes: [
      {
        field: "hearingDate",
        // The law in force on the notice (程序从新; the schedule follows the notice).
        period: (c) => rulesOn(c.fields.noticeOn ?? c.openedOn).hearingNotice.value,
        legalBasis: {
          cites: [
            { law: "行政处罚法", version: "2021", article: 64, item: 2 },
            { law: "行政处罚法", version: "2021", article: 85 },
            { law: "行政处罚法", version: "2017", article: 42, item: 2 },
          ],
          note: "行政处罚法(2021) art. 64 (二) and art. 85 (7 working days); 2017 text art. 42 (二) (7 days)",
        },
      },
    ],
  },
  {
    action: "hold_hearing",
    label: { zh: "举行听证", en: "Hold the hearing" },
    from: ["hearing_scheduled"],
    to: "heard",
    input: z.object({
      partyAttended: L(z.boolean(), "当事人到场", "The party attended"),
      record: L(z.string().trim().min(1, "required").max(10000), "听证笔录摘要", "Record"),
      partySigned: L(z.boolean(), "笔录经当事人核对签字", "Record signed by the party"),
    }),
    guards: [
      (ctx) =>
        ctx.case.fields.hearingDate && compareLocalDate(ctx.onDate, ctx.case.fields.hearingDate) < 0
          ? {
              message: t(
                `听证定于 ${ctx.case.fields.hearingDate} 举行，不能在 ${ctx.onDate} 登记举行听证`,
                `the hearing is scheduled for ${ctx.case.fields.hearingDate}: it cannot be held on ${ctx.onDate}`,
              ),
            }
          : undefined,
    ],
  },
];
