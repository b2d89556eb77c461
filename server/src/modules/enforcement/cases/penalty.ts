/**
 * 行政处罚·普通程序 (administrative penalty, general procedure): filing → investigation →
 * notice of the intended penalty with the rights to state, defend and (where it applies)
 * ask for a hearing → hearing → legality review → collective discussion → decision →
 * service → execution (payment at a bank, 罚缴分离; surcharge; reminder; court) → closed.
 *
 * The procedure is the one in force on the filing date (rules.ts): the 2017 text before
 * 2021-07-15, the 2021 revision from then. Guards refuse, naming the clause:
 * - investigation records without two officers holding certificates valid that day;
 * - a hearing scheduled less than 7 (working) days ahead (lead time);
 * - a decision inside the hearing-request window unless the party waived it;
 * - a decision heavier than the notice (no heavier penalty for defending oneself);
 * - a decision needing a legality review (art. 58 categories, the body's catalogue, or
 *   every decision under the 2017 text) without a passed review by a legal reviewer —
 *   a first-time reviewer holding the legal qualification — covering every item;
 * - a complex or major violation decided without the leaders' collective discussion;
 * - a fine outside the discretion benchmark without a reason.
 * A decision that must be published opens its publication record (disclosure.ts).
 */
import { type SqlBool, sql } from "kysely";
import { z } from "zod";
import type { CaseTypeDecl, CaseView, GuardContext } from "../../../engines/case/declare.ts";
import {
  addPeriod,
  compareLocalDate,
  diffDays,
  type LocalDate,
  type RuleSet,
} from "../../../kernel/time/index.ts";
import type { WorkTx } from "../../../platform/work.ts";
import {
  type Benchmark,
  benchmarkFor,
  bodyOfUnit,
  findOfficer,
  type MajorCriterion,
  majorCriteriaFor,
  officerValidOn,
} from "../registers/lookup.ts";
import {
  bodyCodesOf,
  type Category,
  checkOfficers,
  issuerPrefix,
  L,
  labelledEnum,
  MODULE,
  PARTY_PEOPLE,
  Party,
  type PartyData,
  scrub,
  zAmount,
  zCategory,
  zDay,
  zOfficers,
} from "./common.ts";
import { decisionDocument, serviceReceipt } from "./documents.ts";
import {
  ALTERATION_LABELS,
  ALTERING_AUTHORITY_LABELS,
  CIRCUMSTANCE_LABELS,
  DECISION_KIND_LABELS,
  type DecisionKind,
  INVESTIGATION_KIND_LABELS,
  PENALTY_KIND_LABELS,
  type PenaltyKind,
  REVIEW_ITEM_LABELS,
  REVIEW_ITEMS,
  type ReviewItem,
  SERVICE_METHOD_LABELS,
  SOURCE_LABELS,
} from "./labels.ts";
import { COMPULSION, PENALTY_RULES, type PenaltyRules, penaltyRulesAt } from "./rules.ts";
import { decisionDays, publicationRule } from "./settings.ts";

export const PENALTY_TYPE = "penalty_general";
export const DISCLOSURE_TYPE = "penalty_disclosure";

// ────────────────────────────────────────────────────────────────────────── fields

const flag = (zh: string, en: string) => L(z.boolean().default(false), zh, en);

/** The art. 58 categories (always on) and the art. 57 para. 2 trigger, as the case's flags. */
const FLAGS: Record<
  | "majorPublicInterest"
  | "complexCase"
  | "otherStatutoryReview"
  | "majorOtherCriterion"
  | "complexOrMajorViolation",
  z.ZodDefault<z.ZodBoolean>
> = {
  majorPublicInterest: flag("涉及重大公共利益", "Major public interest (art. 58 (一))"),
  complexCase: flag(
    "案件情况疑难复杂、涉及多个法律关系",
    "Difficult, complex, several legal relations (art. 58 (三))",
  ),
  otherStatutoryReview: flag(
    "法律、法规规定应当法制审核的其他情形",
    "Other review required by law (art. 58 (四))",
  ),
  majorOtherCriterion: flag(
    "符合本机关重大执法决定目录的其他情形",
    "Meets another item of the body's major-decision catalogue",
  ),
  complexOrMajorViolation: flag(
    "情节复杂或者重大违法行为（集体讨论）",
    "Complex circumstances or a major violation (collective discussion, art. 57 para. 2)",
  ),
};

export const PenaltyFields = z.object({
  party: Party,
  cause: L(z.string().trim().min(1, "required").max(200), "案由", "Cause of the case"),
  category: zCategory,
  source: labelledEnum(SOURCE_LABELS, "案件来源", "Source"),
  ...FLAGS,
});

export interface LegalReviewRecord {
  onDate: LocalDate;
  reviewer: { name: string; certificateNo: string; firstTime: boolean };
  items: Record<ReviewItem, { passed: boolean; note?: string }>;
  failed: ReviewItem[];
  opinion: string;
  passed: boolean;
  /** The benchmark the investigation applied, shown to the reviewer. */
  benchmark: Benchmark | null;
  proposal: { penalty?: string; fine?: number };
}

export interface PenaltyCase extends z.infer<typeof PenaltyFields> {
  facts?: string;
  evidence?: string;
  violationCode?: string;
  circumstance?: keyof typeof CIRCUMSTANCE_LABELS;
  legalBasis?: string;
  proposedFine?: number;
  benchmark?: Benchmark | null;
  intendedPenalty?: string;
  intendedFine?: number;
  hearingRight?: boolean;
  hearingRequestUntil?: LocalDate;
  statementWaived?: boolean;
  hearingWaived?: boolean;
  hearingDate?: LocalDate;
  hearingPlace?: string;
  hearingChair?: string;
  legalReview?: LegalReviewRecord;
  collectiveDiscussion?: { onDate: LocalDate; participants: string[]; conclusion: string };
  decisionKind?: DecisionKind;
  penalties?: PenaltyKind[];
  fineAmount?: number;
  confiscationAmount?: number;
  decisionContent?: string;
  discretionReason?: string;
  socialImpact?: boolean;
  withholdReason?: string;
  decidedOn?: LocalDate;
  documentPrefix?: string;
  lawVersion?: string;
  major?: { isMajor: boolean; reasons: string[]; reviewRequired: boolean; reviewPassed: boolean };
  benchmarkCheck?: { applied: boolean; within: boolean | null };
  publicationPlan?: { required: boolean; reason: string; workingDays?: number; basis?: string };
  serviceMethod?: keyof typeof SERVICE_METHOD_LABELS;
  servedTo?: string;
  servedOn?: LocalDate;
  paymentDue?: LocalDate;
  payment?: {
    paidOn: LocalDate;
    amountPaid: number;
    surchargePaid: number;
    daysLate: number;
    surchargeCap: number;
    collector: string;
    receiptNo: string;
  };
  reminderOn?: LocalDate;
  courtApplication?: { onDate: LocalDate; court: string };
  alteration?: {
    onDate: LocalDate;
    ground: keyof typeof ALTERATION_LABELS;
    authority: keyof typeof ALTERING_AUTHORITY_LABELS;
    documentNo: string;
    reason: string;
  };
}

type Ctx = GuardContext<PenaltyCase>;
type View = CaseView<PenaltyCase>;

export const rulesOf = (c: Pick<View, "openedOn">): PenaltyRules =>
  penaltyRulesAt(c.openedOn).rules;

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
function hearingWindowEnd(ctx: Ctx): LocalDate | undefined {
  const notice = lastStep(ctx, "notify");
  if (!notice) return undefined;
  return addPeriod(ctx.calendar, notice.onDate, rulesOf(ctx.case).hearingRequest.value).due;
}

// ──────────────────────────────────────────────────────────────────────── guards

const investigators = async (ctx: Ctx) => {
  const r = rulesOf(ctx.case).officers;
  return checkOfficers(ctx, ctx.input.officers as string[], r.value, r.basis);
};

/** A legal reviewer with a valid certificate; a first-time reviewer holds the qualification. */
async function reviewerCheck(ctx: Ctx) {
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
async function reviewedBefore(w: WorkTx, certificateNo: string, onDate: LocalDate) {
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
async function benchmarkOf(ctx: Ctx, violationCode: string, circumstance: string) {
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

interface DecisionValues {
  kind: DecisionKind;
  penalties: PenaltyKind[];
  fine: number;
  confiscation: number;
}

const decisionValues = (ctx: Ctx): DecisionValues => ({
  kind: ctx.input.decisionKind as DecisionKind,
  penalties: (ctx.input.penalties as PenaltyKind[] | undefined) ?? [],
  fine: Number(ctx.input.fineAmount ?? 0),
  confiscation: Number(ctx.input.confiscationAmount ?? 0),
});

/** Why this decision is major (art. 58 and the body's catalogue), and whether a review is required. */
async function majorOf(ctx: Ctx) {
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

const hearingWindowGuard = (ctx: Ctx) => {
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

const noHeavierGuard = (ctx: Ctx) => {
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

const reviewGuard = async (ctx: Ctx) => {
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

const discussionGuard = (ctx: Ctx) => {
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

const discretionGuard = (ctx: Ctx) => {
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

// ────────────────────────────────────────────────────────────────────────── inputs

const PenaltyList = z
  .array(z.enum(Object.keys(PENALTY_KIND_LABELS) as [PenaltyKind, ...PenaltyKind[]]))
  .max(11)
  .meta({
    label: { zh: "处罚种类", en: "Kinds of penalty" },
    enumLabels: PENALTY_KIND_LABELS,
  });

const reviewItemSchema = (zh: string, en: string) =>
  z
    .object({
      passed: L(z.boolean(), "是否通过", "Passed"),
      note: L(z.string().trim().max(2000).optional(), "审核意见", "Note"),
    })
    .meta({ label: { zh, en } });

const ReviewInput = z.object({
  reviewerCertificateNo: L(
    z.string().trim().toUpperCase().min(1, "required"),
    "法制审核人员执法证号",
    "Reviewer's certificate number",
  ),
  ...(Object.fromEntries(
    REVIEW_ITEMS.map((k) => [
      k,
      reviewItemSchema(REVIEW_ITEM_LABELS[k].zh, REVIEW_ITEM_LABELS[k].en),
    ]),
  ) as Record<ReviewItem, ReturnType<typeof reviewItemSchema>>),
  opinion: L(z.string().trim().min(1, "required").max(5000), "审核意见", "Opinion"),
});

const DecideInput = z
  .object({
    decisionKind: labelledEnum(DECISION_KIND_LABELS, "决定类型", "Decision"),
    penalties: PenaltyList.default([]),
    fineAmount: L(zAmount.default(0), "罚款金额（元）", "Fine (yuan)"),
    confiscationAmount: L(zAmount.default(0), "没收金额（元）", "Confiscated (yuan)"),
    decisionContent: L(
      z.string().trim().min(1, "required").max(5000),
      "决定内容",
      "Content of the decision",
    ),
    discretionReason: L(
      z.string().trim().max(2000).optional(),
      "偏离裁量基准的理由",
      "Reason for departing from the benchmark",
    ),
    socialImpact: L(
      z.boolean().default(false),
      "具有一定社会影响",
      "Of some social impact (art. 48)",
    ),
    withholdReason: L(
      z.string().trim().max(500).optional(),
      "不予公开的理由（涉及国家秘密、商业秘密、个人隐私等）",
      "Reason not to publish (secrets, privacy)",
    ),
  })
  .superRefine((d, ctx) => {
    if (d.decisionKind !== "penalty") return;
    if (d.penalties.length === 0) {
      ctx.addIssue({ code: "custom", path: ["penalties"], message: "name the penalties" });
    }
    if (d.penalties.includes("fine") !== d.fineAmount > 0) {
      ctx.addIssue({
        code: "custom",
        path: ["fineAmount"],
        message: "a fine needs an amount, and an amount needs the penalty 罚款",
      });
    }
  });

// ──────────────────────────────────────────────────────────────────────── derived

async function bodyName(w: WorkTx, unitId: number, regionCode: string) {
  const body = await bodyOfUnit(w, unitId);
  if (body) return body.name;
  const u = await w.trx
    .selectFrom("unit")
    .select("name_zh")
    .where("id", "=", unitId)
    .executeTakeFirst();
  const r = await w.trx
    .selectFrom("region")
    .select("name_zh")
    .where("code", "=", regionCode)
    .executeTakeFirst();
  return `${r?.name_zh ?? ""}${(u?.name_zh ?? "").replace(/^区/, "")}`;
}

function publicationPlanOf(ctx: Ctx, d: DecisionValues): PenaltyCase["publicationPlan"] {
  const f = ctx.case.fields;
  if (d.kind !== "penalty") {
    return { required: false, reason: "不予行政处罚或移送司法机关的决定不在公开范围" };
  }
  if (f.party.minor) {
    return {
      required: false,
      reason: "当事人为未成年人，不予公开（未成年人保护法 art. 103 [R]; kernel/masking.ts）",
    };
  }
  const withhold = String(ctx.input.withholdReason ?? "").trim();
  if (withhold) {
    return {
      required: false,
      reason: `${withhold}（行政处罚法 art. 50; 政府信息公开条例 art. 15）`,
    };
  }
  const rule = publicationRule(ctx.settings, f.category);
  const onlyWarning = d.penalties.every((p) => p === "warning" || p === "criticism");
  if (onlyWarning && !rule.warnings) {
    return { required: false, reason: `仅受到警告的不予公示（${rule.basis}）` };
  }
  if (rule.scope === "social_impact" && ctx.input.socialImpact !== true) {
    return {
      required: false,
      reason: "不具有一定社会影响（行政处罚法 art. 48; 本地区公开范围设置）",
    };
  }
  return {
    required: true,
    reason: "应当公开",
    workingDays: rule.workingDays,
    basis: rule.basis,
  };
}

function penaltyText(f: PenaltyCase): string {
  const parts = (f.penalties ?? []).map((p) => PENALTY_KIND_LABELS[p].zh);
  const amounts = [
    f.fineAmount ? `罚款${f.fineAmount}元` : "",
    f.confiscationAmount ? `没收${f.confiscationAmount}元` : "",
  ].filter(Boolean);
  return [parts.join("、"), amounts.join("，")].filter(Boolean).join("：");
}

// ───────────────────────────────────────────────────────────────────── declaration

const POST_DECISION = ["decided", "served", "reminded", "court_enforcement", "executed", "closed"];
const BEFORE_DECISION = ["notified", "heard", "reviewed", "discussed"];

export const penaltyCaseType: CaseTypeDecl<PenaltyCase> = {
  code: PENALTY_TYPE,
  label: { zh: "行政处罚（普通程序）", en: "Administrative penalty (general procedure)" },
  module: MODULE,
  fields: PenaltyFields,
  title: (f) => `${f.cause}（${f.party.name}）`,
  states: {
    filed: { label: { zh: "已立案", en: "Filed" } },
    investigating: { label: { zh: "调查取证中", en: "Under investigation" } },
    investigated: { label: { zh: "调查终结", en: "Investigation concluded" } },
    notified: { label: { zh: "已告知（陈述申辩）", en: "Notified (statement and defence)" } },
    hearing_requested: { label: { zh: "已申请听证", en: "Hearing requested" } },
    hearing_scheduled: { label: { zh: "已通知听证", en: "Hearing scheduled" } },
    heard: { label: { zh: "已听证", en: "Heard" } },
    reviewed: { label: { zh: "已法制审核", en: "Legality review done" } },
    discussed: { label: { zh: "已集体讨论", en: "Discussed collectively" } },
    decided: { label: { zh: "已作出决定", en: "Decided" } },
    served: { label: { zh: "已送达（执行中）", en: "Served (being executed)" } },
    reminded: { label: { zh: "已催告", en: "Reminded" } },
    court_enforcement: {
      label: { zh: "已申请法院强制执行", en: "Court enforcement applied for" },
    },
    executed: { label: { zh: "已执行", en: "Executed" } },
    closed: { label: { zh: "已结案", en: "Closed" }, terminal: true },
    altered: {
      label: {
        zh: "决定已被变更、撤销或确认违法、无效",
        en: "Decision changed, revoked, or confirmed illegal or invalid",
      },
      terminal: true,
    },
    dropped: { label: { zh: "已撤销立案", en: "Dropped" }, terminal: true },
  },
  initial: "filed",
  ruleSet: PENALTY_RULES as RuleSet<unknown>,
  transitions: [
    {
      action: "investigate",
      label: { zh: "记录调查取证", en: "Record an investigation step" },
      from: ["filed", "investigating"],
      to: "investigating",
      input: z.object({
        officers: zOfficers,
        kind: labelledEnum(INVESTIGATION_KIND_LABELS, "调查方式", "Kind of step"),
        summary: L(z.string().trim().min(1, "required").max(5000), "调查情况", "What was done"),
        recorder: L(z.string().trim().max(100).optional(), "执法记录仪编号", "Body-worn recorder"),
      }),
      guards: [investigators],
    },
    {
      action: "conclude_investigation",
      label: { zh: "调查终结", en: "Conclude the investigation" },
      from: ["investigating"],
      to: "investigated",
      input: z.object({
        facts: L(z.string().trim().min(1, "required").max(10000), "违法事实", "Facts"),
        evidence: L(z.string().trim().min(1, "required").max(10000), "证据", "Evidence"),
        legalBasis: L(z.string().trim().min(1, "required").max(2000), "处罚依据", "Legal basis"),
        violationCode: L(
          z.string().trim().max(50).optional(),
          "违法行为编码（裁量基准）",
          "Violation code (benchmark)",
        ),
        circumstance: labelledEnum(CIRCUMSTANCE_LABELS, "违法情节", "Circumstance"),
        proposedFine: L(zAmount.default(0), "拟罚款金额（元）", "Proposed fine (yuan)"),
        // The flags may be revised at the end of the investigation; absent: as filed.
        ...(Object.fromEntries(
          Object.entries(FLAGS).map(([k, f]) => [k, f.unwrap().optional()]),
        ) as Record<keyof typeof FLAGS, z.ZodOptional<z.ZodBoolean>>),
      }),
      setsFields: [
        "facts",
        "evidence",
        "legalBasis",
        "violationCode",
        "circumstance",
        "proposedFine",
        ...Object.keys(FLAGS),
      ],
      // The benchmark applied is stored on the case, for the decision and the review.
      derive: async (ctx) => {
        const code = String(ctx.input.violationCode ?? "").trim();
        const benchmark = code
          ? await benchmarkOf(ctx, code, String(ctx.input.circumstance))
          : undefined;
        return { benchmark: benchmark ?? null };
      },
    },
    {
      action: "notify",
      label: {
        zh: "告知拟作出的处罚（陈述申辩、听证权利）",
        en: "Notify the intended penalty (rights to state, defend and ask for a hearing)",
      },
      from: ["investigated", ...BEFORE_DECISION],
      to: "notified",
      input: z.object({
        intendedPenalty: L(
          z.string().trim().min(1, "required").max(2000),
          "拟作出的行政处罚",
          "Intended penalty",
        ),
        intendedFine: L(zAmount.default(0), "拟罚款金额（元）", "Intended fine (yuan)"),
        hearingRight: L(
          z.boolean(),
          "已告知听证权利（较大数额罚款等）",
          "Right to a hearing notified (art. 63)",
        ),
      }),
      setsFields: ["intendedPenalty", "intendedFine", "hearingRight"],
      derive: (ctx) => ({
        hearingRequestUntil: ctx.input.hearingRight
          ? addPeriod(ctx.calendar, ctx.onDate, rulesOf(ctx.case).hearingRequest.value).due
          : undefined,
        statementWaived: false,
        hearingWaived: false,
      }),
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
              message:
                "the notice did not give a right to a hearing (行政处罚法(2021) art. 63; 2017 art. 42)",
            };
          }
          if (f.hearingWaived) return { message: "the party waived the hearing" };
          const end = hearingWindowEnd(ctx);
          if (end && compareLocalDate(ctx.onDate, end) > 0) {
            return {
              message: `too late: a hearing could be asked for until ${end} (${rulesOf(ctx.case).hearingRequest.basis})`,
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
      leadTimes: [
        {
          field: "hearingDate",
          period: (c) => rulesOf(c).hearingNotice.value,
          legalBasis:
            "行政处罚法(2021) art. 64 (二) and art. 85 (7 working days); 2017 text art. 42 (二) (7 days)",
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
          ctx.case.fields.hearingDate &&
          compareLocalDate(ctx.onDate, ctx.case.fields.hearingDate) < 0
            ? {
                message: `the hearing is scheduled for ${ctx.case.fields.hearingDate}: it cannot be held on ${ctx.onDate}`,
              }
            : undefined,
      ],
    },
    {
      action: "legal_review",
      label: { zh: "法制审核", en: "Legality review" },
      from: ["notified", "heard", "reviewed", "discussed"],
      to: "reviewed",
      permission: "legal_review.sign",
      input: ReviewInput,
      guards: [reviewerCheck],
      derive: async (ctx) => {
        const f = ctx.case.fields;
        const no = String(ctx.input.reviewerCertificateNo);
        const o = await findOfficer(ctx.w, no, ctx.case.regionCode);
        const items = Object.fromEntries(
          REVIEW_ITEMS.map((k) => [k, ctx.input[k] as { passed: boolean; note?: string }]),
        ) as LegalReviewRecord["items"];
        const failed = REVIEW_ITEMS.filter((k) => !items[k].passed);
        const review: LegalReviewRecord = {
          onDate: ctx.onDate,
          reviewer: {
            name: o?.name ?? "",
            certificateNo: no,
            firstTime: !(await reviewedBefore(ctx.w, no, ctx.onDate)),
          },
          items,
          failed,
          opinion: String(ctx.input.opinion),
          passed: failed.length === 0,
          benchmark: f.benchmark ?? null,
          proposal: { penalty: f.intendedPenalty, fine: f.intendedFine },
        };
        return { legalReview: review };
      },
    },
    {
      action: "collective_discussion",
      label: { zh: "负责人集体讨论", en: "Collective discussion by the leaders" },
      from: ["notified", "heard", "reviewed", "discussed"],
      to: "discussed",
      permission: "unit.lead",
      input: z.object({
        participants: L(
          z.array(z.string().trim().min(1)).min(3, "at least three leaders").max(20),
          "参加讨论的负责人",
          "Leaders taking part",
        ),
        conclusion: L(z.string().trim().min(1, "required").max(5000), "讨论结论", "Conclusion"),
      }),
      derive: (ctx) => ({
        collectiveDiscussion: {
          onDate: ctx.onDate,
          participants: ctx.input.participants,
          conclusion: ctx.input.conclusion,
        },
      }),
    },
    {
      action: "supplement_investigation",
      label: { zh: "补充调查", en: "Investigate further" },
      from: ["investigated", ...BEFORE_DECISION],
      to: "investigating",
      input: z.object({
        reason: L(z.string().trim().min(1, "required").max(2000), "补充调查理由", "Why"),
      }),
    },
    {
      action: "decide",
      label: { zh: "作出决定", en: "Decide" },
      from: BEFORE_DECISION,
      to: "decided",
      permission: "unit.lead",
      input: DecideInput,
      setsFields: [
        "decisionKind",
        "penalties",
        "fineAmount",
        "confiscationAmount",
        "decisionContent",
        "discretionReason",
        "socialImpact",
        "withholdReason",
      ],
      issues: ["decision"],
      guards: [hearingWindowGuard, noHeavierGuard, reviewGuard, discussionGuard, discretionGuard],
      derive: async (ctx) => {
        const m = await majorOf(ctx);
        const b = ctx.case.fields.benchmark;
        const fine = Number(ctx.input.fineAmount ?? 0);
        return {
          decidedOn: ctx.onDate,
          lawVersion: penaltyRulesAt(ctx.case.openedOn).law,
          documentPrefix: await issuerPrefix(ctx.w, ctx.case.unitId, ctx.case.regionCode),
          major: { ...m, reviewPassed: ctx.case.fields.legalReview?.passed === true },
          benchmarkCheck: b
            ? { applied: true, within: fine >= b.fineMin && fine <= b.fineMax }
            : { applied: false, within: null },
          publicationPlan: publicationPlanOf(ctx, decisionValues(ctx)),
        };
      },
      // A decision that must be published opens its publication record, linked to the case.
      effect: async (ctx) => {
        const f = ctx.next.fields;
        if (!f.publicationPlan?.required) return;
        const party: PartyData = f.party;
        const names = [party.name, party.legalRepresentative ?? ""];
        await ctx.openCase(DISCLOSURE_TYPE, {
          link: "follows",
          fields: {
            penaltyCaseId: ctx.next.id,
            decisionNumber: ctx.next.numbers.decision,
            decidedOn: ctx.onDate,
            bodyName: await bodyName(ctx.w, ctx.next.unitId, ctx.next.regionCode),
            category: f.category,
            party: {
              kind: party.kind,
              name: party.name,
              ...(party.uscc ? { uscc: party.uscc } : {}),
              minor: party.minor === true,
            },
            violation: scrub(f.cause, names),
            facts: scrub(f.facts ?? "", names),
            penalty: scrub(penaltyText(f), names),
            legalBasis: f.legalBasis ?? "",
            fineAmount: f.fineAmount ?? 0,
            workingDays: f.publicationPlan.workingDays,
            scopeBasis: f.publicationPlan.basis ?? "",
          },
        });
      },
    },
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
        note: L(z.string().trim().max(1000).optional(), "备注", "Note"),
      }),
      setsFields: ["serviceMethod", "servedTo"],
      derive: (ctx) => ({
        servedOn: ctx.onDate,
        paymentDue:
          Number(ctx.case.fields.fineAmount ?? 0) > 0
            ? addPeriod(ctx.calendar, ctx.onDate, rulesOf(ctx.case).payment.value).due
            : undefined,
      }),
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
      guards: [
        (ctx) => {
          const fine = Number(ctx.case.fields.fineAmount ?? 0);
          if (Number(ctx.input.amountPaid) < fine) {
            return {
              field: "amountPaid",
              message: `the fine is ${fine} yuan; ${ctx.input.amountPaid} yuan does not settle it`,
            };
          }
          const cap = surchargeCap(ctx);
          if (Number(ctx.input.surchargePaid) > cap.amount) {
            return {
              field: "surchargePaid",
              message: `the surcharge can be at most ${cap.amount} yuan (${cap.daysLate} days late × 3% of ${fine}, capped at the fine; ${rulesOf(ctx.case).surcharge.basis})`,
            };
          }
          return undefined;
        },
      ],
      derive: (ctx) => {
        const cap = surchargeCap(ctx);
        return {
          payment: {
            paidOn: ctx.onDate,
            amountPaid: ctx.input.amountPaid,
            surchargePaid: ctx.input.surchargePaid,
            daysLate: cap.daysLate,
            surchargeCap: cap.amount,
            collector: ctx.input.collector,
            receiptNo: ctx.input.receiptNo,
          },
        };
      },
    },
    {
      action: "remind",
      label: { zh: "催告履行", en: "Remind the party to pay" },
      from: ["served"],
      to: "reminded",
      input: z.object({
        reminderNo: L(
          z.string().trim().min(1, "required").max(50),
          "催告书文号",
          "Reminder number",
        ),
      }),
      guards: [
        (ctx) => {
          const due = ctx.case.fields.paymentDue;
          if (!due) return { message: "there is no fine to pay" };
          if (compareLocalDate(ctx.onDate, due) <= 0) {
            return {
              message: `the fine is due by ${due}: remind the party only after that day (${COMPULSION.reminder})`,
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
      guards: [
        (ctx) => {
          const f = ctx.case.fields;
          const wait = addPeriod(
            ctx.calendar,
            f.reminderOn as LocalDate,
            COMPULSION.reminderWait.value,
          ).due;
          if (compareLocalDate(ctx.onDate, wait) < 0) {
            return {
              message: `the reminder was served on ${f.reminderOn}: apply on or after ${wait} (${COMPULSION.reminderWait.basis})`,
            };
          }
          const open = addPeriod(
            ctx.calendar,
            f.servedOn as LocalDate,
            COMPULSION.challengePeriod.value,
          ).due;
          if (compareLocalDate(ctx.onDate, open) <= 0) {
            return {
              message: `the party may still apply for reconsideration or sue until ${open}: apply to the court after that day (${COMPULSION.challengePeriod.basis})`,
            };
          }
          return undefined;
        },
      ],
      derive: (ctx) => ({ courtApplication: { onDate: ctx.onDate, court: ctx.input.court } }),
    },
    {
      action: "close",
      label: { zh: "结案", en: "Close the case" },
      from: ["served", "executed", "court_enforcement"],
      to: "closed",
      input: z.object({
        summary: L(z.string().trim().max(2000).optional(), "结案说明", "Summary"),
      }),
      guards: [
        (ctx) => {
          const fine = Number(ctx.case.fields.fineAmount ?? 0);
          if (ctx.case.state === "served" && fine > 0) {
            return {
              message: `the fine of ${fine} yuan is unpaid: record the payment, or remind the party and apply to the court (${rulesOf(ctx.case).payment.basis})`,
            };
          }
          return undefined;
        },
      ],
    },
    {
      action: "alter_decision",
      label: {
        zh: "决定被变更、撤销或确认违法、无效",
        en: "The decision is changed, revoked, or confirmed illegal or invalid",
      },
      from: POST_DECISION,
      to: "altered",
      sensitive: true,
      input: z.object({
        ground: labelledEnum(ALTERATION_LABELS, "情形", "What happened"),
        authority: labelledEnum(ALTERING_AUTHORITY_LABELS, "依据", "By"),
        documentNo: L(z.string().trim().min(1, "required").max(100), "文书文号", "Document number"),
        reason: L(z.string().trim().min(1, "required").max(2000), "理由", "Reason"),
      }),
      derive: (ctx) => ({
        alteration: {
          onDate: ctx.onDate,
          ground: ctx.input.ground,
          authority: ctx.input.authority,
          documentNo: ctx.input.documentNo,
          reason: ctx.input.reason,
        },
      }),
    },
    {
      action: "drop",
      label: { zh: "撤销立案", en: "Drop the case" },
      from: ["filed", "investigating", "investigated"],
      to: "dropped",
      sensitive: true,
    },
  ],
  clocks: [
    {
      code: "decision_limit",
      label: { zh: "作出处罚决定期限", en: "Time limit for the decision" },
      period: (c, s) =>
        rulesOf(c).decisionLimit
          ? { n: decisionDays(s, c.fields.category as Category), unit: "calendar_day" }
          : undefined,
      legalBasis:
        "行政处罚法(2021) art. 60: 立案之日起九十日内 (a setting per area where a law, regulation or rule provides otherwise); no limit under the 2017 text",
      startOn: { action: "create" },
      stopOn: [{ action: "decide" }, { action: "drop" }],
    },
    {
      code: "service",
      label: { zh: "送达期限", en: "Time limit for service" },
      period: (c) => rulesOf(c).service.value,
      legalBasis:
        "行政处罚法(2021) art. 61 and art. 85: 当事人不在场的，七日（工作日）内送达; 2017 text art. 40: 七日内",
      startOn: { action: "decide" },
      stopOn: [{ action: "serve" }, { action: "alter_decision" }],
    },
    {
      code: "payment",
      label: { zh: "缴纳罚款期限", en: "Time limit for paying the fine" },
      period: (c) => (Number(c.fields.fineAmount ?? 0) > 0 ? rulesOf(c).payment.value : undefined),
      legalBasis:
        "行政处罚法(2021) art. 67 para. 3 (2017 text art. 46 para. 3): 收到决定书之日起十五日内缴纳; 到期不缴纳的每日加处3%罚款 (art. 72)",
      startOn: { action: "serve" },
      stopOn: [
        { action: "record_payment" },
        { action: "apply_court" },
        { action: "close" },
        { action: "alter_decision" },
      ],
    },
    {
      code: "court_application",
      label: { zh: "申请法院强制执行期限", en: "Time limit for applying to the court" },
      period: (c) =>
        Number(c.fields.fineAmount ?? 0) > 0 ? COMPULSION.courtApplication.value : undefined,
      legalBasis: COMPULSION.courtApplication.basis,
      startOn: { action: "serve" },
      stopOn: [
        { action: "record_payment" },
        { action: "apply_court" },
        { action: "close" },
        { action: "alter_decision" },
      ],
      dueSoon: { n: 20, unit: "working_day" },
    },
  ],
  suspension: {
    clocks: ["decision_limit"],
    legalBasis:
      "Periods a law, regulation or rule leaves out of the time limit, e.g. 市场监督管理行政处罚程序规定 art. 64: 中止、听证、公告和检测、检验、检疫、鉴定等期间不计入 [R]",
  },
  numbers: [
    {
      kind: "decision",
      label: { zh: "决定书文号", en: "Decision number" },
      prefix: (c) =>
        `${c.fields.documentPrefix ?? "执法"}${
          c.fields.decisionKind === "penalty"
            ? "罚"
            : c.fields.decisionKind === "transfer_judicial"
              ? "移"
              : "不罚"
        }`,
    },
  ],
  links: ["opened_from", "follows", "reviews"],
  people: PARTY_PEOPLE.map((p) => ({ ...p })),
  documents: [
    {
      code: "penalty_decision",
      label: { zh: "行政处罚决定书", en: "Penalty decision" },
      states: POST_DECISION.concat(["altered"]),
      build: (c, ctx) => decisionDocument(c, ctx, rulesOf(c)),
    },
    {
      code: "service_receipt",
      label: { zh: "送达回证", en: "Service receipt" },
      states: POST_DECISION.concat(["altered"]),
      build: (c, ctx) => serviceReceipt(c, ctx),
    },
  ],
};

/** The surcharge the party may owe on the payment date (art. 72 (一); 行政强制法 art. 45). */
function surchargeCap(ctx: Ctx): { daysLate: number; amount: number } {
  const f = ctx.case.fields;
  const fine = Number(f.fineAmount ?? 0);
  if (!f.paymentDue || fine <= 0) return { daysLate: 0, amount: 0 };
  const daysLate = Math.max(0, diffDays(f.paymentDue, ctx.onDate));
  const rate = rulesOf(ctx.case).surcharge.value;
  const amount = Math.min(fine, Math.round(fine * rate * daysLate * 100) / 100);
  return { daysLate, amount };
}
