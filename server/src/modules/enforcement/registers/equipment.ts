/**
 * 执法装备: body-worn recorders (执法记录仪) and mobile enforcement kits (移动执法设备箱),
 * the equipment of the full-process record (执法全过程记录, 行政处罚法 art. 47;
 * 国办发〔2018〕118号 音像记录). Each body keeps its own; every unit of the district sees them.
 */

import { z } from "zod";
import type { RegisterDecl } from "../../../engines/register/index.ts";
import { zt } from "../../../kernel/issue-text.ts";
import type { Label } from "../../../kernel/labels.ts";
import { MODULE, zDate, zUnitCode } from "./common.ts";

export const EQUIPMENT_KINDS = ["recorder", "mobile_kit"] as const;
export const EQUIPMENT_STATES = ["in_use", "spare", "repair", "retired"] as const;
export type EquipmentKind = (typeof EQUIPMENT_KINDS)[number];
export type EquipmentState = (typeof EQUIPMENT_STATES)[number];

export const EQUIPMENT_KIND_LABELS: Record<EquipmentKind, Label> = {
  recorder: { zh: "执法记录仪", en: "Body-worn recorder" },
  mobile_kit: { zh: "移动执法设备箱", en: "Mobile enforcement kit" },
};

export const EQUIPMENT_STATE_LABELS: Record<EquipmentState, Label> = {
  in_use: { zh: "在用", en: "In use" },
  spare: { zh: "备用", en: "Spare" },
  repair: { zh: "维修", en: "Under repair" },
  retired: { zh: "报废", en: "Retired" },
};

export const equipmentSchema = z.object({
  kind: z.enum(EQUIPMENT_KINDS),
  serialNo: z
    .string()
    .trim()
    .min(1, "required")
    .max(50)
    .regex(
      /^[0-9A-Za-z][0-9A-Za-z_-]*$/,
      zt("只能使用字母、数字、- 和 _", "letters, digits, - and _"),
    ),
  /** The officer (or post) holding it. */
  holderName: z.string().trim().min(1).max(50).optional(),
  bodyUnitCode: zUnitCode,
  state: z.enum(EQUIPMENT_STATES),
  acquiredOn: zDate.optional(),
});

export type EquipmentData = z.infer<typeof equipmentSchema>;

export const equipmentRegister: RegisterDecl<typeof equipmentSchema> = {
  code: "enforcement_equipment",
  label: { zh: "执法装备", en: "Enforcement equipment" },
  module: MODULE,
  schema: equipmentSchema,
  columns: [
    {
      field: "kind",
      label: { zh: "类别", en: "Kind" },
      kind: "enum",
      options: EQUIPMENT_KIND_LABELS,
      filter: true,
    },
    {
      field: "serialNo",
      label: { zh: "设备编号", en: "Serial number" },
      kind: "text",
      filter: true,
    },
    { field: "holderName", label: { zh: "使用人", en: "Holder" }, kind: "text" },
    {
      field: "bodyUnitCode",
      label: { zh: "执法主体", en: "Body" },
      kind: "text",
      ref: "unit",
      filter: true,
    },
    {
      field: "state",
      label: { zh: "状态", en: "State" },
      kind: "enum",
      options: EQUIPMENT_STATE_LABELS,
      filter: true,
    },
    { field: "acquiredOn", label: { zh: "配备日期", en: "Acquired on" }, kind: "date" },
  ],
  uniqueKeys: [{ name: "serial", fields: ["serialNo"] }],
  visibility: "region",
  edit: { permission: "record.write", scope: "own_unit" },
  title: (d) => `${EQUIPMENT_KIND_LABELS[d.kind]?.zh ?? d.kind} ${d.serialNo}`,
  people: [{ field: "holderName", role: "official" }],
};
