/**
 * The court's outcome of the party's lawsuit against the decision, as the body receives it
 * (issue 10, fault 8): which instance, and whether it is a judgment (判决) or a ruling
 * (裁定). 行政诉讼法 第八十五条: 不服第一审判决的，在判决书送达之日起十五日内上诉；不服第一审
 * 裁定的，在裁定书送达之日起十日内上诉；逾期不提起上诉的，第一审判决或者裁定发生法律效力.
 * The end is rolled to the next working day (民法典 第二百零三条, as every period in
 * execution.ts). A second-instance judgment or ruling is final when served (第七条, 两审终审).
 * Recorded outcomes take the place of the linked lawsuit's closing day (execution.ts).
 */
import { z } from "zod";
import { STAY, type TransitionDecl } from "../../../../engines/case/index.ts";
import { t } from "../../../../kernel/errors.ts";
import {
  addPeriod,
  compareLocalDate,
  type LegalCalendar,
  type LocalDate,
} from "../../../../kernel/time/index.ts";
import { L, labelledEnum, zDay } from "../common.ts";
import type { PenaltyCase } from "./fields.ts";

export const COURT_FORM_LABELS = {
  judgment: { zh: "判决", en: "Judgment" },
  ruling: { zh: "裁定", en: "Ruling" },
} as const;

export const INSTANCE_LABELS = {
  first: { zh: "第一审", en: "First instance" },
  second: { zh: "第二审", en: "Second instance" },
} as const;

export type CourtForm = keyof typeof COURT_FORM_LABELS;

/** The periods to appeal a first-instance judgment or ruling (行政诉讼法 第八十五条). */
export const APPEAL = {
  judgment: {
    value: { n: 15, unit: "calendar_day" as const },
    basis:
      "行政诉讼法 art. 85: 当事人不服人民法院第一审判决的，有权在判决书送达之日起十五日内向上一级人民法院提起上诉",
  },
  ruling: {
    value: { n: 10, unit: "calendar_day" as const },
    basis:
      "行政诉讼法 art. 85: 不服人民法院第一审裁定的，有权在裁定书送达之日起十日内向上一级人民法院提起上诉",
  },
} as const;

export interface CourtOutcome {
  instance: keyof typeof INSTANCE_LABELS;
  form: CourtForm;
  documentNo: string;
  servedOn: LocalDate;
  /** The last day to appeal (first instance), or the day it is final (second instance). */
  finalAfter: LocalDate;
}

/** The last day to appeal a first-instance outcome served on `servedOn`, rolled forward. */
export const appealEnd = (cal: LegalCalendar, form: CourtForm, servedOn: LocalDate) =>
  addPeriod(cal, servedOn, APPEAL[form].value).due;

export const COURT_OUTCOME_STEPS: TransitionDecl<PenaltyCase>[] = [
  {
    action: "record_court_outcome",
    label: { zh: "登记人民法院裁判（判决或者裁定）", en: "Record the court's judgment or ruling" },
    from: ["served", "reminded"],
    to: STAY,
    occasional: true,
    input: z.object({
      instance: labelledEnum(INSTANCE_LABELS, "审级", "Instance"),
      form: labelledEnum(COURT_FORM_LABELS, "裁判文书种类（判决或者裁定）", "Judgment or ruling"),
      documentNo: L(
        z.string().trim().min(1, "required").max(100),
        "裁判文书号",
        "Court document number",
      ),
      servedOn: L(zDay, "裁判文书送达日期", "Served on"),
    }),
    guards: [
      (ctx) =>
        compareLocalDate(ctx.input.servedOn as LocalDate, ctx.onDate) > 0
          ? {
              field: "servedOn",
              message: t(
                `裁判文书的送达日期不能晚于登记日期 ${ctx.onDate}`,
                `the court document cannot have been served after ${ctx.onDate}, the day it is recorded`,
              ),
            }
          : undefined,
    ],
    derive: (ctx) => {
      const form = ctx.input.form as CourtForm;
      const servedOn = ctx.input.servedOn as LocalDate;
      const instance = ctx.input.instance as CourtOutcome["instance"];
      const outcome: CourtOutcome = {
        instance,
        form,
        documentNo: String(ctx.input.documentNo),
        servedOn,
        finalAfter: instance === "first" ? appealEnd(ctx.calendar, form, servedOn) : servedOn,
      };
      return { courtOutcomes: [...(ctx.case.fields.courtOutcomes ?? []), outcome] };
    },
  },
];
