import { type SqlBool, sql } from "kysely";
import { basisEn, basisZh } from "../../../../kernel/citation.ts";
import { t } from "../../../../kernel/errors.ts";
import { addPeriod, compareLocalDate, type LocalDate } from "../../../../kernel/time/index.ts";
import type { WorkTx } from "../../../../platform/work.ts";
import {
  benchmarkFor,
  findOfficer,
  type MajorCriterion,
  majorCriteriaFor,
} from "../../registers/lookup.ts";
import { bodyCodesOf, checkOfficers } from "../common.ts";
import {
  CIRCUMSTANCE_LABELS,
  type DecisionKind,
  type PenaltyKind,
  REVIEW_ITEM_LABELS,
} from "../labels.ts";
import { type Ctx, PENALTY_TYPE, rulesOf } from "./fields.ts";
import { reviewStale, rulesOn } from "./procedure.ts";

// ───────────────────────────────────────────────────────────────────────── history

const steps = (ctx: Ctx, action: string) =>
  ctx.history.filter((e) => e.kind === "transition" && e.action === action);
const lastStep = (ctx: Ctx, action: string) => steps(ctx, action).at(-1);

/** The hearing was held after the latest notice. */
function hearingHeld(ctx: Ctx): boolean {
  const notice = lastStep(ctx, "notify");
  const held = lastStep(ctx, "hold_hearing");
  if (!held) return false;
  return !notice || ctx.history.indexOf(held) > ctx.history.indexOf(notice);
}

/** The last day the party may ask for a hearing after the latest notice. */
export function hearingWindowEnd(ctx: Ctx): LocalDate | undefined {
  const notice = lastStep(ctx, "notify");
  if (!notice) return undefined;
  // The law in force on the notice (程序从新, issue 10 fault 7); the window runs from the
  // notice's service (its deemed day for an announcement).
  const from = ctx.case.fields.noticeServedOn ?? notice.onDate;
  return addPeriod(ctx.calendar, from, rulesOn(notice.onDate).hearingRequest.value).due;
}

// ──────────────────────────────────────────────────────────────────────── guards

export const investigators = async (ctx: Ctx) => {
  const r = rulesOf(ctx.case).officers;
  return checkOfficers(ctx, ctx.input.officers as string[], r.value, r.basis);
};

/** A legal reviewer with a valid certificate; a first-time reviewer holds the qualification. */
export async function reviewerCheck(ctx: Ctx) {
  const no = String(ctx.input.reviewerCertificateNo).trim().toUpperCase();
  const basis = rulesOf(ctx.case).reviewerQualification;
  const o = await findOfficer(ctx.w, no, ctx.case.regionCode);
  if (!o) {
    return {
      field: "reviewerCertificateNo",
      message: t(
        `执法人员名录中没有执法证号为 ${no} 的人员`,
        `no officer holds certificate ${no} in the officers register`,
      ),
    };
  }
  // A legal reviewer reviews; it does not enforce: no valid enforcement certificate is
  // required (issue 10 fault 14) — the register's number only identifies the person.
  if (!o.legalReviewer) {
    return {
      field: "reviewerCertificateNo",
      message: t(
        `${o.name}（${no}）在执法人员名录中不是法制审核人员`,
        `${o.name} (${no}) is not a legal reviewer in the officers register`,
      ),
    };
  }
  if (
    !o.legalQualification &&
    !o.priorReviewExperience &&
    !(await reviewedBefore(ctx.w, no, ctx.onDate))
  ) {
    return {
      field: "reviewerCertificateNo",
      message: t(
        `${o.name}（${no}）此前未做过法制审核，也未取得法律职业资格：初次从事法制审核的人员应当取得法律职业资格${basisZh(basis)}`,
        `${o.name} (${no}) has no earlier legality review and holds no legal professional qualification: a first-time reviewer must hold it${basisEn(basis)}`,
      ),
    };
  }
  return undefined;
}

/** Has this certificate signed a legality review before (any enforcement case the actor sees)? */
export async function reviewedBefore(w: WorkTx, certificateNo: string, onDate: LocalDate) {
  const row = await w.trx
    .selectFrom("case_event")
    .innerJoin("case_file", (j) =>
      j
        .onRef("case_file.region_code", "=", "case_event.region_code")
        .onRef("case_file.id", "=", "case_event.case_id"),
    )
    .select("case_event.seq")
    .where("case_file.case_type", "=", PENALTY_TYPE)
    .where("case_event.action", "=", "legal_review")
    .where("case_event.on_date", "<=", onDate)
    .where(
      sql<SqlBool>`case_event.data -> 'input' ->> 'reviewerCertificateNo' = ${certificateNo}::text`,
    )
    .limit(1)
    .executeTakeFirst();
  return Boolean(row);
}

/** The catalogue of the case's body (its own, else its team's or department's). */
async function catalogueOf(ctx: Ctx): Promise<MajorCriterion[]> {
  for (const code of await bodyCodesOf(ctx.w, ctx.case.unitId)) {
    const criteria = await majorCriteriaFor(ctx.w, code, ctx.case.regionCode);
    if (criteria.length) return criteria;
  }
  return [];
}

/** The benchmark of the case's body (its own, else its team's or department's). */
export async function benchmarkOf(ctx: Ctx, violationCode: string, circumstance: string) {
  for (const code of await bodyCodesOf(ctx.w, ctx.case.unitId)) {
    const b = await benchmarkFor(ctx.w, code, violationCode, circumstance, ctx.case.regionCode);
    if (b) return b;
  }
  return undefined;
}

/** Does a criterion of the body's catalogue apply to the decision? */
function criterionMet(k: MajorCriterion, d: DecisionValues): string | undefined {
  switch (k.kind) {
    case "fine_at_least":
      return k.amount !== undefined && d.fine >= k.amount
        ? `目录：罚款数额不低于${k.amount}元`
        : undefined;
    case "confiscation_at_least":
      return k.amount !== undefined && d.confiscation >= k.amount
        ? `目录：没收数额不低于${k.amount}元`
        : undefined;
    case "licence_revocation":
      return d.penalties.includes("revoke_licence") ? "目录：吊销许可证件" : undefined;
    case "stop_production":
      return d.penalties.includes("stop_production") || d.penalties.includes("close")
        ? "目录：责令停产停业、责令关闭"
        : undefined;
    default:
      return undefined;
  }
}

export interface DecisionValues {
  kind: DecisionKind;
  penalties: PenaltyKind[];
  fine: number;
  confiscation: number;
}

export const decisionValues = (ctx: Ctx): DecisionValues => ({
  kind: ctx.input.decisionKind as DecisionKind,
  penalties: (ctx.input.penalties as PenaltyKind[] | undefined) ?? [],
  fine: Number(ctx.input.fineAmount ?? 0),
  confiscation: Number(ctx.input.confiscationAmount ?? 0),
});

/** Why this decision is major (art. 58 and the body's catalogue), and whether a review is required. */
export async function majorOf(ctx: Ctx) {
  const f = ctx.case.fields;
  const d = decisionValues(ctx);
  const reasons: string[] = [];
  // 行政处罚法(2021) 第五十八条第一款 (一)–(四); the reasons are shown to users as they are.
  if (f.majorPublicInterest) reasons.push("涉及重大公共利益（第五十八条第一款第（一）项）");
  if (hearingHeld(ctx))
    reasons.push("直接关系当事人重大权益，经过听证程序（第五十八条第一款第（二）项）");
  if (f.complexCase)
    reasons.push("案件情况疑难复杂、涉及多个法律关系（第五十八条第一款第（三）项）");
  if (f.otherStatutoryReview)
    reasons.push("法律、法规规定的其他情形（第五十八条第一款第（四）项）");
  if (f.majorOtherCriterion) reasons.push("本机关重大执法决定目录的其他情形");
  if (d.kind === "penalty") {
    for (const k of await catalogueOf(ctx)) {
      const met = criterionMet(k, d);
      if (met) reasons.push(met);
    }
  }
  // The review rule in force on the day of the decision (程序从新).
  const rules = rulesOn(ctx.onDate);
  const reviewRequired = reasons.length > 0 || rules.legalReview.value === "all";
  return { isMajor: reasons.length > 0, reasons, reviewRequired };
}

export const hearingWindowGuard = (ctx: Ctx) => {
  const f = ctx.case.fields;
  if (!f.hearingRight || f.hearingWaived || hearingHeld(ctx)) return undefined;
  const end = hearingWindowEnd(ctx);
  if (end && compareLocalDate(ctx.onDate, end) <= 0) {
    const basis = rulesOn(lastStep(ctx, "notify")?.onDate ?? ctx.onDate).hearingRequest.basis;
    return {
      message: t(
        `当事人在 ${end} 前可以要求听证${basisZh(basis)}：请在该日之后作出决定，或先登记当事人放弃听证`,
        `the party may ask for a hearing until ${end}${basisEn(basis)}: decide after that day, or record the party's waiver first`,
      ),
    };
  }
  return undefined;
};

export const reviewGuard = async (ctx: Ctx) => {
  const m = await majorOf(ctx);
  if (!m.reviewRequired) return undefined;
  const rules = rulesOn(ctx.onDate);
  const basis = rules.legalReview.basis;
  const why = m.isMajor
    ? t(`重大执法决定（${m.reasons.join("；")}）`, `a major decision (${m.reasons.join("; ")})`)
    : t("行政处罚决定", "every decision");
  const r = ctx.case.fields.legalReview;
  if (!r) {
    return {
      message: t(
        `${why.zh}未经法制审核或者审核未通过的，不得作出${basisZh(basis)}`,
        `${why.en} cannot be issued without a passed legality review by a legal reviewer${basisEn(basis)}`,
      ),
    };
  }
  if (!r.passed) {
    const failed = r.failed.map((i) => REVIEW_ITEM_LABELS[i]);
    return {
      message: t(
        `${r.onDate} 的法制审核未通过（${failed.map((l) => l.zh).join("、")}）：不得作出${why.zh}${basisZh(basis)}`,
        `the legality review of ${r.onDate} did not pass (${failed.map((l) => l.zh).join("、")}): ${why.en} cannot be issued${basisEn(basis)}`,
      ),
    };
  }
  // The review covers a proposal (issue 10 fault 5): a new notice or a different decision
  // needs a new review.
  const stale = reviewStale(ctx);
  if (stale) {
    return {
      message: t(
        `${stale}：请重新进行法制审核${basisZh(basis)}`,
        `the legality review of ${r.onDate} does not cover this decision (${stale}): review it again${basisEn(basis)}`,
      ),
    };
  }
  const held = hearingHeld(ctx) ? lastStep(ctx, "hold_hearing") : undefined;
  if (held && compareLocalDate(r.onDate, held.onDate) < 0) {
    return {
      message: t(
        `${r.onDate} 的法制审核早于 ${held.onDate} 的听证：请在听证后重新进行法制审核${basisZh(basis)}`,
        `the legality review of ${r.onDate} came before the hearing of ${held.onDate}: review the case again after the hearing${basisEn(basis)}`,
      ),
    };
  }
  return undefined;
};

export const discussionGuard = (ctx: Ctx) => {
  const f = ctx.case.fields;
  if (!f.complexOrMajorViolation) return undefined;
  const d = f.collectiveDiscussion;
  const review = f.legalReview;
  if (!d) {
    const basis = rulesOf(ctx.case).collectiveDiscussion;
    return {
      message: t(
        `情节复杂或者重大违法行为应当由行政机关负责人集体讨论决定：请先登记集体讨论${basisZh(basis)}`,
        `a complex or major violation is decided by the body's leaders collectively: record the collective discussion first${basisEn(basis)}`,
      ),
    };
  }
  if (review && compareLocalDate(d.onDate, review.onDate) < 0) {
    const basis = rulesOf(ctx.case).collectiveDiscussion;
    return {
      message: t(
        `${d.onDate} 的集体讨论早于 ${review.onDate} 的法制审核：请对审核后的案件进行集体讨论${basisZh(basis)}`,
        `the collective discussion of ${d.onDate} came before the legality review of ${review.onDate}: discuss the reviewed case${basisEn(basis)}`,
      ),
    };
  }
  return undefined;
};

export const discretionGuard = (ctx: Ctx) => {
  const b = ctx.case.fields.benchmark;
  const fine = Number(ctx.input.fineAmount ?? 0);
  const reason = String(ctx.input.discretionReason ?? "").trim();
  if (!b || ctx.input.decisionKind !== "penalty") return undefined;
  if ((fine < b.fineMin || fine > b.fineMax) && !reason) {
    return {
      field: "discretionReason",
      message: t(
        `罚款 ${fine} 元超出裁量基准（${CIRCUMSTANCE_LABELS[b.circumstance]?.zh ?? b.circumstance}：${b.fineMin}–${b.fineMax} 元）：请说明偏离基准的理由`,
        `the fine of ${fine} yuan is outside the discretion benchmark ${b.violationCode} (${CIRCUMSTANCE_LABELS[b.circumstance]?.en ?? b.circumstance}: ${b.fineMin}–${b.fineMax} yuan): give the reason for departing from it`,
      ),
    };
  }
  return undefined;
};
