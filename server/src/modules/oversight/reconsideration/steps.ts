/**
 * The reconsideration steps: acceptance (with completion and refusal), the hearing of the
 * case (copy, reply, views, hearing, site inspections, interviews), the endings (decision,
 * mediation, termination, dismissal of the application), service and publication.
 */
import { z } from "zod";
import {
  type Guard,
  type GuardContext,
  STAY,
  type TransitionDecl,
} from "../../../engines/case/index.ts";
import { L, labelledEnum } from "../../../engines/labels.ts";
import { basisEn, basisZh } from "../../../kernel/citation.ts";
import { t } from "../../../kernel/errors.ts";
import {
  addMonthsClamped,
  addPeriod,
  compareLocalDate,
  type LocalDate,
} from "../../../kernel/time/index.ts";
import { CORRECTING, zDate, zText } from "../common.ts";
import {
  OUTCOME_LABELS,
  type Outcome,
  PROCEDURE_LABELS,
  type RCase,
  type ReconsiderationCase,
  rulesOf,
  TERMINATION_LABELS,
  zService,
} from "./fields.ts";
import { acceptedOn, applicationWindow, reviewEnd } from "./rules.ts";

type Ctx = GuardContext<ReconsiderationCase>;
const ACCEPTED = ["accepted"];
const ENDED = ["decided", "mediated", "terminated", "dismissed", "refused", "abandoned"];

/** The latest receipt: of the application, or of the completed materials. */
const receivedOn = (c: RCase) => (c.fields.materialsReceivedOn ?? c.openedOn) as LocalDate;

/** Late without a justified obstacle: refused (2023 art. 20; 2017 art. 9). */
const inTime: Guard<ReconsiderationCase> = (ctx) => {
  const f = ctx.case.fields;
  const w = applicationWindow(ctx.calendar, {
    receivedOn: ctx.case.openedOn,
    knewOn: f.knewOn as LocalDate,
    rightNotStated: f.rightNotStated,
    learnedOfRightOn: f.learnedOfRightOn as LocalDate | undefined,
    obstacle: f.obstacle as { from: LocalDate; until: LocalDate } | undefined,
  });
  if (!w.late) return undefined;
  const extra = w.obstacleDays ? `（已计入障碍耽误的 ${w.obstacleDays} 日）` : "";
  return {
    message: t(
      `申请已超过法定申请期限：期限于 ${w.lastDay} 届满${extra}，${ctx.case.openedOn} 才收到申请，且未记载不可抗力或者其他正当理由：应当不予受理${basisZh(w.basis)}`,
      `the application is out of time: the period ended on ${w.lastDay}${w.obstacleDays ? ` (with ${w.obstacleDays} days of obstacle added back)` : ""}, the application was received on ${ctx.case.openedOn}, and no justified obstacle is recorded: refuse it${basisEn(w.basis)}`,
    ),
  };
};

/** 2023 art. 21: 20 years (real estate) or 5 years after the act, no acceptance. */
const notTooOld: Guard<ReconsiderationCase> = (ctx) => {
  const f = ctx.case.fields;
  if (rulesOf(ctx.case).law !== "2023" || !f.actOn) return undefined;
  const years = f.realEstate ? 20 : 5;
  const last = addMonthsClamped(f.actOn as LocalDate, years * 12);
  if (compareLocalDate(ctx.case.openedOn, last) <= 0) return undefined;
  return {
    message: t(
      `行政行为作出已超过 ${years} 年（${f.actOn} 起至 ${last}）：不予受理${basisZh("行政复议法(2023) art. 21")}`,
      `the act is more than ${years} years old (${f.actOn} to ${last}): not accepted${basisEn("行政复议法(2023) art. 21")}`,
    ),
  };
};

/** Within the review of `days` from the latest receipt (refusal, completion notice). */
const withinReview =
  (what: { zh: string; en: string }, basis: (c: RCase) => string): Guard<ReconsiderationCase> =>
  (ctx) => {
    const end = reviewEnd(ctx.calendar, receivedOn(ctx.case));
    if (compareLocalDate(ctx.onDate, end) <= 0) return undefined;
    const b = basis(ctx.case);
    return {
      message: t(
        `审查期限已于 ${end} 届满，申请视为已受理：不能再${what.zh}${basisZh(b)}`,
        `the review ended on ${end} and the application counts as accepted: it can no longer be ${what.en}${basisEn(b)}`,
      ),
    };
  };

const simplifiedAllowed: Guard<ReconsiderationCase> = (ctx) => {
  if (ctx.input.procedure !== "simplified") return undefined;
  if (rulesOf(ctx.case).law === "2023") return undefined;
  return {
    field: "procedure",
    message: t(
      `收到申请时施行的行政复议法没有简易程序${basisZh("行政复议法(2017) art. 31")}`,
      `the law in force when the application was received has no simplified procedure${basisEn("行政复议法(2017) art. 31")}`,
    ),
  };
};

const outcomeKnown: Guard<ReconsiderationCase> = (ctx) => {
  const r = rulesOf(ctx.case);
  if (r.outcomes.includes(ctx.input.outcome as string)) return undefined;
  const label = OUTCOME_LABELS[ctx.input.outcome as Outcome];
  return {
    field: "outcome",
    message: t(
      `收到申请时施行的行政复议法没有“${label.zh}”的决定${basisZh(r.basis.outcome)}`,
      `the law in force when the application was received has no decision to ${label.en.toLowerCase()}${basisEn(r.basis.outcome)}`,
    ),
  };
};

/** A major, difficult or complex case is heard (2023 art. 50 para. 1) before its decision. */
const heardIfMajor: Guard<ReconsiderationCase> = (ctx) => {
  if (!ctx.case.fields.major || rulesOf(ctx.case).law !== "2023") return undefined;
  if (ctx.history.some((e) => e.action === "hold_hearing")) return undefined;
  return {
    message: t(
      `重大、疑难、复杂的行政复议案件应当组织听证${basisZh("行政复议法(2023) art. 50")}`,
      `a major, difficult or complex case must be heard first${basisEn("行政复议法(2023) art. 50")}`,
    ),
  };
};

/** The applicant's time to complete has run out (视为放弃). */
const completionOver: Guard<ReconsiderationCase> = (ctx) => {
  const notice = [...ctx.history].reverse().find((e) => e.action === "request_materials");
  if (!notice) return undefined;
  const r = rulesOf(ctx.case);
  const days = Number(ctx.case.fields.completionDays ?? 0);
  const period = r.completion ?? { n: days || 10, unit: "calendar_day" as const };
  const last = addPeriod(ctx.calendar, notice.onDate, period).due;
  if (compareLocalDate(ctx.onDate, last) > 0) return undefined;
  return {
    message: t(
      `补正期限至 ${last} 届满，届满前不能视为放弃申请${basisZh(r.basis.completion)}`,
      `the time to complete runs until ${last}: the application cannot be taken as abandoned before${basisEn(r.basis.completion)}`,
    ),
  };
};

const decided = (ctx: Ctx) => ({ decidedOn: ctx.onDate });

export const STEPS: TransitionDecl<ReconsiderationCase>[] = [
  // ── acceptance
  {
    action: "request_materials",
    label: { zh: "通知补正", en: "Ask to complete the application" },
    from: ["received"],
    to: "awaiting_materials",
    input: z.object({
      items: L(zText(2000), "需要补正的事项（一次性载明）", "What to complete (all at once)"),
      completionDays: L(
        z.number().int().min(1).max(60).optional(),
        "补正期限（日，旧法适用）",
        "Days to complete (old law)",
      ),
    }),
    setsFields: ["completionDays"],
    guards: [
      withinReview({ zh: "通知补正", en: "asked to complete" }, (c) => rulesOf(c).basis.completion),
    ],
  },
  {
    action: "materials_received",
    label: { zh: "收到补正材料", en: "Completed materials received" },
    from: ["awaiting_materials"],
    to: "received",
    derive: (ctx) => ({ materialsReceivedOn: ctx.onDate }),
  },
  {
    action: "abandon",
    label: { zh: "逾期未补正，视为放弃", en: "Not completed in time: abandoned" },
    from: ["awaiting_materials"],
    to: "abandoned",
    guards: [completionOver],
  },
  {
    action: "accept",
    label: { zh: "受理", en: "Accept" },
    from: ["received"],
    to: "accepted",
    input: z.object({
      procedure: labelledEnum(PROCEDURE_LABELS, "审理程序", "Procedure"),
    }),
    setsFields: ["procedure"],
    guards: [inTime, notTooOld, simplifiedAllowed],
    derive: (ctx) => ({
      acceptedOn: acceptedOn(ctx.calendar, ctx.case.openedOn, receivedOn(ctx.case), ctx.onDate),
    }),
    issues: ["acceptance"],
  },
  {
    action: "refuse",
    label: { zh: "不予受理", en: "Refuse to accept" },
    from: ["received"],
    to: "refused",
    sensitive: true,
    input: z.object({ grounds: L(zText(2000), "不予受理理由", "Grounds") }),
    guards: [
      withinReview({ zh: "决定不予受理", en: "refused" }, (c) => rulesOf(c).basis.acceptance),
    ],
  },
  // ── hearing the case
  {
    action: "send_copy",
    label: { zh: "向被申请人发送申请书副本", en: "Send the application to the respondent" },
    from: ACCEPTED,
    to: STAY,
    input: z.object({
      respondentReceivedOn: L(zDate, "被申请人收到日期", "The respondent received it on"),
    }),
  },
  {
    action: "receive_reply",
    label: { zh: "收到答复和证据", en: "Reply and evidence received" },
    from: ACCEPTED,
    to: STAY,
    input: z.object({
      summary: L(z.string().trim().max(2000).optional(), "答复要点", "Reply in brief"),
    }),
  },
  {
    action: "hear_views",
    label: { zh: "听取意见", en: "Hear the parties' views" },
    from: ACCEPTED,
    to: STAY,
    input: z.object({
      who: L(zText(200), "听取谁的意见", "Whose views"),
      how: labelledEnum(
        {
          in_person: { zh: "当面", en: "In person" },
          online: { zh: "互联网", en: "Online" },
          phone: { zh: "电话", en: "Phone" },
        },
        "方式",
        "How",
      ),
    }),
  },
  {
    action: "schedule_hearing",
    label: { zh: "通知听证", en: "Notify the hearing" },
    from: ACCEPTED,
    to: STAY,
    input: z.object({ hearingDate: L(zDate, "听证日期", "Hearing date") }),
    // 2023 art. 51: notice in writing five (working) days before the hearing.
    leadTimes: [
      {
        field: "hearingDate",
        period: (c) => rulesOf(c as RCase).hearingNotice ?? { n: 1, unit: "calendar_day" },
        legalBasis: {
          cites: [
            { law: "行政复议法", version: "2023", article: 51 },
            { law: "行政复议法", version: "2023", article: 88 },
          ],
          note: "行政复议法(2023) art. 51, art. 88",
        },
      },
    ],
  },
  {
    action: "hold_hearing",
    label: { zh: "举行听证", en: "Hold the hearing" },
    from: ACCEPTED,
    to: STAY,
    input: z.object({
      chair: L(zText(50), "听证主持人", "Chair"),
      respondentHeadAttended: L(
        z.boolean(),
        "被申请人负责人参加",
        "The respondent's head attended",
      ),
    }),
  },
  {
    action: "site_inspection",
    label: { zh: "实地调查核实", en: "Site inspection" },
    from: ACCEPTED,
    to: STAY,
    input: z.object({
      place: L(zText(200), "地点", "Place"),
      // 2023 art. 45 / 2007 reg. art. 34: at least two reconsideration officers.
      officers: L(
        z.array(zText(50)).min(2).max(10),
        "调查人员（不少于两人）",
        "Officers (two or more)",
      ),
      findings: L(zText(2000), "调查情况", "Findings"),
    }),
  },
  {
    action: "interview",
    label: { zh: "询问、约谈", en: "Interview" },
    from: ACCEPTED,
    to: STAY,
    input: z.object({
      who: L(zText(200), "询问、约谈对象", "Who"),
      summary: L(zText(2000), "笔录要点", "Record in brief"),
    }),
  },
  {
    action: "convert_to_ordinary",
    label: { zh: "简易程序转普通程序", en: "Convert to the ordinary procedure" },
    from: ACCEPTED,
    to: STAY,
    permission: "unit.lead",
    input: z.object({
      procedure: L(z.literal("ordinary").default("ordinary"), "审理程序", "Procedure"),
    }),
    setsFields: ["procedure"],
    guards: [
      (ctx) =>
        ctx.case.fields.procedure === "simplified"
          ? undefined
          : {
              message: t(
                `本案已适用普通程序${basisZh("行政复议法(2023) art. 55")}`,
                `the case already follows the ordinary procedure${basisEn("行政复议法(2023) art. 55")}`,
              ),
            },
    ],
  },
  // ── endings
  {
    action: "decide",
    label: { zh: "作出行政复议决定", en: "Decide" },
    from: ACCEPTED,
    to: "decided",
    permission: "unit.lead",
    input: z.object({
      outcome: labelledEnum(OUTCOME_LABELS, "决定类型", "Decision"),
      decisionContent: L(zText(4000), "决定内容", "What is decided"),
      reasoning: L(zText(8000), "认定事实和理由", "Facts and reasons"),
    }),
    setsFields: ["outcome", "decisionContent", "reasoning"],
    guards: [outcomeKnown, heardIfMajor],
    derive: decided,
    issues: ["decision"],
    // The reviewed penalty decision takes its alteration step (行政复议法(2023) arts. 63–65,
    // 67; 2017 art. 28): withdrawn from publication there at once.
    followUps: [
      {
        link: "reviews",
        action: "alter_decision",
        when: (ctx) => String(ctx.input.outcome) in CORRECTING,
        input: (ctx) => ({
          ground: CORRECTING[String(ctx.input.outcome)],
          authority: "reconsideration",
          documentNo: ctx.case.numbers.decision ?? `${ctx.case.fields.numberPrefix}决`,
          reason: String(ctx.input.reasoning).slice(0, 2000),
        }),
      },
    ],
  },
  {
    action: "mediate",
    label: { zh: "调解结案", en: "Concluded by mediation" },
    from: ACCEPTED,
    to: "mediated",
    input: z.object({ agreement: L(zText(4000), "调解协议内容", "The agreement") }),
    issues: ["decision"],
  },
  {
    action: "dismiss_application",
    label: { zh: "驳回行政复议申请", en: "Dismiss the application" },
    from: ACCEPTED,
    to: "dismissed",
    permission: "unit.lead",
    input: z.object({ grounds: L(zText(2000), "驳回理由", "Grounds") }),
    issues: ["decision"],
  },
  {
    action: "terminate",
    label: { zh: "终止行政复议", en: "Terminate" },
    from: ["received", "accepted"],
    to: "terminated",
    allowedWhileSuspended: true,
    input: z.object({ ground: labelledEnum(TERMINATION_LABELS, "终止情形", "Ground") }),
  },
  // ── after the ending
  {
    action: "serve",
    label: { zh: "送达（送达回证）", en: "Serve a document (service record)" },
    from: ["received", "awaiting_materials", "accepted", ...ENDED],
    to: STAY,
    allowedWhileSuspended: true,
    input: z.object(zService),
    derive: (ctx) => ({
      lastService: {
        document: ctx.input.document,
        recipient: ctx.input.recipient,
        method: ctx.input.method,
        address: ctx.input.address,
        servedOn: ctx.onDate,
      },
    }),
  },
  {
    action: "publish",
    label: { zh: "公开行政复议决定书", en: "Publish the decision" },
    from: ["decided"],
    to: STAY,
    input: z.object({ where: L(zText(300), "公开渠道", "Where") }),
    derive: (ctx) => ({ publishedOn: ctx.onDate }),
  },
  // 2023 art. 76 / 实施条例 art. 57: an opinion (意见书) to the respondent or another body,
  // which reports its correction within 60 days; a suggestion (建议书, 实施条例 art. 58) too.
  {
    action: "issue_opinion",
    label: { zh: "制发行政复议意见书、建议书", en: "Issue an opinion or suggestion letter" },
    from: ["decided", "mediated", "terminated", "dismissed"],
    to: STAY,
    input: z.object({
      letter: labelledEnum(
        {
          opinion: { zh: "行政复议意见书", en: "Opinion letter" },
          suggestion: { zh: "行政复议建议书", en: "Suggestion letter" },
        },
        "文书",
        "Letter",
      ),
      addressee: L(zText(100), "主送机关", "To"),
      content: L(zText(4000), "意见、建议内容", "What it says"),
    }),
  },
  {
    action: "opinion_reported",
    label: { zh: "收到纠正情况报告", en: "Report on the correction received" },
    from: ["decided", "mediated", "terminated", "dismissed"],
    to: STAY,
    input: z.object({ report: L(zText(4000), "纠正情况", "What was corrected") }),
    guards: [
      (ctx) =>
        ctx.history.some((e) => e.action === "issue_opinion")
          ? undefined
          : {
              message: t(
                `本案尚未制发行政复议意见书${basisZh("行政复议法(2023) art. 76")}`,
                `no opinion letter was issued in this case${basisEn("行政复议法(2023) art. 76")}`,
              ),
            },
    ],
  },
];
