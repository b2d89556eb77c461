/**
 * 执法人员: the officers holding an enforcement certificate (执法证), with their
 * certificate training. The certificate training records are owned here: later
 * training registers read these rather than copying them.
 *
 * - Only qualified officers impose penalties, at least two of them (行政处罚法 art. 42),
 *   and they show their certificates (arts. 52, 55): part B checks a case's officers
 *   against this register (`findOfficer`, `officerValidOn` in lookup.ts).
 * - 法制审核人员 (legal reviewers) review major decisions (art. 58); a first-time
 *   reviewer must hold 法律职业资格 (`legalQualification`).
 * - ID and phone numbers are encrypted at rest (SM4) and shown in full only to the
 *   officer's own unit (the register engine's rule for encrypted fields); lists, exports
 *   and every other unit see them masked, and the public never.
 * - Public (事前公开 of 执法人员, 国办发〔2018〕118号; officials acting in office are shown,
 *   kernel/masking.ts role `enforcement_officer`): name, certificate number, body and
 *   the certificate's last valid day.
 */

import { z } from "zod";
import type { RegisterDecl } from "../../../engines/register/index.ts";
import { zIdCard } from "../../../kernel/codes/id-card.ts";
import { t, ValidationError } from "../../../kernel/errors.ts";
import { zt } from "../../../kernel/issue-text.ts";
import type { Label } from "../../../kernel/labels.ts";
import { labelCode, MODULE, zDate, zUnitCode } from "./common.ts";

export const TRAINING_KINDS = ["certificate", "refresher", "other"] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];

export const TRAINING_KIND_LABELS: Record<TrainingKind, Label> = {
  certificate: { zh: "执法证件培训", en: "Certificate training" },
  refresher: { zh: "轮训", en: "Refresher" },
  other: { zh: "其他培训", en: "Other training" },
};

/** A certificate number: 6–20 digits or capital letters (e.g. 500156000123). */
export const CERTIFICATE_NO = /^[0-9A-Z]{6,20}$/;

export const trainingSchema = z.object({
  date: zDate,
  course: z.string().trim().min(1, "required").max(200),
  hours: z.number().positive("more than 0").max(2000),
  kind: z.enum(TRAINING_KINDS),
  passed: z.boolean(),
});
export type Training = z.infer<typeof trainingSchema>;

export const officerSchema = z
  .object({
    name: z.string().trim().min(1, "required").max(50),
    idNumber: zIdCard,
    phone: z
      .string()
      .trim()
      .regex(
        /^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$/,
        zt("应为手机号码或固定电话号码", "a mobile or landline number"),
      )
      .optional(),
    /** The body (its directory unit) the officer enforces for. */
    bodyUnitCode: zUnitCode,
    certificateNo: z
      .string()
      .trim()
      .toUpperCase()
      .regex(CERTIFICATE_NO, zt("应为 6–20 位数字或大写字母", "6–20 digits or capital letters")),
    certificateValidFrom: zDate,
    /** The certificate's last valid day (inclusive). */
    certificateValidTo: zDate,
    /** 法制审核人员. */
    legalReviewer: z.boolean().default(false),
    /** 法律职业资格 (passed the national unified legal professional qualification exam). */
    legalQualification: z.boolean().default(false),
    /** Legality reviews done before the platform (issue 10): counts as a reviewer's experience. */
    priorReviewExperience: z.boolean().default(false),
    training: z.array(trainingSchema).max(500).default([]),
  })
  .superRefine(
    (o, ctx) => {
      // Runs even when other fields are invalid: read defensively.
      const from = o.certificateValidFrom;
      const to = o.certificateValidTo;
      if (typeof from === "string" && typeof to === "string" && to < from) {
        ctx.addIssue({
          code: "custom",
          path: ["certificateValidTo"],
          message: zt("有效期截止日早于起始日", "the last valid day is before the first"),
        });
      }
    },
    { when: (p) => typeof p.value === "object" && p.value !== null },
  );

export type OfficerData = z.infer<typeof officerSchema>;

const SEP = /[|｜]/;

/** A training in an xlsx cell: 2020-05-10｜执法证件培训｜行政执法通用法律知识｜24学时｜合格. */
export const trainingCodec = {
  format(v: unknown): string {
    const t = v as Training;
    return [
      t.date,
      TRAINING_KIND_LABELS[t.kind]?.zh ?? t.kind,
      t.course,
      `${t.hours}学时`,
      t.passed ? "合格" : "不合格",
    ].join("｜");
  },
  parse(text: string): unknown {
    const parts = text.split(SEP).map((s) => s.trim());
    if (parts.length !== 5) {
      throw new ValidationError(
        t(
          "请按“日期｜类别｜课程｜学时｜合格/不合格”填写",
          "write it as 日期｜类别｜课程｜学时｜合格/不合格",
        ),
      );
    }
    const [date, kind, course, hours, passed] = parts as [string, string, string, string, string];
    const h = Number(hours.replace(/(学时|小时|h)$/i, ""));
    if (!Number.isFinite(h))
      throw new ValidationError(t(`“${hours}”不是学时数`, `"${hours}" is not a number of hours`));
    if (!["合格", "不合格", "passed", "failed"].includes(passed)) {
      throw new ValidationError(
        t(`“${passed}”：请填写合格或不合格`, `"${passed}": write 合格 or 不合格`),
      );
    }
    return {
      date,
      kind: labelCode(TRAINING_KIND_LABELS, kind),
      course,
      hours: h,
      passed: passed === "合格" || passed === "passed",
    };
  },
};

export const officerRegister: RegisterDecl<typeof officerSchema> = {
  code: "enforcement_officer",
  label: { zh: "执法人员", en: "Enforcement officers" },
  module: MODULE,
  schema: officerSchema,
  columns: [
    { field: "name", label: { zh: "姓名", en: "Name" }, kind: "text" },
    {
      field: "certificateNo",
      label: { zh: "执法证号", en: "Certificate number" },
      kind: "text",
      filter: true,
    },
    {
      field: "bodyUnitCode",
      label: { zh: "执法主体", en: "Body" },
      kind: "text",
      ref: "unit",
      filter: true,
    },
    {
      field: "idNumber",
      label: { zh: "身份证号", en: "ID number" },
      kind: "text",
      inList: false,
      filter: true,
    },
    { field: "phone", label: { zh: "联系电话", en: "Phone" }, kind: "text", inList: false },
    {
      field: "certificateValidFrom",
      label: { zh: "证件有效期起", en: "Certificate valid from" },
      kind: "date",
    },
    {
      field: "certificateValidTo",
      label: { zh: "证件有效期止", en: "Certificate valid to" },
      kind: "date",
    },
    {
      field: "legalReviewer",
      label: { zh: "法制审核人员", en: "Legal reviewer" },
      kind: "boolean",
      filter: true,
    },
    {
      field: "legalQualification",
      label: { zh: "法律职业资格", en: "Legal qualification" },
      kind: "boolean",
      filter: true,
    },
    {
      field: "priorReviewExperience",
      label: { zh: "此前从事过法制审核（平台启用前）", en: "Reviewed before the platform" },
      kind: "boolean",
    },
    {
      field: "training",
      label: { zh: "培训记录", en: "Training" },
      kind: "list",
      inList: false,
      item: trainingCodec,
    },
  ],
  uniqueKeys: [{ name: "certificate", fields: ["certificateNo"] }],
  visibility: "region",
  edit: { permission: "record.write", scope: "own_unit" },
  title: (d) => `${d.name}（${d.certificateNo}）`,
  public: { fields: ["name", "certificateNo", "bodyUnitCode", "certificateValidTo"] },
  encrypted: ["idNumber", "phone"],
  people: [{ field: "name", role: "enforcement_officer" }],
  sensitive: ["delete"],
};
