/**
 * 行政执法公示 on the public portal (engines/portal): where each public projection of this
 * module goes, following 国办发〔2018〕118号 (行政执法公示制度):
 *   事前公开 — the bodies with their powers, basis, procedures and remedies (行政处罚法
 *              art. 39), the officers with their certificates, the discretion benchmarks
 *              and the catalogue of major decisions subject to legal review (art. 58);
 *   事中公开 — checking an officer's certificate (亮证执法, 行政处罚法 art. 42, 55);
 *   事后公开 — penalty decisions (行政处罚法 art. 48; 市场监督管理行政处罚信息公示规定).
 * The fields are the sources' own public fields: a section never widens an allowlist.
 */
import type { PortalBodiesDecl, PortalSectionDecl } from "../../engines/portal/index.ts";
import { CATEGORY_LABELS } from "./cases/common.ts";
import { DISCLOSURE_TYPE } from "./cases/penalty/fields.ts";
import { MODULE } from "./registers/common.ts";

const BODIES = "enforcement_body";
const OFFICERS = "enforcement_officer";

export const portalBodies: PortalBodiesDecl = {
  register: BODIES,
  nameField: "name",
  unitCodeField: "unitCode",
};

export const portalSections: PortalSectionDecl[] = [
  {
    code: "bodies",
    module: MODULE,
    stage: "before",
    order: 10,
    label: { zh: "执法主体与职权", en: "Enforcement bodies and powers" },
    intro: {
      zh: "本区行政执法主体的名称、类别、执法依据、职权清单，以及执法程序和救济渠道。",
      en: "The district's enforcement bodies: their basis, powers, procedures and remedies.",
    },
    source: { register: BODIES },
    title: "name",
    list: ["kind"],
    detail: ["kind", "legalBasis", "powers", "publicProcedures"],
    body: { field: "name", by: "name" },
  },
  {
    code: "officers",
    module: MODULE,
    stage: "before",
    order: 20,
    label: { zh: "执法人员", en: "Enforcement officers" },
    intro: {
      zh: "取得行政执法证件的人员姓名、执法证号、所属执法主体和证件有效期。",
      en: "Certified officers: name, certificate number, body and validity.",
    },
    source: { register: OFFICERS },
    title: "name",
    list: ["certificateNo", "bodyUnitCode", "certificateValidTo"],
    detail: false,
    body: { field: "bodyUnitCode", by: "unitCode" },
  },
  {
    code: "benchmarks",
    module: MODULE,
    stage: "before",
    order: 30,
    label: { zh: "行政处罚裁量基准", en: "Discretion benchmarks" },
    intro: {
      zh: "各执法主体对违法行为按情节适用的罚款幅度和其他处罚。",
      en: "The fine ranges and other penalties each body applies by circumstance.",
    },
    source: { register: "discretion_benchmark" },
    title: "violation",
    list: ["bodyUnitCode", "circumstance", "fineMin", "fineMax"],
    detail: ["bodyUnitCode", "circumstance", "legalBasis", "fineMin", "fineMax", "otherPenalties"],
    body: { field: "bodyUnitCode", by: "unitCode" },
    citations: ["legalBasis"],
  },
  {
    code: "major_decisions",
    module: MODULE,
    stage: "before",
    order: 40,
    label: { zh: "重大执法决定法制审核目录", en: "Major decisions subject to legal review" },
    intro: {
      zh: "作出这些执法决定前，须经法制审核（《中华人民共和国行政处罚法》第五十八条）。",
      en: "Decisions that need a legal review before they are made.",
    },
    source: { register: "major_decision_catalogue" },
    title: "bodyUnitCode",
    list: [],
    detail: ["criteria"],
    body: { field: "bodyUnitCode", by: "unitCode" },
  },
  {
    code: "certificates",
    module: MODULE,
    stage: "during",
    order: 10,
    label: { zh: "执法证件核验", en: "Check an officer's certificate" },
    intro: {
      zh: "执法人员执法时应当主动出示执法证件。可按证号或姓名核对证件是否有效。",
      en: "Officers show their certificates when they act; check one here.",
    },
    source: { register: OFFICERS },
    title: "certificateNo",
    list: ["name", "bodyUnitCode", "certificateValidTo"],
    detail: false,
    body: { field: "bodyUnitCode", by: "unitCode" },
  },
  {
    code: "penalty_decisions",
    module: MODULE,
    stage: "after",
    order: 10,
    label: { zh: "行政处罚决定", en: "Penalty decisions" },
    intro: {
      zh: "依法应当公开的行政处罚决定；决定被变更、撤销或确认违法的，公开撤回情况和理由。",
      en: "Penalty decisions published by law, and withdrawals with their reasons.",
    },
    source: { caseType: DISCLOSURE_TYPE },
    title: "number",
    list: ["party", "body", "decidedOn", "status"],
    detail: [
      "party",
      "body",
      "area",
      "violation",
      "facts",
      "penalty",
      "legalBasis",
      "decidedOn",
      "publishedOn",
      "status",
      "withdrawnOn",
      "withdrawalGround",
      "withdrawalReason",
    ],
    body: { field: "body", by: "unit" },
    date: "decidedOn",
    citations: ["legalBasis"],
    values: {
      area: Object.fromEntries(Object.values(CATEGORY_LABELS).map((l) => [l.zh, l])),
    },
  },
];
