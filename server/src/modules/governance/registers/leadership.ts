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
import { defineRegister } from "../../../engines/register/index.ts";
import type { Label } from "../../../kernel/labels.ts";
import { L, labelledEnum, MODULE, zDate, zText, zUnitCode } from "../common.ts";

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

export const committeeSchema = z.object({
  body: labelledEnum(COMMITTEE_BODY_LABELS, "机构", "Body"),
  role: labelledEnum(COMMITTEE_ROLE_LABELS, "职务", "Role"),
  /** A person (head, deputy, member) or, for a member unit, the unit's name. */
  name: L(zText(100), "姓名或单位", "Person or unit"),
  post: L(z.string().trim().max(100).optional(), "现任职务", "Post"),
  unitCode: L(zUnitCode.optional(), "单位代码", "Unit code"),
  since: L(zDate, "任职（加入）日期", "Since"),
  until: L(zDate.optional(), "离任（退出）日期", "Until"),
});

export const committeeRegister = defineRegister({
  code: "committee_member",
  label: { zh: "依法治区委员会组成", en: "Committee composition" },
  module: MODULE,
  schema: committeeSchema,
  columns: [
    { field: "body", kind: "enum", filter: true },
    { field: "role", kind: "enum", filter: true },
    { field: "name", kind: "text" },
    { field: "post", kind: "text" },
    { field: "unitCode", kind: "text", inList: false },
    { field: "since", kind: "date" },
    { field: "until", kind: "date" },
  ],
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

export const dutyReportSchema = z.object({
  year: L(z.number().int().min(2000).max(2100), "述法年度", "Year"),
  leader: L(zText(50), "述法人", "Leader"),
  post: L(zText(100), "职务", "Post"),
  unitCode: L(zUnitCode, "所在单位", "Unit"),
  reportedOn: L(zDate, "述法日期", "Reported on"),
  occasion: L(zText(200), "述法场合", "Where reported"),
  summary: L(zText(5000), "履职情况", "Duties performed"),
  evaluation: labelledEnum(EVALUATION_LABELS, "评议结果", "Evaluation").optional(),
});

export const dutyReportRegister = defineRegister({
  code: "duty_report",
  label: { zh: "述法", en: "Duty reports" },
  module: MODULE,
  schema: dutyReportSchema,
  columns: [
    { field: "year", kind: "integer", filter: true },
    { field: "leader", kind: "text" },
    { field: "post", kind: "text" },
    { field: "unitCode", kind: "text", filter: true },
    { field: "reportedOn", kind: "date" },
    { field: "occasion", kind: "text", inList: false },
    { field: "summary", kind: "text", inList: false },
    { field: "evaluation", kind: "enum", filter: true },
  ],
  uniqueKeys: [{ name: "leader_year", fields: ["year", "leader", "unitCode"] }],
  visibility: "region",
  edit: { permission: "record.write", scope: "own_unit" },
  title: (d) => `${d.year}年度述法：${d.leader}（${d.post}）`,
  people: [{ field: "leader", role: "official" }],
});

export const assessmentIndicatorSchema = z.object({
  version: L(zText(20), "指标体系版本", "Version"),
  no: L(z.number().int().min(1).max(999), "指标序号", "Number"),
  level: L(z.number().int().min(1).max(3), "指标层级", "Level"),
  area: L(zText(100), "一级指标", "Area"),
  text: L(zText(1000), "指标内容", "Indicator"),
  evidence: labelledEnum(
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
  schema: assessmentIndicatorSchema,
  columns: [
    { field: "version", kind: "text", filter: true },
    { field: "no", kind: "integer" },
    { field: "level", kind: "integer", filter: true },
    { field: "area", kind: "text", filter: true },
    { field: "text", kind: "text" },
    { field: "evidence", kind: "enum" },
  ],
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

export const selfAssessmentSchema = z.object({
  year: L(z.number().int().min(2000).max(2100), "评估年度", "Year"),
  version: L(zText(20), "指标体系版本", "Indicator version"),
  indicatorNo: L(z.number().int().min(1).max(999), "指标序号", "Indicator number"),
  unitCode: L(zUnitCode, "自评单位", "Unit"),
  assessedOn: L(zDate, "自评日期", "Assessed on"),
  met: L(z.boolean(), "达标", "Met"),
  score: L(z.number().min(0).max(100), "自评得分", "Score"),
  evidence: L(z.array(zText(500)).max(50).default([]), "佐证材料", "Evidence"),
  review: labelledEnum(REVIEW_LABELS, "依法治区办审核", "Office review"),
});

export const selfAssessmentRegister = defineRegister({
  code: "self_assessment",
  label: { zh: "自查评估得分", en: "Self-assessment scores" },
  module: MODULE,
  schema: selfAssessmentSchema,
  columns: [
    { field: "year", kind: "integer", filter: true },
    { field: "version", kind: "text", inList: false },
    { field: "indicatorNo", kind: "integer", filter: true },
    { field: "unitCode", kind: "text", filter: true },
    { field: "assessedOn", kind: "date" },
    { field: "met", kind: "boolean", filter: true },
    { field: "score", kind: "number" },
    { field: "evidence", kind: "list", inList: false },
    { field: "review", kind: "enum", filter: true },
  ],
  uniqueKeys: [{ name: "unit_indicator", fields: ["year", "unitCode", "indicatorNo"] }],
  visibility: "region",
  edit: { permission: "record.write", scope: "own_unit" },
  title: (d) => `${d.year}年自查评估 ${d.unitCode} 第${d.indicatorNo}项`,
});
