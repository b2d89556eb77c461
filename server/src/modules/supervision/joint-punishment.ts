/**
 * 联合惩戒 (joint punishment) of black-listed subjects (issue 15):
 * - the measures catalogue (联合惩戒措施清单), a register: each measure with the area it
 *   restricts and its basis — a measure must rest on a law, a regulation or a central
 *   policy document (国办发〔2020〕49号 第三条第（一）项: 依法依规实施惩戒, 不得擅自增设);
 * - a measure applied to a subject, recorded as a case (`joint_punishment`): in the course
 *   of which matter (a licence, a purchase, a commendation), by which unit, on which day.
 *   Applied only to a subject on a black list in force that day (the credit check,
 *   credit.ts) and only a measure in the catalogue (the case records the measure's basis
 *   and the listing's basis as they were); refused otherwise, nothing written.
 */
import { sql } from "kysely";
import { z } from "zod";
import type { CaseTypeDecl } from "../../engines/case/index.ts";
import { defineRegister, type RegisterDecl } from "../../engines/register/index.ts";
import { zUscc } from "../../kernel/codes/uscc.ts";
import { t } from "../../kernel/errors.ts";
import { L, labelledEnum, MODULE } from "./common.ts";
import { creditCheck } from "./credit.ts";

const BASIS_49 = "国办发〔2020〕49号 第三条";

export const MEASURE_AREA_LABELS = {
  market_access: { zh: "市场准入、行政许可", en: "Market access and licensing" },
  procurement: { zh: "政府采购、招标投标", en: "Public procurement and tenders" },
  funding: { zh: "财政资金、政策支持", en: "Public funding and support" },
  commendation: { zh: "评优评先", en: "Commendations" },
  supervision: { zh: "加强监管（提高抽查比例和频次）", en: "Closer supervision" },
  consumption: { zh: "限制高消费", en: "Restricted consumption" },
  other: { zh: "其他", en: "Other" },
} as const;

export const measureSchema = z.object({
  code: L(
    z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_.-]{1,40}$/),
    "措施编码",
    "Measure code",
  ),
  measure: L(z.string().trim().min(1, "required").max(500), "惩戒措施", "Measure"),
  area: labelledEnum(MEASURE_AREA_LABELS, "领域", "Area"),
  basis: L(
    z.string().trim().min(4, "required").max(2000),
    "设定依据（法律、法规或党中央、国务院政策文件及条款）",
    "Basis",
  ),
  implementingUnits: L(z.string().trim().min(1, "required").max(500), "实施部门", "Implemented by"),
});
export type MeasureData = z.infer<typeof measureSchema>;

export const measureRegister: RegisterDecl<typeof measureSchema> = defineRegister({
  code: "joint_punishment_measure",
  label: { zh: "失信联合惩戒措施清单", en: "Joint punishment measures" },
  module: MODULE,
  schema: measureSchema,
  columns: [
    { field: "code", kind: "text" },
    { field: "measure", kind: "text" },
    { field: "area", kind: "enum", filter: true },
    { field: "basis", kind: "text", inList: false },
    { field: "implementingUnits", kind: "text" },
  ],
  uniqueKeys: [{ name: "code", fields: ["code"] }],
  visibility: "region",
  edit: { permission: "region.oversee", scope: "region" },
  title: (d) => `${d.measure}（${d.code}）`,
  public: { fields: ["code", "measure", "area", "basis", "implementingUnits"] },
});

export const PunishmentFields = z.object({
  uscc: L(zUscc, "统一社会信用代码", "Unified social credit code"),
  subjectName: L(z.string().trim().min(1, "required").max(200), "主体名称", "Subject"),
  matter: L(
    z.string().trim().min(1, "required").max(1000),
    "所涉事项（如行政许可、政府采购项目）",
    "The matter",
  ),
});

export interface PunishmentCase extends z.infer<typeof PunishmentFields> {
  measureCode?: string;
  measure?: string;
  measureBasis?: string;
  listing?: { basis: string; validFrom: string; validTo: string };
  appliedOn?: string;
}

async function measureOf(w: Parameters<typeof creditCheck>[0], regionCode: string, code: string) {
  const row = await w.trx
    .selectFrom("register_entry")
    .select("data")
    .where("region_code", "=", regionCode)
    .where("register", "=", measureRegister.code)
    .where(sql<string>`data ->> 'code'`, "=", code)
    .executeTakeFirst();
  return row?.data as MeasureData | undefined;
}

export const punishmentCaseType: CaseTypeDecl<PunishmentCase> = {
  code: "joint_punishment",
  label: { zh: "失信联合惩戒措施实施", en: "Joint punishment applied" },
  module: MODULE,
  fields: PunishmentFields,
  title: (f) => `联合惩戒：${f.subjectName}（${f.matter}）`,
  states: {
    proposed: { label: { zh: "拟实施", en: "Proposed" } },
    applied: { label: { zh: "已实施", en: "Applied" }, terminal: true },
    not_applied: { label: { zh: "不予实施", en: "Not applied" }, terminal: true },
  },
  initial: "proposed",
  transitions: [
    {
      action: "apply",
      label: { zh: "实施惩戒措施", en: "Apply the measure" },
      from: ["proposed"],
      to: "applied",
      input: z.object({
        measureCode: L(z.string().trim().min(1, "required").max(40), "惩戒措施", "Measure"),
      }),
      setsFields: ["measureCode"],
      guards: [
        async (ctx) => {
          const m = await measureOf(ctx.w, ctx.case.regionCode, String(ctx.input.measureCode));
          if (!m) {
            return {
              field: "measureCode",
              message: t(
                `联合惩戒措施清单中没有编码为“${ctx.input.measureCode}”的措施：惩戒措施应当依法依规设定，不得擅自增设（依据${BASIS_49}）`,
                `no measure "${ctx.input.measureCode}" in the catalogue: only measures with a legal basis may be applied (${BASIS_49})`,
              ),
            };
          }
          return undefined;
        },
        async (ctx) => {
          const check = await creditCheck(
            ctx.w,
            ctx.case.regionCode,
            ctx.case.fields.uscc,
            ctx.onDate,
          );
          if (check.lists.some((x) => x.list === "black")) return undefined;
          return {
            message: t(
              `${ctx.case.fields.subjectName}在 ${ctx.onDate} 未被列入严重失信主体名单：不得对其实施失信联合惩戒措施（依据${BASIS_49}）`,
              `${ctx.case.fields.subjectName} is on no black list on ${ctx.onDate}: no joint punishment may be applied (${BASIS_49})`,
            ),
          };
        },
      ],
      derive: async (ctx) => {
        const m = (await measureOf(ctx.w, ctx.case.regionCode, String(ctx.input.measureCode)))!;
        const check = await creditCheck(
          ctx.w,
          ctx.case.regionCode,
          ctx.case.fields.uscc,
          ctx.onDate,
        );
        const black = check.lists.find((x) => x.list === "black")!;
        return {
          measure: m.measure,
          measureBasis: m.basis,
          listing: { basis: black.basis, validFrom: black.validFrom, validTo: black.validTo },
          appliedOn: ctx.onDate,
        };
      },
    },
    {
      action: "decline",
      label: { zh: "不予实施", en: "Do not apply" },
      from: ["proposed"],
      to: "not_applied",
      sensitive: true,
    },
  ],
};
