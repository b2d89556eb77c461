/**
 * The enforcement cases' figures: cases by type and body (the unit filter is the body),
 * year-on-year change, major decisions with a legality review (goal 100%), decisions
 * published on time, withdrawals, cases with an overdue time limit, and the case-file
 * review score per body and year.
 */
import { type Kysely, sql } from "kysely";
import type { DB } from "../../../db/schema.ts";
import { type AnyCaseType, lateClocks } from "../../../engines/case/index.ts";
import type { DrillRow, IndicatorDecl, IndicatorQuery } from "../../../engines/indicator/index.ts";
import {
  countCases,
  countEvents,
  ratio,
  relativeChange,
} from "../../../engines/indicator/index.ts";
import { settingsFor } from "../../../engines/settings.ts";
import type { Label } from "../../../kernel/labels.ts";
import type { LocalDate } from "../../../kernel/time/index.ts";
import { legalCalendar } from "../../../platform/calendar.ts";
import { MODULE } from "./common.ts";
import { disclosureCaseType } from "./disclosure.ts";
import { FILE_REVIEW_TYPE } from "./file-review.ts";
import { COMPULSION_TYPE, compulsionCaseType, INSPECTION_TYPE } from "./inspection.ts";
import { DISCLOSURE_TYPE, PENALTY_TYPE, penaltyCaseType } from "./penalty/index.ts";
import { settings as SETTINGS } from "./settings.ts";
import { SIMPLIFIED_TYPE, simplifiedCaseType } from "./simplified.ts";

const CASES: Label = { zh: "件", en: "cases" };
const PERCENT: Label = { zh: "%", en: "%" };
const POINTS: Label = { zh: "分", en: "points" };
const ALL_TYPES = [PENALTY_TYPE, SIMPLIFIED_TYPE, INSPECTION_TYPE, COMPULSION_TYPE];

/** Case types with time limits, for the overdue figure. */
const CLOCKED: Record<string, AnyCaseType> = {
  [PENALTY_TYPE]: penaltyCaseType,
  [DISCLOSURE_TYPE]: disclosureCaseType,
  [SIMPLIFIED_TYPE]: simplifiedCaseType,
  [COMPULSION_TYPE]: compulsionCaseType,
};

const SETTINGS_LOOKUP = {
  setting: (code: string) => SETTINGS.find((s) => s.code === code),
  settings: () => SETTINGS,
};

const id = (s: string) => `enforcement_${s}`;

/**
 * Cases with a time limit missed: a clock that stopped in the period after its due date,
 * or that was still running at the end of the period past its due date (the case
 * engine's `lateClocks`: one statement for the period's clocks, only the clocks that
 * could be late computed).
 */
async function overdueRows(q: IndicatorQuery): Promise<DrillRow[]> {
  const db = q.db as Kysely<DB>;
  const late = await lateClocks({
    db: q.db,
    types: CLOCKED,
    regions: q.regions,
    ...(q.unitId !== undefined ? { unitId: q.unitId } : {}),
    from: q.from,
    to: q.to,
    calendar: await legalCalendar(db, Date.now()),
    // Each clock's period from the settings in force on the day it started.
    settingsOf: (region) => settingsFor(db, SETTINGS_LOOKUP, region, q.to as LocalDate),
  });
  return late.map(({ case: c, late: clocks }) => ({
    kind: "case",
    regionCode: c.regionCode,
    id: c.id,
    type: c.caseType,
    title: c.title,
    unitId: c.unitId,
    value: 1,
    extra: {
      state: c.state,
      openedOn: c.openedOn,
      closedOn: c.closedOn,
      overdue: clocks.map((k) => ({ clock: k.clock, due: k.due, stoppedOn: k.stoppedOn })),
    },
  }));
}

/** Case-file reviews scored in the period; a unit filter means the reviewed body. */
async function reviewRows(q: IndicatorQuery): Promise<DrillRow[]> {
  let qb = q.db
    .selectFrom("case_file")
    .selectAll()
    .where("region_code", "in", q.regions)
    .where("case_type", "=", FILE_REVIEW_TYPE)
    .where("state", "=", "scored")
    .where("closed_on", ">=", q.from)
    .where("closed_on", "<=", q.to);
  if (q.unitId !== undefined) {
    qb = qb.where(sql<boolean>`(fields ->> 'reviewedUnitId')::bigint = ${q.unitId}`);
  }
  const rows = await qb.orderBy("region_code").orderBy("id").execute();
  return rows.map((r) => {
    const f = (r.fields ?? {}) as {
      total?: number;
      reviewedUnitId?: number;
      reviewedCaseId?: number;
      grade?: string;
    };
    return {
      kind: "case" as const,
      regionCode: r.region_code,
      id: Number(r.id),
      type: r.case_type,
      title: r.title,
      unitId: Number(f.reviewedUnitId ?? r.unit_id),
      value: Number(f.total ?? 0),
      extra: {
        state: r.state,
        closedOn: r.closed_on,
        reviewedCaseId: f.reviewedCaseId,
        grade: f.grade,
        reviewUnitId: Number(r.unit_id),
      },
    };
  });
}

export const indicators: IndicatorDecl[] = [
  {
    id: id("cases"),
    module: MODULE,
    unit: CASES,
    label: { zh: "行政执法案件数", en: "Enforcement cases" },
    definition: {
      zh: "年度内立案（登记）的行政处罚（普通程序、简易程序）、行政检查、行政强制案件，按执法主体可分",
      en: "Penalty (general and simplified), inspection and compulsion cases opened in the year, per body with the unit filter",
    },
    ...countCases({ caseType: ALL_TYPES, by: "opened" }),
  },
  {
    id: id("penalty_cases"),
    module: MODULE,
    unit: CASES,
    label: { zh: "行政处罚案件数（普通程序）", en: "Penalty cases (general procedure)" },
    definition: {
      zh: "年度内立案的普通程序行政处罚案件",
      en: "General-procedure penalty cases filed in the year",
    },
    ...countCases({ caseType: PENALTY_TYPE, by: "opened" }),
  },
  {
    id: id("penalty_cases_change"),
    module: MODULE,
    unit: PERCENT,
    label: { zh: "行政处罚案件数同比变化", en: "Penalty cases, change on the year before" },
    definition: {
      zh: "普通程序行政处罚立案数较上年同期的变化",
      en: "Change of general-procedure penalty cases filed on the same period a year earlier",
    },
    ...relativeChange(id("penalty_cases")),
  },
  {
    id: id("simplified_cases"),
    module: MODULE,
    unit: CASES,
    label: { zh: "行政处罚案件数（简易程序）", en: "Penalty cases (simplified procedure)" },
    definition: {
      zh: "年度内当场作出的简易程序行政处罚",
      en: "On-the-spot (simplified-procedure) penalty cases recorded in the year",
    },
    ...countCases({ caseType: SIMPLIFIED_TYPE, by: "opened" }),
  },
  {
    id: id("inspections"),
    module: MODULE,
    unit: CASES,
    label: { zh: "行政检查数", en: "Administrative inspections" },
    definition: {
      zh: "年度内登记的行政检查",
      en: "Administrative inspections recorded in the year",
    },
    ...countCases({ caseType: INSPECTION_TYPE, by: "opened" }),
  },
  {
    id: id("compulsions"),
    module: MODULE,
    unit: CASES,
    label: { zh: "行政强制措施数", en: "Administrative compulsion measures" },
    definition: {
      zh: "年度内登记的查封、扣押等行政强制措施",
      en: "Seal-ups and seizures recorded in the year",
    },
    ...countCases({ caseType: COMPULSION_TYPE, by: "opened" }),
  },
  {
    id: id("penalty_decisions"),
    module: MODULE,
    unit: CASES,
    label: { zh: "作出行政处罚决定数", en: "Penalty decisions made" },
    definition: {
      zh: "年度内作出的普通程序行政处罚决定（给予处罚的）",
      en: "General-procedure decisions imposing a penalty made in the year",
    },
    ...countEvents({
      caseType: PENALTY_TYPE,
      action: "decide",
      filter: (_eb, j) => j.step.contains({ input: { decisionKind: "penalty" } }),
    }),
  },
  {
    id: id("major_decisions"),
    module: MODULE,
    unit: CASES,
    label: { zh: "重大执法决定数", en: "Major enforcement decisions" },
    definition: {
      zh: "年度内作出的重大执法决定（行政处罚法第五十八条情形或本机关重大执法决定目录）",
      en: "Major enforcement decisions made in the year (art. 58 categories or the body's catalogue)",
    },
    ...countEvents({
      caseType: PENALTY_TYPE,
      action: "decide",
      filter: (_eb, j) => j.step.contains({ derived: { major: { isMajor: true } } }),
    }),
  },
  {
    id: id("major_decisions_reviewed"),
    module: MODULE,
    unit: CASES,
    label: {
      zh: "经法制审核的重大执法决定数",
      en: "Major decisions with a passed legality review",
    },
    definition: {
      zh: "年度内作出、作出前经法制审核通过的重大执法决定",
      en: "Major decisions made in the year after a passed legality review",
    },
    ...countEvents({
      caseType: PENALTY_TYPE,
      action: "decide",
      filter: (_eb, j) =>
        j.step.contains({ derived: { major: { isMajor: true, reviewPassed: true } } }),
    }),
  },
  {
    id: id("major_review_rate"),
    module: MODULE,
    unit: PERCENT,
    label: { zh: "重大执法决定法制审核率", en: "Legality review rate of major decisions" },
    definition: {
      zh: "经法制审核的重大执法决定占重大执法决定的比例（目标100%）",
      en: "Share of major decisions made after a passed legality review (goal 100%)",
    },
    ...ratio(id("major_decisions_reviewed"), id("major_decisions")),
  },
  {
    id: id("decisions_to_publish"),
    module: MODULE,
    unit: CASES,
    label: { zh: "应公开的行政处罚决定数", en: "Penalty decisions to be published" },
    definition: {
      zh: "年度内作出、按公开范围应当公开的行政处罚决定",
      en: "Penalty decisions made in the year that must be published",
    },
    ...countCases({ caseType: DISCLOSURE_TYPE, by: "opened" }),
  },
  {
    id: id("decisions_published_on_time"),
    module: MODULE,
    unit: CASES,
    label: { zh: "按时公开的行政处罚决定数", en: "Penalty decisions published on time" },
    definition: {
      zh: "年度内作出、在公开时限内公开的行政处罚决定",
      en: "Penalty decisions made in the year and published within the time limit",
    },
    ...countCases({ caseType: DISCLOSURE_TYPE, by: "opened", where: { publishedOnTime: true } }),
  },
  {
    id: id("publication_on_time_rate"),
    module: MODULE,
    unit: PERCENT,
    label: { zh: "行政处罚决定按时公开率", en: "Penalty decisions published on time (rate)" },
    definition: {
      zh: "按时公开的行政处罚决定占应公开决定的比例",
      en: "Share of the decisions to be published that were published on time",
    },
    ...ratio(id("decisions_published_on_time"), id("decisions_to_publish")),
  },
  {
    id: id("publications_withdrawn"),
    module: MODULE,
    unit: CASES,
    label: { zh: "撤回公开的行政处罚决定数", en: "Published decisions withdrawn" },
    definition: {
      zh: "年度内因变更、撤销、确认违法或无效而撤回公开的行政处罚决定",
      en: "Published decisions withdrawn in the year because they were changed, revoked, or confirmed illegal or invalid",
    },
    ...countEvents({ caseType: DISCLOSURE_TYPE, action: "withdraw" }),
  },
  {
    id: id("overdue_cases"),
    module: MODULE,
    unit: CASES,
    label: { zh: "超期案件数", en: "Cases past a time limit" },
    definition: {
      zh: "有办理时限超期的执法案件：期间内超期办结，或期末仍未办结且已超期（决定、送达、缴款、公开、撤回、查封扣押期限）",
      en: "Enforcement cases with a time limit missed: met late in the period, or still open past it at the period's end (decision, service, payment, publication, withdrawal, seal-up terms)",
    },
    basis: {
      zh: "时限按法定日历计算（含中止、延长）；每件案件只计一次；按案件承办单位归属",
      en: "time limits computed on the legal calendar (suspensions and extensions included); each case once; attributed to the case's unit",
    },
    decimals: 0,
    drill: overdueRows,
  },
  {
    id: id("file_reviews"),
    module: MODULE,
    unit: CASES,
    label: { zh: "评查案卷数", en: "Case files reviewed" },
    definition: {
      zh: "年度内完成评分的执法案卷（按被评查单位归属）",
      en: "Enforcement case files scored in the year (attributed to the reviewed body)",
    },
    basis: {
      zh: "评查按评分日期计入所属期间；单位筛选指被评查单位",
      en: "a review counts in the period it was scored in; the unit filter is the reviewed body",
    },
    decimals: 0,
    drill: async (q) =>
      (await reviewRows(q)).map((r) => ({ ...r, value: 1, extra: { ...r.extra, score: r.value } })),
  },
  {
    id: id("file_review_score"),
    module: MODULE,
    unit: POINTS,
    label: { zh: "案卷评查平均得分", en: "Average case-file review score" },
    definition: {
      zh: "年度内评查案卷的平均得分（满分100），可按被评查单位",
      en: "Average score of the case files reviewed in the year (out of 100), per reviewed body with the unit filter",
    },
    basis: {
      zh: "评查按评分日期计入所属期间；单位筛选指被评查单位；无评查时为空",
      en: "a review counts in the period it was scored in; the unit filter is the reviewed body; empty when none",
    },
    decimals: 1,
    drill: reviewRows,
    value: async (q) => {
      const rows = await reviewRows(q);
      return rows.length ? rows.reduce((s, r) => s + r.value, 0) / rows.length : null;
    },
  },
];
