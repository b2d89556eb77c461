/**
 * 双随机、一公开 and 双公示 on the public portal (engines/portal):
 *   事前公开 — the random-inspection item list (抽查事项清单) and each task with its frozen
 *              candidate lists, seed commitment, draw and verification (国办发〔2019〕5号;
 *              the draw's inputs are public so that anyone can re-run it);
 *   事后公开 — inspection results (published within 20 working days of the inspection's
 *              end) and the credit records of licensing and penalty decisions (双公示,
 *              国办发〔2020〕49号), while neither withdrawn nor repaired.
 * The fields are the sources' own public fields: a section never widens an allowlist.
 */
import type { PortalSectionDecl } from "../../engines/portal/index.ts";
import { MODULE } from "./common.ts";
import { INSPECTION_CASE, PLAN_CASE } from "./pool.ts";
import { CREDIT_KIND_LABELS, ITEM_KIND_LABELS } from "./registers.ts";

export const portalSections: PortalSectionDecl[] = [
  {
    code: "spot_check_items",
    module: MODULE,
    stage: "before",
    order: 50,
    label: { zh: "随机抽查事项清单", en: "Random-inspection items" },
    intro: {
      zh: "各部门随机抽查的事项、依据、方式和比例。",
      en: "Each department's random-inspection items, basis, method and ratio.",
    },
    source: { register: "spot_check_item" },
    title: "item",
    list: ["unitCode", "kind", "ratio"],
    body: { field: "unitCode", by: "unitCode" },
    values: { kind: ITEM_KIND_LABELS },
  },
  {
    code: "spot_checks",
    module: MODULE,
    stage: "before",
    order: 60,
    label: { zh: "双随机抽查任务", en: "Random inspection tasks" },
    intro: {
      zh: "抽查任务冻结的候选名单摘要、种子承诺值、抽取结果及任何人可复核的核验结果。",
      en: "Each task's frozen candidate lists, seed commitment, draw and verification.",
    },
    source: { caseType: PLAN_CASE },
    title: "title",
    list: ["inspection", "drawnOn"],
    body: { field: "departments", by: "unit" },
  },
  {
    code: "spot_check_results",
    module: MODULE,
    stage: "after",
    order: 50,
    label: { zh: "随机抽查结果", en: "Random inspection results" },
    intro: {
      zh: "随机抽查的检查对象和检查结果，于检查完成后二十个工作日内公开。",
      en: "Objects inspected and findings, published within 20 working days.",
    },
    source: { caseType: INSPECTION_CASE },
    title: "objectName",
    list: ["planTitle", "finding", "endedOn"],
    date: "endedOn",
    body: { field: "planTitle", by: "unit" },
  },
  {
    code: "credit_records",
    module: MODULE,
    stage: "after",
    order: 60,
    label: { zh: "行政许可和行政处罚信用信息", en: "Licensing and penalty credit records" },
    intro: {
      zh: "行政许可、行政处罚等信用信息（双公示），撤销或信用修复后不再公示。",
      en: "Licensing and penalty decisions as credit information, until withdrawn or repaired.",
    },
    source: { register: "credit_record" },
    title: "subjectName",
    list: ["kind", "decisionNo", "decisionDate"],
    date: "decisionDate",
    body: { field: "authority", by: "name" },
    values: { kind: CREDIT_KIND_LABELS },
  },
];
