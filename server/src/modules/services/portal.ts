/**
 * The catalogue and the halls on the public portal (事前公开): every listed service item
 * with its basis, time limits (legal and promised), where it is handled, online
 * availability and fee (行政许可法 第三十条; 《优化营商环境条例》第三十六条: the published,
 * compressed time), and the windows and sub-centres. Only the registers' allowlisted
 * fields; unit codes are never shown (the implementing body's published name is).
 */
import type { PortalSectionDecl } from "../../engines/portal/index.ts";
import {
  HALL_KIND_LABELS,
  HANDLING_LABELS,
  ITEM_KIND_LABELS,
  ITEM_REGISTER,
  MODULE,
  ONLINE_LABELS,
  VENUE_LABELS,
  WINDOW_REGISTER,
} from "./common.ts";

export const portalSections: PortalSectionDecl[] = [
  {
    code: "service_items",
    module: MODULE,
    stage: "before",
    order: 70,
    label: { zh: "政务服务事项目录", en: "Government service items" },
    intro: {
      zh: "政务服务事项（含行政许可事项清单）的设定依据、法定和承诺办结时限、办理场所、网上可办程度和收费标准。",
      en: "Each service item's basis, legal and promised time limits, where it is handled, online availability and fee.",
    },
    source: { register: ITEM_REGISTER },
    title: "name",
    list: ["kind", "unitName", "promisedDays"],
    citations: ["legalBasis"],
    values: {
      kind: ITEM_KIND_LABELS,
      handling: HANDLING_LABELS,
      venue: VENUE_LABELS,
      online: ONLINE_LABELS,
    },
  },
  {
    code: "service_windows",
    module: MODULE,
    stage: "before",
    order: 80,
    label: { zh: "政务服务窗口与分中心", en: "Service windows and sub-centres" },
    intro: {
      zh: "政务服务中心的分领域综合窗口、无差别综合窗口和各政务服务分中心。",
      en: "The centre's domain and undifferentiated windows, and the sub-centres.",
    },
    source: { register: WINDOW_REGISTER },
    title: "name",
    list: ["kind", "domain"],
    detail: false,
    values: { kind: HALL_KIND_LABELS },
  },
];
