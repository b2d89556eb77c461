/**
 * What the enforcement case types share: labelled schemas (the generic web forms read
 * `label` and `enumLabels` from the JSON Schema), the party, the enforcement categories,
 * the officer check (行政处罚法 art. 42; 行政强制法 art. 18), the document-number prefix of
 * a body, and scrubbing of free text before publication.
 */

import { z } from "zod";
import type { GuardContext, GuardRefusal } from "../../../engines/case/index.ts";
import { L, labelledEnum } from "../../../engines/labels.ts";
import { basisEn, basisZh } from "../../../kernel/citation.ts";
import { zIdCard } from "../../../kernel/codes/id-card.ts";
import { zUscc } from "../../../kernel/codes/uscc.ts";
import { t } from "../../../kernel/errors.ts";
import { zt } from "../../../kernel/issue-text.ts";
import type { Label } from "../../../kernel/labels.ts";
import { redactText, scrubNumbers } from "../../../kernel/masking.ts";
import type { WorkTx } from "../../../platform/work.ts";
import { bodyOfUnit, findOfficer, officerValidOn } from "../registers/lookup.ts";

export const MODULE = "enforcement";

/** The label helpers live in the engines (for every module); re-exported for this module's files. */
export { L, labelledEnum } from "../../../engines/labels.ts";

export const zDay = z.iso.date();

/** Yuan, not negative, at most two decimals. */
export const zAmount = z
  .number()
  .nonnegative(zt("不能为负数", "not negative"))
  .max(1e12)
  .refine(
    (n) => Math.round(n * 100) === n * 100,
    zt("最多两位小数（精确到分）", "at most two decimals (fen)"),
  );

// ─────────────────────────────────────────────────────────────────────── categories

export const CATEGORY_LABELS = {
  market_regulation: { zh: "市场监管", en: "Market regulation" },
  ecology_environment: { zh: "生态环境", en: "Ecology and environment" },
  transport: { zh: "交通运输", en: "Transport" },
  urban_management: { zh: "城市管理", en: "Urban management" },
  culture_tourism: { zh: "文化市场", en: "Culture and tourism" },
  agriculture: { zh: "农业", en: "Agriculture" },
  natural_resources: { zh: "规划和自然资源", en: "Planning and natural resources" },
  health: { zh: "卫生健康", en: "Health" },
  emergency: { zh: "应急管理", en: "Emergency management" },
  other: { zh: "其他", en: "Other" },
} as const satisfies Record<string, Label>;
export type Category = keyof typeof CATEGORY_LABELS;
export const CATEGORIES = Object.keys(CATEGORY_LABELS) as Category[];

export const zCategory = labelledEnum(CATEGORY_LABELS, "执法领域", "Enforcement area");

// ──────────────────────────────────────────────────────────────────────────── party

export const PARTY_KIND_LABELS = {
  natural_person: { zh: "自然人", en: "Natural person" },
  legal_person: { zh: "法人", en: "Legal person" },
  other_organisation: { zh: "其他组织", en: "Other organisation" },
} as const satisfies Record<string, Label>;

/**
 * The party (当事人): a natural person (ID number, encrypted at rest), or a legal person or
 * other organisation (unified social credit code). A minor's case is never published
 * (kernel/masking.ts role `minor`).
 */
export const Party = z
  .object({
    kind: labelledEnum(PARTY_KIND_LABELS, "当事人类别", "Kind of party"),
    name: L(z.string().trim().min(1, "required").max(200), "姓名或名称", "Name"),
    idNumber: L(zIdCard.optional(), "身份证号码", "ID number"),
    uscc: L(zUscc.optional(), "统一社会信用代码", "Unified social credit code"),
    legalRepresentative: L(
      z.string().trim().max(50).optional(),
      "法定代表人（负责人）",
      "Legal representative",
    ),
    address: L(z.string().trim().min(1, "required").max(300), "住址或住所", "Address"),
    phone: L(
      z
        .string()
        .trim()
        .regex(
          /^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$/,
          zt("应为手机号码或固定电话号码", "a mobile or landline number"),
        )
        .optional(),
      "联系电话",
      "Phone",
    ),
    minor: L(z.boolean().default(false), "未成年人", "Minor"),
  })
  .superRefine((p, ctx) => {
    if (p.kind === "legal_person" && !p.uscc) {
      ctx.addIssue({
        code: "custom",
        path: ["uscc"],
        message: zt("当事人为法人时必填", "required for a legal person"),
      });
    }
    if (p.kind !== "natural_person" && p.minor) {
      ctx.addIssue({
        code: "custom",
        path: ["minor"],
        message: zt("只有自然人才可能是未成年人", "only a natural person is a minor"),
      });
    }
  })
  .meta({ label: { zh: "当事人", en: "Party" } });
export type PartyData = z.infer<typeof Party>;

/** The party as a people declaration of a case type (masking, encryption at rest). */
export const PARTY_PEOPLE = [
  { field: "party", role: "party_natural", idField: "idNumber", phoneField: "phone" },
] as const;

// ────────────────────────────────────────────────────────────────────────── officers

export const zOfficers = L(
  z
    .array(z.string().trim().toUpperCase().min(1))
    .min(1, zt("请填写执法人员", "name the officers"))
    .max(10),
  "执法人员执法证号",
  "Officers' certificate numbers",
);

/** The directory code of a case's unit (the body's unit code in the registers). */
export async function unitCodeOf(w: WorkTx, unitId: number): Promise<string | undefined> {
  const u = await w.trx
    .selectFrom("unit")
    .select("code")
    .where("id", "=", unitId)
    .executeTakeFirst();
  return u?.code;
}

/**
 * The registers' body codes that act for a case's unit, its own first: a department and
 * its comprehensive enforcement team (综合行政执法支队, a unit under it), or a team and its
 * department. The team's officers investigate the department's cases, and the team's
 * catalogue and benchmarks apply to them.
 */
export async function bodyCodesOf(w: WorkTx, unitId: number): Promise<string[]> {
  const u = await w.trx
    .selectFrom("unit")
    .select(["code", "kind", "parent_id", "region_code"])
    .where("id", "=", unitId)
    .executeTakeFirst();
  if (!u) return [];
  const codes = [u.code];
  if (u.kind === "enforcement_team" && u.parent_id !== null) {
    const parent = await w.trx
      .selectFrom("unit")
      .select("code")
      .where("id", "=", u.parent_id)
      .executeTakeFirst();
    if (parent) codes.push(parent.code);
  }
  const teams = await w.trx
    .selectFrom("unit")
    .select("code")
    .where("parent_id", "=", unitId)
    .where("kind", "=", "enforcement_team")
    .where("region_code", "=", u.region_code)
    .orderBy("code")
    .execute();
  codes.push(...teams.map((t) => t.code));
  return codes;
}

/**
 * At least `min` distinct officers of the case's body, each with a certificate valid on
 * the step's date (行政处罚法 art. 42 / 2017 art. 37; 行政强制法 art. 18).
 */
export async function checkOfficers<F>(
  ctx: GuardContext<F>,
  certificates: readonly string[],
  min: number,
  basis: string,
  field = "officers",
): Promise<GuardRefusal | undefined> {
  const distinct = [...new Set(certificates.map((c) => c.trim().toUpperCase()))];
  if (distinct.length < min) {
    return {
      field,
      message: t(
        `至少需要 ${min} 名持有效执法证件的执法人员，现填写 ${distinct.length} 名${basisZh(basis)}`,
        `at least ${min} officers with valid certificates are required, ${distinct.length} named${basisEn(basis)}`,
      ),
    };
  }
  const bodies = await bodyCodesOf(ctx.w, ctx.case.unitId);
  for (const no of distinct) {
    const o = await findOfficer(ctx.w, no, ctx.case.regionCode);
    if (!o) {
      return {
        field,
        message: t(
          `执法人员名录中没有执法证号为 ${no} 的人员${basisZh(basis)}`,
          `no enforcement officer holds certificate ${no} in the officers register${basisEn(basis)}`,
        ),
      };
    }
    if (!officerValidOn(o, ctx.onDate)) {
      return {
        field,
        message: t(
          `${o.name}的执法证（${no}）在 ${ctx.onDate} 不在有效期内（有效期 ${o.validFrom || "？"} 至 ${o.validTo || "？"}）${basisZh(basis)}`,
          `${o.name}'s certificate ${no} is not valid on ${ctx.onDate} (valid ${o.validFrom || "?"} to ${o.validTo || "?"})${basisEn(basis)}`,
        ),
      };
    }
    if (bodies.length && !bodies.includes(o.bodyUnitCode)) {
      return {
        field,
        message: t(
          `${o.name}（执法证号 ${no}）不是本案执法主体的执法人员${basisZh(basis)}`,
          `${o.name} (certificate ${no}) enforces for ${o.bodyUnitCode}, not for this case's body ${bodies.join(" or ")}${basisEn(basis)}`,
        ),
      };
    }
  }
  return undefined;
}

// ──────────────────────────────────────────────────────────────── document numbers

/** Short names of bodies in document numbers (e.g. 武隆市监罚〔2020〕12号). */
const SHORT: Record<string, string> = {
  scjgj: "市监",
  sthjj: "环",
  jtj: "交",
  cgj: "城管",
  whlyw: "文旅",
  nyncw: "农",
  ghzrzyj: "规资",
  wsjkw: "卫",
  yjj: "应急",
  gaj: "公",
  lyj: "林",
  zfcxjw: "住建",
  "team-scjg": "市监执",
  "team-sthj": "环执",
  "team-whsc": "文执",
  "team-ny": "农执",
  "team-cg": "城执",
  "team-jtys": "交执",
  "team-ghzy": "规资执",
  "team-wsjk": "卫执",
};

/**
 * The issuer's part of a document number: the region's short name and the body's, e.g.
 * 武隆市监 — then 罚 (general procedure) or 简罚 (simplified). Unknown units use their code.
 */
export async function issuerPrefix(w: WorkTx, unitId: number, regionCode: string) {
  const unit = await w.trx
    .selectFrom("unit")
    .select(["code", "name_zh"])
    .where("id", "=", unitId)
    .executeTakeFirst();
  const region = await w.trx
    .selectFrom("region")
    .select("name_zh")
    .where("code", "=", regionCode)
    .executeTakeFirst();
  const place = (region?.name_zh ?? "").replace(/(自治县|自治州|区|县|市)$/, "");
  const code = unit?.code ?? "";
  const team = code.startsWith("town-") ? `${unit?.name_zh ?? code}综执` : undefined;
  const body = await bodyOfUnit(w, unitId);
  return `${place}${SHORT[code] ?? team ?? body?.name ?? code}`;
}

// ──────────────────────────────────────────────────────────────────── publication

/**
 * Free text on its way to the public: names of the given people masked (kernel
 * redactText), and anything shaped like an ID or phone number removed in any of the
 * forms people write them (kernel scrubNumbers) — the case's own numbers are encrypted
 * by then, so they cannot be matched literally.
 */
export function scrub(text: string, names: readonly string[]): string {
  return scrubNumbers(
    redactText(
      text,
      names.filter(Boolean).map((name) => ({ name })),
    ),
  );
}
