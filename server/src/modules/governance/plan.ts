/**
 * The annual work plan (工作要点) and its inspection (督导督查), report 一(二).
 *
 * - `plan_task`: one task of the year's plan (the seed: 21 tasks of 《2020年全区法治政府
 *   建设工作要点》), owned by its lead unit, with supporting units, the plan's deadline,
 *   progress reports and completion with evidence. The deadline is a clock: due soon and
 *   overdue on the warning list until the task is completed.
 * - `governance_inspection`: an inspection by the rule-of-law office covering units and
 *   tasks (the seed: 26 townships and streets, 50+ departments, 65 inspection tasks).
 *   Each finding (`record_finding`) opens a `rectification` case for the inspected unit,
 *   linked to the inspection, with its deadline.
 * - `rectification` (整改): owned by the inspected unit, on the warning list (overdue
 *   once its deadline passes) until it is closed with evidence.
 *
 * The deadlines are the plan's and the inspection's own, not statutory periods: the
 * basis named is the document that sets them (法治政府建设与责任落实督察工作规定 arts. 9,
 * 25 on inspection and rectification [R]: article numbers not checked against the text, which is not in the law library; regulations §8).
 */
import { z } from "zod";
import type { CaseTypeDecl, CaseView } from "../../engines/case/index.ts";
import type { Basis } from "../../kernel/citation.ts";
import { t, ValidationError } from "../../kernel/errors.ts";
import type { Label } from "../../kernel/labels.ts";
import { diffDays, type LocalDate } from "../../kernel/time/index.ts";
import { L, labelledEnum, MODULE, zDate, zText, zUnitCode } from "./common.ts";

export const PLAN_TASK_TYPE = "plan_task";
export const INSPECTION_TYPE = "governance_inspection";
export const RECTIFICATION_TYPE = "rectification";

const PLAN_BASIS: Basis = {
  cites: [{ law: "法治政府建设与责任落实督察工作规定", article: 9 }],
  note: "工作要点 (the year's plan sets each task's deadline); 法治政府建设与责任落实督察工作规定 art. 9 [R]",
};
const RECTIFY_BASIS: Basis = {
  cites: [{ law: "法治政府建设与责任落实督察工作规定", article: 25 }],
  note: "法治政府建设与责任落实督察工作规定 art. 25 [R] (督察发现的问题，责令限期整改); the inspection sets the deadline",
};

/** The days from the opening to a deadline field, as a calendar-day period. */
function untilDeadline<F extends { deadline: string }>(c: CaseView<F>) {
  const n = diffDays(c.openedOn, c.fields.deadline as LocalDate);
  return n > 0 ? { n, unit: "calendar_day" as const } : undefined;
}

const evidence = L(
  z.array(zText(500)).min(1, "required").max(50),
  "完成佐证材料",
  "Evidence of completion",
);

// ────────────────────────────────────────────────────────────────────── plan tasks

export const PlanTaskFields = z.object({
  plan: L(zText(200), "工作要点", "Work plan"),
  taskNo: L(z.number().int().min(1).max(999), "任务序号", "Task number"),
  task: L(zText(1000), "工作任务", "Task"),
  leadUnit: L(zUnitCode, "牵头单位", "Lead unit"),
  supportingUnits: L(z.array(zUnitCode).max(50).default([]), "配合单位", "Supporting units"),
  deadline: L(zDate, "完成时限", "Deadline"),
});
export type PlanTaskData = z.infer<typeof PlanTaskFields> & {
  completedOn?: string;
  progress?: number;
};

export const planTaskCaseType: CaseTypeDecl<PlanTaskData> = {
  code: PLAN_TASK_TYPE,
  label: { zh: "工作要点任务", en: "Plan task" },
  module: MODULE,
  fields: PlanTaskFields,
  title: (f) => `${f.plan}第${f.taskNo}项：${f.task.slice(0, 40)}`,
  states: {
    assigned: { label: { zh: "已部署", en: "Assigned" } },
    in_progress: { label: { zh: "推进中", en: "In progress" } },
    completed: { label: { zh: "已完成", en: "Completed" }, terminal: true },
  },
  initial: "assigned",
  transitions: [
    {
      action: "report_progress",
      label: { zh: "报送进展", en: "Progress report" },
      from: ["assigned", "in_progress"],
      to: "in_progress",
      input: z.object({
        progress: L(z.number().int().min(0).max(99), "完成进度（%）", "Progress (%)"),
        report: L(zText(5000), "进展情况", "Report"),
      }),
      setsFields: ["progress"],
    },
    {
      action: "complete",
      label: { zh: "完成", en: "Complete" },
      from: ["assigned", "in_progress"],
      to: "completed",
      input: z.object({ summary: L(zText(5000), "完成情况", "Summary"), evidence }),
      derive: (ctx) => ({ completedOn: ctx.onDate, progress: 100 }),
    },
  ],
  stepFields: ["completedOn"],
  derived: z.object({ completedOn: L(zDate, "完成日期", "Completed on") }),
  clocks: [
    {
      code: "deadline",
      label: { zh: "完成时限", en: "Deadline" },
      period: untilDeadline,
      legalBasis: PLAN_BASIS,
      startOn: { action: "create" },
      stopOn: [{ action: "complete" }],
      dueSoon: { n: 10, unit: "working_day" },
    },
  ],
  participantRoles: { supporting: { zh: "配合单位", en: "Supporting unit" } },
  links: ["part_of"],
  search: { fields: ["task", "plan"] },
};

// ────────────────────────────────────────────────────────────────────── inspections

export const INSPECTION_TASK_RESULT_LABELS = {
  done: { zh: "已落实", en: "Done" },
  basically_done: { zh: "基本落实", en: "Basically done" },
  not_done: { zh: "未落实", en: "Not done" },
} as const satisfies Record<string, Label>;

const inspectionTasks = (result: z.ZodType) =>
  L(
    z
      .array(z.object({ task: L(zText(500), "督查任务", "Inspection task"), result }))
      .max(500)
      .default([]),
    "督查任务",
    "Inspection tasks",
  );
const taskResult = labelledEnum(INSPECTION_TASK_RESULT_LABELS, "落实情况", "Result");

export const InspectionFields = z.object({
  title: L(zText(200), "督查名称", "Inspection"),
  units: L(z.array(zUnitCode).min(1).max(500), "督查单位", "Units inspected"),
  /** The tasks checked; each gets its result when the inspection concludes. */
  tasks: inspectionTasks(taskResult.optional()),
});
export type InspectionData = z.infer<typeof InspectionFields>;

const findingInput = z.object({
  unitCode: L(zUnitCode, "被督查单位", "Unit inspected"),
  finding: L(zText(2000), "发现问题", "Finding"),
  requirement: L(zText(2000), "整改要求", "What to rectify"),
  deadline: L(zDate, "整改时限", "Rectify by"),
});

export const inspectionCaseType: CaseTypeDecl<InspectionData> = {
  code: INSPECTION_TYPE,
  label: { zh: "督导督查", en: "Inspection" },
  module: MODULE,
  fields: InspectionFields,
  title: (f) => f.title,
  states: {
    inspecting: { label: { zh: "督查中", en: "Inspecting" } },
    concluded: { label: { zh: "已结束", en: "Concluded" }, terminal: true },
  },
  initial: "inspecting",
  transitions: [
    {
      action: "record_finding",
      label: { zh: "反馈问题（交办整改）", en: "Finding (rectification ordered)" },
      from: ["inspecting"],
      to: "inspecting",
      input: findingInput,
      guards: [
        (ctx) =>
          (ctx.case.fields.units as string[]).includes(String(ctx.input.unitCode))
            ? undefined
            : {
                field: "unitCode",
                message: t("该单位不在本次督查范围内", "the unit is not among those inspected"),
              },
      ],
      effect: async (ctx) => {
        const unit = await ctx.w.trx
          .selectFrom("unit")
          .select("id")
          .where("region_code", "=", ctx.case.regionCode)
          .where("code", "=", String(ctx.input.unitCode))
          .executeTakeFirst();
        if (!unit) {
          throw new ValidationError(t("机构名录中没有该单位", "no such unit in the directory"), [
            { field: "unitCode", message: t("机构名录中没有该单位", "no such unit") },
          ]);
        }
        await ctx.openCase(RECTIFICATION_TYPE, {
          unitId: unit.id,
          link: "opened_from",
          fields: {
            inspection: ctx.case.fields.title,
            finding: ctx.input.finding,
            requirement: ctx.input.requirement,
            deadline: ctx.input.deadline,
          },
        });
      },
    },
    {
      action: "conclude",
      label: { zh: "结束督查", en: "Conclude" },
      from: ["inspecting"],
      to: "concluded",
      input: z.object({
        summary: L(zText(5000), "督查情况", "Summary"),
        tasks: inspectionTasks(taskResult),
      }),
      setsFields: ["tasks"],
    },
  ],
  revisableFields: ["tasks"],
  links: ["opened_from"],
  search: { fields: ["title", "tasks"] },
};

// ─────────────────────────────────────────────────────────────────── rectification

export const RectificationFields = z.object({
  inspection: L(zText(200), "督查名称", "Inspection"),
  finding: L(zText(2000), "发现问题", "Finding"),
  requirement: L(zText(2000), "整改要求", "What to rectify"),
  deadline: L(zDate, "整改时限", "Rectify by"),
});
export type RectificationData = z.infer<typeof RectificationFields> & { rectifiedOn?: string };

export const rectificationCaseType: CaseTypeDecl<RectificationData> = {
  code: RECTIFICATION_TYPE,
  label: { zh: "督查整改", en: "Rectification" },
  module: MODULE,
  fields: RectificationFields,
  title: (f) => `整改：${f.finding.slice(0, 40)}`,
  states: {
    rectifying: { label: { zh: "整改中", en: "Rectifying" } },
    rectified: { label: { zh: "已整改", en: "Rectified" }, terminal: true },
  },
  initial: "rectifying",
  transitions: [
    {
      action: "close_with_evidence",
      label: { zh: "整改完成", en: "Rectified, with evidence" },
      from: ["rectifying"],
      to: "rectified",
      input: z.object({
        summary: L(zText(5000), "整改情况", "What was done"),
        evidence: L(z.array(zText(500)).min(1, "required").max(50), "整改佐证材料", "Evidence"),
      }),
      derive: (ctx) => ({ rectifiedOn: ctx.onDate }),
    },
  ],
  search: { fields: ["inspection", "finding", "requirement"] },
  stepFields: ["rectifiedOn"],
  derived: z.object({ rectifiedOn: L(zDate, "整改完成日期", "Rectified on") }),
  clocks: [
    {
      code: "rectification",
      label: { zh: "整改时限", en: "Time to rectify" },
      period: untilDeadline,
      legalBasis: RECTIFY_BASIS,
      startOn: { action: "create" },
      stopOn: [{ action: "close_with_evidence" }],
    },
  ],
  links: ["opened_from"],
};
