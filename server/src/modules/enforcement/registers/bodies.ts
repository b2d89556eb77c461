/**
 * 执法主体: the bodies that enforce in the district — the comprehensive enforcement teams
 * (综合行政执法队伍), the townships' and streets' comprehensive enforcement offices
 * (乡镇（街道）综合行政执法办公室), and departments that enforce in their own name.
 *
 * Each entry is one directory unit (`unitCode`, unique) with the basis of its powers,
 * its authorised posts (编制) and its power list. Kept by the rule-of-law office (the
 * district's body list is its work, 国办发〔2018〕118号), visible to every unit.
 *
 * Public (事前公开): the body, its kind, its legal basis, its powers and the procedure
 * and remedies shown to the public — 行政处罚法 art. 39 (实施机关、立案依据、实施程序和救济渠道
 * must be shown); 国办发〔2018〕118号 (执法主体、职责、权限、依据、程序、救济渠道). Posts are
 * staffing data, not required to be public.
 */

import { z } from "zod";
import type { RegisterDecl } from "../../../engines/register/index.ts";
import { zt } from "../../../kernel/issue-text.ts";
import type { Label } from "../../../kernel/labels.ts";
import { MODULE, zUnitCode } from "./common.ts";

export const BODY_KINDS = ["comprehensive_team", "township_office", "department"] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

export const BODY_KIND_LABELS: Record<BodyKind, Label> = {
  comprehensive_team: { zh: "综合行政执法队伍", en: "Comprehensive enforcement team" },
  township_office: {
    zh: "乡镇（街道）综合行政执法办公室",
    en: "Township (street) enforcement office",
  },
  department: { zh: "行政执法部门", en: "Enforcing department" },
};

export const bodySchema = z.object({
  name: z.string().trim().min(1, "required").max(100),
  kind: z.enum(BODY_KINDS),
  /** The directory unit that is this body. */
  unitCode: zUnitCode,
  /** The basis of its powers (laws, the 三定 rules, the delegation or entrustment). */
  legalBasis: z.string().trim().min(1, "required").max(5000),
  /** Authorised posts (核定编制). */
  posts: z.number().int("a whole number").min(0, zt("不能为负数", "not negative")).max(100_000),
  /** Its power list (权责清单) items. */
  powers: z.array(z.string().trim().min(1).max(500)).max(2000).optional(),
  /** The procedure and remedies shown to the public (行政处罚法 art. 39). */
  publicProcedures: z.string().trim().max(20_000).optional(),
});

export type BodyData = z.infer<typeof bodySchema>;

export const bodyRegister: RegisterDecl<typeof bodySchema> = {
  code: "enforcement_body",
  label: { zh: "执法主体", en: "Enforcement bodies" },
  module: MODULE,
  schema: bodySchema,
  columns: [
    { field: "name", label: { zh: "名称", en: "Name" }, kind: "text" },
    {
      field: "kind",
      label: { zh: "类别", en: "Kind" },
      kind: "enum",
      options: BODY_KIND_LABELS,
      filter: true,
    },
    {
      field: "unitCode",
      label: { zh: "执法主体", en: "Body" },
      kind: "text",
      ref: "unit",
      filter: true,
    },
    { field: "posts", label: { zh: "核定编制", en: "Authorised posts" }, kind: "integer" },
    { field: "legalBasis", label: { zh: "执法依据", en: "Legal basis" }, kind: "text" },
    {
      field: "powers",
      label: { zh: "职权清单", en: "Powers" },
      kind: "list",
      inList: false,
    },
    {
      field: "publicProcedures",
      label: { zh: "执法程序与救济渠道", en: "Procedures and remedies" },
      kind: "text",
      inList: false,
    },
  ],
  uniqueKeys: [{ name: "unit", fields: ["unitCode"] }],
  visibility: "region",
  edit: { permission: "region.oversee", scope: "region" },
  title: (d) => d.name,
  public: { fields: ["name", "kind", "legalBasis", "powers", "publicProcedures"] },
  sensitive: ["delete"],
};
