import { z } from "zod";
import type { CaseView, GuardContext } from "../../../../engines/case/index.ts";
import type { LocalDate } from "../../../../kernel/time/index.ts";
import type { Benchmark } from "../../registers/lookup.ts";
import { L, labelledEnum, Party, zCategory } from "../common.ts";
import {
  type ALTERATION_LABELS,
  type ALTERING_AUTHORITY_LABELS,
  type CIRCUMSTANCE_LABELS,
  type DecisionKind,
  type PenaltyKind,
  type ReviewItem,
  type SERVICE_METHOD_LABELS,
  SOURCE_LABELS,
} from "../labels.ts";
import { type PenaltyRules, penaltyRulesAt } from "../rules.ts";
import { ageOn } from "./capacity.ts";
import type { CourtOutcome } from "./court-outcome.ts";
import type { Instalment, InstalmentPayment } from "./instalments.ts";
import { checkViolation, ViolationFields } from "./law-in-force.ts";
import type { ProceduresFields } from "./procedures.ts";

export const PENALTY_TYPE = "penalty_general";
export const DISCLOSURE_TYPE = "penalty_disclosure";

// ────────────────────────────────────────────────────────────────────────── fields

const flag = (zh: string, en: string) => L(z.boolean().default(false), zh, en);

/** The art. 58 categories (always on) and the art. 57 para. 2 trigger, as the case's flags. */
export const FLAGS: Record<
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

export const PenaltyFields = z
  .object({
    party: Party,
    cause: L(z.string().trim().min(1, "required").max(200), "案由", "Cause of the case"),
    category: zCategory,
    source: labelledEnum(SOURCE_LABELS, "案件来源", "Source"),
    ...FLAGS,
    // issue 10 fault 7: the violation's dates and the limitation period (law-in-force.ts)
    ...ViolationFields,
  })
  .superRefine(checkViolation)
  // The party's age when it acted, read from its ID number at filing (the number is
  // encrypted at rest, so the decision's guards read this instead; arts. 30, 31).
  .overwrite((f) => {
    const end = f.violationEndedOn ?? f.violationOn;
    const age = f.party.kind === "natural_person" ? ageOn(f.party.idNumber, end) : undefined;
    return age === undefined ? f : { ...f, partyAgeAtViolation: age };
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
  proposal: {
    penalty?: string;
    fine?: number;
    // issue 10 part A: the proposal reviewed, compared with the decision
    penalties?: PenaltyKind[];
    confiscation?: number;
  };
}

export interface PenaltyCase extends z.infer<typeof PenaltyFields>, ProceduresFields {
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
    /** With instalments: each one's days late and surcharge, from its own due date. */
    instalmentSurcharges?: {
      dueOn: LocalDate;
      amount: number;
      daysLate: number;
      surcharge: number;
    }[];
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
  // ── Issue 10 part B: service, execution, deadlines (execution.ts) ──
  /** Service by announcement: the announcement's date and the day service took effect. */
  announcement?: { announcedOn: LocalDate; deemedServedOn: LocalDate; basis: string };
  /** The last day the party may apply for reconsideration or sue (from service). */
  challengeEndsOn?: LocalDate;
  reconsiderationFirst?: boolean;
  /** The court window (行政强制法 art. 53): from this day, three months, to its last day. */
  courtWindowFrom?: LocalDate;
  courtWindowEnd?: LocalDate;
  /** Deferred or instalment payment (行政处罚法(2021) art. 66 para. 2). */
  deferral?: {
    kind: "deferral" | "instalments";
    appliedOn: LocalDate;
    approvedOn: LocalDate;
    until: LocalDate;
    instalments: Instalment[];
    reason: string;
  };
  /** The court's judgments or rulings on the party's lawsuit (court-outcome.ts). */
  courtOutcomes?: CourtOutcome[];
  /** The payments recorded against the instalments (instalments.ts). */
  instalmentPayments?: InstalmentPayment[];
  courtWindowBasis?: string;
  /** The decision limit when the decision was made (decision-limit.ts). */
  decisionLimit?: {
    due: LocalDate;
    extended: boolean;
    furtherByDiscussion: boolean;
    late: boolean;
    lateReason?: string;
  };
  // ── issue 10, part A (penalty/procedure.ts): the notice in detail, the hearing scope,
  // the statement period and how the party used its rights.
  intendedPenalties?: PenaltyKind[];
  intendedConfiscation?: number;
  hearingScope?: string[];
  noticeOn?: LocalDate;
  /** The statement period in working days given at the notice (the area's setting). */
  statementDays?: number;
  /** The deciding body's full name (the bodies register) and where to pay, at the decision. */
  decidingBody?: string;
  paymentPlace?: string;
  /** The day the notice's service took effect (an announcement's deemed day). */
  noticeServedOn?: LocalDate;
  noticeService?: { method: string; announcedOn?: LocalDate };
  /** The party's statement and defence and whether it was adopted (record_statement). */
  partyStatement?: { onDate: LocalDate; statement: string; adopted: boolean; reply: string };
  noticeLaw?: string;
  statementUntil?: LocalDate;
  rightsUsed?: "statement" | "waived" | "hearing" | "silence";
  substantiveLaw?: string;
  mitigation?: string[];
  noPenaltyGround?: string;
}

export type Ctx = GuardContext<PenaltyCase>;
type View = CaseView<PenaltyCase>;

export const rulesOf = (c: Pick<View, "openedOn">): PenaltyRules =>
  penaltyRulesAt(c.openedOn).rules;
