/**
 * 行政复议: the reconsideration case, versioned by the day the application was received
 * (rules.ts). Owned by the reconsideration body's office (the justice bureau, 2023 art. 4;
 * the district government is the organ); it links by `reviews` to the penalty decision it
 * reviews, even another unit's or the district's own (the city's office then), and its
 * correcting decisions take the penalty case's alteration step (withdrawn from publication).
 */
import type { CaseTypeDecl } from "../../../engines/case/index.ts";
import type { Basis } from "../../../kernel/citation.ts";
import { maskName } from "../../../kernel/masking.ts";
import type { Period } from "../../../kernel/time/index.ts";
import { MODULE } from "../common.ts";
import { RECONSIDERATION_DOCUMENTS } from "./documents.ts";
import {
  OUTCOME_LABELS,
  type RCase,
  RECONSIDERATION_TYPE,
  type ReconsiderationCase,
  ReconsiderationDerived,
  ReconsiderationFields,
  rulesOf,
  simplified,
} from "./fields.ts";
import { STEPS } from "./steps.ts";

export * from "./fields.ts";
export { applicationWindow, RECONSIDERATION_RULES, rulesAt } from "./rules.ts";

const r = (c: unknown) => rulesOf(c as RCase);
const pick = (c: unknown, p: { ordinary: Period; simplified: Period | null }) =>
  simplified(c as RCase) && p.simplified ? p.simplified : p.ordinary;

/** The copy to the respondent and its reply: both time limits rest on the same articles. */
const COPY_AND_REPLY_BASIS: Basis = {
  cites: [
    { law: "行政复议法", version: "2023", article: 48 },
    { law: "行政复议法", version: "2023", article: 54 },
    { law: "行政复议法", version: "2023", article: 88 },
    { law: "行政复议法", version: "2017", article: 23 },
    { law: "行政复议法", version: "2017", article: 40 },
  ],
  note: "行政复议法(2023) art. 48, art. 54, art. 88; 行政复议法(2017) art. 23, art. 40",
};

export const reconsiderationCaseType: CaseTypeDecl<ReconsiderationCase> = {
  code: RECONSIDERATION_TYPE,
  label: { zh: "行政复议案件", en: "Administrative reconsideration" },
  module: MODULE,
  fields: ReconsiderationFields,
  title: (f) => `${f.applicant.name}不服${f.respondent}${f.act}`.slice(0, 120),
  states: {
    received: { label: { zh: "收到申请（受理审查）", en: "Received (acceptance review)" } },
    awaiting_materials: { label: { zh: "待补正", en: "Awaiting completion" } },
    accepted: { label: { zh: "已受理（审理中）", en: "Accepted (being heard)" } },
    decided: { label: { zh: "已作出复议决定", en: "Decided" }, terminal: true },
    mediated: { label: { zh: "调解结案", en: "Concluded by mediation" }, terminal: true },
    dismissed: { label: { zh: "驳回申请", en: "Application dismissed" }, terminal: true },
    terminated: { label: { zh: "终止", en: "Terminated" }, terminal: true },
    refused: { label: { zh: "不予受理", en: "Not accepted" }, terminal: true },
    abandoned: { label: { zh: "视为放弃申请", en: "Abandoned" }, terminal: true },
  },
  initial: "received",
  transitions: STEPS,
  derived: ReconsiderationDerived,
  stepFields: [
    "procedure",
    "materialsReceivedOn",
    "acceptedOn",
    "outcome",
    "decisionContent",
    "reasoning",
    "decidedOn",
    "lastService",
    "publishedOn",
    "completionDays",
  ],
  clocks: [
    {
      code: "acceptance_review",
      label: { zh: "受理审查期限", en: "Acceptance review" },
      period: (c) => r(c).acceptanceReview,
      legalBasis: {
        cites: [
          { law: "行政复议法", version: "2023", article: 30 },
          { law: "行政复议法", version: "2023", article: 88 },
          { law: "行政复议法", version: "2017", article: 17 },
          { law: "行政复议法", version: "2017", article: 40 },
        ],
        note: "行政复议法(2023) art. 30, art. 88; 行政复议法(2017) art. 17, art. 40",
      },
      startOn: { action: "create" },
      stopOn: [
        { action: "accept" },
        { action: "refuse" },
        { action: "request_materials" },
        { action: "terminate" },
      ],
    },
    {
      code: "acceptance_rereview",
      label: { zh: "补正后受理审查期限", en: "Acceptance review after completion" },
      period: (c) => r(c).acceptanceReview,
      legalBasis: {
        cites: [
          { law: "行政复议法", version: "2023", article: 31, paragraph: 3 },
          { law: "行政复议法实施条例", article: 29 },
        ],
        note: "行政复议法(2023) art. 31 para. 3; 行政复议法实施条例 art. 29",
      },
      startOn: { action: "materials_received" },
      stopOn: [
        { action: "accept" },
        { action: "refuse" },
        { action: "request_materials" },
        { action: "terminate" },
      ],
      restartable: true,
    },
    {
      code: "completion",
      label: { zh: "补正期限", en: "Time to complete the application" },
      period: (c) =>
        r(c).completion ?? {
          n: Number((c as RCase).fields.completionDays ?? 10),
          unit: "calendar_day",
        },
      legalBasis: {
        cites: [
          { law: "行政复议法", version: "2023", article: 31, paragraph: 2 },
          { law: "行政复议法", version: "2023", article: 88 },
          { law: "行政复议法实施条例", article: 29 },
        ],
        note: "行政复议法(2023) art. 31 para. 2, art. 88; 行政复议法实施条例 art. 29",
      },
      startOn: { action: "request_materials" },
      stopOn: [{ action: "materials_received" }, { action: "abandon" }, { action: "terminate" }],
      restartable: true,
    },
    {
      code: "copy_to_respondent",
      label: { zh: "发送申请书副本期限", en: "Copy to the respondent" },
      period: (c) => pick(c, r(c).copy),
      legalBasis: COPY_AND_REPLY_BASIS,
      startOn: { action: "accept", dateFrom: "field.acceptedOn" },
      stopOn: [{ action: "send_copy" }, { action: "terminate" }],
    },
    {
      code: "respondent_reply",
      label: { zh: "被申请人答复期限", en: "The respondent's reply" },
      period: (c) => pick(c, r(c).reply),
      legalBasis: COPY_AND_REPLY_BASIS,
      startOn: { action: "send_copy", dateFrom: "input.respondentReceivedOn" },
      stopOn: [{ action: "receive_reply" }, { action: "terminate" }],
    },
    {
      code: "decision",
      label: { zh: "行政复议决定期限", en: "Time limit for the decision" },
      period: (c) => pick(c, r(c).decision),
      legalBasis: {
        cites: [
          { law: "行政复议法", version: "2023", article: 62 },
          { law: "行政复议法", version: "2017", article: 31 },
        ],
        note: "行政复议法(2023) art. 62; 行政复议法(2017) art. 31",
      },
      startOn: { action: "accept", dateFrom: "field.acceptedOn" },
      stopOn: [
        { action: "decide" },
        { action: "mediate" },
        { action: "dismiss_application" },
        { action: "terminate" },
      ],
    },
    {
      code: "opinion_follow_up",
      label: { zh: "意见书纠正情况报告期限", en: "Report on the opinion letter" },
      period: { n: 60, unit: "calendar_day" },
      legalBasis: {
        cites: [
          { law: "行政复议法", version: "2023", article: 76 },
          { law: "行政复议法实施条例", article: 57 },
        ],
        note: "行政复议法(2023) art. 76; 行政复议法实施条例 art. 57",
      },
      startOn: { action: "issue_opinion" },
      stopOn: [{ action: "opinion_reported" }],
    },
  ],
  suspension: {
    clocks: ["decision"],
    legalBasis: {
      cites: [
        { law: "行政复议法", version: "2023", article: 39 },
        { law: "行政复议法实施条例", article: 41 },
      ],
      note: "行政复议法(2023) art. 39; 行政复议法实施条例 art. 41",
    },
  },
  extensions: [
    {
      clock: "decision",
      max: { n: 30, unit: "calendar_day" },
      maxCount: 1,
      legalBasis: {
        cites: [
          { law: "行政复议法", version: "2023", article: 62, paragraph: 1 },
          { law: "行政复议法", version: "2017", article: 31 },
        ],
        note: "行政复议法(2023) art. 62 para. 1: 经行政复议机构的负责人批准，可以适当延长，并书面告知当事人；但是延长期限最多不得超过三十日 (2017 art. 31 the same)",
      },
      permission: "unit.lead",
    },
  ],
  numbers: [
    {
      kind: "acceptance",
      label: { zh: "受理通知书文号", en: "Acceptance number" },
      prefix: (c) => `${c.fields.numberPrefix}受`,
    },
    {
      kind: "decision",
      label: { zh: "复议决定书文号", en: "Decision number" },
      prefix: (c) => `${c.fields.numberPrefix}决`,
    },
  ],
  links: [
    {
      code: "reviews",
      label: { zh: "复议审查的行政行为", en: "The act under review" },
      jurisdiction: {
        units: ["sfj"],
        sameRegion: true,
        parentRegion: true,
        legalBasis: {
          cites: [
            { law: "行政复议法", version: "2023", article: 24 },
            { law: "行政复议法", version: "2017", article: 12, articleTo: 13 },
          ],
          note: "行政复议法(2023) art. 24; 行政复议法(2017) arts. 12–13",
        },
      },
      targets: ["penalty_general"],
    },
  ],
  people: [{ field: "applicant", role: "applicant", idField: "idNumber", phoneField: "phone" }],
  documents: RECONSIDERATION_DOCUMENTS,
  // 2023 art. 79: decisions published as the act itself was (按照国家有关规定向社会公开).
  publicStates: ["decided"],
  // Shown once published (the projection's condition): the portal pages in SQL.
  publicFilter: (eb, f) => eb(f.text("publishedOn"), "<>", ""),
  publicLabels: {
    number: { zh: "决定书文号", en: "Decision number" },
    applicant: { zh: "申请人", en: "Applicant" },
    respondent: { zh: "被申请人", en: "Respondent" },
    outcome: { zh: "决定类型", en: "Decision" },
    decidedOn: { zh: "决定日期", en: "Decided on" },
  },
  public: (c) =>
    c.state === "decided" && c.fields.publishedOn
      ? {
          number: c.numbers.decision,
          applicant: maskName(c.fields.applicant.name),
          respondent: c.fields.respondent,
          outcome: c.fields.outcome ? OUTCOME_LABELS[c.fields.outcome].zh : "",
          decidedOn: c.fields.decidedOn,
        }
      : undefined,
  search: { fields: ["respondent", "act", "request"] },
};
