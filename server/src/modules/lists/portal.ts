/**
 * The lists on the public portal (事前公开: powers and their basis, fees, before anyone
 * deals with the government — 国办发〔2018〕118号; 优化营商环境条例 art. 25 for the fee
 * catalogue). Each shows the version in force on the day asked (`?on=`), with its number.
 */
import type { PortalSectionDecl } from "../../engines/portal/index.ts";
import { MODULE } from "./common.ts";
import { FEE_KIND_LABELS, POWER_KIND_LABELS } from "./registers.ts";

export const LIST_SECTIONS: PortalSectionDecl[] = [
  {
    code: "power_list",
    module: MODULE,
    label: { zh: "权责清单", en: "Power and responsibility list" },
    stage: "before",
    order: 30,
    intro: {
      zh: "各单位依法行使的行政权力事项及其设定依据和责任事项，按发布的版本公开，可查看任一日期施行的版本。",
      en: "The powers each unit exercises, their legal basis and responsibilities, as published; the version in force on any day.",
    },
    source: { register: "power_item" },
    title: "name",
    list: ["code", "kind", "unitCode"],
    body: { field: "unitCode", by: "unitCode" },
    values: { kind: POWER_KIND_LABELS },
  },
  {
    code: "fee_catalogue",
    module: MODULE,
    label: { zh: "行政事业性收费目录清单", en: "Administrative fee catalogue" },
    stage: "before",
    order: 31,
    intro: {
      zh: "依法设立的行政事业性收费项目、标准和依据，清单之外一律不得收费（《优化营商环境条例》第二十五条）。",
      en: "The fees lawfully set, their standards and basis; no fee outside the catalogue.",
    },
    source: { register: "fee_item" },
    title: "item",
    list: ["code", "standard", "unitCode"],
    body: { field: "unitCode", by: "unitCode" },
    values: { kind: FEE_KIND_LABELS },
  },
];
