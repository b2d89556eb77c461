/**
 * 行政处罚·简易程序 (on-the-spot decisions): a warning, or a small fine — citizens up to
 * 200 yuan and organisations up to 3,000 yuan under the 2021 text (art. 51), 50 and 1,000
 * yuan under the 2017 text (art. 33) — decided on the spot by officers showing their
 * certificates, filed with the body (备案), then paid at a bank within 15 days unless
 * collected on the spot (≤100 yuan, 2021 art. 68; ≤20 yuan, 2017 art. 47).
 */

import { z } from "zod";
import type { CaseTypeDecl, GuardContext } from "../../../engines/case/index.ts";
import { basisEn, basisZh } from "../../../kernel/citation.ts";
import { t } from "../../../kernel/errors.ts";
import { zt } from "../../../kernel/issue-text.ts";
import type { LocalDate } from "../../../kernel/time/index.ts";
import {
  checkOfficers,
  issuerPrefix,
  L,
  labelledEnum,
  MODULE,
  PARTY_PEOPLE,
  Party,
  zAmount,
  zCategory,
  zOfficers,
} from "./common.ts";
import { type PenaltyRules, penaltyRulesAt } from "./rules.ts";

export const SIMPLIFIED_TYPE = "penalty_simplified";

const KIND_LABELS = {
  warning: { zh: "警告", en: "Warning" },
  fine: { zh: "罚款", en: "Fine" },
} as const;

export const SimplifiedFields = z
  .object({
    party: Party,
    category: zCategory,
    place: L(z.string().trim().min(1, "required").max(200), "违法地点", "Place"),
    facts: L(z.string().trim().min(1, "required").max(2000), "违法事实", "Facts"),
    legalBasis: L(z.string().trim().min(1, "required").max(1000), "处罚依据", "Legal basis"),
    penaltyKind: labelledEnum(KIND_LABELS, "处罚种类", "Penalty"),
    fineAmount: L(zAmount.default(0), "罚款金额（元）", "Fine (yuan)"),
  })
  .superRefine((f, ctx) => {
    if ((f.penaltyKind === "fine") !== f.fineAmount > 0) {
      ctx.addIssue({
        code: "custom",
        path: ["fineAmount"],
        message: zt("罚款须填写金额；警告不填写金额", "a fine needs an amount; a warning has none"),
      });
    }
  });

/** When a fine may be collected on the spot (行政处罚法(2021) arts. 68, 69; 2017 arts. 47, 48). */
const COLLECTION_GROUND_LABELS = {
  small: { zh: "依法给予小额罚款（第六十八条第（一）项）", en: "A small fine (art. 68 (一))" },
  hard_to_enforce: {
    zh: "不当场收缴事后难以执行（第六十八条第（二）项）",
    en: "Hard to collect later (art. 68 (二))",
  },
  remote: {
    zh: "边远、水上、交通不便地区，当事人提出（第六十九条）",
    en: "Remote area, at the party's request (art. 69)",
  },
} as const;

export interface SimplifiedCase extends z.infer<typeof SimplifiedFields> {
  collectedOnSpot?: boolean;
  collectionGround?: keyof typeof COLLECTION_GROUND_LABELS;
  collectionReason?: string;
  documentPrefix?: string;
  decidedOn?: LocalDate;
  lawVersion?: string;
  paid?: boolean;
}

const rulesOf = (c: { openedOn: string }): PenaltyRules => penaltyRulesAt(c.openedOn).rules;
type Ctx = GuardContext<SimplifiedCase>;

const amountGuard = (ctx: Ctx) => {
  const f = ctx.case.fields;
  const r = rulesOf(ctx.case).onSpot;
  const max = f.party.kind === "natural_person" ? r.value.natural : r.value.organisation;
  if (f.fineAmount > max) {
    return {
      message: t(
        `罚款 ${f.fineAmount} 元超出简易程序的范围（对${f.party.kind === "natural_person" ? "公民" : "法人或者其他组织"}最多 ${max} 元）${basisZh(r.basis)}：请转为普通程序`,
        `a fine of ${f.fineAmount} yuan is beyond the simplified procedure (at most ${max} yuan for ${f.party.kind === "natural_person" ? "a citizen" : "an organisation"}${basisEn(r.basis).replace(" (", ", ").replace(/\)$/, "")}): convert the case to the general procedure`,
      ),
    };
  }
  if (ctx.input.collectedOnSpot === true && ctx.input.collectionGround !== "small") {
    const old = ctx.case.openedOn < "2021-07-15";
    const basis =
      ctx.input.collectionGround === "remote"
        ? old
          ? "行政处罚法(2017) art. 48: 边远、水上、交通不便地区，当事人向指定的银行缴纳罚款确有困难，经当事人提出，可以当场收缴 [R]"
          : "行政处罚法(2021) art. 69: 边远、水上、交通不便地区，当事人到指定的银行缴纳罚款确有困难，经当事人提出，可以当场收缴"
        : old
          ? "行政处罚法(2017) art. 47 (二): 不当场收缴事后难以执行的 [R]"
          : "行政处罚法(2021) art. 68 (二): 不当场收缴事后难以执行的";
    if (!String(ctx.input.collectionReason ?? "").trim()) {
      return {
        field: "collectionReason",
        message: t(
          `当场收缴须写明理由${basisZh(basis)}`,
          `collecting on the spot on this ground needs the reason${basisEn(basis)}`,
        ),
      };
    }
    return undefined;
  }
  if (
    ctx.input.collectedOnSpot === true &&
    f.fineAmount > rulesOf(ctx.case).onSpotCollection.value
  ) {
    return {
      field: "collectedOnSpot",
      message: t(
        `罚款 ${f.fineAmount} 元不能当场收缴${basisZh(rulesOf(ctx.case).onSpotCollection.basis)}：当事人应到银行缴纳`,
        `a fine of ${f.fineAmount} yuan cannot be collected on the spot${basisEn(rulesOf(ctx.case).onSpotCollection.basis)}: the party pays at the bank`,
      ),
    };
  }
  return undefined;
};

export const simplifiedCaseType: CaseTypeDecl<SimplifiedCase> = {
  code: SIMPLIFIED_TYPE,
  label: { zh: "行政处罚（简易程序）", en: "Administrative penalty (simplified procedure)" },
  module: MODULE,
  fields: SimplifiedFields,
  title: (f) => `当场处罚：${f.facts.slice(0, 30)}（${f.party.name}）`,
  states: {
    recorded: { label: { zh: "现场登记", en: "Recorded on the spot" } },
    decided: { label: { zh: "已当场决定", en: "Decided on the spot" } },
    filed: { label: { zh: "已备案", en: "Filed with the body" } },
    closed: { label: { zh: "已结案", en: "Closed" }, terminal: true },
    converted: {
      label: { zh: "已转普通程序", en: "Converted to the general procedure" },
      terminal: true,
    },
  },
  initial: "recorded",
  transitions: [
    {
      action: "decide_on_spot",
      label: { zh: "当场作出处罚决定", en: "Decide on the spot" },
      from: ["recorded"],
      to: "decided",
      input: z.object({
        officers: zOfficers,
        collectedOnSpot: L(z.boolean().default(false), "当场收缴罚款", "Collected on the spot"),
        // Issue 10 fault 14: the ground of an on-the-spot collection and its reason.
        collectionGround: labelledEnum(
          COLLECTION_GROUND_LABELS,
          "当场收缴的情形",
          "Ground for collecting on the spot",
        ).default("small"),
        collectionReason: L(
          z.string().trim().max(1000).optional(),
          "当场收缴的理由",
          "Why collected on the spot",
        ),
      }),
      setsFields: ["collectedOnSpot", "collectionGround", "collectionReason"],
      issues: ["decision"],
      guards: [
        (ctx) => {
          const r = rulesOf(ctx.case).onSpotOfficers;
          return checkOfficers(ctx, ctx.input.officers as string[], r.value, r.basis);
        },
        amountGuard,
      ],
      derive: async (ctx) => ({
        decidedOn: ctx.onDate,
        lawVersion: penaltyRulesAt(ctx.case.openedOn).law,
        documentPrefix: await issuerPrefix(ctx.w, ctx.case.unitId, ctx.case.regionCode),
      }),
    },
    {
      action: "file_with_body",
      label: { zh: "报所属行政机关备案", en: "File with the body" },
      from: ["decided"],
      to: "filed",
      input: z.object({
        note: L(z.string().trim().max(1000).optional(), "备案说明", "Note"),
      }),
    },
    {
      action: "close",
      label: { zh: "结案", en: "Close the case" },
      from: ["filed"],
      to: "closed",
      input: z.object({
        paid: L(z.boolean().default(false), "罚款已缴纳", "The fine is paid"),
        receiptNo: L(z.string().trim().max(50).optional(), "缴款凭证号", "Receipt number"),
      }),
      setsFields: ["paid"],
      guards: [
        (ctx) => {
          const f = ctx.case.fields;
          if (f.fineAmount > 0 && !f.collectedOnSpot && ctx.input.paid !== true) {
            return {
              field: "paid",
              message: t(
                `罚款 ${f.fineAmount} 元尚未缴纳${basisZh(rulesOf(ctx.case).payment.basis)}`,
                `the fine of ${f.fineAmount} yuan is unpaid${basisEn(rulesOf(ctx.case).payment.basis)}`,
              ),
            };
          }
          return undefined;
        },
      ],
    },
    {
      action: "convert",
      label: { zh: "转为普通程序", en: "Convert to the general procedure" },
      from: ["recorded"],
      to: "converted",
      sensitive: true,
    },
  ],
  clocks: [
    {
      code: "payment",
      label: { zh: "缴纳罚款期限", en: "Time limit for paying the fine" },
      period: (c) =>
        c.fields.fineAmount > 0 && !c.fields.collectedOnSpot ? rulesOf(c).payment.value : undefined,
      legalBasis: {
        cites: [
          { law: "行政处罚法", version: "2021", article: 53 },
          { law: "行政处罚法", version: "2021", article: 67, paragraph: 3 },
          { law: "行政处罚法", version: "2017", article: 46 },
        ],
        note: "行政处罚法(2021) art. 53 and art. 67 para. 3 (2017 text art. 46): 十五日内到指定银行缴纳",
      },
      startOn: { action: "decide_on_spot" },
      stopOn: [{ action: "close" }],
    },
  ],
  numbers: [
    {
      kind: "decision",
      label: { zh: "当场处罚决定书编号", en: "On-the-spot decision number" },
      prefix: (c) => `${c.fields.documentPrefix ?? "执法"}简罚`,
    },
  ],
  people: PARTY_PEOPLE.map((p) => ({ ...p })),
};
