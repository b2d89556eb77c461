/**
 * Every figure of ../shared/seed/figures.md (the Wulong 2020 report) mapped to the
 * indicator that computes it and the seed's value. The browser tests' server (the whole
 * demo loaded) compares each with `GET /api/indicators/values` (e2e/report.test.ts) and
 * fails naming each figure that differs; docs/indicators.md shows the seed's figure
 * beside each indicator.
 *
 * `pending`: the indicator's module is being built (its issue); the test fails when a
 * pending indicator exists, so the list only shrinks. `expected`: the value the records
 * give where the seed's figure cannot be reproduced (95.2% of 194: no whole count gives
 * it; the nearest, 185/194 = 95.4%, and the report's check flags the seed's figure).
 */
export interface SeedFigure {
  section: string;
  /** As the seed writes it. */
  seed: string;
  indicator: string;
  value: number;
  pending?: string;
  expected?: number;
}

const f = (
  section: string,
  seed: string,
  indicator: string,
  value: number,
  more: Partial<SeedFigure> = {},
): SeedFigure => ({
  section,
  seed,
  indicator,
  value,
  ...more,
});

export const SEED_FIGURES: readonly SeedFigure[] = [
  f("一(一)", "六次会议", "meetings_rule_of_law", 6),
  f("一(二)", "组长1人", "committee_heads", 1),
  f("一(二)", "副组长1人", "committee_deputy_heads", 1),
  f("一(二)", "11个相关单位", "committee_member_units", 11),
  f("一(二)", "4个协调小组", "coordination_groups", 4),
  f("一(二)", "21项工作任务", "plan_tasks", 21),
  f("一(二)", "26个街道办事处和乡镇", "inspected_townships", 26),
  f("一(二)", "50余个区政府部门", "inspected_departments", 50),
  f("一(二)", "65项督查任务", "inspection_tasks_done", 65),
  f("一(二)", "40余个部门和单位", "self_assessed_units", 40),
  f("一(二)", "108项指标", "assessment_indicators_met", 108),
  f("一(三)1", "687项行政许可事项", "licensing_items", 687),
  f("一(三)1", "619项入驻", "licensing_items_in_centre", 619),
  f("一(三)1", "三个分中心", "service_sub_centres", 3),
  f("一(三)1", "入驻率达90.1%", "licensing_centre_rate", 90.1),
  f("一(三)1", "分领域综合窗口9个", "domain_windows", 9),
  f("一(三)1", "无差别综合窗口3个", "comprehensive_windows", 3),
  f("一(三)1", "619项事项实现“一窗”分类受理", "one_window_items", 619),
  f("一(三)1", "受理率达90.1%", "one_window_rate", 90.1),
  f("一(三)1", "100个高频事项", "one_trip_items", 100),
  f("一(三)1", "已联合办理10283笔", "joint_applications", 10283),
  f("一(三)1", "网上可办率达96%", "online_availability_rate", 96),
  f("一(三)1", "缩减70%以上", "time_reduction_rate", 70),
  f("一(三)3", "55个区级党政群机关", "unit_duties_district_bodies", 55),
  f("一(三)3", "26个乡镇（街道）", "unit_duties_townships", 26),
  f("一(三)3", "召开专题会6次", "duty_coordination_meetings", 6),
  f("一(三)5", "共计124件", "business_cleanup_documents", 124),
  // The demo imports the 90,500 credit records (supervision/demo.ts), so the figure comes
  // from the records through the indicator.
  f("一(三)5", "信用数据9万余条", "credit_records", 90000),
  f("一(三)5", "48家中小企业", "relief_job_refund_beneficiaries", 48),
  f("一(三)5", "648.2万元", "relief_job_refund_amount", 6482000),
  f("一(三)5", "270户", "relief_rent_beneficiaries", 270),
  f("一(三)5", "246.91万元", "relief_rent_amount", 2469100),
  f("一(三)6", "年检社会组织194个", "social_orgs_inspected", 194),
  f("一(三)6", "合格率95.2%", "social_orgs_pass_rate", 95.2, { expected: 95.4 }),
  f("一(三)6", "购买基本公共服务13个", "service_purchases_basic_public", 13),
  f("一(三)6", "1640.95万元", "service_purchases_basic_public_amount", 16409500),
  f("一(三)6", "社会管理性服务1个", "service_purchases_social_management", 1),
  f("一(三)6", "580万元", "service_purchases_social_management_amount", 5800000),
  f("一(三)6", "39家行业协会商会", "associations_decoupled", 39),
  f("一(三)6", "脱钩率100%", "associations_decoupling_rate", 100),
  f("一(三)6", "公共法律服务中心1个", "legal_service_centres", 1),
  f("一(三)6", "公共法律服务工作站26个", "legal_service_workstations", 26),
  f("一(四)1", "公开发布12件", "normative_docs_published", 12),
  f("一(四)1", "审查文件73件", "normative_docs_reviewed", 73),
  f("一(四)1", "报备11件", "normative_docs_filed", 11),
  f("一(四)1", "现行有效文件94件", "cleanup_valid", 94),
  f("一(四)1", "拟废止拟修改文件24件", "cleanup_repeal_or_amend", 24),
  f("一(四)2", "101个重点项目和重大决策", "risk_assessments_filed", 101),
  f("一(五)", "7名法律顾问", "legal_advisers", 7),
  f("一(六)1", "8支综合行政执法队伍", "enforcement_bodies_comprehensive_team", 8),
  f("一(六)1", "核定编制共215名", "enforcement_posts_comprehensive_team", 215),
  f("一(六)1", "26个乡镇（街道）综合行政执法办公室", "enforcement_bodies_township_office", 26),
  f("一(六)1", "共核定编制150名", "enforcement_posts_township_office", 150),
  f("一(六)2", "815名执法人员", "enforcement_officers", 815),
  f("一(六)2", "负责法制审核182人", "enforcement_legal_reviewers", 182),
  f("一(六)2", "935台", "enforcement_equipment", 935),
  f("一(六)3", "网络培训243人", "certificate_applicants_trained", 243),
  f("一(七)1", "满意度为100%", "oversight_deputy_satisfaction_rate", 100),
  f("一(七)1", "出庭应诉率同比增加25%", "oversight_litigation_head_appearance_change", 25),
  f("一(七)1", "重大案件出庭率100%", "oversight_litigation_major_appearance_rate", 100),
  f("一(七)1", "全部履行法院生效判决", "oversight_litigation_performance_rate", 100),
  f("一(七)1", "司法建议办复率达100%", "oversight_judicial_suggestions_reply_rate", 100),
  f("一(七)1", "检察建议回复率达100%", "oversight_procuratorial_suggestions_reply_rate", 100),
  f("一(七)2", "4项审计制度", "oversight_audit_rules", 4),
  f("一(七)2", "预算执行审计100%", "oversight_budget_audit_coverage", 100),
  f("一(八)1", "调解各类案件3731件", "mediations", 3731),
  f("一(八)1", "调解成功3626件", "mediations_successful", 3626),
  f("一(八)1", "信访陈年旧案42件", "mediations_old_petitions", 42),
  f("一(八)1", "4539.66万元", "mediation_agreement_amount", 45396600),
  f("一(八)1", "已履行3618件", "mediations_performed", 3618),
  f("一(八)2", "现勘和调查10余次", "oversight_reconsideration_site_inspections", 10),
  f("一(八)2", "调查谈话30余人次", "oversight_reconsideration_interviews", 30),
  f("一(八)2", "办结23件案件", "oversight_reconsideration_concluded", 23),
  f("一(八)2", "均在法定期限内结案", "oversight_reconsideration_in_time_rate", 100),
  f("一(八)2", "法律文书120余件次", "oversight_reconsideration_documents_served", 120),
  f("一(八)2", "实质纠错率17.39%", "oversight_reconsideration_correction_rate", 17.39),
  f("一(八)3", "法治宣传1838场", "publicity_events", 1838),
  f("一(八)3", "13万余人次", "publicity_attendance", 130000),
  f("一(八)3", "干部法治教育690场", "publicity_events_officials", 690),
  f("一(八)3", "3万余人次", "publicity_attendance_officials", 30000),
  f("一(八)3", "青少年法治教育84场", "publicity_events_youth", 84),
  f("一(八)3", "2万余人次", "publicity_attendance_youth", 20000),
  f("一(八)3", "企业职工法治教育242场", "publicity_events_workers", 242),
  f("一(八)3", "1.4万人次", "publicity_attendance_workers", 14000),
  f("一(八)3", "农民法治教育633场", "publicity_events_farmers", 633),
  f("一(八)3", "6.3万人次", "publicity_attendance_farmers", 63000),
  f("一(八)3", "2个法治文化阵地", "legal_culture_sites", 2),
  f("一(八)3", "4个法治文化主题城市公园广场", "legal_culture_parks", 4),
  f("一(九)", "100余名学员", "party_school_trainees", 100),
  f("一(九)", "参训率达100%", "certificate_training_rate", 100),
  f("一(九)", "8000余人次", "internal_study_attendance", 8000),
];

/**
 * Whether a computed value agrees with the seed's figure: exact figures equal; "N余"
 * more than N below the next step; "N以上" at least N; 万 figures to the decimals shown.
 */
export function agreesWithSeed(s: SeedFigure, value: number | null): boolean {
  if (value === null) return false;
  const want = s.expected ?? s.value;
  if (/余/u.test(s.seed)) {
    const step = want >= 10000 ? 10000 : want >= 1000 ? 1000 : 10;
    return value >= want && value < want + step;
  }
  if (/以上/u.test(s.seed)) return value >= want;
  const m = /(\d+(?:\.(\d+))?)万/u.exec(s.seed);
  if (m) {
    const d = m[2]?.length ?? 0;
    return Math.abs(value / 10000 - Number(m[1])) < 10 ** -d / 2 + 1e-9;
  }
  return Math.abs(value - want) < 1e-9;
}
