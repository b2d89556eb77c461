/**
 * Rules of the decision still missing before issue 10 (part A), each on its clause of the
 * 行政处罚法 (2021):
 * - art. 30: no penalty under 14 (the guardian is told to discipline); from 14 to 18 the
 *   penalty is lighter or mitigated — the decision states the ground;
 * - art. 31: no penalty where mental illness or intellectual disability left the party
 *   unable to recognise or control its acts; a lighter one where partly so;
 * - art. 32: mandatory mitigation grounds, recorded; art. 33: 不予处罚 (minor and corrected;
 *   首违不罚; no fault), recorded with the outcome 不予处罚;
 * - art. 29: one fine per act — a second fine for the same act of the same party is refused;
 * - the fine within the statutory range of the provision applied (the benchmark's
 *   provision; below its minimum only as 减轻 on a ground of arts. 30–32), and a departure
 *   from the benchmark decided by the leaders collectively, not only with a reason.
 */
import { type SqlBool, sql } from "kysely";
import { z } from "zod";
import { basisEn, basisZh } from "../../../../kernel/citation.ts";
import { t } from "../../../../kernel/errors.ts";
import { compareLocalDate, type LocalDate } from "../../../../kernel/time/index.ts";
import { L } from "../common.ts";
import type { Ctx } from "./fields.ts";

const PENALTY_TYPE = "penalty_general";

export const MITIGATION_LABELS = {
  minor_14_18: { zh: "已满十四周岁不满十八周岁（第三十条）", en: "Aged 14 to 18 (art. 30)" },
  partial_capacity: {
    zh: "尚未完全丧失辨认或者控制能力的精神病人、智力残疾人（第三十一条）",
    en: "Partly unable to recognise or control its acts (art. 31)",
  },
  eliminated_harm: {
    zh: "主动消除或者减轻违法行为危害后果（第三十二条第（一）项）",
    en: "Removed or reduced the harm (art. 32 (一))",
  },
  coerced: {
    zh: "受他人胁迫或者诱骗（第三十二条第（二）项）",
    en: "Coerced or deceived (art. 32 (二))",
  },
  confessed: {
    zh: "主动供述行政机关尚未掌握的违法行为（第三十二条第（三）项）",
    en: "Confessed acts not yet known (art. 32 (三))",
  },
  cooperated: {
    zh: "配合查处违法行为有立功表现（第三十二条第（四）项）",
    en: "Helped to investigate (art. 32 (四))",
  },
} as const;
export type Mitigation = keyof typeof MITIGATION_LABELS;

export const NO_PENALTY_LABELS = {
  under_14: { zh: "不满十四周岁（第三十条）", en: "Under 14 (art. 30)" },
  incapacity: {
    zh: "精神病人、智力残疾人不能辨认或者控制自己行为（第三十一条）",
    en: "Unable to recognise or control its acts (art. 31)",
  },
  minor_corrected: {
    zh: "违法行为轻微并及时改正，没有造成危害后果（第三十三条第一款）",
    en: "Minor, corrected in time, no harm (art. 33 para. 1)",
  },
  first_violation: {
    zh: "初次违法且危害后果轻微并及时改正（首违不罚，第三十三条第一款）",
    en: "First violation, slight harm, corrected in time (art. 33 para. 1)",
  },
  no_fault: {
    zh: "有证据足以证明没有主观过错（第三十三条第二款）",
    en: "No fault proven (art. 33 para. 2)",
  },
} as const;
export type NoPenaltyGround = keyof typeof NO_PENALTY_LABELS;

const enumList = <T extends Record<string, { zh: string; en: string }>>(
  labels: T,
  zh: string,
  en: string,
) =>
  z
    .array(z.enum(Object.keys(labels) as [keyof T & string, ...(keyof T & string)[]]))
    .max(10)
    .default([])
    .meta({ label: { zh, en }, enumLabels: labels });

/** The decision's input: the grounds it states. */
export const GroundsInput = {
  mitigation: enumList(MITIGATION_LABELS, "从轻、减轻处罚的情形", "Grounds for a lighter penalty"),
  noPenaltyGround: L(
    z.enum(Object.keys(NO_PENALTY_LABELS) as [NoPenaltyGround, ...NoPenaltyGround[]]).optional(),
    "不予处罚的情形",
    "Ground for no penalty",
  ).meta({ enumLabels: NO_PENALTY_LABELS }),
  mentalIncapacity: L(
    z.boolean().default(false),
    "违法时不能辨认或者控制自己行为（精神病人、智力残疾人）",
    "Unable to recognise or control its acts when acting (art. 31)",
  ),
};

/** Age in whole years on a day, from an ID number's birth date. */
export function ageOn(idNumber: string | undefined, on: string): number | undefined {
  if (typeof idNumber !== "string" || idNumber.length !== 18) return undefined;
  const birth = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  const years = Number(on.slice(0, 4)) - Number(birth.slice(0, 4));
  return on.slice(5) >= birth.slice(5) ? years : years - 1;
}

const ART = "行政处罚法(2021)";

export const capacityGuard = (ctx: Ctx) => {
  const f = ctx.case.fields;
  const kind = ctx.input.decisionKind;
  const mitigation = (ctx.input.mitigation as Mitigation[] | undefined) ?? [];
  const ground = ctx.input.noPenaltyGround as NoPenaltyGround | undefined;
  const age = f.partyAgeAtViolation;
  if (kind === "penalty" && age !== undefined && age < 14) {
    const basis = `${ART} art. 30`;
    return {
      field: "decisionKind",
      message: t(
        `当事人违法时不满十四周岁（${age}周岁），不予行政处罚，责令监护人加以管教${basisZh(basis)}`,
        `the party was under 14 (${age}) when it acted: no penalty; its guardian is told to discipline it${basisEn(basis)}`,
      ),
    };
  }
  if (kind === "penalty" && age !== undefined && age < 18 && !mitigation.includes("minor_14_18")) {
    const basis = `${ART} art. 30`;
    return {
      field: "mitigation",
      message: t(
        `当事人违法时已满十四周岁不满十八周岁（${age}周岁），应当从轻或者减轻行政处罚：决定应当载明该情形${basisZh(basis)}`,
        `the party was ${age} when it acted: the penalty must be lighter, and the decision states this ground${basisEn(basis)}`,
      ),
    };
  }
  if (kind === "penalty" && ctx.input.mentalIncapacity === true) {
    const basis = `${ART} art. 31`;
    return {
      field: "mentalIncapacity",
      message: t(
        `当事人违法时不能辨认或者控制自己的行为，不予行政处罚，责令监护人严加看管和治疗${basisZh(basis)}`,
        `the party could not recognise or control its acts: no penalty${basisEn(basis)}`,
      ),
    };
  }
  if (kind === "no_penalty_minor" && !ground) {
    const basis = `${ART} arts. 30-33`;
    return {
      field: "noPenaltyGround",
      message: t(
        `不予行政处罚的决定应当载明其情形${basisZh(basis)}`,
        `a decision of no penalty states its ground${basisEn(basis)}`,
      ),
    };
  }
  return undefined;
};

/** art. 29: a second fine for the same act of the same party is refused. */
export const oneFineGuard = async (ctx: Ctx) => {
  const f = ctx.case.fields;
  if (ctx.input.decisionKind !== "penalty" || Number(ctx.input.fineAmount ?? 0) <= 0)
    return undefined;
  if (!f.violationOn || !f.violationCode) return undefined;
  const who = f.party.uscc
    ? sql<SqlBool>`fields -> 'party' ->> 'uscc' = ${f.party.uscc}::text`
    : sql<SqlBool>`fields -> 'party' ->> 'name' = ${f.party.name}::text`;
  const row = await ctx.w.trx
    .selectFrom("case_file")
    .select(["id", sql<string>`fields ->> 'decidedOn'`.as("decidedOn")])
    .where("case_type", "=", PENALTY_TYPE)
    .where("region_code", "=", ctx.case.regionCode)
    .where("id", "!=", ctx.case.id)
    .where("state", "in", [
      "decided",
      "served",
      "reminded",
      "court_enforcement",
      "executed",
      "closed",
    ])
    .where(sql<SqlBool>`fields ->> 'violationOn' = ${f.violationOn}::text`)
    .where(sql<SqlBool>`fields ->> 'violationCode' = ${f.violationCode}::text`)
    .where(sql<SqlBool>`coalesce((fields ->> 'fineAmount')::numeric, 0) > 0`)
    .where(who)
    .limit(1)
    .executeTakeFirst();
  if (!row) return undefined;
  const basis = `${ART} art. 29`;
  return {
    field: "fineAmount",
    message: t(
      `当事人的同一违法行为（${f.violationCode}，${f.violationOn}）已在案件 ${row.id} 中被处以罚款，不得给予两次以上罚款${basisZh(basis)}`,
      `the same act (${f.violationCode}, ${f.violationOn}) of this party was fined in case ${row.id}: no second fine${basisEn(basis)}`,
    ),
  };
};

/** The statutory range of the provision; a departure from the benchmark is discussed collectively. */
export const rangeGuard = (ctx: Ctx) => {
  const b = ctx.case.fields.benchmark;
  if (!b || ctx.input.decisionKind !== "penalty") return undefined;
  const fine = Number(ctx.input.fineAmount ?? 0);
  if (fine <= 0) return undefined;
  const mitigation = (ctx.input.mitigation as Mitigation[] | undefined) ?? [];
  if (b.statutoryMax !== undefined && fine > b.statutoryMax) {
    return {
      field: "fineAmount",
      message: t(
        `罚款 ${fine} 元超过${b.legalBasis}规定的上限 ${b.statutoryMax} 元`,
        `the fine of ${fine} yuan is above the maximum of ${b.statutoryMax} yuan under ${b.legalBasis}`,
      ),
    };
  }
  if (b.statutoryMin !== undefined && fine < b.statutoryMin && mitigation.length === 0) {
    const basis = `${ART} arts. 30-32`;
    return {
      field: "mitigation",
      message: t(
        `罚款 ${fine} 元低于${b.legalBasis}规定的下限 ${b.statutoryMin} 元：减轻处罚须有法定情形${basisZh(basis)}`,
        `the fine of ${fine} yuan is below the minimum of ${b.statutoryMin} yuan under ${b.legalBasis}: mitigation needs a statutory ground${basisEn(basis)}`,
      ),
    };
  }
  const outside = fine < b.fineMin || fine > b.fineMax;
  const d = ctx.case.fields.collectiveDiscussion;
  const r = ctx.case.fields.legalReview;
  if (outside && (!d || (r && compareLocalDate(d.onDate, r.onDate as LocalDate) < 0))) {
    const basis = `${ART} art. 57 para. 2; ${ART} art. 34`;
    return {
      message: t(
        `罚款 ${fine} 元偏离裁量基准（${b.fineMin}–${b.fineMax} 元）：除说明理由外，应当经负责人集体讨论决定${basisZh(basis)}`,
        `the fine of ${fine} yuan departs from the benchmark (${b.fineMin}–${b.fineMax} yuan): beyond a reason, the leaders decide it collectively${basisEn(basis)}`,
      ),
    };
  }
  return undefined;
};
