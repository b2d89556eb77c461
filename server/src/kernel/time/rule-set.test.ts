import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors.ts";
import { bundledNotices } from "./bundled.ts";
import { LegalCalendar } from "./calendar.ts";
import { computeDeadline, type TimeLimitRule } from "./deadline.ts";
import { parseLocalDate } from "./local-date.ts";
import { parsePeriod } from "./period.ts";
import { type RuleSet, ruleVersionAt } from "./rule-set.ts";

const d = (s: string) => parseLocalDate(s);
const calendar = new LegalCalendar(bundledNotices());

/** 行政处罚法: the party's request for a hearing after being told of the intended penalty. */
const penaltyHearing: RuleSet<TimeLimitRule> = {
  code: "penalty.hearing_request",
  versions: [
    {
      effectiveFrom: d("2021-07-15"),
      law: "行政处罚法(2021修订)",
      rules: {
        code: "penalty.hearing_request",
        label: { zh: "要求听证期限", en: "Hearing request period" },
        period: parsePeriod("5wd"),
        startEvent: "penalty_notice_served",
        legalBasis: "行政处罚法(2021) art. 64(1) 五日内; art. 85 工作日",
      },
    },
    {
      effectiveFrom: d("1996-10-01"),
      law: "行政处罚法(1996, 2009/2017修正)",
      rules: {
        code: "penalty.hearing_request",
        label: { zh: "要求听证期限", en: "Hearing request period" },
        period: parsePeriod("3d"),
        startEvent: "penalty_notice_served",
        legalBasis: "行政处罚法(2017) art. 42 三日内",
      },
    },
  ],
};

/** 行政复议法: the respondent's written reply after receiving the application copy. */
const reconsiderationReply: RuleSet<{ reply: TimeLimitRule }> = {
  code: "reconsideration.reply",
  versions: [
    {
      effectiveFrom: d("1999-10-01"),
      law: "行政复议法(1999, 2017修正)",
      rules: {
        reply: {
          code: "reconsideration.reply",
          label: { zh: "书面答复期限", en: "Written reply period" },
          period: parsePeriod("10d"),
          startEvent: "application_copy_received",
          legalBasis: "行政复议法(2017) art. 23 十日内 (art. 40 makes only 五日/七日 working days)",
        },
      },
    },
    {
      effectiveFrom: d("2024-01-01"),
      law: "行政复议法(2023修订)",
      rules: {
        reply: {
          code: "reconsideration.reply",
          label: { zh: "书面答复期限", en: "Written reply period" },
          period: parsePeriod("10wd"),
          startEvent: "application_copy_received",
          legalBasis: "行政复议法(2023) art. 48 十日内; art. 88 工作日",
        },
      },
    },
  ],
};

describe("ruleVersionAt", () => {
  it("picks the penalty-law version in force on the trigger date (change on 2021-07-15)", () => {
    expect(ruleVersionAt(penaltyHearing, d("2021-07-14")).rules.period).toEqual(parsePeriod("3d"));
    expect(ruleVersionAt(penaltyHearing, d("2021-07-15")).rules.period).toEqual(parsePeriod("5wd"));
    expect(ruleVersionAt(penaltyHearing, d("2026-01-01")).law).toBe("行政处罚法(2021修订)");
  });

  it("picks the reconsideration-law version (change on 2024-01-01) and computes with it", () => {
    const at = (trigger: string) => {
      const { rules } = ruleVersionAt(reconsiderationReply, d(trigger));
      return computeDeadline({ calendar, rule: rules.reply, start: d(trigger), today: d(trigger) })
        .due;
    };
    // Old law: 10 calendar days from 2023-12-29 = Mon 2024-01-08.
    expect(at("2023-12-29")).toBe("2024-01-08");
    // New law: 10 working days from 2024-01-02 = 2024-01-16.
    expect(at("2024-01-02")).toBe("2024-01-16");
  });

  it("fails when no version is in force", () => {
    expect(() => ruleVersionAt(penaltyHearing, d("1996-09-30"))).toThrow(ValidationError);
    expect(() => ruleVersionAt(penaltyHearing, d("1996-09-30"))).toThrow(
      /no version in force on 1996-09-30/,
    );
    expect(() => ruleVersionAt({ code: "empty", versions: [] }, d("2024-01-01"))).toThrow(
      ValidationError,
    );
  });

  it("rejects two versions with the same effective date", () => {
    const dup = {
      ...penaltyHearing,
      versions: [...penaltyHearing.versions, penaltyHearing.versions[0]!],
    };
    expect(() => ruleVersionAt(dup, d("2022-01-01"))).toThrow(/two versions/);
  });
});
