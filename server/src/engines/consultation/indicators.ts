import { sql } from "kysely";
import type { DrillRow, IndicatorDecl, IndicatorQuery } from "../indicator/declare.ts";

type Spec = Required<Pick<IndicatorDecl, "drill" | "basis" | "decimals">> &
  Pick<IndicatorDecl, "value" | "reads">;

/**
 * Public comments of the drafts of some case types, counted from the comments themselves:
 * received (submitted in the period; hidden ones too — every comment counts) or answered
 * (an answer published, counted in the period the comment was submitted). Drill-down: one
 * row per comment, pointing at its case.
 */
export function countComments(s: {
  caseType: string | readonly string[];
  answered?: boolean;
}): Spec {
  const types = typeof s.caseType === "string" ? [s.caseType] : [...s.caseType];
  const rows = (q: IndicatorQuery) =>
    sql<{
      region_code: string;
      id: number;
      case_id: number;
      case_type: string;
      title: string;
      unit_id: number;
      submitted_on: string;
    }>`
      select c.region_code, c.id::int as id, k.case_id::int as case_id, k.case_type, k.title,
             k.unit_id::int as unit_id, c.submitted_on::text as submitted_on
        from consultation_comment c
        join consultation k on k.region_code = c.region_code and k.id = c.consultation_id
       where c.region_code = any(${q.regions}::text[])
         and k.case_type = any(${types}::text[])
         and c.submitted_on between ${q.from}::date and ${q.to}::date
         ${q.unitId ? sql`and k.unit_id = ${q.unitId}` : sql``}
         ${s.answered ? sql`and c.answer_published` : sql``}
       order by c.region_code, c.id`.execute(q.db);
  return {
    reads: { caseTypes: types },
    basis: {
      zh: `公开征求意见收到的意见按提交日期计入所属期间${s.answered ? "，已公布答复的" : "（含被屏蔽的意见）"}`,
      en: `public comments count in the period they were submitted in${s.answered ? ", those whose answer is published" : " (hidden ones too)"}`,
    },
    decimals: 0,
    value: async (q) => (await rows(q)).rows.length,
    drill: async (q): Promise<DrillRow[]> =>
      (await rows(q)).rows.map((r) => ({
        kind: "case",
        regionCode: r.region_code,
        id: r.case_id,
        type: r.case_type,
        title: r.title,
        unitId: r.unit_id,
        value: 1,
        extra: { comment: r.id, submittedOn: r.submitted_on },
      })),
  };
}
