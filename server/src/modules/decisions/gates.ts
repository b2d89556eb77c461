/**
 * The gates of a major decision, each from its clause of 《重大行政决策程序暂行条例》:
 * the comment period (art. 15), the hearing (art. 16), expert selection (arts. 19–20),
 * the third-party assessor (art. 23), the legality review's time and advisers (arts.
 * 25–28), the collective decision's prerequisites (arts. 24, 25, 29, 30), the report to
 * the Party committee and, where the district requires it, to the people's congress
 * standing committee (art. 31), and the post-evaluator's independence (art. 36).
 */
import type { GuardContext, GuardRefusal } from "../../engines/case/index.ts";
import { getEntry, type RegisterDecl } from "../../engines/register/index.ts";
import { t } from "../../kernel/errors.ts";
import { addPeriod, diffDays, type LocalDate } from "../../kernel/time/index.ts";
import { after, lastStep, stepsOf } from "./history.ts";
import { SETTING_NPC_REPORT, SETTING_REVIEW_DAYS } from "./settings.ts";

/** The shortest public comment period (art. 15: 一般不少于30日), counted per 民法典 art. 201. */
export const COMMENT_MIN_DAYS = 30;

export interface DecisionFields {
  title: string;
  matter: string;
  catalogueItem?: string;
  undertakingUnit?: string;
  draftSummary: string;
  technical: boolean;
  technicalReason: string;
  stabilityRisk: boolean;
  stabilityRiskReason: string;
  commentFrom?: string;
  commentTo?: string;
  commentDays?: number;
  shortPeriodReason?: string;
  experts?: string[];
  riskAssessorKind?: "unit" | "third_party";
  riskAssessorId?: number;
  riskAssessorName?: string;
  riskLevel?: string;
  riskControllable?: boolean;
  legalityResult?: string;
  headDecision?: "adopt" | "adopt_amended" | "not_adopt";
  meeting?: string;
  documentNo?: string;
  decisionText?: string;
  opinionsExplanation?: string;
  publishedOn?: string;
}

type Ctx = GuardContext<DecisionFields>;

const refuse = (zh: string, en: string, field?: string): GuardRefusal => ({
  message: t(zh, en),
  ...(field ? { field } : {}),
});

/** An entry of one of the module's registers, or undefined when it does not exist or is hidden. */
export async function entryOf(ctx: Ctx, decl: RegisterDecl, id: number) {
  try {
    return await getEntry(ctx.w, decl, id);
  } catch {
    return undefined;
  }
}

// ───────────────────────────────────────────────────────────── public participation

/** The comment period's length in days: the opening day not counted (民法典 art. 201). */
export const commentDays = (from: string, to: string) =>
  diffDays(from as LocalDate, to as LocalDate);

/**
 * Art. 15: the period is 一般不少于30日; a shorter one only with its reason stated when the
 * comment is opened. The comment opens on or after the day it is published (the step's
 * date) and one comment is open at a time.
 */
export function commentPeriodGate(ctx: Ctx): GuardRefusal | undefined {
  const i = ctx.input as { commentFrom: string; commentTo: string; shortPeriodReason?: string };
  if (i.commentFrom < ctx.onDate) {
    return refuse(
      "征求意见起始日期不能早于公布决策草案的日期",
      "the comment period cannot begin before the draft is published (the step's date)",
      "commentFrom",
    );
  }
  if (i.commentTo <= i.commentFrom) {
    return refuse(
      "征求意见截止日期应晚于起始日期",
      "the period must end after it begins",
      "commentTo",
    );
  }
  const days = commentDays(i.commentFrom, i.commentTo);
  if (days < COMMENT_MIN_DAYS && !i.shortPeriodReason?.trim()) {
    return refuse(
      `公开征求意见期限为${days}日，不足30日；因情况紧急等原因缩短期限的，应当在征求意见时说明理由（《重大行政决策程序暂行条例》第十五条）`,
      `the comment period is ${days} days, under 30: a shorter period needs its reason stated when the comment opens (art. 15)`,
      "shortPeriodReason",
    );
  }
  const open = lastStep(ctx.history, "open_comment");
  if (open && !after(lastStep(ctx.history, "close_comment"), open)) {
    return refuse("上一轮公开征求意见尚未结束", "the previous public comment has not been closed");
  }
  return undefined;
}

/** Closing: a comment is open, and its period has run to its last day. */
export function closeCommentGate(ctx: Ctx): GuardRefusal | undefined {
  const open = lastStep(ctx.history, "open_comment");
  if (!open || after(lastStep(ctx.history, "close_comment"), open)) {
    return refuse("没有正在进行的公开征求意见", "no public comment is open");
  }
  const to = open.input.commentTo as string;
  if (ctx.onDate < to) {
    return refuse(
      `公开征求意见期限至${to}，期限届满前不能结束征求意见`,
      `the comment period runs until ${to}; it cannot be closed before`,
    );
  }
  return undefined;
}

/**
 * Art. 16 para. 3: the participant list is published in advance (on or before the day
 * the materials go out, and before the hearing); the 7 days' lead of the materials is
 * the step's declared lead time.
 */
export function hearingScheduleGate(ctx: Ctx): GuardRefusal | undefined {
  const i = ctx.input as { listPublishedOn: string; hearingOn: string };
  if (i.listPublishedOn > ctx.onDate) {
    return refuse(
      "听证参加人名单公布日期不能晚于本步骤日期（应当提前向社会公布）",
      "the participant list must already be published (on or before this step's date)",
      "listPublishedOn",
    );
  }
  return undefined;
}

export function holdHearingGate(ctx: Ctx): GuardRefusal | undefined {
  const s = lastStep(ctx.history, "schedule_hearing");
  if (!s || after(lastStep(ctx.history, "hold_hearing"), s)) {
    return refuse("没有已安排的听证会", "no hearing is scheduled");
  }
  const on = s.input.hearingOn as string;
  if (ctx.onDate !== on) {
    return refuse(
      `听证会安排在${on}举行，记录日期应为听证会当日`,
      `the hearing is scheduled for ${on}; record it on that day`,
    );
  }
  return undefined;
}

// ───────────────────────────────────────────────────────────── expert argumentation

interface ExpertInput {
  expertId: number;
  opinion: string;
  signed: boolean;
  directInterest: boolean;
}

/**
 * Arts. 19–20: experts from the pool (in it on the day), none with a direct interest in
 * the matter (they are recused instead), each written opinion signed; an expert is
 * either heard or recused, not both.
 */
export async function expertGate(ctx: Ctx, pool: RegisterDecl): Promise<GuardRefusal | undefined> {
  const i = ctx.input as {
    experts: ExpertInput[];
    recused?: { expertId: number; reason: string }[];
  };
  const recused = new Set((i.recused ?? []).map((r) => r.expertId));
  const seen = new Set<number>();
  for (const [n, e] of i.experts.entries()) {
    const entry = await entryOf(ctx, pool, e.expertId);
    const d = entry?.data as { joinedOn?: string; leftOn?: string } | undefined;
    if (!d || (d.joinedOn ?? "") > ctx.onDate || (d.leftOn && d.leftOn <= ctx.onDate)) {
      return refuse(
        `第${n + 1}位专家不在决策咨询论证专家库中（论证当日）`,
        `expert ${n + 1} is not in the expert pool on the day`,
        `experts.${n}.expertId`,
      );
    }
    if (seen.has(e.expertId)) {
      return refuse(
        `第${n + 1}位专家重复`,
        `expert ${n + 1} is named twice`,
        `experts.${n}.expertId`,
      );
    }
    seen.add(e.expertId);
    if (e.directInterest || recused.has(e.expertId)) {
      return refuse(
        `第${n + 1}位专家（${entry?.title ?? ""}）与决策事项有直接利害关系，应当回避，不得参与论证（《重大行政决策程序暂行条例》第二十条）`,
        `expert ${n + 1} has a direct interest in the matter and must be recused (art. 20)`,
        `experts.${n}.directInterest`,
      );
    }
    if (!e.signed) {
      return refuse(
        `第${n + 1}位专家的书面论证意见未署名（《重大行政决策程序暂行条例》第十九条第二款）`,
        `expert ${n + 1}'s written opinion is not signed (art. 19 para. 2)`,
        `experts.${n}.signed`,
      );
    }
  }
  for (const [n, r] of (i.recused ?? []).entries()) {
    if (!(await entryOf(ctx, pool, r.expertId))) {
      return refuse(
        `回避的第${n + 1}位专家不在专家库中`,
        `recused expert ${n + 1} is not in the pool`,
        `recused.${n}.expertId`,
      );
    }
  }
  return undefined;
}

// ───────────────────────────────────────────────────────────────── risk assessment

/** Art. 23: a third party comes from the assessors' directory, listed on the day. */
export async function assessorGate(
  ctx: Ctx,
  assessors: RegisterDecl,
): Promise<GuardRefusal | undefined> {
  const i = ctx.input as { assessorKind: string; assessorId?: number };
  if (i.assessorKind !== "third_party") {
    if (i.assessorId !== undefined) {
      return refuse(
        "决策承办单位自行评估的，不填写第三方评估机构",
        "no third-party assessor when the unit assesses itself",
        "assessorId",
      );
    }
    return undefined;
  }
  if (i.assessorId === undefined) {
    return refuse(
      "委托第三方评估的，应当选择评估机构",
      "choose the third-party assessor",
      "assessorId",
    );
  }
  const d = (await entryOf(ctx, assessors, i.assessorId))?.data as
    | { listedOn?: string; delistedOn?: string }
    | undefined;
  if (!d || (d.listedOn ?? "") > ctx.onDate || (d.delistedOn && d.delistedOn <= ctx.onDate)) {
    return refuse(
      "该评估机构不在第三方评估机构推介目录中（评估当日）",
      "the assessor is not in the assessors' directory on the day",
      "assessorId",
    );
  }
  return undefined;
}

// ───────────────────────────────────────────────────────────────── legality review

/**
 * Arts. 26 para. 2 and 28: the opinion follows a submission, at least the set number of
 * working days after it (national default 7), with legal advisers' or public lawyers'
 * opinions from the register (engaged on the day); it is given by the reviewing body,
 * not by the undertaking unit itself (art. 25).
 */
export async function reviewGate(
  ctx: Ctx,
  advisers: RegisterDecl,
): Promise<GuardRefusal | undefined> {
  const submitted = lastStep(ctx.history, "submit_review");
  if (!submitted || after(lastStep(ctx.history, "review"), submitted)) {
    return refuse(
      "决策草案尚未送请合法性审查",
      "the draft has not been submitted for legality review",
    );
  }
  if (ctx.w.actor.scope === "unit" && ctx.w.actor.unitId === ctx.case.unitId) {
    return refuse(
      "合法性审查意见应当由负责合法性审查的部门提出，决策承办单位不能自行审查（《重大行政决策程序暂行条例》第二十五条）",
      "the legality review is given by the reviewing body, not by the undertaking unit (art. 25)",
    );
  }
  const n = ctx.settings<number>(SETTING_REVIEW_DAYS);
  const { due } = addPeriod(ctx.calendar, submitted.onDate as LocalDate, {
    n,
    unit: "working_day",
  });
  if (ctx.onDate < due) {
    return refuse(
      `合法性审查时间不足${n}个工作日：${submitted.onDate}送审，最早${due}提出审查意见（《重大行政决策程序暂行条例》第二十六条第二款）`,
      `the legality review needs at least ${n} working days: submitted ${submitted.onDate}, the opinion may come on ${due} at the earliest (art. 26 para. 2)`,
    );
  }
  const i = ctx.input as { advisers: { adviserId: number }[] };
  for (const [k, a] of i.advisers.entries()) {
    const d = (await entryOf(ctx, advisers, a.adviserId))?.data as
      | { engagedFrom?: string; engagedTo?: string }
      | undefined;
    if (!d || (d.engagedFrom ?? "") > ctx.onDate || (d.engagedTo && d.engagedTo < ctx.onDate)) {
      return refuse(
        `第${k + 1}位法律顾问或公职律师不在聘任名册中（审查当日）`,
        `adviser ${k + 1} is not engaged on the day`,
        `advisers.${k}.adviserId`,
      );
    }
  }
  return undefined;
}

// ────────────────────────────────────────────────────────────── collective decision

/**
 * The steps a collective decision needs (art. 25, 29): public participation, the legality
 * review — always; expert argumentation when the matter is professional or technical
 * (art. 19), risk assessment when it may affect social stability or public safety (art.
 * 22) — as recorded at the start; a scheduled hearing held. Their labels, in order.
 */
export function missingSteps(ctx: Ctx): { zh: string; en: string }[] {
  const h = ctx.history;
  const f = ctx.case.fields;
  const missing: { zh: string; en: string }[] = [];
  const open = lastStep(h, "open_comment");
  if (!open || !after(lastStep(h, "close_comment"), open)) {
    missing.push({
      zh: "公众参与（公开征求意见并研究采纳意见，第十四条、第十五条、第十八条）",
      en: "public participation (arts. 14, 15, 18)",
    });
  }
  const hearing = lastStep(h, "schedule_hearing");
  if (hearing && !after(lastStep(h, "hold_hearing"), hearing)) {
    missing.push({
      zh: "已安排的听证会（第十六条、第十七条）",
      en: "the scheduled hearing (arts. 16–17)",
    });
  }
  if (f.technical && stepsOf(h, "argue").length === 0) {
    missing.push({ zh: "专家论证（第十九条）", en: "expert argumentation (art. 19)" });
  }
  if (f.stabilityRisk && stepsOf(h, "assess_risk").length === 0) {
    missing.push({ zh: "风险评估（第二十二条）", en: "risk assessment (art. 22)" });
  }
  const review = lastStep(h, "review");
  if (!review || after(lastStep(h, "submit_review"), review)) {
    missing.push({ zh: "合法性审查（第二十五条）", en: "legality review (art. 25)" });
  }
  return missing;
}

export function collectiveDecisionGate(ctx: Ctx): GuardRefusal | undefined {
  const missing = missingSteps(ctx);
  if (missing.length > 0) {
    return refuse(
      `以下法定程序尚未完成，不得提交集体讨论决定：${missing.map((m) => m.zh).join("；")}（《重大行政决策程序暂行条例》）`,
      `these statutory steps are missing, so the draft cannot go to the collective decision: ${missing.map((m) => m.en).join("; ")}`,
    );
  }
  const review = lastStep(ctx.history, "review");
  if (review?.input.result === "unlawful") {
    return refuse(
      "合法性审查意见认为决策草案不合法，不得提交集体讨论（《重大行政决策程序暂行条例》第二十五条第二款）",
      "the legality review found the draft unlawful: it cannot be submitted (art. 25 para. 2)",
    );
  }
  const risk = lastStep(ctx.history, "assess_risk");
  if (risk && risk.input.controllable !== true) {
    return refuse(
      "风险评估结论为风险不可控，不得作出决策；应当采取调整决策草案等措施确保风险可控并重新评估（《重大行政决策程序暂行条例》第二十四条）",
      "the risk assessment found the risk not controllable: no decision until the draft is adjusted and reassessed (art. 24)",
    );
  }
  // Art. 30 para. 2: the head's decision against the majority needs its reasons.
  const i = ctx.input as {
    views: { position: string }[];
    headDecision: string;
    headReasons?: string;
  };
  const agree = i.views.filter((v) => v.position === "agree").length;
  const majorityAdopts = agree * 2 > i.views.length;
  const headAdopts = i.headDecision !== "not_adopt";
  if (majorityAdopts !== headAdopts && !i.headReasons?.trim()) {
    return refuse(
      "行政首长拟作出的决定与会议组成人员多数人的意见不一致，应当说明理由（《重大行政决策程序暂行条例》第三十条第二款）",
      "the head's decision differs from the majority: its reasons are required (art. 30 para. 2)",
      "headReasons",
    );
  }
  return undefined;
}

// ───────────────────────────────────────────────────────────── report and publication

export function adoptedGate(ctx: Ctx): GuardRefusal | undefined {
  if (ctx.case.fields.headDecision === "not_adopt") {
    return refuse("集体讨论决定不予通过，不能继续出台", "the decision was not adopted");
  }
  return undefined;
}

/** Art. 31 and the district's rule: reported to the Party committee (and the NPC standing committee) first. */
export function publicationGate(ctx: Ctx): GuardRefusal | undefined {
  const adopted = adoptedGate(ctx);
  if (adopted) return adopted;
  const missing: string[] = [];
  if (stepsOf(ctx.history, "report_party").length === 0) {
    missing.push("向同级党委请示报告（《重大行政决策程序暂行条例》第三十一条）");
  }
  if (
    ctx.settings<boolean>(SETTING_NPC_REPORT) &&
    stepsOf(ctx.history, "report_npc").length === 0
  ) {
    missing.push("向区人大常委会报告（本区重大事项报告规定）");
  }
  if (missing.length > 0) {
    return refuse(
      `重大行政决策出台前尚未完成：${missing.join("；")}`,
      `before adoption the decision must still be reported: ${missing.length} report(s) missing`,
    );
  }
  return undefined;
}

export function notAdoptedGate(ctx: Ctx): GuardRefusal | undefined {
  if (ctx.case.fields.headDecision !== "not_adopt") {
    return refuse("该决策已决定通过，不能按不予通过办结", "the decision was adopted");
  }
  return undefined;
}

// ─────────────────────────────────────────────────────────────────── post-evaluation

/**
 * Art. 36 para. 2: a post-evaluation may be commissioned, but not from the unit that did
 * the main assessment before the decision (here: the risk assessor — the third party
 * named, or the undertaking unit when it assessed itself).
 */
export async function postEvaluatorGate(
  ctx: Ctx,
  assessors: RegisterDecl,
  unitCodeOf: (id: number) => Promise<string | undefined>,
): Promise<GuardRefusal | undefined> {
  const i = ctx.input as { evaluatorKind: string; evaluatorId?: number; evaluatorUnit?: string };
  const f = ctx.case.fields;
  if (i.evaluatorKind === "third_party") {
    if (i.evaluatorId === undefined) {
      return refuse(
        "委托第三方评估的，应当选择评估机构",
        "choose the third-party evaluator",
        "evaluatorId",
      );
    }
    if (!(await entryOf(ctx, assessors, i.evaluatorId))) {
      return refuse(
        "该评估机构不在第三方评估机构推介目录中",
        "not in the assessors' directory",
        "evaluatorId",
      );
    }
    if (f.riskAssessorKind === "third_party" && f.riskAssessorId === i.evaluatorId) {
      return refuse(
        `${f.riskAssessorName ?? "该机构"}承担了决策作出前的风险评估，不得承担决策后评估（《重大行政决策程序暂行条例》第三十六条第二款）`,
        "the pre-decision assessor may not do the post-evaluation (art. 36 para. 2)",
        "evaluatorId",
      );
    }
    return undefined;
  }
  if (!i.evaluatorUnit) {
    return refuse("应当确定承担评估工作的单位", "name the evaluating unit", "evaluatorUnit");
  }
  if (f.riskAssessorKind === "unit" && i.evaluatorUnit === (await unitCodeOf(ctx.case.unitId))) {
    return refuse(
      "决策承办单位承担了决策作出前的风险评估，不得承担决策后评估（《重大行政决策程序暂行条例》第三十六条第二款）",
      "the undertaking unit did the pre-decision assessment and may not do the post-evaluation (art. 36 para. 2)",
      "evaluatorUnit",
    );
  }
  return undefined;
}
