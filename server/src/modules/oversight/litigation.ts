/**
 * 行政应诉: a case in which a body of the district government is the defendant (行政诉讼法
 * arts. 2, 26), including administrative public-interest litigation brought by the
 * procuratorate (art. 25 para. 4, flagged). Owned by the defendant unit. Each hearing
 * records whether the agency head (负责人) appeared or who did instead (art. 3 para. 3;
 * 最高人民法院关于行政机关负责人出庭应诉若干问题的规定 (法释〔2020〕3号) arts. 2, 4, 10);
 * the judgment and whether it was performed. A judgment that revokes, changes or confirms
 * illegal or invalid a penalty decision the case `reviews` takes the penalty case's
 * alteration step there (withdrawn from publication, 行政处罚法(2021) art. 48 para. 2).
 */
import { z } from "zod";
import { type CaseTypeDecl, STAY } from "../../engines/case/index.ts";
import { L, labelledEnum } from "../../engines/labels.ts";
import { basisEn, basisZh } from "../../kernel/citation.ts";
import { t } from "../../kernel/errors.ts";
import { CORRECTING, MODULE, zText } from "./common.ts";

export const LITIGATION_TYPE = "litigation";

export const JUDGMENT_LABELS = {
  change: { zh: "判决变更", en: "Changed" },
  revoke: { zh: "判决撤销", en: "Revoked" },
  confirm_illegal: { zh: "判决确认违法", en: "Confirmed illegal" },
  confirm_invalid: { zh: "判决确认无效", en: "Confirmed invalid" },
  order_performance: { zh: "判决履行", en: "Ordered to perform" },
  compensation: { zh: "判决赔偿、补偿", en: "Compensation" },
  dismiss_claim: { zh: "判决驳回诉讼请求", en: "Claim dismissed" },
  ruling_dismissed: { zh: "裁定驳回起诉", en: "Suit dismissed by ruling" },
} as const;

/** Judgments against the defendant that it must perform. */
const TO_PERFORM = [
  "change",
  "revoke",
  "confirm_illegal",
  "confirm_invalid",
  "order_performance",
  "compensation",
];

const BASIS_APPEAR = "行政诉讼法 art. 3 para. 3; 法释〔2020〕3号 arts. 2, 4, 10";

export const litigationFields = z.object({
  plaintiff: L(zText(100), "原告", "Plaintiff"),
  defendant: L(zText(100), "被告", "Defendant"),
  publicInterest: L(
    z.boolean().default(false),
    "检察机关提起的行政公益诉讼",
    "Public-interest suit by the procuratorate",
  ),
  court: L(zText(100), "受理法院", "Court"),
  caseNo: L(z.string().trim().max(100).optional(), "案号", "Court case number"),
  cause: L(zText(200), "案由", "Cause"),
  act: L(z.string().trim().max(500).optional(), "被诉行政行为", "The act sued"),
  major: L(z.boolean().default(false), "重大案件", "Major case"),
  highProfile: L(z.boolean().default(false), "社会高度关注", "High-profile"),
});
type Litigation = z.infer<typeof litigationFields> & {
  judgment?: keyof typeof JUDGMENT_LABELS;
  judgmentNo?: string;
  judgedOn?: string;
  performed?: boolean;
};

export const litigationCaseType: CaseTypeDecl<Litigation> = {
  code: LITIGATION_TYPE,
  label: { zh: "行政应诉案件", en: "Litigation defence" },
  module: MODULE,
  fields: litigationFields,
  title: (f) => `${f.plaintiff}诉${f.defendant}${f.cause}`.slice(0, 120),
  states: {
    pending: { label: { zh: "审理中", en: "Pending" } },
    judged: { label: { zh: "已裁判", en: "Judged" } },
    closed: { label: { zh: "已结案", en: "Closed" }, terminal: true },
  },
  initial: "pending",
  stepFields: ["judgment", "judgmentNo", "judgedOn", "performed"],
  derived: z.object({
    judgedOn: L(z.string(), "裁判登记日期", "Judgment recorded on"),
    performed: L(z.boolean(), "已履行", "Performed"),
  }),
  transitions: [
    {
      action: "hearing",
      label: { zh: "出庭应诉", en: "Court hearing" },
      from: ["pending"],
      to: STAY,
      input: z.object({
        headAppeared: L(z.boolean(), "行政机关负责人出庭", "The agency head appeared"),
        appearedBy: L(zText(100), "出庭人员及职务", "Who appeared (and post)"),
        instance: labelledEnum(
          {
            first: { zh: "一审", en: "First instance" },
            second: { zh: "二审", en: "Second instance" },
          },
          "审级",
          "Instance",
        ),
      }),
      guards: [
        // 法释〔2020〕3号 art. 10: a head who cannot appear entrusts a staff member; the
        // record names who appeared.
        (ctx) =>
          ctx.input.headAppeared === false && String(ctx.input.appearedBy ?? "").length < 2
            ? {
                field: "appearedBy",
                message: t(
                  `负责人未出庭的，应当记明出庭的工作人员${basisZh(BASIS_APPEAR)}`,
                  `the head did not appear: name who did${basisEn(BASIS_APPEAR)}`,
                ),
              }
            : undefined,
      ],
    },
    {
      action: "judge",
      label: { zh: "登记裁判结果", en: "Record the judgment" },
      from: ["pending"],
      to: "judged",
      input: z.object({
        judgment: labelledEnum(JUDGMENT_LABELS, "裁判结果", "Judgment"),
        judgmentNo: L(zText(100), "裁判文书号", "Judgment number"),
      }),
      setsFields: ["judgment", "judgmentNo"],
      derive: (ctx) => ({
        judgedOn: ctx.onDate,
        ...(TO_PERFORM.includes(String(ctx.input.judgment)) ? {} : { performed: true }),
      }),
      followUps: [
        {
          link: "reviews",
          action: "alter_decision",
          when: (ctx) => String(ctx.input.judgment) in CORRECTING,
          input: (ctx) => ({
            ground: CORRECTING[String(ctx.input.judgment)],
            authority: "litigation",
            documentNo: String(ctx.input.judgmentNo),
            reason: `人民法院${JUDGMENT_LABELS[ctx.input.judgment as keyof typeof JUDGMENT_LABELS].zh}`,
          }),
        },
      ],
    },
    {
      action: "perform",
      label: { zh: "履行生效裁判", en: "Judgment performed" },
      from: ["judged"],
      to: "closed",
      input: z.object({ how: L(zText(1000), "履行情况", "How it was performed") }),
      derive: () => ({ performed: true }),
    },
    {
      action: "close",
      label: { zh: "结案（无需履行）", en: "Close (nothing to perform)" },
      from: ["judged"],
      to: "closed",
      guards: [
        (ctx) =>
          ctx.case.fields.performed
            ? undefined
            : {
                message: t(
                  `裁判须由被告履行：请登记履行情况${basisZh("行政诉讼法 art. 94, art. 96")}`,
                  `the defendant must perform the judgment: record its performance${basisEn("行政诉讼法 art. 94, art. 96")}`,
                ),
              },
      ],
    },
    {
      action: "withdrawn",
      label: { zh: "原告撤诉", en: "Withdrawn by the plaintiff" },
      from: ["pending"],
      to: "closed",
      input: z.object({ rulingNo: L(zText(100), "准予撤诉裁定书号", "Ruling number") }),
    },
  ],
  links: [
    {
      code: "reviews",
      label: { zh: "被诉的行政行为", en: "The act sued" },
      targets: ["penalty_general"],
    },
  ],
  search: { fields: ["plaintiff", "defendant", "court", "cause", "caseNo"] },
};
