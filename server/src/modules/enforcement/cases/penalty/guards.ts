import { type SqlBool, sql } from "kysely";
import { addPeriod, compareLocalDate, type LocalDate } from "../../../../kernel/time/index.ts";
import type { WorkTx } from "../../../../platform/work.ts";
import {
  benchmarkFor,
  findOfficer,
  type MajorCriterion,
  majorCriteriaFor,
  officerValidOn,
} from "../../registers/lookup.ts";
import { bodyCodesOf, checkOfficers } from "../common.ts";
import {
  CIRCUMSTANCE_LABELS,
  type DecisionKind,
  type PenaltyKind,
  REVIEW_ITEM_LABELS,
} from "../labels.ts";
import { type Ctx, PENALTY_TYPE, rulesOf } from "./fields.ts";

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
  return addPeriod(ctx.calendar, notice.onDate, rulesOf(ctx.case).hearingRequest.value).due;
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
      message: `no officer holds certificate ${no} in the officers register`,
    };
  }
  if (!officerValidOn(o, ctx.onDate)) {
    return {
      field: "reviewerCertificateNo",
      message: `${o.name}'s certificate ${no} is not valid on ${ctx.onDate}`,
    };
  }
  if (!o.legalReviewer) {
    return {
      field: "reviewerCertificateNo",
      message: `${o.name} (${no}) is not a legal reviewer (法制审核人员) in the officers register`,
    };
  }
  if (!o.legalQualification && !(await reviewedBefore(ctx.w, no, ctx.onDate))) {
    return {
      field: "reviewerCertificateNo",
      message: `${o.name} (${no}) has no earlier legality review and holds no legal professional qualification (法律职业资格): a first-time reviewer must hold it (${basis})`,
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
  if (f.majorPublicInterest) reasons.push("涉及重大公共利益 (art. 58 (一))");
  if (hearingHeld(ctx)) reasons.push("直接关系当事人重大权益，经过听证程序 (art. 58 (二))");
  if (f.complexCase) reasons.push("案件情况疑难复杂、涉及多个法律关系 (art. 58 (三))");
  if (f.otherStatutoryReview) reasons.push("法律、法规规定的其他情形 (art. 58 (四))");
  if (f.majorOtherCriterion) reasons.push("本机关重大执法决定目录的其他情形");
  if (d.kind === "penalty") {
    for (const k of await catalogueOf(ctx)) {
      const met = criterionMet(k, d);
      if (met) reasons.push(met);
    }
  }
  const rules = rulesOf(ctx.case);
  const reviewRequired = reasons.length > 0 || rules.legalReview.value === "all";
  return { isMajor: reasons.length > 0, reasons, reviewRequired };
}

export const hearingWindowGuard = (ctx: Ctx) => {
  const f = ctx.case.fields;
  if (!f.hearingRight || f.hearingWaived || hearingHeld(ctx)) return undefined;
  const end = hearingWindowEnd(ctx);
  if (end && compareLocalDate(ctx.onDate, end) <= 0) {
    return {
      message: `the party may ask for a hearing until ${end} (${rulesOf(ctx.case).hearingRequest.basis}): decide after that day, or record the party's waiver first`,
    };
  }
  return undefined;
};

export const noHeavierGuard = (ctx: Ctx) => {
  const intended = ctx.case.fields.intendedFine;
  const fine = Number(ctx.input.fineAmount ?? 0);
  if (intended !== undefined && fine > intended) {
    return {
      field: "fineAmount",
      message: `the fine of ${fine} yuan is heavier than the ${intended} yuan the party was notified of: notify the party again (${rulesOf(ctx.case).noHeavierForDefence}; ${rulesOf(ctx.case).notice})`,
    };
  }
  return undefined;
};

export const reviewGuard = async (ctx: Ctx) => {
  const m = await majorOf(ctx);
  if (!m.reviewRequired) return undefined;
  const rules = rulesOf(ctx.case);
  const why = m.isMajor ? `a major decision (${m.reasons.join("; ")})` : "every decision";
  const r = ctx.case.fields.legalReview;
  if (!r) {
    return {
      message: `${why} cannot be issued without a passed legality review (法制审核) by a legal reviewer (${rules.legalReview.basis})`,
    };
  }
  if (!r.passed) {
    return {
      message: `the legality review of ${r.onDate} did not pass (${r.failed.map((i) => REVIEW_ITEM_LABELS[i].zh).join("、")}): ${why} cannot be issued (${rules.legalReview.basis})`,
    };
  }
  const held = hearingHeld(ctx) ? lastStep(ctx, "hold_hearing") : undefined;
  if (held && compareLocalDate(r.onDate, held.onDate) < 0) {
    return {
      message: `the legality review of ${r.onDate} came before the hearing of ${held.onDate}: review the case again after the hearing (${rules.legalReview.basis})`,
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
    return {
      message: `a complex or major violation is decided by the body's leaders collectively: record the collective discussion first (${rulesOf(ctx.case).collectiveDiscussion})`,
    };
  }
  if (review && compareLocalDate(d.onDate, review.onDate) < 0) {
    return {
      message: `the collective discussion of ${d.onDate} came before the legality review of ${review.onDate}: discuss the reviewed case (${rulesOf(ctx.case).collectiveDiscussion})`,
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
      message: `the fine of ${fine} yuan is outside the discretion benchmark ${b.violationCode} (${CIRCUMSTANCE_LABELS[b.circumstance]?.zh ?? b.circumstance}: ${b.fineMin}–${b.fineMax} yuan): give the reason for departing from it`,
    };
  }
  return undefined;
};
