/**
 * How long a published decision stays public, and telling the party it will be published
 * (issue 10 fault 12), where the area's rule says so (setting enforcement.publication_terms;
 * market regulation: 总局令第45号 arts. 8, 13):
 * - decisions imposing only 通报批评 or 警告, or a small fine, end after the short term
 *   (3 months); all others after the long term (3 years), counted from publication;
 * - the decision's service carries the written notice that it will be published.
 */
import { z } from "zod";
import type { ClockDecl, TransitionDecl } from "../../../engines/case/index.ts";
import type { Settings } from "../../../engines/settings.ts";
import { basisEn, basisZh } from "../../../kernel/citation.ts";
import { t } from "../../../kernel/errors.ts";
import { addMonthsClamped, compareLocalDate, type LocalDate } from "../../../kernel/time/index.ts";
import { type Category, L } from "./common.ts";
import type { PenaltyKind } from "./labels.ts";
import type { Ctx } from "./penalty/fields.ts";
import { publicationTerms } from "./procedure-settings.ts";

/** The months a decision stays public, or undefined (no term in the area's rule). */
export function publicMonthsOf(
  s: Settings,
  category: Category,
  d: { penalties: PenaltyKind[]; fine: number },
): number | undefined {
  const rule = publicationTerms(s, category);
  if (!rule) return undefined;
  const light = d.penalties.every((p) => p === "warning" || p === "criticism" || p === "fine");
  return light && d.fine <= rule.smallFine ? rule.shortMonths : rule.longMonths;
}

/** The disclosure record's field, its clock and its ending step. */
export const PublicMonthsField = {
  publicMonths: L(
    z.number().int().min(1).max(120).optional(),
    "公示期限（月）",
    "Public for (months)",
  ),
};

// biome-ignore lint/suspicious/noExplicitAny: the disclosure case's fields
type Disclosure = any;

export const publicationTermClock: ClockDecl<Disclosure> = {
  code: "publication_term",
  label: { zh: "公示期限", en: "Term of publication" },
  period: (c) =>
    c.fields.publicMonths ? { n: Number(c.fields.publicMonths), unit: "month" } : undefined,
  legalBasis: {
    cites: [{ law: "市场监督管理行政处罚信息公示规定", article: 13 }],
    note: "市场监督管理行政处罚信息公示规定 (总局令第45号) art. 13: 仅受到通报批评或者较低数额罚款的届满三个月、其他届满三年停止公示 (setting enforcement.publication_terms)",
  },
  startOn: { action: "publish" },
  stopOn: [{ action: "end_publication" }, { action: "take_down" }, { action: "withdraw" }],
};

export const endPublicationStep: TransitionDecl<Disclosure> = {
  action: "end_publication",
  label: { zh: "停止公示（公示期满）", en: "End the publication (term over)" },
  from: ["published"],
  to: "ended",
  guards: [
    (ctx) => {
      const f = ctx.case.fields;
      if (!f.publicMonths || !f.publishedOn) {
        return {
          message: t("本执法领域没有公示期限的规定", "the area's rule sets no term of publication"),
        };
      }
      const end = addMonthsClamped(f.publishedOn as LocalDate, Number(f.publicMonths));
      if (compareLocalDate(ctx.onDate, end) < 0) {
        const basis = "市场监督管理行政处罚信息公示规定 art. 13";
        return {
          message: t(
            `公示期限为 ${f.publicMonths} 个月，至 ${end} 届满${basisZh(basis)}`,
            `the decision stays public for ${f.publicMonths} months, until ${end}${basisEn(basis)}`,
          ),
        };
      }
      return undefined;
    },
  ],
};

/** The serve step's input: the written notice that the decision will be published (art. 8). */
export const PublicationNoticeInput = {
  publicationNotified: L(
    z.boolean().default(false),
    "已书面告知当事人处罚信息将向社会公示",
    "Told the party in writing that the decision will be published",
  ),
};

export const publicationNoticeGuard = (ctx: Ctx) => {
  const f = ctx.case.fields;
  if (!f.publicationPlan?.required) return undefined;
  const rule = publicationTerms(ctx.settings, f.category as Category);
  if (!rule || ctx.input.publicationNotified === true) return undefined;
  // 总局令第45号 is in force from 2021-09-01.
  if (f.decidedOn && compareLocalDate(f.decidedOn, "2021-09-01" as LocalDate) < 0) return undefined;
  const basis = "市场监督管理行政处罚信息公示规定 art. 8";
  return {
    field: "publicationNotified",
    message: t(
      `该决定应当公示：送达决定书时应当书面告知当事人行政处罚信息将向社会公示${basisZh(basis)}`,
      `the decision will be published: tell the party so in writing when serving it${basisEn(basis)}`,
    ),
  };
};
