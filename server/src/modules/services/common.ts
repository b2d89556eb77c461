/**
 * What the services module's files share: the module code, the case type codes, dates,
 * unit codes and the labels of the catalogue's coded values.
 */
import { z } from "zod";
import { zDate, zUnitCode } from "../../engines/fields.ts";
import { L, labelledEnum } from "../../engines/labels.ts";
import { zt } from "../../kernel/issue-text.ts";

export { L, labelledEnum, zDate, zUnitCode };

export const MODULE = "services";

/** 办件: one application for one catalogue item. */
export const APPLICATION = "service_application";
/** 联办件: one intake, several units processing in parallel (一窗受理、并行办理). */
export const JOINT = "service_joint";
/** 分办件: one unit's part of a joint matter (a sub-case). */
export const JOINT_PART = "service_joint_part";

export const ITEM_REGISTER = "service_item";
export const WINDOW_REGISTER = "service_window";

/** A catalogue item's code (事项编码). */
export const zItemCode = z
  .string()
  .trim()
  .regex(
    /^[A-Za-z0-9_.-]{1,40}$/,
    zt("事项编码只含字母、数字和 _ . -", "letters, digits and _ . - (at most 40)"),
  );

/** Kinds of government-service item (政务服务事项). */
export const ITEM_KIND_LABELS = {
  licensing: { zh: "行政许可", en: "Administrative licensing" },
  confirmation: { zh: "行政确认", en: "Administrative confirmation" },
  payment: { zh: "行政给付", en: "Administrative payment" },
  registration: { zh: "登记（如不动产登记）", en: "Registration (e.g. real estate)" },
  public_service: { zh: "公共服务", en: "Public service" },
  other: { zh: "其他行政权力", en: "Other" },
} as const;

/** 即办件 (concluded on the spot) or 承诺件 (concluded within the promised time). */
export const HANDLING_LABELS = {
  immediate: { zh: "即办件", en: "Immediate item" },
  promised: { zh: "承诺件", en: "Promised item" },
} as const;

/** Where the item is handled: the district's service centre or a sub-centre. */
export const VENUE_LABELS = {
  centre: { zh: "政务服务中心", en: "Service centre" },
  sub_centre: { zh: "政务服务分中心", en: "Sub-centre" },
} as const;

/** 分领域综合窗口 / 无差别综合窗口. */
export const WINDOW_KIND_LABELS = {
  domain: { zh: "分领域综合窗口", en: "Domain window" },
  comprehensive: { zh: "无差别综合窗口", en: "Undifferentiated comprehensive window" },
} as const;

/** Entries of the windows register: windows of either kind, and the sub-centres. */
export const HALL_KIND_LABELS = {
  ...WINDOW_KIND_LABELS,
  sub_centre: { zh: "政务服务分中心", en: "Sub-centre" },
} as const;

/** 全程网办 / 部分网办 / 不能网办 (国办发〔2018〕45号: 网上可办). */
export const ONLINE_LABELS = {
  full: { zh: "全程网办", en: "Entirely online" },
  partial: { zh: "部分网办（网上预审、线下办理）", en: "Partly online" },
  none: { zh: "不能网办", en: "Not online" },
} as const;

/** How an application came in. */
export const CHANNEL_LABELS = {
  window: { zh: "窗口受理", en: "At a window" },
  online: { zh: "网上申请", en: "Online" },
  mail: { zh: "邮寄申请", en: "By express mail" },
} as const;

export const PARTY_KIND_LABELS = {
  natural_person: { zh: "自然人", en: "Natural person" },
  legal_person: { zh: "法人或其他组织", en: "Legal person or other organisation" },
} as const;
