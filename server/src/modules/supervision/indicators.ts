/**
 * The supervision figures, each from records through the indicator engine: random
 * inspection tasks and draws, objects drawn and coverage of the directory, results
 * published on time, findings transferred to enforcement cases; credit records by kind
 * (seed 一(三)5: 归集信用数据9万余条), list entries and repairs.
 */
import {
  countCases,
  countEvents,
  countRegister,
  type IndicatorDecl,
  ratio,
} from "../../engines/indicator/index.ts";
import type { Label } from "../../kernel/labels.ts";
import { MODULE } from "./common.ts";
import { INSPECTION_CASE, PLAN_CASE } from "./pool.ts";
import { CREDIT_KIND_LABELS, creditRegister, objectRegister } from "./registers.ts";

const TASKS: Label = { zh: "项", en: "tasks" };
const OBJECTS: Label = { zh: "户", en: "objects" };
const RECORDS: Label = { zh: "条", en: "records" };
const CASES: Label = { zh: "件", en: "cases" };
const PERCENT: Label = { zh: "%", en: "%" };

const d = (zh: string, en: string): Label => ({ zh, en });

export const indicators: IndicatorDecl[] = [
  {
    id: "spot_check_tasks",
    module: MODULE,
    unit: TASKS,
    label: d("双随机抽查任务数", "Random inspection tasks"),
    definition: d(
      "年度内拟定的双随机抽查任务（不含作废）",
      "Tasks opened in the year, not cancelled",
    ),
    ...countCases({ caseType: PLAN_CASE, by: "opened", states: ["draft", "frozen", "drawn"] }),
  },
  {
    id: "spot_check_draws",
    module: MODULE,
    unit: TASKS,
    label: d("完成随机抽取的任务数", "Draws made"),
    definition: d("年度内揭示种子并完成抽取的任务", "Tasks whose draw was made in the year"),
    ...countEvents({ caseType: PLAN_CASE, action: "draw" }),
  },
  {
    id: "spot_check_objects_drawn",
    module: MODULE,
    unit: OBJECTS,
    label: d("抽中检查对象数", "Objects drawn"),
    definition: d(
      "年度内抽取产生的对象检查（每个抽中对象一件）",
      "Inspections opened by the year's draws",
    ),
    ...countCases({ caseType: INSPECTION_CASE, by: "opened" }),
  },
  {
    id: "spot_check_directory",
    module: MODULE,
    unit: OBJECTS,
    label: d("检查对象名录库对象数", "Objects in the directory"),
    definition: d("检查对象名录库中的全部对象", "Every object of the inspection-object directory"),
    ...countRegister({ register: objectRegister.code, stock: true }),
  },
  {
    id: "spot_check_coverage",
    module: MODULE,
    unit: PERCENT,
    label: d("双随机抽查覆盖率", "Coverage of the directory"),
    definition: d(
      "抽中检查对象数占名录库对象数的比例",
      "Objects drawn as a share of the directory",
    ),
    ...ratio("spot_check_objects_drawn", "spot_check_directory"),
  },
  {
    id: "spot_check_results",
    module: MODULE,
    unit: OBJECTS,
    label: d("录入检查结果的对象数", "Results recorded"),
    definition: d("年度内录入检查结果的抽查", "Inspections whose result was recorded in the year"),
    ...countEvents({ caseType: INSPECTION_CASE, action: "record_result" }),
  },
  {
    id: "spot_check_results_on_time",
    module: MODULE,
    unit: OBJECTS,
    label: d("按时公示检查结果数", "Results published on time"),
    definition: d(
      "年度内录入结果、在检查结束之日起20个工作日内（设置）公示的抽查",
      "Results recorded in the year and published within 20 working days of the inspection's end (setting)",
    ),
    ...countEvents({
      caseType: INSPECTION_CASE,
      action: "record_result",
      caseWhere: { publishedOnTime: true },
    }),
  },
  {
    id: "spot_check_on_time_rate",
    module: MODULE,
    unit: PERCENT,
    label: d("检查结果按时公示率", "Results published on time (rate)"),
    definition: d(
      "按时公示的检查结果占录入结果的比例",
      "Share of recorded results published on time",
    ),
    ...ratio("spot_check_results_on_time", "spot_check_results"),
  },
  {
    id: "spot_check_transferred",
    module: MODULE,
    unit: CASES,
    label: d("移交立案查处数", "Findings transferred to enforcement cases"),
    definition: d(
      "年度内检查结果为“移交立案查处”的抽查（各开立一件关联的行政检查）",
      "Inspections whose finding, recorded in the year, was a transfer (each opens a linked enforcement case)",
    ),
    ...countEvents({
      caseType: INSPECTION_CASE,
      action: "record_result",
      caseWhere: { finding: "transferred" },
    }),
  },
  {
    id: "credit_records",
    module: MODULE,
    unit: RECORDS,
    label: d("归集信用记录数", "Credit records collected"),
    definition: d(
      "截至期末归集的信用记录（决定日期不晚于期末，含已撤回、已修复的记录）",
      "Credit records collected by the end of the period (decision on or before it; withdrawn and repaired ones included)",
    ),
    ...countRegister({ register: creditRegister.code, stock: { validFrom: "decisionDate" } }),
  },
  ...(Object.keys(CREDIT_KIND_LABELS) as (keyof typeof CREDIT_KIND_LABELS)[]).map(
    (kind): IndicatorDecl => ({
      id: `credit_records_${kind}`,
      module: MODULE,
      unit: RECORDS,
      label: d(
        `信用记录数：${CREDIT_KIND_LABELS[kind].zh}`,
        `Credit records: ${CREDIT_KIND_LABELS[kind].en}`,
      ),
      definition: d(
        `截至期末归集的${CREDIT_KIND_LABELS[kind].zh}`,
        `${CREDIT_KIND_LABELS[kind].en} records collected by the end of the period`,
      ),
      ...countRegister({
        register: creditRegister.code,
        stock: { validFrom: "decisionDate" },
        where: { kind },
      }),
    }),
  ),
  {
    id: "credit_black_listed",
    module: MODULE,
    unit: OBJECTS,
    label: d("列入严重失信主体名单数", "Subjects black-listed"),
    definition: d("年度内列入严重失信主体名单的主体", "Subjects black-listed in the year"),
    ...countEvents({ caseType: "credit_listing", action: "list", caseWhere: { list: "black" } }),
  },
  {
    id: "credit_red_listed",
    module: MODULE,
    unit: OBJECTS,
    label: d("列入守信激励名单数", "Subjects red-listed"),
    definition: d("年度内列入守信激励（红名单）的主体", "Subjects red-listed in the year"),
    ...countEvents({ caseType: "credit_listing", action: "list", caseWhere: { list: "red" } }),
  },
  {
    id: "credit_repairs",
    module: MODULE,
    unit: RECORDS,
    label: d("信用修复数", "Credit repairs"),
    definition: d("年度内决定修复的信用记录", "Credit records repaired in the year"),
    ...countEvents({ caseType: "credit_repair", action: "approve" }),
  },
];
