/**
 * 调解 (mediation of disputes, report 一(八)1): people's mediation by a mediation committee
 * (人民调解), administrative mediation by an agency (行政调解), judicial mediation
 * (司法调解) and the petition-mediation link (访调对接). One case per dispute: intake,
 * sessions, an agreement (or none), for a people's mediation agreement the window to
 * apply jointly for judicial confirmation, and the follow-up (回访) on performance.
 *
 * - 人民调解法 art. 17: mediation on application or the committee's initiative; a party's
 *   express refusal ends it (`end_without_agreement`, reason `refused`).
 * - art. 26: no agreement → mediation ends, the parties are told of other avenues.
 * - art. 28–30: a written agreement takes effect when the parties and the mediator sign
 *   and the committee seals it (art. 29); an oral one when reached (art. 30) — the step
 *   records the day it took effect (`agreementEffectiveOn`).
 * - art. 31: the committee supervises performance → the follow-up steps.
 * - art. 33 (and 民事诉讼法(2023) art. 205): the parties may apply jointly for judicial
 *   confirmation within 30 days of the agreement taking effect — the clock
 *   `judicial_confirmation` (calendar days; an end on a rest day moves to the next
 *   working day, 民事诉讼法 art. 85), and an application after it is refused.
 * - 人民调解工作若干规定 (司法部令第75号, 2002) art. 33: a people's mediation is
 *   generally concluded within one month — the clock `mediation` (a warning only).
 *
 * Parties are `mediation_party` people (kernel/masking.ts: 人民调解法 art. 15(四),
 * 23(三)): masked in every public or aggregate view. The case's title names the kind and
 * the dispute category only, never a party, so indicator drill-downs, lists of other
 * units and the warning list show no name. Not public.
 */
import { z } from "zod";
import type { CaseTypeDecl, Guard } from "../../engines/case/index.ts";
import type { SettingDecl } from "../../engines/settings.ts";
import type { Basis } from "../../kernel/citation.ts";
import { basisEn, basisZh } from "../../kernel/citation.ts";
import { zIdCard } from "../../kernel/codes/id-card.ts";
import { t } from "../../kernel/errors.ts";
import { zt } from "../../kernel/issue-text.ts";
import type { Label } from "../../kernel/labels.ts";
import { addPeriod, compareLocalDate, type LocalDate } from "../../kernel/time/index.ts";
import { L, labelledEnum, MODULE, zDate, zText, zYuan } from "./common.ts";

export const MEDIATION_TYPE = "mediation";

export const MEDIATION_KIND_LABELS = {
  people: { zh: "人民调解", en: "People's mediation" },
  administrative: { zh: "行政调解", en: "Administrative mediation" },
  judicial: { zh: "司法调解", en: "Judicial mediation" },
  petition_link: { zh: "访调对接", en: "Petition-mediation link" },
} as const satisfies Record<string, Label>;
export type MediationKind = keyof typeof MEDIATION_KIND_LABELS;

export const DISPUTE_CATEGORY_LABELS = {
  neighbour: { zh: "邻里纠纷", en: "Neighbours" },
  family: { zh: "婚姻家庭纠纷", en: "Marriage and family" },
  land: { zh: "山林土地纠纷", en: "Land and forest" },
  contract: { zh: "合同纠纷", en: "Contract" },
  labour: { zh: "劳动争议", en: "Labour" },
  damage: { zh: "损害赔偿纠纷", en: "Damages" },
  traffic: { zh: "道路交通事故纠纷", en: "Traffic accident" },
  medical: { zh: "医疗纠纷", en: "Medical" },
  property: { zh: "物业纠纷", en: "Property management" },
  other: { zh: "其他纠纷", en: "Other" },
} as const satisfies Record<string, Label>;
export type DisputeCategory = keyof typeof DISPUTE_CATEGORY_LABELS;

const PARTY_KIND_LABELS = {
  natural_person: { zh: "自然人", en: "Natural person" },
  organisation: { zh: "法人或其他组织", en: "Organisation" },
} as const satisfies Record<string, Label>;

const MediationParty = z
  .object({
    kind: labelledEnum(PARTY_KIND_LABELS, "当事人类别", "Kind of party"),
    name: L(zText(200), "姓名或名称", "Name"),
    idNumber: L(zIdCard.optional(), "身份证号码", "ID number"),
    phone: L(
      z
        .string()
        .trim()
        .regex(/^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$/, zt("应为电话号码", "a phone number"))
        .optional(),
      "联系电话",
      "Phone",
    ),
  })
  .meta({ label: { zh: "当事人", en: "Party" } });

export const MediationFields = z.object({
  kind: labelledEnum(MEDIATION_KIND_LABELS, "调解类别", "Kind of mediation"),
  committee: L(zText(200), "调解组织", "Mediation committee or body"),
  mediator: L(zText(50), "调解员", "Mediator"),
  category: labelledEnum(DISPUTE_CATEGORY_LABELS, "纠纷类别", "Dispute category"),
  applicant: MediationParty.meta({ label: { zh: "申请方当事人", en: "Applying party" } }),
  respondent: MediationParty.meta({ label: { zh: "对方当事人", en: "Other party" } }),
  summary: L(zText(2000), "纠纷简要情况", "The dispute in brief"),
  /** 信访陈年旧案: an old petition case brought to mediation. */
  oldPetition: L(z.boolean().default(false), "信访陈年旧案", "Old petition case"),
});

export interface MediationCase extends z.infer<typeof MediationFields> {
  agreementForm?: "written" | "oral";
  agreementEffectiveOn?: string;
  agreementAmount?: number;
  performBy?: string;
  confirmationAppliedOn?: string;
  performed?: boolean;
}

export const CONFIRMATION_BASIS: Basis = {
  cites: [
    { law: "人民调解法", article: 33 },
    { law: "民事诉讼法", version: "2023", article: 205 },
  ],
  note: "人民调解法 art. 33: 经人民调解委员会调解达成调解协议后，双方当事人认为有必要的，可以自调解协议生效之日起三十日内共同向人民法院申请司法确认; 民事诉讼法(2023) art. 205",
};
const ONE_MONTH_NOTE =
  "人民调解工作若干规定(司法部令第75号) art. 33: 人民调解委员会调解纠纷，一般在一个月内调结";
const ONE_MONTH_BASIS: Basis = {
  cites: [{ law: "人民调解工作若干规定", article: 33 }],
  note: ONE_MONTH_NOTE,
};
const EFFECT_BASIS: Basis = {
  cites: [
    { law: "人民调解法", article: 29, paragraph: 2 },
    { law: "人民调解法", article: 30 },
  ],
  note: "人民调解法 art. 29 para. 2 (书面协议自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效) and art. 30 (口头协议自各方当事人达成协议之日起生效)",
};

const CONFIRMATION_PERIOD = { n: 30, unit: "calendar_day" } as const;

/** Setting: how long a people's mediation generally takes before the warning (months). */
export const MEDIATION_TERM = "governance.people_mediation_term_months";

export const mediationSettings: SettingDecl[] = [
  {
    code: MEDIATION_TERM,
    label: {
      zh: "人民调解一般调结期限（月）",
      en: "Time a people's mediation generally takes (months)",
    },
    module: MODULE,
    schema: z.number().int().min(1).max(6),
    default: 1,
    basis: {
      ...ONE_MONTH_BASIS,
      note: `${ONE_MONTH_NOTE}. The 人民调解法 sets no limit; some local rules let the parties agree to continue past the month — a region may set a longer term.`,
    },
  },
];

/** The agreement's effective day: not after the step, not before the case was opened. */
const effectiveInRange: Guard<MediationCase> = (ctx) => {
  const on = ctx.input.agreementEffectiveOn as LocalDate | undefined;
  if (!on) return undefined;
  if (compareLocalDate(on, ctx.onDate) > 0 || compareLocalDate(on, ctx.case.openedOn) < 0) {
    return {
      field: "agreementEffectiveOn",
      message: t(
        `协议生效日期应在受理之日（${ctx.case.openedOn}）与本步骤日期（${ctx.onDate}）之间${basisZh(EFFECT_BASIS)}`,
        `the agreement takes effect between the intake (${ctx.case.openedOn}) and this step (${ctx.onDate})${basisEn(EFFECT_BASIS)}`,
      ),
    };
  }
  return undefined;
};

/** Judicial confirmation: a people's mediation agreement, applied for within its 30 days. */
const withinConfirmationWindow: Guard<MediationCase> = (ctx) => {
  const f = ctx.case.fields;
  if (f.kind !== "people") {
    return {
      message: t(
        `只有人民调解协议可以申请司法确认${basisZh(CONFIRMATION_BASIS)}`,
        `only a people's mediation agreement is confirmed this way${basisEn(CONFIRMATION_BASIS)}`,
      ),
    };
  }
  const from = (f.agreementEffectiveOn ?? ctx.case.openedOn) as LocalDate;
  const due = addPeriod(ctx.calendar, from, CONFIRMATION_PERIOD).due;
  if (compareLocalDate(ctx.onDate, due) > 0) {
    return {
      message: t(
        `申请司法确认的期限已于 ${due} 届满（协议 ${from} 生效）${basisZh(CONFIRMATION_BASIS)}`,
        `the time to apply for judicial confirmation ended on ${due} (agreement in effect from ${from})${basisEn(CONFIRMATION_BASIS)}`,
      ),
    };
  }
  return undefined;
};

const followUpInput = z.object({
  findings: L(zText(2000), "回访情况", "Follow-up findings"),
});

export const mediationCaseType: CaseTypeDecl<MediationCase> = {
  code: MEDIATION_TYPE,
  label: { zh: "矛盾纠纷调解", en: "Mediation" },
  module: MODULE,
  fields: MediationFields,
  title: (f) =>
    `${MEDIATION_KIND_LABELS[f.kind]?.zh ?? f.kind}：${DISPUTE_CATEGORY_LABELS[f.category]?.zh ?? f.category}${f.oldPetition ? "（信访陈年旧案）" : ""}`,
  states: {
    accepted: { label: { zh: "已受理", en: "Accepted" } },
    mediating: { label: { zh: "调解中", en: "Mediating" } },
    agreed: { label: { zh: "已达成协议", en: "Agreement reached" } },
    performed: { label: { zh: "协议已履行", en: "Agreement performed" }, terminal: true },
    not_performed: { label: { zh: "协议未履行", en: "Agreement not performed" }, terminal: true },
    failed: {
      label: { zh: "调解终止（未达成协议）", en: "Ended without agreement" },
      terminal: true,
    },
  },
  initial: "accepted",
  reads: { settings: [MEDIATION_TERM] },
  transitions: [
    {
      action: "hold_session",
      label: { zh: "调解", en: "Mediation session" },
      from: ["accepted", "mediating"],
      to: "mediating",
      input: z.object({
        mediators: L(z.array(zText(50)).min(1).max(9), "参加调解人员", "Mediators present"),
        record: L(zText(5000), "调解记录", "Record of the session"),
      }),
    },
    {
      action: "reach_agreement",
      label: { zh: "达成调解协议", en: "Agreement reached" },
      from: ["accepted", "mediating"],
      to: "agreed",
      input: z.object({
        agreementForm: labelledEnum(
          { written: { zh: "书面协议", en: "Written" }, oral: { zh: "口头协议", en: "Oral" } },
          "协议形式",
          "Form of the agreement",
        ),
        agreementEffectiveOn: L(zDate, "协议生效日期", "Agreement in effect from"),
        agreementAmount: L(
          zYuan.default(0),
          "协议涉及金额（元）",
          "Amount of the agreement (yuan)",
        ),
        terms: L(zText(5000), "协议内容", "Terms"),
        performBy: L(zDate.optional(), "履行期限", "Perform by"),
      }),
      setsFields: ["agreementForm", "agreementEffectiveOn", "agreementAmount", "performBy"],
      guards: [effectiveInRange],
    },
    {
      action: "end_without_agreement",
      label: { zh: "终止调解", en: "End without agreement" },
      from: ["accepted", "mediating"],
      to: "failed",
      input: z.object({
        reason: labelledEnum(
          {
            refused: { zh: "当事人明确拒绝调解", en: "A party refused" },
            no_agreement: { zh: "调解不成", en: "No agreement" },
            withdrawn: { zh: "当事人撤回申请", en: "Withdrawn" },
          },
          "终止原因",
          "Why it ended",
        ),
        avenues: L(zText(1000), "告知的其他救济途径", "Other avenues the parties were told of"),
      }),
    },
    {
      action: "apply_confirmation",
      label: { zh: "申请司法确认", en: "Judicial confirmation applied for" },
      from: ["agreed"],
      to: "agreed",
      input: z.object({
        court: L(zText(100), "受理法院", "Court"),
      }),
      guards: [withinConfirmationWindow],
      derive: (ctx) => ({ confirmationAppliedOn: ctx.onDate }),
    },
    {
      action: "follow_up_performed",
      label: { zh: "回访：协议已履行", en: "Follow-up: performed" },
      from: ["agreed"],
      to: "performed",
      input: followUpInput,
      derive: () => ({ performed: true }),
    },
    {
      action: "follow_up_not_performed",
      label: { zh: "回访：协议未履行", en: "Follow-up: not performed" },
      from: ["agreed"],
      to: "not_performed",
      input: followUpInput,
      derive: () => ({ performed: false }),
    },
  ],
  clocks: [
    {
      code: "judicial_confirmation",
      label: { zh: "申请司法确认期限", en: "Time to apply for judicial confirmation" },
      period: (c) => (c.fields.kind === "people" ? CONFIRMATION_PERIOD : undefined),
      legalBasis: CONFIRMATION_BASIS,
      startOn: { action: "reach_agreement", dateFrom: "field.agreementEffectiveOn" },
      stopOn: [
        { action: "apply_confirmation" },
        { action: "follow_up_performed" },
        { action: "follow_up_not_performed" },
      ],
    },
    {
      code: "mediation",
      label: { zh: "调解期限（一般一个月）", en: "Mediation time (generally one month)" },
      period: (c, settings) =>
        c.fields.kind === "people"
          ? { n: settings<number>(MEDIATION_TERM), unit: "month" }
          : undefined,
      legalBasis: ONE_MONTH_BASIS,
      startOn: { action: "create" },
      stopOn: [{ action: "reach_agreement" }, { action: "end_without_agreement" }],
    },
  ],
  stepFields: ["confirmationAppliedOn", "performed"],
  derived: z.object({
    confirmationAppliedOn: L(zDate, "申请司法确认日期", "Judicial confirmation applied for on"),
    performed: L(z.boolean(), "协议已履行", "Agreement performed"),
  }),
  links: ["follows", "opened_from"],
  people: [
    { field: "applicant", role: "mediation_party", idField: "idNumber", phoneField: "phone" },
    { field: "respondent", role: "mediation_party", idField: "idNumber", phoneField: "phone" },
    { field: "mediator", role: "official" },
  ],
};
