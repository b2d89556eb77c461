/**
 * The figures of report 一(二), 一(三)5–6, 一(八)1, 一(八)3 and 一(九) (seed/figures.md), each
 * counted from individual records with drill-down. The meetings of 一(一) are counted in
 * the meetings module.
 */
import type { IndicatorDecl } from "../../engines/indicator/index.ts";
import {
  countCases,
  countRegister,
  ratio,
  sumCases,
  sumRegister,
} from "../../engines/indicator/index.ts";
import type { Label } from "../../kernel/labels.ts";
import { MODULE } from "./common.ts";
import {
  assessmentIndicatorsMet,
  certificateTrainingFilter,
  inspectedUnits,
  inspectionTasks,
  selfAssessedUnits,
} from "./indicator-queries.ts";
import { MEDIATION_TYPE } from "./mediation.ts";
import { PLAN_TASK_TYPE } from "./plan.ts";
import { AUDIENCE_LABELS, AUDIENCES } from "./registers/publicity.ts";

const u = (zh: string, en: string): Label => ({ zh, en });
const CASES = u("件", "cases");
const PEOPLE = u("人", "people");
const ITEMS = u("项", "items");
const UNITS = u("个", "units");
const EVENTS = u("场", "events");
const TIMES = u("人次", "attendances");
const YUAN = u("元", "yuan");
const PERCENT = u("%", "%");
const HOUSEHOLDS = u("户", "businesses");

type Decl = Omit<IndicatorDecl, "module">;
const d = (x: Decl): IndicatorDecl => ({ module: MODULE, ...x });

const seat = (
  id: string,
  role: string,
  label: Label,
  where: Record<string, string>,
): IndicatorDecl =>
  d({
    id,
    unit: role === "member_unit" ? UNITS : PEOPLE,
    label,
    definition: u(
      `依法治区委员会组成名录中期末在任的${label.zh}`,
      `${label.en}: entries of the committee composition valid at the end of the period`,
    ),
    ...countRegister({
      register: "committee_member",
      stock: { validFrom: "since", validTo: "until" },
      where,
    }),
  });

const mediation = (
  id: string,
  label: Label,
  definition: Label,
  spec: ReturnType<typeof countCases>,
) => d({ id, unit: CASES, label, definition, ...spec });

const MEDIATION_DONE = ["agreed", "performed", "not_performed"];

const publicity: IndicatorDecl[] = AUDIENCES.filter((a) => a !== "other").flatMap((a) => [
  d({
    id: `publicity_events_${a}`,
    unit: EVENTS,
    label: u(`${AUDIENCE_LABELS[a].zh}法治教育场次`, `Publicity events: ${AUDIENCE_LABELS[a].en}`),
    definition: u(
      `受众类别为${AUDIENCE_LABELS[a].zh}的普法活动`,
      `Publicity events for the audience ${AUDIENCE_LABELS[a].en}`,
    ),
    ...countRegister({ register: "publicity_event", on: "heldOn", where: { audience: a } }),
  }),
  d({
    id: `publicity_attendance_${a}`,
    unit: TIMES,
    label: u(
      `${AUDIENCE_LABELS[a].zh}法治教育人次`,
      `Publicity attendance: ${AUDIENCE_LABELS[a].en}`,
    ),
    definition: u(
      `受众类别为${AUDIENCE_LABELS[a].zh}的普法活动参加人次合计`,
      `Attendance of the publicity events for ${AUDIENCE_LABELS[a].en}, summed`,
    ),
    ...sumRegister({
      register: "publicity_event",
      on: "heldOn",
      field: "attendance",
      where: { audience: a },
    }),
    decimals: 0,
  }),
]);

export const INDICATORS: IndicatorDecl[] = [
  // ── 一(二) the committee, the plan, inspection, self-assessment
  seat("committee_heads", "head", u("依法治区委员会组长", "Committee head"), {
    body: "committee",
    role: "head",
  }),
  seat(
    "committee_deputy_heads",
    "deputy_head",
    u("依法治区委员会副组长", "Committee deputy heads"),
    {
      body: "committee",
      role: "deputy_head",
    },
  ),
  seat(
    "committee_member_units",
    "member_unit",
    u("依法治区委员会成员单位", "Committee member units"),
    {
      body: "committee",
      role: "member_unit",
    },
  ),
  d({
    id: "coordination_groups",
    unit: UNITS,
    label: u("依法治区委员会协调小组", "Coordination groups"),
    definition: u(
      "期末有在任组长的协调小组（每个小组一名组长）",
      "Coordination groups with a head in office at the end of the period (one head each)",
    ),
    ...countRegister({
      register: "committee_member",
      stock: { validFrom: "since", validTo: "until" },
      where: {
        role: "head",
        body: ["legislation_group", "enforcement_group", "judicial_group", "publicity_group"],
      },
    }),
  }),
  d({
    id: "plan_tasks",
    unit: ITEMS,
    label: u("法治政府建设工作要点任务", "Work plan tasks"),
    definition: u("年度工作要点部署的工作任务", "Tasks of the year's work plan"),
    ...countCases({ caseType: PLAN_TASK_TYPE, by: "opened" }),
  }),
  d({
    id: "plan_tasks_completed",
    unit: ITEMS,
    label: u("已完成的工作要点任务", "Work plan tasks completed"),
    definition: u("年度工作要点任务中已完成的", "Tasks of the year's work plan completed"),
    ...countCases({ caseType: PLAN_TASK_TYPE, by: "opened", states: ["completed"] }),
  }),
  d({
    id: "inspected_townships",
    unit: UNITS,
    label: u("督导督查的乡镇（街道）", "Townships and streets inspected"),
    definition: u(
      "督导督查覆盖的乡镇人民政府和街道办事处",
      "Townships and streets the inspections covered",
    ),
    ...inspectedUnits("townships"),
  }),
  d({
    id: "inspected_departments",
    unit: UNITS,
    label: u("督导督查的区级部门和单位", "Departments and bodies inspected"),
    definition: u(
      "督导督查覆盖的区政府部门和相关单位",
      "District departments and bodies the inspections covered",
    ),
    ...inspectedUnits("departments"),
  }),
  d({
    id: "inspection_tasks_done",
    unit: ITEMS,
    label: u("基本落实的督查任务", "Inspection tasks basically done"),
    definition: u(
      "已结束的督导督查中落实情况为已落实或基本落实的督查任务",
      "Tasks of the concluded inspections found done or basically done",
    ),
    ...inspectionTasks(["done", "basically_done"]),
  }),
  d({
    id: "self_assessed_units",
    unit: UNITS,
    label: u("开展自查评估的单位", "Units self-assessed"),
    definition: u(
      "自查评估经依法治区办审核通过的单位",
      "Units whose self-assessment the office accepted",
    ),
    ...selfAssessedUnits,
  }),
  d({
    id: "assessment_indicators_met",
    unit: ITEMS,
    label: u("全面落实的评估指标", "Indicators fully met"),
    definition: u(
      "自查评估中各单位均达标的指标",
      "Indicators every unit's accepted self-assessment met",
    ),
    ...assessmentIndicatorsMet,
  }),
  // ── 一(三)5 relief, 一(三)6 social governance
  d({
    id: "relief_job_refund_beneficiaries",
    unit: HOUSEHOLDS,
    label: u("援企稳岗返还中小企业", "SMEs given job-stabilising refunds"),
    definition: u("兑现援企稳岗返还的中小企业", "SMEs given job-stabilising refunds"),
    ...countRegister({
      register: "relief_measure",
      on: "grantedOn",
      where: { measure: "job_stabilising_refund" },
    }),
  }),
  d({
    id: "relief_job_refund_amount",
    unit: YUAN,
    label: u("援企稳岗返还金额", "Job-stabilising refunds"),
    definition: u("兑现的援企稳岗返还金额合计", "Job-stabilising refunds granted, summed"),
    ...sumRegister({
      register: "relief_measure",
      on: "grantedOn",
      field: "amount",
      where: { measure: "job_stabilising_refund" },
    }),
  }),
  d({
    id: "relief_rent_beneficiaries",
    unit: HOUSEHOLDS,
    label: u("减免房租的中小微企业和个体工商户", "Small businesses given rent relief"),
    definition: u(
      "获得房租减免的中小微企业和个体工商户",
      "Small businesses and individual businesses given rent relief",
    ),
    ...countRegister({
      register: "relief_measure",
      on: "grantedOn",
      where: { measure: "rent_relief" },
    }),
  }),
  d({
    id: "relief_rent_amount",
    unit: YUAN,
    label: u("减免房租金额", "Rent relief"),
    definition: u("减免的房租金额合计", "Rent relief granted, summed"),
    ...sumRegister({
      register: "relief_measure",
      on: "grantedOn",
      field: "amount",
      where: { measure: "rent_relief" },
    }),
  }),
  d({
    id: "social_orgs_inspected",
    unit: UNITS,
    label: u("年检社会组织", "Social organisations inspected"),
    definition: u(
      "年检日期在期间内的社会组织年检",
      "Annual inspections of social organisations dated in the period",
    ),
    ...countRegister({ register: "social_org_inspection", on: "inspectedOn" }),
  }),
  d({
    id: "social_orgs_qualified",
    unit: UNITS,
    label: u("年检合格的社会组织", "Social organisations qualified"),
    definition: u("年检结论为合格的社会组织", "Annual inspections with the result qualified"),
    ...countRegister({
      register: "social_org_inspection",
      on: "inspectedOn",
      where: { result: "qualified" },
    }),
  }),
  d({
    id: "social_orgs_pass_rate",
    unit: PERCENT,
    label: u("社会组织年检合格率", "Social organisations' pass rate"),
    definition: u(
      "年检合格的社会组织 ÷ 年检社会组织（报告所载95.2%无法由194的整数个合格数得出，演示数据取最接近的185个，即95.4%）",
      "qualified ÷ inspected (the report's 95.2% cannot come from a whole number of 194; the demo uses the nearest, 185 = 95.4%)",
    ),
    ...ratio("social_orgs_qualified", "social_orgs_inspected"),
  }),
  ...(["basic_public", "social_management"] as const).flatMap((c) => {
    const l =
      c === "basic_public"
        ? u("购买基本公共服务", "Basic public services bought")
        : u("购买社会管理性服务", "Social-management services bought");
    return [
      d({
        id: `service_purchases_${c}`,
        unit: ITEMS,
        label: l,
        definition: u(
          `合同签订日期在期间内的${l.zh}项目`,
          `${l.en}: contracts dated in the period`,
        ),
        ...countRegister({
          register: "service_purchase",
          on: "contractedOn",
          where: { category: c },
        }),
      }),
      d({
        id: `service_purchases_${c}_amount`,
        unit: YUAN,
        label: u(`${l.zh}金额`, `${l.en}: amount`),
        definition: u(`${l.zh}的合同金额合计`, `${l.en}: contract amounts, summed`),
        ...sumRegister({
          register: "service_purchase",
          on: "contractedOn",
          field: "amount",
          where: { category: c },
        }),
      }),
    ];
  }),
  d({
    id: "associations_due_decoupling",
    unit: UNITS,
    label: u("应脱钩的行业协会商会", "Associations due to decouple"),
    definition: u(
      "应完成脱钩日期在期间内的行业协会商会",
      "Associations due to decouple in the period",
    ),
    ...countRegister({ register: "association_decoupling", on: "dueBy" }),
  }),
  d({
    id: "associations_decoupled",
    unit: UNITS,
    label: u("已脱钩的行业协会商会", "Associations decoupled"),
    definition: u(
      "应在期间内脱钩且已记录完成脱钩日期的行业协会商会",
      "Associations due in the period with a date of decoupling recorded",
    ),
    ...countRegister({
      register: "association_decoupling",
      on: "dueBy",
      filter: (_eb, j) => j.has("decoupledOn"),
    }),
  }),
  d({
    id: "associations_decoupling_rate",
    unit: PERCENT,
    label: u("行业协会商会脱钩率", "Decoupling rate"),
    definition: u("已脱钩 ÷ 应脱钩的行业协会商会", "decoupled ÷ due"),
    ...ratio("associations_decoupled", "associations_due_decoupling"),
  }),
  ...(["centre", "workstation"] as const).map((k) =>
    d({
      id: `legal_service_${k}s`,
      unit: UNITS,
      label:
        k === "centre"
          ? u("公共法律服务中心", "Public legal service centres")
          : u("公共法律服务工作站", "Public legal service workstations"),
      definition: u("期末已建成且未撤销的", "Opened and not closed at the end of the period"),
      ...countRegister({
        register: "legal_service_point",
        stock: { validFrom: "openedOn", validTo: "closedOn" },
        where: { kind: k },
      }),
    }),
  ),
  // ── 一(八)1 mediation
  mediation(
    "mediations",
    u("调解各类案件", "Disputes mediated"),
    u("受理日期在期间内的各类调解案件", "Mediation cases opened in the period, of every kind"),
    countCases({ caseType: MEDIATION_TYPE, by: "opened" }),
  ),
  mediation(
    "mediations_successful",
    u("调解成功", "Mediated successfully"),
    u(
      "受理日期在期间内、达成调解协议的案件",
      "Mediation cases opened in the period that reached an agreement",
    ),
    countCases({ caseType: MEDIATION_TYPE, by: "opened", states: MEDIATION_DONE }),
  ),
  mediation(
    "mediations_old_petitions",
    u("调解信访陈年旧案", "Old petition cases mediated"),
    u(
      "受理日期在期间内、标记为信访陈年旧案的调解案件",
      "Mediation cases opened in the period flagged as old petition cases",
    ),
    countCases({ caseType: MEDIATION_TYPE, by: "opened", where: { oldPetition: true } }),
  ),
  d({
    id: "mediation_agreement_amount",
    unit: YUAN,
    label: u("调解协议涉及金额", "Amount of the agreements"),
    definition: u(
      "受理日期在期间内的调解案件所达成协议涉及金额合计",
      "Amounts of the agreements of the mediation cases opened in the period, summed",
    ),
    ...sumCases({
      caseType: MEDIATION_TYPE,
      by: "opened",
      states: MEDIATION_DONE,
      field: "agreementAmount",
    }),
  }),
  mediation(
    "mediations_performed",
    u("调解协议已履行", "Agreements performed"),
    u(
      "受理日期在期间内、回访确认协议已履行的案件",
      "Mediation cases opened in the period whose agreement the follow-up found performed",
    ),
    countCases({ caseType: MEDIATION_TYPE, by: "opened", states: ["performed"] }),
  ),
  // ── 一(八)3 publicity
  d({
    id: "publicity_events",
    unit: EVENTS,
    label: u("法治宣传活动", "Legal publicity events"),
    definition: u("活动日期在期间内的普法活动", "Legal publicity events held in the period"),
    ...countRegister({ register: "publicity_event", on: "heldOn" }),
  }),
  d({
    id: "publicity_attendance",
    unit: TIMES,
    label: u("法治宣传参加人次", "Legal publicity attendance"),
    definition: u("普法活动参加人次合计", "Attendance of the publicity events, summed"),
    ...sumRegister({ register: "publicity_event", on: "heldOn", field: "attendance" }),
    decimals: 0,
  }),
  ...publicity,
  ...(["site", "park"] as const).map((k) =>
    d({
      id: `legal_culture_${k}s`,
      unit: UNITS,
      label:
        k === "site"
          ? u("法治文化阵地", "Legal-culture sites")
          : u("法治文化主题公园广场", "Legal-culture parks"),
      definition: u("期末已建成且未撤销的", "Built and not closed at the end of the period"),
      ...countRegister({
        register: "legal_culture_facility",
        stock: { validFrom: "builtOn", validTo: "closedOn" },
        where: { kind: k },
      }),
    }),
  ),
  // ── 一(九) training
  d({
    id: "party_school_trainees",
    unit: TIMES,
    label: u("党校法治轮训参训人次", "Party-school rule-of-law course attendance"),
    definition: u(
      "党校法治轮训课程参训人次合计",
      "Attendance of the Party-school rule-of-law courses, summed",
    ),
    ...sumRegister({
      register: "training_session",
      on: "heldOn",
      field: "attendance",
      where: { kind: "party_school" },
    }),
    decimals: 0,
  }),
  d({
    id: "internal_study_attendance",
    unit: TIMES,
    label: u("内部集中学法人次", "Internal law study attendance"),
    definition: u("各级各部门内部集中学法参加人次合计", "Attendance of internal law study, summed"),
    ...sumRegister({
      register: "training_session",
      on: "heldOn",
      field: "attendance",
      where: { kind: "internal_study" },
    }),
    decimals: 0,
  }),
  d({
    id: "certificate_applicants",
    unit: PEOPLE,
    label: u("申请办理执法证件的人员", "Officers applying for certificates"),
    definition: u(
      "执法人员名录中执法证件有效期起始日在期间内的人员（当年新领证）",
      "Officers of the officer register whose certificate was issued in the period",
    ),
    ...countRegister({ register: "enforcement_officer", on: "certificateValidFrom" }),
  }),
  d({
    id: "certificate_applicants_trained",
    unit: PEOPLE,
    label: u("参加执法证件通用法律知识培训的人员", "Applicants who took the certificate training"),
    definition: u(
      "上述人员中，培训记录里在领证之日或之前有「执法证件培训」的（读取执法人员名录的培训记录）",
      "Of those, officers whose own training records hold a certificate training on or before the issue date",
    ),
    ...countRegister({
      register: "enforcement_officer",
      on: "certificateValidFrom",
      filter: () => certificateTrainingFilter,
    }),
  }),
  d({
    id: "certificate_training_rate",
    unit: PERCENT,
    label: u("执法证件培训参训率", "Certificate training participation"),
    definition: u("参加培训的申请人 ÷ 申请办理执法证件的人员", "applicants trained ÷ applicants"),
    ...ratio("certificate_applicants_trained", "certificate_applicants"),
  }),
];
