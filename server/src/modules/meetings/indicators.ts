/**
 * The meetings of report 一(一): meetings of the deciding bodies that took up the rule of
 * law — a rule-of-law item on the agenda or something studied before it (会前学法) —
 * counted from the meetings register by their date, with drill-down to each meeting.
 */
import { type SqlBool, sql } from "kysely";
import type { IndicatorDecl, JsonAccess } from "../../engines/indicator/index.ts";
import { countRegister } from "../../engines/indicator/index.ts";

const MEETINGS = { zh: "次", en: "meetings" };

const ruleOfLaw = (_eb: unknown, d: JsonAccess) =>
  sql<SqlBool>`(coalesce(jsonb_array_length(case when jsonb_typeof(register_entry.data -> 'studied') = 'array'
      then register_entry.data -> 'studied' end), 0) > 0 or ${d.contains({ items: [{ ruleOfLaw: true }] })})`;

const studiedLaw = (_eb: unknown, d: JsonAccess) =>
  sql<SqlBool>`(${d.contains({ studied: [{ kind: "law" }] })} or ${d.contains({ studied: [{ kind: "regulation" }] })})`;

export const MEETING_INDICATORS: IndicatorDecl[] = [
  {
    id: "meetings_rule_of_law",
    module: "meetings",
    unit: MEETINGS,
    label: { zh: "研究法治建设或会前学法的会议", en: "Meetings on the rule of law" },
    definition: {
      zh: "会议日期在期间内、有法治建设议题或开展会前学法的会议（同一会议只计一次）",
      en: "Meetings dated in the period with a rule-of-law item or something studied before the agenda (each meeting once)",
    },
    ...countRegister({ register: "meeting", on: "date", filter: ruleOfLaw }),
  },
  {
    id: "meetings_rule_of_law_joint",
    module: "meetings",
    unit: MEETINGS,
    label: { zh: "其中：联席会议", en: "Of which joint meetings" },
    definition: {
      zh: "上述会议中由两个以上议事机构联合召开的",
      en: "Of those, meetings held jointly by two or more bodies",
    },
    ...countRegister({
      register: "meeting",
      on: "date",
      where: { body: "joint" },
      filter: ruleOfLaw,
    }),
  },
  {
    id: "meetings_studied_law",
    module: "meetings",
    unit: MEETINGS,
    label: { zh: "会前学习法律法规的会议", en: "Meetings that studied a law first" },
    definition: {
      zh: "会议日期在期间内、会前学习了法律、法规或规章的会议（学习讲话精神的不计）",
      en: "Meetings dated in the period that studied a law, regulation or rule before the agenda (a speech does not count)",
    },
    ...countRegister({ register: "meeting", on: "date", filter: studiedLaw }),
  },
];
