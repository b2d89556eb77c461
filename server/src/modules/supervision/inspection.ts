/**
 * 抽查检查 (the inspection of one drawn object), opened by the draw (never by hand):
 * assigned ─record_result→ inspected ─publish→ published.
 * - The finding: no problem / a problem found and corrected / transferred to an
 *   enforcement case — the transfer opens that case (a 行政检查 of kind 双随机抽查 in the
 *   enforcement module, from which the unit files its penalty case), linked `opened_from`.
 * - Results are published within 20 working days of the inspection's end (企业信息公示
 *   暂行条例 第六条; setting): a clock from the end day to publication, on the warning
 *   list when due soon and overdue.
 */
import { z } from "zod";
import type { CaseTypeDecl } from "../../engines/case/index.ts";
import { t } from "../../kernel/errors.ts";
import { addPeriod, compareLocalDate, type LocalDate } from "../../kernel/time/index.ts";
import { L, labelledEnum, MODULE, zDate, zRisk } from "./common.ts";
import { INSPECTION_CASE } from "./pool.ts";
import { S_RESULT_DAYS } from "./settings.ts";

export const ENFORCEMENT_INSPECTION = "administrative_inspection";

export const FINDING_LABELS = {
  no_problem: { zh: "未发现问题", en: "No problem found" },
  corrected: { zh: "发现问题已责令整改", en: "Problem found and corrected" },
  transferred: { zh: "移交立案查处", en: "Transferred to an enforcement case" },
} as const;

export const InspectionFields = z.object({
  planTitle: L(z.string().max(200), "抽查任务", "Task"),
  uscc: L(z.string(), "统一社会信用代码", "Credit code"),
  objectName: L(z.string().max(200), "检查对象", "Object"),
  address: L(z.string().max(300), "住所", "Address"),
  risk: zRisk,
  inspectors: L(z.array(z.string()).min(2), "检查人员（执法证号）", "Inspectors"),
  items: L(z.array(z.string()), "抽查事项", "Items"),
  inspectionDate: L(zDate, "检查开始日期", "Inspection starts"),
  inspectionEnd: L(zDate, "检查结束日期", "Inspection ends"),
});

export interface InspectionCase extends z.infer<typeof InspectionFields> {
  finding?: keyof typeof FINDING_LABELS;
  endedOn?: string;
  summary?: string;
  publishedOn?: string;
  publishedOnTime?: boolean;
}

export const inspectionCaseType: CaseTypeDecl<InspectionCase> = {
  code: INSPECTION_CASE,
  label: { zh: "双随机抽查检查", en: "Random inspection of an object" },
  module: MODULE,
  fields: InspectionFields,
  openedBy: "step",
  title: (f) => `${f.planTitle}：${f.objectName}`,
  states: {
    assigned: { label: { zh: "待检查", en: "To inspect" } },
    inspected: { label: { zh: "已检查待公示", en: "Inspected, to publish" } },
    published: { label: { zh: "结果已公示", en: "Result published" }, terminal: true },
  },
  initial: "assigned",
  stepFields: ["finding", "endedOn", "summary", "publishedOn", "publishedOnTime"],
  transitions: [
    {
      action: "record_result",
      label: { zh: "录入检查结果", en: "Record the result" },
      from: ["assigned"],
      to: "inspected",
      input: z.object({
        endedOn: L(zDate, "检查结束日期", "Inspection ended on"),
        finding: labelledEnum(FINDING_LABELS, "检查结果", "Finding"),
        summary: L(z.string().trim().min(1, "required").max(2000), "检查情况", "Summary"),
      }),
      setsFields: ["endedOn", "finding", "summary"],
      guards: [
        (ctx) =>
          compareLocalDate(ctx.input.endedOn as LocalDate, ctx.onDate) > 0 ||
          compareLocalDate(
            ctx.input.endedOn as LocalDate,
            ctx.case.fields.inspectionDate as LocalDate,
          ) < 0
            ? {
                field: "endedOn",
                message: t(
                  `检查结束日期应在 ${ctx.case.fields.inspectionDate} 至 ${ctx.onDate} 之间`,
                  `between ${ctx.case.fields.inspectionDate} and ${ctx.onDate}`,
                ),
              }
            : undefined,
      ],
      effect: async (ctx) => {
        if (ctx.next.fields.finding !== "transferred") return;
        const f = ctx.next.fields;
        await ctx.openCase(ENFORCEMENT_INSPECTION, {
          fields: {
            party: { kind: "legal_person", name: f.objectName, uscc: f.uscc, address: f.address },
            category: "market_regulation",
            kind: "random",
            matter: `双随机抽查发现问题移交立案查处：${f.planTitle}`,
            legalBasis: "国发〔2019〕5号；《优化营商环境条例》第五十四条",
          },
          link: "opened_from",
        });
      },
    },
    {
      action: "publish",
      label: { zh: "公示检查结果", en: "Publish the result" },
      from: ["inspected"],
      to: "published",
      reads: { settings: [S_RESULT_DAYS] },
      derive: (ctx) => {
        const ended = ctx.case.fields.endedOn as LocalDate;
        const n = ctx.settings<number>(S_RESULT_DAYS);
        const due = addPeriod(ctx.calendar, ended, { n, unit: "working_day" }).due;
        return { publishedOn: ctx.onDate, publishedOnTime: compareLocalDate(ctx.onDate, due) <= 0 };
      },
    },
  ],
  clocks: [
    {
      code: "result_publication",
      label: { zh: "抽查结果公示期限", en: "Publish the result" },
      period: (_c, settings) => ({ n: settings<number>(S_RESULT_DAYS), unit: "working_day" }),
      legalBasis: "企业信息公示暂行条例 第六条（20个工作日内公示）；国发〔2019〕5号",
      startOn: { action: "record_result", dateFrom: "input.endedOn" },
      stopOn: [{ action: "publish" }],
    },
  ],
  reads: { settings: [S_RESULT_DAYS] },
  links: ["part_of", "opened_from"],
  public: (c) => ({
    planTitle: c.fields.planTitle,
    objectName: c.fields.objectName,
    uscc: c.fields.uscc,
    items: c.fields.items.join("、"),
    endedOn: c.fields.endedOn,
    finding: c.fields.finding ? FINDING_LABELS[c.fields.finding].zh : undefined,
  }),
  publicStates: ["published"],
  // Every published result is shown: the portal pages in SQL.
  publicFilter: (eb) => eb.lit(true),
  publicLabels: {
    planTitle: { zh: "抽查任务", en: "Task" },
    objectName: { zh: "检查对象", en: "Object" },
    uscc: { zh: "统一社会信用代码", en: "Credit code" },
    items: { zh: "抽查事项", en: "Items" },
    endedOn: { zh: "检查完成日期", en: "Inspected on" },
    finding: { zh: "检查结果", en: "Finding" },
  },
};
