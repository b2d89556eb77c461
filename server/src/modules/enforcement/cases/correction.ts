/**
 * 责令改正 (an order to correct a violation, 行政处罚法(2021) art. 28 para. 1: 行政机关实施
 * 行政处罚时，应当责令当事人改正或者限期改正违法行为; 2017 text art. 23 [R]): the order
 * with its deadline, linked to the penalty (or inspection) case it comes from, and the
 * follow-up check after the deadline — the deadline is a clock on the warning list
 * until the check is recorded. A check before the deadline records a correction made;
 * "not corrected" can only be found once the deadline has passed.
 */
import { z } from "zod";
import type { CaseTypeDecl } from "../../../engines/case/index.ts";
import type { Basis } from "../../../kernel/citation.ts";
import { basisEn, basisZh } from "../../../kernel/citation.ts";
import { t } from "../../../kernel/errors.ts";
import { compareLocalDate, diffDays, type LocalDate } from "../../../kernel/time/index.ts";
import { L, MODULE, PARTY_PEOPLE, Party, zCategory, zDay, zOfficers } from "./common.ts";

export const CORRECTION_TYPE = "correction_order";

const BASIS: Basis = {
  cites: [{ law: "行政处罚法", version: "2021", article: 28, paragraph: 1 }],
  note: "行政处罚法(2021) art. 28 para. 1: 行政机关实施行政处罚时，应当责令当事人改正或者限期改正违法行为",
};

export const CorrectionFields = z.object({
  party: Party,
  category: zCategory,
  violation: L(z.string().trim().min(1, "required").max(1000), "违法行为", "Violation"),
  requirements: L(z.string().trim().min(1, "required").max(2000), "改正要求", "What to correct"),
  deadline: L(zDay, "改正期限", "Correct by"),
  legalBasis: L(z.string().trim().min(1, "required").max(1000), "依据", "Legal basis"),
});

export interface CorrectionCase extends z.infer<typeof CorrectionFields> {
  corrected?: boolean;
  checkedOn?: LocalDate;
}

export const correctionCaseType: CaseTypeDecl<CorrectionCase> = {
  code: CORRECTION_TYPE,
  label: { zh: "责令改正", en: "Order to correct" },
  module: MODULE,
  fields: CorrectionFields,
  title: (f) => `责令改正：${f.violation.slice(0, 30)}（${f.party.name}）`,
  states: {
    ordered: { label: { zh: "限期改正中", en: "To be corrected" } },
    checked: { label: { zh: "已复查", en: "Checked" }, terminal: true },
  },
  initial: "ordered",
  transitions: [
    {
      action: "check",
      label: { zh: "复查", en: "Check the correction" },
      from: ["ordered"],
      to: "checked",
      input: z.object({
        officers: zOfficers,
        corrected: L(z.boolean(), "已改正", "Corrected"),
        findings: L(z.string().trim().min(1, "required").max(2000), "复查情况", "Findings"),
      }),
      setsFields: ["corrected"],
      guards: [
        (ctx) => {
          const f = ctx.case.fields;
          if (ctx.input.corrected === true) return undefined;
          if (compareLocalDate(ctx.onDate, f.deadline as LocalDate) > 0) return undefined;
          return {
            field: "corrected",
            message: t(
              `改正期限至 ${f.deadline}：期限届满后方可认定未改正${basisZh(BASIS)}`,
              `the party may correct until ${f.deadline}: "not corrected" is found only after it${basisEn(BASIS)}`,
            ),
          };
        },
      ],
      derive: (ctx) => ({ checkedOn: ctx.onDate }),
    },
  ],
  clocks: [
    {
      code: "correction",
      label: { zh: "改正期限（届满后复查）", en: "Time to correct (then the check)" },
      // The deadline set in the order: a period from the day it was given.
      period: (c) => {
        const n = diffDays(c.openedOn, c.fields.deadline as LocalDate);
        return n > 0 ? { n, unit: "calendar_day" } : undefined;
      },
      legalBasis: BASIS,
      startOn: { action: "create" },
      stopOn: [{ action: "check" }],
    },
  ],
  links: ["follows", "opened_from"],
  people: PARTY_PEOPLE.map((p) => ({ ...p })),
};
