import { z } from "zod";
import type { RegisterDecl } from "../../engines/register/declare.ts";
import { zIdCard } from "../../kernel/codes/id-card.ts";
import { zt } from "../../kernel/issue-text.ts";

/**
 * A worked example of a register (not a module of the report): certified officers with
 * their certificate numbers, public as the law requires of officials acting in office
 * (行政处罚法 arts. 42, 52, 55; 国办发〔2018〕118号 on disclosing officers), while their ID and
 * phone numbers are encrypted at rest and never public. The enforcement module declares
 * the real officers register.
 */
const date = z.iso.date();

export const officerSchema = z.object({
  name: z.string().trim().min(1, "required").max(50),
  certificateNo: z
    .string()
    .trim()
    .regex(/^[0-9A-Z]{6,20}$/, zt("应为 6–20 位数字或大写字母", "6–20 digits or capital letters")),
  idNumber: zIdCard,
  phone: z
    .string()
    .trim()
    .regex(/^1[3-9][0-9]{9}$/, zt("应为 11 位手机号码", "an 11-digit mobile number"))
    .optional(),
  validFrom: date,
  validTo: date,
  legalReviewer: z.boolean().default(false),
});

export const officerRegister: RegisterDecl<typeof officerSchema> = {
  code: "example_officer",
  label: { zh: "示例：执法人员", en: "Example: enforcement officers" },
  module: "examples",
  schema: officerSchema,
  columns: [
    { field: "name", label: { zh: "姓名", en: "Name" }, kind: "text" },
    {
      field: "certificateNo",
      label: { zh: "执法证号", en: "Certificate number" },
      kind: "text",
      filter: true,
    },
    { field: "idNumber", label: { zh: "身份证号", en: "ID number" }, kind: "text", inList: false },
    { field: "phone", label: { zh: "手机号", en: "Mobile" }, kind: "text", inList: false },
    { field: "validFrom", label: { zh: "有效期起", en: "Valid from" }, kind: "date" },
    { field: "validTo", label: { zh: "有效期止", en: "Valid to" }, kind: "date" },
    {
      field: "legalReviewer",
      label: { zh: "法制审核人员", en: "Legal reviewer" },
      kind: "boolean",
      filter: true,
    },
  ],
  uniqueKeys: [{ name: "certificate", fields: ["certificateNo"] }],
  visibility: "region",
  edit: { permission: "record.write", scope: "own_unit" },
  title: (d) => `${d.name}（${d.certificateNo}）`,
  public: { fields: ["name", "certificateNo", "validTo"] },
  encrypted: ["idNumber", "phone"],
  people: [{ field: "name", role: "enforcement_officer" }],
  sensitive: ["delete"],
};
