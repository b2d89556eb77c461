/**
 * The annual report on the rule-of-law government (法治政府建设年度报告): the default
 * template follows the seed report's structure — the opening; 一 the year's work in nine
 * parts; 二 problems; 三 next year's work; signature, date, contact.
 *
 * 《法治政府建设与责任落实督察工作规定》第二十四条 (regulations.md §8): local governments
 * publish the previous year's report by 1 April, and report to the government above.
 */
import type { ReportTemplateDecl } from "../../engines/report/index.ts";
import { ANNUAL_REPORT_FIGURES } from "./figures.ts";

export const ANNUAL_REPORT = "annual_report";
export const MODULE = "report";
export const REPORT_BASIS = "《法治政府建设与责任落实督察工作规定》第二十四条、第二十五条";

const PARTS = [
  "党政主要负责人切实履行推进法治建设第一责任人职责",
  "法治政府建设组织领导落实到位",
  "政府职能依法全面履行",
  "依法行政制度体系完善",
  "行政决策科学化、民主化、法治化",
  "行政执法严格规范公正文明",
  "行政权力制约监督科学有效",
  "社会矛盾纠纷依法有效化解",
  "政府工作人员法治思维和依法行政能力全面提高",
];

/** One sentence of figures per part, as a starting point the writer rewrites. */
const PART_FIGURES: Record<number, string> = {
  1: "{{year}}年度工作要点安排部署了{{plan_tasks}}项工作任务；对{{inspected_townships}}个乡镇（街道）和{{inspected_departments}}个部门开展督导督查，{{inspection_tasks_done}}项督查任务基本得到落实。",
  2: "年检社会组织{{social_orgs_inspected}}个，合格率{{social_orgs_pass_rate}}；归集信用数据{{credit_records}}条。",
  5: "全区{{enforcement_officers}}名执法人员中，负责法制审核{{enforcement_legal_reviewers}}人，配备执法记录仪及移动执法设备{{enforcement_equipment}}台。",
  6: "人大代表建议办理满意度为{{deputy_satisfaction_rate}}；司法建议办复率达{{judicial_reply_rate}}，检察建议回复率达{{procuratorial_reply_rate}}。",
  7: "全区调解各类案件{{mediations}}件，调解成功{{mediations_successful}}件；办结行政复议案件{{reconsideration_concluded}}件，行政复议实质纠错率{{reconsideration_correction_rate}}。",
  8: "开展党校法治轮训{{party_school_trainees}}名学员；全区各级各部门{{internal_study_attendance}}人次参加内部集中学法。",
};

export const annualReportTemplate: ReportTemplateDecl = {
  code: ANNUAL_REPORT,
  label: { zh: "法治政府建设年度报告", en: "Annual report on the rule-of-law government" },
  module: MODULE,
  legalBasis: REPORT_BASIS,
  issuerMark: (regionName) => `${regionName}人民政府`,
  figures: ANNUAL_REPORT_FIGURES,
  draft: ({ regionName, year }) => ({
    title: `${regionName}人民政府\n关于${year}年度法治政府建设情况的报告`,
    addressee: "市政府",
    issuer: `${regionName}人民政府`,
    date: `${year + 1}-01-15`,
    printedBy: `${regionName}人民政府办公室`,
    blocks: [
      {
        kind: "paragraph",
        text: `{{year}}年，${regionName}法治政府建设工作……现将有关情况报告如下。`,
      },
      { kind: "heading", level: 1, text: "{{year}}年度法治政府建设工作成效" },
      ...PARTS.flatMap((p, i) => [
        { kind: "heading" as const, level: 2 as const, text: p },
        { kind: "paragraph" as const, text: PART_FIGURES[i] ?? "（请填写本部分工作情况。）" },
      ]),
      { kind: "heading", level: 1, text: "存在问题" },
      { kind: "paragraph", text: "（请填写存在的不足和原因。）" },
      { kind: "heading", level: 1, text: "下一步主要工作安排" },
      { kind: "paragraph", text: "（请填写下一年度推进法治政府建设的主要安排。）" },
    ],
  }),
};
