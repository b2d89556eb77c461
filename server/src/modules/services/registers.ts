/**
 * The service catalogue and the halls' windows:
 * - 政务服务事项目录 (`service_item`), with the 行政许可事项清单 inside it (kind
 *   `licensing`): each item's implementing unit, legal basis, the legal time limit and
 *   the promised one in working days (行政许可法 第八十二条; the promised limit may not
 *   exceed the legal one, 《优化营商环境条例》第三十六条), immediate or promised, where
 *   it is handled, the window kind, one-window intake, online availability, at most one
 *   trip and the fee. Kept by the service management office; public (第三十条: 事项、依据、
 *   条件、数量、程序、期限 are shown).
 * - 窗口与分中心 (`service_window`): the centre's windows by kind (分领域综合窗口 /
 *   无差别综合窗口) with the items they serve, and the sub-centres.
 *
 * Published versions of the catalogue (document number, in force from a date) are the
 * register engine's versioning, declared on this register at merge (docs/services.md).
 */
import { z } from "zod";
import {
  bool,
  date,
  defineRegister,
  enumOf,
  field,
  fieldOf,
  list,
  type RegisterDecl,
  registerFields,
  text,
  unitCode,
} from "../../engines/register/index.ts";
import { zt } from "../../kernel/issue-text.ts";
import {
  HALL_KIND_LABELS,
  HANDLING_LABELS,
  ITEM_KIND_LABELS,
  ITEM_REGISTER,
  MODULE,
  ONLINE_LABELS,
  VENUE_LABELS,
  WINDOW_KIND_LABELS,
  WINDOW_REGISTER,
  zItemCode,
} from "./common.ts";

const itemCode = fieldOf(zItemCode, "text");
const days = (zh: string, en: string, min: number) =>
  field(z.number().int(zt("应为整数", "a whole number")).min(min).max(720), zh, en, "integer");

const item = registerFields({
  code: itemCode("事项编码", "Item code", { filter: true }),
  name: text("事项名称", "Item", { max: 200 }),
  kind: enumOf(ITEM_KIND_LABELS, "事项类型", "Kind", { filter: true }),
  unitCode: unitCode("实施单位", "Implementing unit", { filter: true }),
  /** The implementing body's name as published (实施主体). */
  unitName: text("实施主体名称", "Implementing body (as published)", { max: 200, inList: false }),
  legalBasis: text("设定依据（法律及条款）", "Legal basis (law and article)", {
    max: 2000,
    inList: false,
  }),
  /** 法定办结时限 in working days (行政许可法 第四十二条、第八十二条; a 即办件 too has one). */
  legalDays: days("法定办结时限（工作日）", "Legal time limit (working days)", 1),
  /** 承诺办结时限: 0 for an immediate item; never above the legal limit. */
  promisedDays: days("承诺办结时限（工作日）", "Promised time limit (working days)", 0),
  handling: enumOf(HANDLING_LABELS, "办件类型", "Immediate or promised", { filter: true }),
  venue: enumOf(VENUE_LABELS, "办理场所", "Handled in", { filter: true }),
  /** The sub-centre (its code in the windows register) when handled in one. */
  subCentre: itemCode("所在分中心（编码）", "Sub-centre (code)", {
    optional: true,
    inList: false,
  }),
  windowKind: enumOf(WINDOW_KIND_LABELS, "窗口类型", "Window kind", {
    filter: true,
    inList: false,
  }),
  oneWindow: bool("一窗受理", "One-window intake", { filter: true }),
  online: enumOf(ONLINE_LABELS, "网上可办程度", "Online availability", { filter: true }),
  oneTrip: bool("最多跑一次", "At most one trip", { filter: true }),
  fee: field(
    z.number().min(0).max(100_000_000),
    "收费标准（元，0为不收费）",
    "Fee (yuan; 0 free)",
    "number",
    { inList: false },
  ),
  listedOn: date("列入目录日期", "Listed on", { optional: true, inList: false }),
  delistedOn: date("移出目录日期", "Delisted on", { optional: true, inList: false }),
});

export const itemSchema = item.schema.superRefine((d, ctx) => {
  // 《优化营商环境条例》第三十六条: a locality may compress the statutory limit, never exceed it.
  if (d.promisedDays > d.legalDays) {
    ctx.addIssue({
      code: "custom",
      path: ["promisedDays"],
      message: zt(
        `承诺时限（${d.promisedDays}个工作日）不得超过法定时限（${d.legalDays}个工作日）`,
        `the promised limit (${d.promisedDays} working days) may not exceed the legal limit (${d.legalDays})`,
      ),
    });
  }
  if (d.handling === "immediate" && d.promisedDays !== 0) {
    ctx.addIssue({
      code: "custom",
      path: ["promisedDays"],
      message: zt("即办件的承诺时限为0（当场办结）", "an immediate item's promised limit is 0"),
    });
  }
  if (d.handling === "promised" && d.promisedDays === 0) {
    ctx.addIssue({
      code: "custom",
      path: ["promisedDays"],
      message: zt("承诺件的承诺时限至少1个工作日", "a promised item needs at least 1 working day"),
    });
  }
  if (d.venue === "sub_centre" && !d.subCentre) {
    ctx.addIssue({
      code: "custom",
      path: ["subCentre"],
      message: zt("在分中心办理的事项须填写分中心", "name the sub-centre"),
    });
  }
  if (d.venue === "centre" && d.subCentre) {
    ctx.addIssue({
      code: "custom",
      path: ["subCentre"],
      message: zt("在政务服务中心办理的事项不填分中心", "an item of the centre has no sub-centre"),
    });
  }
  if (d.listedOn && d.delistedOn && d.delistedOn < d.listedOn) {
    ctx.addIssue({
      code: "custom",
      path: ["delistedOn"],
      message: zt("不得早于列入目录日期", "on or after the listing date"),
    });
  }
});
export type ItemData = z.infer<typeof itemSchema>;

export const itemRegister: RegisterDecl<typeof itemSchema> = defineRegister({
  code: ITEM_REGISTER,
  label: { zh: "政务服务事项目录", en: "Government service items" },
  module: MODULE,
  schema: itemSchema,
  columns: item.columns,
  uniqueKeys: [{ name: "item_code", fields: ["code"] }],
  visibility: "region",
  edit: { permission: "record.write", scope: "own_unit" },
  title: (d) => `${d.name}（${d.code}）`,
  // 行政许可法 第三十条: the items, their basis, time limits and fees are shown publicly.
  public: {
    fields: [
      "code",
      "name",
      "kind",
      "unitName",
      "legalBasis",
      "legalDays",
      "promisedDays",
      "handling",
      "venue",
      "online",
      "oneTrip",
      "fee",
    ],
    where: (d) => !d.delistedOn,
  },
  search: { fields: ["name", "code", "legalBasis"] },
  importRows: 20_000,
  // Published as versions (engines/register/versions): the portal shows the list in force
  // on any day, e.g. 武隆政务办发〔2020〕27号.
  versions: {},
});

const windowFields = registerFields({
  code: itemCode("编码", "Code"),
  name: text("名称", "Name", { max: 200 }),
  kind: enumOf(HALL_KIND_LABELS, "类型", "Kind", { filter: true }),
  /** The domain a domain window or a sub-centre serves (e.g. 社会保障、交通管理、税务). */
  domain: text("服务领域", "Domain", { max: 100, optional: true, filter: true }),
  /** The unit that staffs the window or runs the sub-centre. */
  unitCode: unitCode("负责单位", "Responsible unit", { filter: true }),
  items: list(
    z.array(zItemCode).max(2000).default([]),
    "服务事项（编码）",
    "Items served (codes)",
    {
      inList: false,
    },
  ),
  address: text("地址", "Address", { max: 300, optional: true, inList: false }),
  openedOn: date("启用日期", "Opened on", { optional: true }),
  closedOn: date("撤并日期", "Closed on", { optional: true }),
});

export const windowSchema = windowFields.schema.superRefine((d, ctx) => {
  if (d.kind !== "comprehensive" && !d.domain) {
    ctx.addIssue({
      code: "custom",
      path: ["domain"],
      message: zt("分领域窗口和分中心须填写服务领域", "name the domain served"),
    });
  }
  if (d.openedOn && d.closedOn && d.closedOn < d.openedOn) {
    ctx.addIssue({
      code: "custom",
      path: ["closedOn"],
      message: zt("不得早于启用日期", "on or after the opening date"),
    });
  }
});
export type WindowData = z.infer<typeof windowSchema>;

export const windowRegister: RegisterDecl<typeof windowSchema> = defineRegister({
  code: WINDOW_REGISTER,
  label: { zh: "政务服务窗口与分中心", en: "Service windows and sub-centres" },
  module: MODULE,
  schema: windowSchema,
  columns: windowFields.columns,
  uniqueKeys: [{ name: "window_code", fields: ["code"] }],
  visibility: "region",
  edit: { permission: "record.write", scope: "own_unit" },
  title: (d) => `${d.name}（${HALL_KIND_LABELS[d.kind].zh}）`,
  public: {
    fields: ["name", "kind", "domain", "address"],
    where: (d) => !d.closedOn,
  },
  search: { fields: ["name", "domain"] },
});

export const registers: RegisterDecl[] = [itemRegister, windowRegister];
