/**
 * The reconsideration procedure's periods, versioned by the day the application was
 * received (立法法 art. 104: the procedure keeps the law in force when it began):
 *
 * - 2023 text (行政复议法 2023-09-01 修订, in force 2024-01-01). Art. 88: the law's
 *   "三日、五日、七日、十日" are working days; every other period is in calendar days
 *   under the 民事诉讼法 rules (start day not counted, a last day on a rest day rolls on).
 * - 2017 text (1999 law as amended 2009 and 2017) with its 2007 implementing regulation.
 *   Art. 40 para. 2: only "五日、七日" are working days, so the respondent's ten days
 *   (art. 23) are calendar days. An application is accepted from the day it is received
 *   unless refused within the five days (art. 17 para. 2). No simplified procedure, no
 *   decision confirming invalidity (art. 28).
 *
 * Pure: no I/O, no clock reads.
 */
import {
  addDays,
  addPeriod,
  compareLocalDate,
  diffDays,
  type LegalCalendar,
  type LocalDate,
  minDate,
  type Period,
  type RuleSet,
  ruleVersionAt,
} from "../../../kernel/time/index.ts";

export interface ReconsiderationRules {
  law: "2023" | "2017";
  /** Application period from knowing of the act (2023 art. 20; 2017 art. 9). */
  application: Period;
  /**
   * The cap when the act did not state the right, the body and the period (2023 art. 20
   * para. 3: at most one year from knowing of the act's content). [I] The 2017 text has
   * no such rule; we apply the same cap there by analogy (the 2018 行政诉讼法解释 art. 64
   * sets one year for suits) — uncertain, stated in docs/oversight.md.
   */
  unstatedRightCap: Period;
  /** Acceptance review (2023 art. 30; 2017 art. 17): 5 working days. */
  acceptanceReview: Period;
  /** Completion (补正) notice within 5 working days of receipt (2023 art. 31; 2007 reg. art. 29). */
  completionNotice: Period;
  /**
   * The applicant's time to complete (2023 art. 31 para. 2: 10 working days). 2007 reg.
   * art. 29: "合理的补正期限" stated in the notice — null: the notice's own days.
   */
  completion: Period | null;
  /** Silence at the end of the review: accepted from the end (2023) or from receipt (2017). */
  silenceAcceptedFrom: "review_end" | "receipt";
  /** Copy to the respondent after acceptance (2023 art. 48, art. 54; 2017 art. 23). */
  copy: { ordinary: Period; simplified: Period | null };
  /** The respondent's reply (2023 art. 48, art. 54: working days; 2017 art. 23: calendar days). */
  reply: { ordinary: Period; simplified: Period | null };
  /** Decision (2023 art. 62; 2017 art. 31): from acceptance. */
  decision: { ordinary: Period; simplified: Period | null };
  /** The longest extension, with approval and notice (2023 art. 62; 2017 art. 31). */
  extension: Period;
  /** Hearing notice before the hearing (2023 art. 51: 5 working days); none in 2017. */
  hearingNotice: Period | null;
  /** Decisions this text knows. */
  outcomes: readonly string[];
  basis: {
    application: string;
    acceptance: string;
    completion: string;
    copy: string;
    reply: string;
    decision: string;
    suspension: string;
    termination: string;
    hearing: string;
    outcome: string;
  };
}

const wd = (n: number): Period => ({ n, unit: "working_day" });
const cd = (n: number): Period => ({ n, unit: "calendar_day" });

export const OUTCOMES_2017 = [
  "change",
  "revoke",
  "confirm_illegal",
  "order_performance",
  "uphold",
  "dismiss_claim",
] as const;
export const OUTCOMES_2023 = [...OUTCOMES_2017, "confirm_invalid"] as const;

export const RECONSIDERATION_RULES: RuleSet<ReconsiderationRules> = {
  code: "reconsideration",
  versions: [
    {
      effectiveFrom: "1999-10-01" as LocalDate,
      law: "行政复议法(2017修正)",
      rules: {
        law: "2017",
        application: cd(60),
        unstatedRightCap: { n: 12, unit: "month" },
        acceptanceReview: wd(5),
        completionNotice: wd(5),
        completion: null,
        silenceAcceptedFrom: "receipt",
        copy: { ordinary: wd(7), simplified: null },
        reply: { ordinary: cd(10), simplified: null },
        decision: { ordinary: cd(60), simplified: null },
        extension: cd(30),
        hearingNotice: null,
        outcomes: OUTCOMES_2017,
        basis: {
          application: "行政复议法(2017) art. 9",
          acceptance: "行政复议法(2017) art. 17, art. 40 para. 2",
          completion: "行政复议法实施条例 art. 29",
          copy: "行政复议法(2017) art. 23, art. 40 para. 2",
          reply: "行政复议法(2017) art. 23, art. 40 para. 1",
          decision: "行政复议法(2017) art. 31",
          suspension: "行政复议法实施条例 art. 41",
          termination: "行政复议法实施条例 art. 42",
          hearing: "行政复议法(2017) art. 22; 行政复议法实施条例 art. 33",
          outcome: "行政复议法(2017) art. 28; 行政复议法实施条例 arts. 43–48",
        },
      },
    },
    {
      effectiveFrom: "2024-01-01" as LocalDate,
      law: "行政复议法(2023修订)",
      rules: {
        law: "2023",
        application: cd(60),
        unstatedRightCap: { n: 12, unit: "month" },
        acceptanceReview: wd(5),
        completionNotice: wd(5),
        completion: wd(10),
        silenceAcceptedFrom: "review_end",
        copy: { ordinary: wd(7), simplified: wd(3) },
        reply: { ordinary: wd(10), simplified: wd(5) },
        decision: { ordinary: cd(60), simplified: cd(30) },
        extension: cd(30),
        hearingNotice: wd(5),
        outcomes: OUTCOMES_2023,
        basis: {
          application: "行政复议法(2023) art. 20",
          acceptance: "行政复议法(2023) art. 30, art. 88",
          completion: "行政复议法(2023) art. 31, art. 88",
          copy: "行政复议法(2023) art. 48, art. 54, art. 88",
          reply: "行政复议法(2023) art. 48, art. 54, art. 88",
          decision: "行政复议法(2023) art. 62",
          suspension: "行政复议法(2023) art. 39",
          termination: "行政复议法(2023) art. 41",
          hearing: "行政复议法(2023) art. 50, art. 51",
          outcome: "行政复议法(2023) arts. 63–69",
        },
      },
    },
  ],
};

/** The rules of the law in force on the day the application was received. */
export const rulesAt = (receivedOn: LocalDate): ReconsiderationRules =>
  ruleVersionAt(RECONSIDERATION_RULES, receivedOn).rules;

export interface ApplicationFacts {
  receivedOn: LocalDate;
  /** The day the applicant knew or should have known of the act. */
  knewOn: LocalDate;
  /** The act did not state the right to apply, the body and the period. */
  rightNotStated?: boolean;
  /** The day the applicant learned of them (with rightNotStated). */
  learnedOfRightOn?: LocalDate;
  /** Time lost to force majeure or another justified obstacle (both days included). */
  obstacle?: { from: LocalDate; until: LocalDate };
}

export interface ApplicationWindow {
  /** The last day to apply. */
  lastDay: LocalDate;
  /** Days added back for the obstacle. */
  obstacleDays: number;
  late: boolean;
  basis: string;
}

/**
 * The last day to apply (2023 art. 20; 2017 art. 9): 60 days from knowing of the act; where
 * the act did not state the right, from learning of it but no later than a year after
 * knowing of the act; time lost to an obstacle that began within the period is added back
 * ("自障碍消除之日起继续计算": the period resumes where it stopped).
 */
export function applicationWindow(cal: LegalCalendar, f: ApplicationFacts): ApplicationWindow {
  const r = rulesAt(f.receivedOn);
  let lastDay = addPeriod(cal, f.knewOn, r.application).due;
  if (f.rightNotStated) {
    const from = f.learnedOfRightOn ?? f.receivedOn;
    const cap = addPeriod(cal, f.knewOn, r.unstatedRightCap).due;
    lastDay = minDate(addPeriod(cal, from, r.application).due, cap);
  }
  let obstacleDays = 0;
  const o = f.obstacle;
  if (o && compareLocalDate(o.from, lastDay) <= 0 && compareLocalDate(o.from, o.until) <= 0) {
    obstacleDays = diffDays(o.from, o.until) + 1;
    lastDay = addDays(lastDay, obstacleDays);
    // A last day on a rest day rolls on (民事诉讼法 art. 85).
    lastDay = addPeriod(cal, addDays(lastDay, -1), cd(1)).due;
  }
  return {
    lastDay,
    obstacleDays,
    late: compareLocalDate(f.receivedOn, lastDay) > 0,
    basis: r.basis.application,
  };
}

/** The end of the acceptance review from a receipt (of the application or of the completed materials). */
export const reviewEnd = (cal: LegalCalendar, receivedOn: LocalDate) =>
  addPeriod(cal, receivedOn, rulesAt(receivedOn).acceptanceReview).due;

/**
 * The day the application counts as accepted when accepted on `onDate`: the day itself
 * within the review; after it, silence accepted it — from the review's end (2023 art. 30
 * para. 2) or from receipt (2017 art. 17 para. 2). Under the 2017 text an application is
 * accepted from receipt in any case.
 */
export function acceptedOn(
  cal: LegalCalendar,
  lawReceivedOn: LocalDate,
  receivedOn: LocalDate,
  onDate: LocalDate,
): LocalDate {
  const r = rulesAt(lawReceivedOn);
  if (r.silenceAcceptedFrom === "receipt") return receivedOn;
  const end = reviewEnd(cal, receivedOn);
  return compareLocalDate(onDate, end) <= 0 ? onDate : end;
}
