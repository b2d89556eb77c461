/**
 * Leadership and the committee (report 一(一), 一(二)): the law-based governance
 * committee and its coordination groups, the leaders' yearly duty reports (述法) on
 * their first-responsible-person duties (党政主要负责人履行推进法治建设第一责任人职责规定,
 * 中办发〔2016〕71号 art. 8 [R]: 年终述职内容 includes 履行推进法治建设第一责任人职责情况),
 * and the self-assessment (自查评估): the indicator system as data (regulations §8: id,
 * level, parent, text, version, so that versions coexist) and each unit's scores with
 * evidence and the office's review.
 */
import { z } from "zod";
import {
  bool,
  date,
  defineRegister,
  enumOf,
  field,
  list,
  registerFields,
  text,
  year,
} from "../../../engines/register/index.ts";
import type { Label } from "../../../kernel/labels.ts";
import { MODULE, unitCodeShown, zText } from "../common.ts";

export const COMMITTEE_BODY_LABELS = {
  committee: { zh: "区委全面依法治区委员会", en: "Law-based governance committee" },
  legislation_group: { zh: "立法调研协调小组", en: "Legislation coordination group" },
  enforcement_group: { zh: "执法协调小组", en: "Enforcement coordination group" },
  judicial_group: { zh: "司法协调小组", en: "Judicial coordination group" },
  publicity_group: {
    zh: "守法普法协调小组",
    en: "Law-abiding and publicity coordination group",
  },
} as const satisfies Record<string, Label>;

export const COMMITTEE_ROLE_LABELS = {
  head: { zh: "组长", en: "Head" },
  deputy_head: { zh: "副组长", en: "Deputy head" },
  member: { zh: "委员（成员）", en: "Member" },
  member_unit: { zh: "成员单位", en: "Member unit" },
} as const satisfies Record<string, Label>;

const committee = registerFields({
  body: enumOf(COMMITTEE_BODY_LABELS, "机构", "Body", { filter: true }),
  role: enumOf(COMMITTEE_ROLE_LABELS, "职务", "Role", { filter: true }),
  /** A person (head, deputy, member) or, for a member unit, the unit's name. */
  name: text("姓名或单位", "Person or unit", { max: 100 }),
  post: text("现任职务", "Post", { max: 100, optional: true }),
  unitCode: unitCodeShown("单位代码", "Unit code", { optional: true, inList: false }),
  since: date("任职（加入）日期", "Since"),
  until: date("离任（退出）日期", "Until", { optional: true }),
});

export const committeeRegister = defineRegister({
  code: "committee_member",
  label: { zh: "依法治区委员会组成", en: "Committee composition" },
  module: MODULE,
  ...committee,
  uniqueKeys: [{ name: "seat", fields: ["body", "role", "name"] }],
  visibility: "region",
  edit: { permission: "record.write", scope: "region" },
  title: (d) =>
    `${COMMITTEE_BODY_LABELS[d.body]?.zh ?? d.body}${COMMITTEE_ROLE_LABELS[d.role]?.zh ?? d.role}：${d.name}`,
});

export const EVALUATION_LABELS = {
  excellent: { zh: "好", en: "Excellent" },
  good: { zh: "较好", en: "Good" },
  fair: { zh: "一般", en: "Fair" },
  poor: { zh: "差", en: "Poor" },
} as const satisfies Record<string, Label>;

const dutyReport = registerFields({
  year: year("述法年度", "Year", { filter: true }),
  leader: text("述法人", "Leader", { max: 50 }),
  post: text("职务", "Post", { max: 100 }),
  unitCode: unitCodeShown("所在单位", "Unit", { filter: true }),
  reportedOn: date("述法日期", "Reported on"),
  occasion: text("述法场合", "Where reported", { max: 200, inList: false }),
  summary: text("履职情况", "Duties performed", { max: 5000, inList: false }),
  evaluation: enumOf(EVALUATION_LABELS, "评议结果", "Evaluation", {
    optional: true,
    filter: true,
  }),
});

export const dutyReportRegister = defineRegister({
  code: "duty_report",
  label: { zh: "述法", en: "Duty reports" },
  module: MODULE,
  ...dutyReport,
  uniqueKeys: [{ name: "leader_year", fields: ["year", "leader", "unitCode"] }],
  visibility: "region",
  edit: { permission: "record.write", scope: "own_unit" },
  title: (d) => `${d.year}年度述法：${d.leader}（${d.post}）`,
  people: [{ field: "leader", role: "official" }],
});

const assessmentIndicator = registerFields({
  version: text("指标体系版本", "Version", { max: 20, filter: true }),
  no: field(z.number().int().min(1).max(999), "指标序号", "Number", "integer"),
  level: field(z.number().int().min(1).max(3), "指标层级", "Level", "integer", { filter: true }),
  area: text("一级指标", "Area", { max: 100, filter: true }),
  text: text("指标内容", "Indicator", { max: 1000 }),
  evidence: enumOf(
    {
      material: { zh: "材料", en: "Documents" },
      data: { zh: "数据", en: "Data" },
      online: { zh: "网络检索", en: "Online search" },
    },
    "评测方式",
    "How it is evidenced",
  ),
});

export const assessmentIndicatorRegister = defineRegister({
  code: "assessment_indicator",
  label: { zh: "自查评估指标", en: "Self-assessment indicators" },
  module: MODULE,
  ...assessmentIndicator,
  uniqueKeys: [{ name: "version_no", fields: ["version", "no"] }],
  visibility: "region",
  edit: { permission: "record.write", scope: "region" },
  title: (d) => `${d.version}版第${d.no}项：${d.text.slice(0, 40)}`,
});

export const REVIEW_LABELS = {
  pending: { zh: "待审核", en: "Pending" },
  accepted: { zh: "审核通过", en: "Accepted" },
  returned: { zh: "退回补充", en: "Returned" },
} as const satisfies Record<string, Label>;

const selfAssessment = registerFields({
  year: year("评估年度", "Year", { filter: true }),
  version: text("指标体系版本", "Indicator version", { max: 20, inList: false }),
  indicatorNo: field(z.number().int().min(1).max(999), "指标序号", "Indicator number", "integer", {
    filter: true,
  }),
  unitCode: unitCodeShown("自评单位", "Unit", { filter: true }),
  assessedOn: date("自评日期", "Assessed on"),
  met: bool("达标", "Met", { filter: true }),
  score: field(z.number().min(0).max(100), "自评得分", "Score", "number"),
  evidence: list(z.array(zText(500)).max(50).default([]), "佐证材料", "Evidence", {
    inList: false,
  }),
  review: enumOf(REVIEW_LABELS, "依法治区办审核", "Office review", { filter: true }),
});

export const selfAssessmentRegister = defineRegister({
  code: "self_assessment",
  label: { zh: "自查评估得分", en: "Self-assessment scores" },
  module: MODULE,
  ...selfAssessment,
  uniqueKeys: [{ name: "unit_indicator", fields: ["year", "unitCode", "indicatorNo"] }],
  visibility: "region",
  edit: { permission: "record.write", scope: "own_unit" },
  title: (d) => `${d.year}年自查评估 ${d.unitCode} 第${d.indicatorNo}项`,
});
