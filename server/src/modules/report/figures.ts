/**
 * The annual report's figures: placeholder key → indicator and the rule the report
 * writes it by (figures.md, "How the report writes figures"). Indicators of modules
 * being built in parallel are marked pending with their issue.
 */
import type { FigureDecl } from "../../engines/report/index.ts";

const withRule = (indicator: string, rule: FigureDecl["rule"]): FigureDecl => ({ indicator, rule });
const over = (step: number) => ({ step, qualifier: "余" as const });
const wanOver = { step: 10000, qualifier: "余" as const, wan: true, decimals: 0 };
const wan = (decimals: number) => ({ wan: true, decimals });

export const ANNUAL_REPORT_FIGURES: Record<string, FigureDecl> = {
  // 一(一): the report names the meetings rather than counting them
  meetings_rule_of_law: { indicator: "meetings_rule_of_law" },
  // 一(二)
  committee_heads: { indicator: "committee_heads" },
  committee_deputy_heads: { indicator: "committee_deputy_heads" },
  coordination_groups: { indicator: "coordination_groups" },
  committee_member_units: { indicator: "committee_member_units" },
  plan_tasks: { indicator: "plan_tasks" },
  inspected_townships: { indicator: "inspected_townships" },
  inspected_departments: { indicator: "inspected_departments", rule: over(10) },
  inspection_tasks_done: { indicator: "inspection_tasks_done" },
  self_assessed_units: { indicator: "self_assessed_units", rule: over(10) },
  assessment_indicators_met: { indicator: "assessment_indicators_met" },
  // 一(三)1 — services (issue 14)
  time_reduction_rate: withRule("time_reduction_rate", {
    step: 10,
    qualifier: "以上",
    unit: "%",
    decimals: 0,
  }),
  online_availability_rate: withRule("online_availability_rate", {
    unit: "%",
    decimals: 1,
  }),
  licensing_items: { indicator: "licensing_items" },
  licensing_items_in_centre: { indicator: "licensing_items_in_centre" },
  service_sub_centres: { indicator: "service_sub_centres" },
  licensing_centre_rate: withRule("licensing_centre_rate", { unit: "%", decimals: 1 }),
  domain_windows: { indicator: "domain_windows" },
  comprehensive_windows: { indicator: "comprehensive_windows" },
  one_window_items: { indicator: "one_window_items" },
  one_window_rate: withRule("one_window_rate", { unit: "%", decimals: 1 }),
  one_trip_items: { indicator: "one_trip_items" },
  joint_applications: { indicator: "joint_applications" },
  // 一(三)3 — lists (issue 14)
  unit_duties_district_bodies: { indicator: "unit_duties_district_bodies" },
  unit_duties_townships: { indicator: "unit_duties_townships" },
  duty_coordination_meetings: { indicator: "duty_coordination_meetings" },
  // 一(三)5
  business_cleanup_documents: { indicator: "business_cleanup_documents" },
  credit_records: { indicator: "credit_records", rule: wanOver },
  relief_job_refund_beneficiaries: { indicator: "relief_job_refund_beneficiaries" },
  relief_job_refund_amount: { indicator: "relief_job_refund_amount", rule: wan(2) },
  relief_rent_beneficiaries: { indicator: "relief_rent_beneficiaries" },
  relief_rent_amount: { indicator: "relief_rent_amount", rule: wan(2) },
  // 一(三)6
  social_orgs_inspected: { indicator: "social_orgs_inspected" },
  social_orgs_pass_rate: { indicator: "social_orgs_pass_rate" },
  service_purchases_basic_public: { indicator: "service_purchases_basic_public" },
  service_purchases_basic_public_amount: {
    indicator: "service_purchases_basic_public_amount",
    rule: wan(2),
  },
  service_purchases_social_management: { indicator: "service_purchases_social_management" },
  service_purchases_social_management_amount: {
    indicator: "service_purchases_social_management_amount",
    rule: wan(2),
  },
  associations_decoupled: { indicator: "associations_decoupled" },
  associations_decoupling_rate: { indicator: "associations_decoupling_rate" },
  legal_service_centres: { indicator: "legal_service_centres" },
  legal_service_workstations: { indicator: "legal_service_workstations" },
  // 一(四) — rules and decisions (issue 12)
  normative_docs_published: { indicator: "normative_docs_published" },
  normative_docs_reviewed: { indicator: "normative_docs_reviewed" },
  normative_docs_filed: { indicator: "normative_docs_filed" },
  cleanup_valid: { indicator: "cleanup_valid" },
  cleanup_repeal_or_amend: { indicator: "cleanup_repeal_or_amend" },
  risk_assessments_filed: { indicator: "risk_assessments_filed" },
  // 一(五)
  legal_advisers: { indicator: "legal_advisers" },
  // 一(六)
  enforcement_bodies_comprehensive_team: { indicator: "enforcement_bodies_comprehensive_team" },
  enforcement_posts_comprehensive_team: { indicator: "enforcement_posts_comprehensive_team" },
  enforcement_bodies_township_office: { indicator: "enforcement_bodies_township_office" },
  enforcement_posts_township_office: { indicator: "enforcement_posts_township_office" },
  enforcement_officers: { indicator: "enforcement_officers" },
  enforcement_legal_reviewers: { indicator: "enforcement_legal_reviewers" },
  enforcement_equipment: { indicator: "enforcement_equipment" },
  certificate_applicants_trained: { indicator: "certificate_applicants_trained" },
  // 一(七)
  deputy_satisfaction_rate: { indicator: "oversight_deputy_satisfaction_rate" },
  head_appearance_change: { indicator: "oversight_litigation_head_appearance_change" },
  major_appearance_rate: { indicator: "oversight_litigation_major_appearance_rate" },
  judicial_reply_rate: { indicator: "oversight_judicial_suggestions_reply_rate" },
  procuratorial_reply_rate: { indicator: "oversight_procuratorial_suggestions_reply_rate" },
  budget_audit_coverage: { indicator: "oversight_budget_audit_coverage" },
  // 一(八)1
  mediations: { indicator: "mediations" },
  mediations_successful: { indicator: "mediations_successful" },
  mediations_old_petitions: { indicator: "mediations_old_petitions" },
  mediation_agreement_amount: { indicator: "mediation_agreement_amount", rule: wan(2) },
  mediations_performed: { indicator: "mediations_performed" },
  // 一(八)2
  reconsideration_site_inspections: {
    indicator: "oversight_reconsideration_site_inspections",
    rule: over(10),
  },
  reconsideration_interviews: { indicator: "oversight_reconsideration_interviews", rule: over(10) },
  reconsideration_concluded: { indicator: "oversight_reconsideration_concluded" },
  reconsideration_documents_served: {
    indicator: "oversight_reconsideration_documents_served",
    rule: over(10),
  },
  reconsideration_correction_rate: { indicator: "oversight_reconsideration_correction_rate" },
  // 一(八)3
  publicity_events: { indicator: "publicity_events" },
  publicity_attendance: { indicator: "publicity_attendance", rule: wanOver },
  publicity_events_officials: { indicator: "publicity_events_officials" },
  publicity_attendance_officials: { indicator: "publicity_attendance_officials", rule: wanOver },
  publicity_events_youth: { indicator: "publicity_events_youth" },
  publicity_attendance_youth: { indicator: "publicity_attendance_youth", rule: wanOver },
  publicity_events_workers: { indicator: "publicity_events_workers" },
  publicity_attendance_workers: { indicator: "publicity_attendance_workers", rule: wan(1) },
  publicity_events_farmers: { indicator: "publicity_events_farmers" },
  publicity_attendance_farmers: { indicator: "publicity_attendance_farmers", rule: wan(1) },
  legal_culture_sites: { indicator: "legal_culture_sites" },
  legal_culture_parks: { indicator: "legal_culture_parks" },
  // 一(九)
  party_school_trainees: { indicator: "party_school_trainees", rule: over(10) },
  certificate_training_rate: { indicator: "certificate_training_rate" },
  internal_study_attendance: { indicator: "internal_study_attendance", rule: over(1000) },
};
