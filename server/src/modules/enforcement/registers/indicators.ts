/**
 * The enforcement registers' figures (report 一(六)1–3): bodies and their authorised
 * posts by kind, officers holding a valid certificate, legal reviewers among them,
 * recorders and mobile kits, and officers who passed certificate training in the year.
 *
 * The seed report's figures are the split ones: 8 comprehensive enforcement teams with
 * 215 posts and 26 township (street) enforcement offices with 150 posts. Departments
 * enforcing in their own name are declared separately (`…_department`) and counted in
 * the totals, which the report does not state.
 */
import { type Expression, type SqlBool, sql } from "kysely";
import type { DrillRow, IndicatorDecl, IndicatorQuery } from "../../../engines/indicator/index.ts";
import { countRegister, ratio, sumRegister } from "../../../engines/indicator/index.ts";
import type { Label } from "../../../kernel/labels.ts";
import { BODY_KIND_LABELS, BODY_KINDS, type BodyKind, bodyRegister } from "./bodies.ts";
import { MODULE } from "./common.ts";
import { equipmentRegister } from "./equipment.ts";
import { officerRegister } from "./officers.ts";

const BODIES: Label = { zh: "个", en: "bodies" };
const POSTS: Label = { zh: "名", en: "posts" };
const PEOPLE: Label = { zh: "人", en: "officers" };
const DEVICES: Label = { zh: "台", en: "devices" };
const PERCENT: Label = { zh: "%", en: "%" };

const KIND_NOTE: Record<BodyKind, Label> = {
  comprehensive_team: {
    zh: "综合行政执法队伍（报告一(六)1：8支）",
    en: "comprehensive enforcement teams (report 一(六)1: 8)",
  },
  township_office: {
    zh: "乡镇（街道）综合行政执法办公室（报告一(六)1：26个）",
    en: "township and street enforcement offices (report 一(六)1: 26)",
  },
  department: {
    zh: "以自己名义执法的部门（报告未单列，不含于8支队伍和26个乡镇街道的数字）",
    en: "departments enforcing in their own name (not stated in the report; not part of its 8 teams and 26 townships)",
  },
};

function bodyIndicators(): IndicatorDecl[] {
  const all: IndicatorDecl[] = [
    {
      id: "enforcement_bodies",
      module: MODULE,
      unit: BODIES,
      label: { zh: "行政执法主体数", en: "Enforcement bodies" },
      definition: {
        zh: "执法主体名录中的全部执法主体：综合行政执法队伍、乡镇（街道）综合行政执法办公室和以自己名义执法的部门",
        en: "Every body of the enforcement body register: comprehensive teams, township (street) offices and enforcing departments",
      },
      ...countRegister({ register: bodyRegister.code, stock: true }),
    },
    {
      id: "enforcement_posts",
      module: MODULE,
      unit: POSTS,
      label: { zh: "行政执法核定编制数", en: "Authorised enforcement posts" },
      definition: {
        zh: "执法主体名录中全部执法主体的核定编制合计",
        en: "Authorised posts of every body of the enforcement body register, summed",
      },
      ...sumRegister({ register: bodyRegister.code, stock: true, field: "posts" }),
      decimals: 0,
    },
  ];
  for (const kind of BODY_KINDS) {
    const note = KIND_NOTE[kind];
    all.push(
      {
        id: `enforcement_bodies_${kind}`,
        module: MODULE,
        unit: BODIES,
        label: { zh: `${BODY_KIND_LABELS[kind].zh}数`, en: `${BODY_KIND_LABELS[kind].en}s` },
        definition: {
          zh: `执法主体名录中类别为${note.zh}的执法主体`,
          en: `Bodies of the enforcement body register of the kind ${note.en}`,
        },
        ...countRegister({ register: bodyRegister.code, stock: true, where: { kind } }),
      },
      {
        id: `enforcement_posts_${kind}`,
        module: MODULE,
        unit: POSTS,
        label: {
          zh: `${BODY_KIND_LABELS[kind].zh}核定编制数`,
          en: `Authorised posts: ${BODY_KIND_LABELS[kind].en.toLowerCase()}s`,
        },
        definition: {
          zh: `类别为${note.zh}的执法主体的核定编制合计`,
          en: `Authorised posts of the bodies of the kind ${note.en}, summed`,
        },
        ...sumRegister({
          register: bodyRegister.code,
          stock: true,
          field: "posts",
          where: { kind },
        }),
        decimals: 0,
      },
    );
  }
  return all;
}

const VALID_CERTIFICATE = {
  validFrom: "certificateValidFrom",
  validTo: "certificateValidTo",
} as const;

// ───────────────────────────────────────────── officers with certificate training

/** Officers with a passed certificate training dated in the period. */
function trainedIn(q: IndicatorQuery): Expression<SqlBool> {
  return sql<SqlBool>`exists (
    select 1 from jsonb_array_elements(case when jsonb_typeof(register_entry.data -> 'training') = 'array'
      then register_entry.data -> 'training' else '[]'::jsonb end) as t(item)
    where t.item ->> 'kind' = 'certificate'
      and t.item -> 'passed' = 'true'::jsonb
      and left(t.item ->> 'date', 10) between ${q.from}::text and ${q.to}::text)`;
}

function trainedQuery(q: IndicatorQuery) {
  return q.db.selectFrom("register_entry").where((eb) => {
    const conds: Expression<SqlBool>[] = [
      eb("register_entry.region_code", "in", q.regions),
      eb("register_entry.register", "=", officerRegister.code),
      trainedIn(q),
    ];
    if (q.unitId !== undefined) conds.push(eb("register_entry.unit_id", "=", q.unitId));
    return eb.and(conds);
  });
}

const trainedCertificate: IndicatorDecl = {
  id: "enforcement_officers_trained_certificate",
  module: MODULE,
  unit: PEOPLE,
  label: {
    zh: "参加执法证件培训并合格的人数",
    en: "Officers who passed certificate training",
  },
  definition: {
    zh: "执法人员名录中，培训记录里有一次类别为「执法证件培训」、考试合格且培训日期在期间内的人员（每人计一次）",
    en: "Officers of the officer register with a certificate training, passed, dated in the period (each officer once)",
  },
  basis: {
    zh: "按培训记录的日期计入所属期间；同一人期间内多次培训只计一次",
    en: "a training counts in the period its date falls in; an officer trained more than once in the period counts once",
  },
  decimals: 0,
  value: async (q) => {
    const r = await trainedQuery(q)
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },
  drill: async (q): Promise<DrillRow[]> => {
    const rows = await trainedQuery(q)
      .select([
        "register_entry.region_code",
        "register_entry.id",
        "register_entry.register",
        "register_entry.unit_id",
        "register_entry.data",
      ])
      .orderBy("register_entry.region_code")
      .orderBy("register_entry.id")
      .execute();
    return rows.map((r) => ({
      kind: "register" as const,
      regionCode: r.region_code,
      id: Number(r.id),
      type: r.register,
      title:
        q.context?.registerTitle(r.register, r.data) ??
        String((r.data as { name?: string }).name ?? r.id),
      unitId: Number(r.unit_id),
      value: 1,
    }));
  },
};

export const INDICATORS: IndicatorDecl[] = [
  ...bodyIndicators(),
  {
    id: "enforcement_officers",
    module: MODULE,
    unit: PEOPLE,
    label: { zh: "行政执法人员数", en: "Enforcement officers" },
    definition: {
      zh: "执法人员名录中执法证件在期末有效的人员",
      en: "Officers of the officer register whose certificate is valid on the last day of the period",
    },
    ...countRegister({ register: officerRegister.code, stock: VALID_CERTIFICATE }),
  },
  {
    id: "enforcement_legal_reviewers",
    module: MODULE,
    unit: PEOPLE,
    label: { zh: "法制审核人员数", en: "Legal reviewers" },
    definition: {
      zh: "执法证件在期末有效、负责法制审核的执法人员（行政处罚法第五十八条）",
      en: "Officers with a certificate valid on the last day of the period who are legal reviewers (行政处罚法 art. 58)",
    },
    ...countRegister({
      register: officerRegister.code,
      stock: VALID_CERTIFICATE,
      where: { legalReviewer: true },
    }),
  },
  {
    id: "enforcement_legal_reviewer_share",
    module: MODULE,
    unit: PERCENT,
    label: { zh: "法制审核人员占执法人员比例", en: "Legal reviewers among officers" },
    definition: {
      zh: "法制审核人员数 ÷ 行政执法人员数（国办发〔2018〕118号：原则上不少于5%）",
      en: "Legal reviewers ÷ enforcement officers (国办发〔2018〕118号: as a rule at least 5%)",
    },
    ...ratio("enforcement_legal_reviewers", "enforcement_officers"),
  },
  {
    id: "enforcement_equipment",
    module: MODULE,
    unit: DEVICES,
    label: { zh: "执法记录仪及移动执法设备数", en: "Recorders and mobile enforcement kits" },
    definition: {
      zh: "执法装备名录中未报废（在用、备用、维修）的执法记录仪和移动执法设备箱，配备日期为空或不晚于期末；状态为当前状态",
      en: "Recorders and mobile kits of the equipment register not retired (in use, spare, under repair), acquired on or before the last day of the period (or no date); the state is the current one",
    },
    ...countRegister({
      register: equipmentRegister.code,
      stock: { validFrom: "acquiredOn" },
      where: { kind: ["recorder", "mobile_kit"], state: ["in_use", "spare", "repair"] },
    }),
  },
  trainedCertificate,
];
