/**
 * 联办件: one intake, several units processing in parallel (一窗受理、并行办理), on the
 * case engine's sub-cases.
 *
 * received ─accept→ processing ─(every unit's part done: all_done)→ parts_done
 *   ─conclude→ concluded;   received ─reject→ not_accepted;   ─withdraw→ withdrawn
 *
 * - Real-estate registration with the transaction and the tax (《优化营商环境条例》第四十七条:
 *   不动产登记、交易和缴税 一窗受理、并行办理) under the registration limit: 30 working days
 *   (《不动产登记暂行条例》第二十条), or the shorter time the locality published (setting).
 * - Joint licensing by several departments (行政许可法 第二十六条第二款、第四十二条第二款):
 *   45 working days, extended once by at most 15 with the approval of the head of the
 *   government at that level (the approving account holds `unit.lead`).
 * - The window opens one part (sub-case) per processing unit; when the last part is done
 *   the matter's clock stops (`all_done`, taken by the engine); the window then concludes
 *   it and serves the results together (第二十六条: 统一送达), recording the days used.
 */
import { z } from "zod";
import type { CaseTypeDecl } from "../../engines/case/index.ts";
import { t } from "../../kernel/errors.ts";
import type { LocalDate } from "../../kernel/time/index.ts";
import {
  CHANNEL_LABELS,
  JOINT,
  JOINT_PART,
  L,
  labelledEnum,
  MODULE,
  zDate,
  zItemCode,
  zUnitCode,
} from "./common.ts";
import { Applicant, type ApplicantData, CreditDerived, creditOf, creditRefusal } from "./intake.ts";
import { S_REAL_ESTATE_DAYS, S_REFUSE_BLACK_LISTED } from "./settings.ts";
import { conclusionFacts } from "./timing.ts";

export const JOINT_KIND_LABELS = {
  real_estate: {
    zh: "不动产登记、交易和缴税一窗办理",
    en: "Real-estate registration, transaction and tax together",
  },
  licensing: { zh: "多部门联合办理行政许可", en: "Joint licensing by several departments" },
} as const;

export const JOINT_LICENSING_DAYS = 45;
const JOINT_EXTENSION_DAYS = 15;

const days = (zh: string, en: string) => L(z.number().int().min(0).max(720).optional(), zh, en);

export const JointFields = z.object({
  kind: labelledEnum(JOINT_KIND_LABELS, "联办类型", "Kind"),
  matter: L(z.string().trim().min(1, "required").max(500), "办理事项", "Matter"),
  applicant: Applicant,
  channel: labelledEnum(CHANNEL_LABELS, "申请方式", "Channel"),
  units: L(z.array(zUnitCode).min(2).max(20), "并行办理单位", "Units processing in parallel"),
  items: L(z.array(zItemCode).max(20).optional(), "涉及事项（编码）", "Items (codes)"),
  // Set by the steps:
  legalDays: days("法定办结时限（工作日）", "Legal time limit (working days)"),
  acceptedFrom: L(zDate.optional(), "受理日期", "Accepted on"),
  credit: CreditDerived.optional(),
  workingDaysUsed: days("实际办理用时（工作日）", "Working days used"),
  extensionDays: days("延长期限（工作日）", "Extended by (working days)"),
  onTime: L(z.boolean().optional(), "在法定时限内办结", "Concluded within the legal limit"),
});

export interface JointCase {
  kind: keyof typeof JOINT_KIND_LABELS;
  matter: string;
  applicant: ApplicantData;
  units: string[];
  legalDays?: number;
  acceptedFrom?: string;
  [k: string]: unknown;
}

export const jointCaseType: CaseTypeDecl<JointCase> = {
  code: JOINT,
  label: {
    zh: "联办件（一窗受理、并行办理）",
    en: "Joint matter (one intake, parallel processing)",
  },
  module: MODULE,
  fields: JointFields,
  title: (f) => `${f.matter}（${f.applicant.name}）`,
  states: {
    received: { label: { zh: "已收件", en: "Received" } },
    processing: { label: { zh: "并行办理中", en: "Processing in parallel" } },
    parts_done: { label: { zh: "各部门已办毕", en: "Every unit done" } },
    concluded: { label: { zh: "已办结", en: "Concluded" }, terminal: true },
    not_accepted: { label: { zh: "不予受理", en: "Not accepted" }, terminal: true },
    withdrawn: { label: { zh: "申请人撤回", en: "Withdrawn" }, terminal: true },
  },
  initial: "received",
  stepFields: ["legalDays", "acceptedFrom", "credit", "workingDaysUsed", "extensionDays", "onTime"],
  reads: { settings: [S_REAL_ESTATE_DAYS, S_REFUSE_BLACK_LISTED] },
  numbers: [
    {
      kind: "acceptance",
      label: { zh: "受理凭证编号", en: "Acceptance number" },
      prefix: () => "武隆联办受",
    },
  ],
  transitions: [
    {
      action: "accept",
      label: { zh: "一窗受理", en: "Accept at one window" },
      from: ["received"],
      to: "processing",
      issues: ["acceptance"],
      reads: { settings: [S_REAL_ESTATE_DAYS, S_REFUSE_BLACK_LISTED] },
      guards: [creditRefusal],
      derive: async (ctx) => ({
        legalDays:
          ctx.case.fields.kind === "real_estate"
            ? ctx.settings<number>(S_REAL_ESTATE_DAYS)
            : JOINT_LICENSING_DAYS,
        acceptedFrom: ctx.onDate,
        credit: await creditOf(ctx),
      }),
    },
    {
      action: "reject",
      label: { zh: "不予受理", en: "Do not accept" },
      from: ["received"],
      to: "not_accepted",
      input: z.object({
        reasons: L(z.string().trim().min(1, "required").max(2000), "不予受理的理由", "Reasons"),
      }),
    },
    {
      action: "all_done",
      label: { zh: "各部门办毕", en: "Every unit done" },
      from: ["processing"],
      to: "parts_done",
      // Taken by the engine when the last part closes (subCases.onAllClosed); by hand only
      // when that is so (the engine's own step does not run guards).
      occasional: true,
      guards: [
        async (ctx) => {
          const parts = await ctx.w.trx
            .selectFrom("case_file")
            .select(["closed_on"])
            .where("region_code", "=", ctx.case.regionCode)
            .where("parent_id", "=", ctx.case.id)
            .execute();
          return parts.length > 0 && parts.every((p) => p.closed_on !== null)
            ? undefined
            : {
                message: t(
                  "各部门的分办件尚未全部办毕",
                  "not every unit's part of the matter is done",
                ),
              };
        },
      ],
    },
    {
      action: "conclude",
      label: { zh: "办结并统一送达", en: "Conclude and serve together" },
      from: ["parts_done"],
      to: "concluded",
      derive: (ctx) => {
        const f = ctx.case.fields;
        const done =
          [...ctx.history].reverse().find((e) => e.action === "all_done")?.onDate ?? ctx.onDate;
        return conclusionFacts({
          calendar: ctx.calendar,
          start: (f.acceptedFrom ?? ctx.case.openedOn) as LocalDate,
          end: done,
          history: ctx.history,
          legalDays: f.legalDays ?? JOINT_LICENSING_DAYS,
          clock: "joint",
        }) as unknown as Record<string, unknown>;
      },
    },
    {
      action: "withdraw",
      label: { zh: "申请人撤回申请", en: "Withdrawn by the applicant" },
      from: ["received", "processing"],
      to: "withdrawn",
      occasional: true,
      allowedWhileSuspended: true,
      input: z.object({
        note: L(z.string().trim().min(1, "required").max(2000), "撤回说明", "Note"),
      }),
    },
  ],
  clocks: [
    {
      code: "registration",
      label: { zh: "不动产登记办结时限", en: "Registration time limit" },
      period: (c, settings) =>
        c.fields.kind === "real_estate"
          ? { n: settings<number>(S_REAL_ESTATE_DAYS), unit: "working_day" }
          : undefined,
      legalBasis: "《不动产登记暂行条例》第二十条；《优化营商环境条例》第四十七条",
      startOn: { action: "accept" },
      stopOn: [{ action: "all_done" }, { action: "withdraw" }],
    },
    {
      code: "joint",
      label: { zh: "联合办理时限", en: "Joint licensing time limit" },
      period: (c) =>
        c.fields.kind === "licensing"
          ? { n: JOINT_LICENSING_DAYS, unit: "working_day" }
          : undefined,
      legalBasis: "《中华人民共和国行政许可法》第四十二条第二款、第八十二条",
      startOn: { action: "accept" },
      stopOn: [{ action: "all_done" }, { action: "withdraw" }],
    },
  ],
  suspension: {
    clocks: ["registration", "joint"],
    legalBasis: "《中华人民共和国行政许可法》第四十五条；《不动产登记暂行条例》第二十条",
  },
  extensions: [
    {
      clock: "joint",
      max: { n: JOINT_EXTENSION_DAYS, unit: "working_day" },
      maxCount: 1,
      legalBasis: "《中华人民共和国行政许可法》第四十二条第二款",
      permission: "unit.lead",
    },
  ],
  subCases: { caseType: JOINT_PART, onAllClosed: "all_done" },
  people: [{ field: "applicant", role: "applicant", idField: "idNumber", phoneField: "phone" }],
  search: { fields: ["matter"] },
};

export const PART_OUTCOME_LABELS = {
  done: { zh: "办理完毕", en: "Done" },
  refused: { zh: "不予办理", en: "Refused" },
} as const;

export const jointPartCaseType: CaseTypeDecl<{ task: string }> = {
  code: JOINT_PART,
  label: { zh: "联办件分办", en: "Part of a joint matter" },
  module: MODULE,
  fields: z.object({
    task: L(z.string().trim().min(1, "required").max(200), "办理环节", "Task"),
    itemCode: L(zItemCode.optional(), "事项编码", "Item code"),
    outcome: labelledEnum(PART_OUTCOME_LABELS, "办理结果", "Outcome").optional(),
  }),
  title: (f) => f.task,
  states: {
    processing: { label: { zh: "办理中", en: "Processing" } },
    done: { label: { zh: "已办毕", en: "Done" }, terminal: true },
  },
  initial: "processing",
  transitions: [
    {
      action: "finish",
      label: { zh: "办毕", en: "Finish" },
      from: ["processing"],
      to: "done",
      input: z.object({
        outcome: labelledEnum(PART_OUTCOME_LABELS, "办理结果", "Outcome"),
        note: L(z.string().trim().max(1000).optional(), "说明", "Note"),
      }),
      setsFields: ["outcome"],
    },
  ],
};
