/**
 * The notice and what the decision must keep to (issue 10, part A):
 * - the notice names the intended kinds, fine and confiscation; the right to a hearing is
 *   derived from them (2021 art. 63 with the large amounts as a setting; 2017 art. 42) and a
 *   notice in scope that withholds it is refused;
 * - no decision heavier than the last notice in any kind, the fine or the confiscated
 *   amount (2021 arts. 44, 45 para. 2, 62; 2017 arts. 31, 32, 41): notify again;
 * - no decision before the party's statement is recorded, waived, or its period has run
 *   from the service of the notice (silence then counts as a waiver; 2021 art. 62);
 * - the legality review covers a proposal: a decision differing from it, or a new notice
 *   after it, needs a new review; the reviewer and the hearing chair are not among the
 *   case's investigating officers (2021 arts. 58, 64 (四); 2017 arts. 38, 42).
 * Procedure follows the law in force on the day of the step (程序从新): `rulesOn`.
 */
import { z } from "zod";
import { basisEn, basisZh } from "../../../../kernel/citation.ts";
import { t } from "../../../../kernel/errors.ts";
import { zt } from "../../../../kernel/issue-text.ts";
import { addPeriod, compareLocalDate, type LocalDate } from "../../../../kernel/time/index.ts";
import { findOfficer } from "../../registers/lookup.ts";
import { type Category, L, labelledEnum, zAmount } from "../common.ts";
import { PENALTY_KIND_LABELS, type PenaltyKind, SERVICE_METHOD_LABELS } from "../labels.ts";
import { hearingAmounts, statementDays } from "../procedure-settings.ts";
import { penaltyRulesAt } from "../rules.ts";
import { deemedServedOn } from "./execution.ts";
import type { Ctx, PenaltyCase } from "./fields.ts";
import { bodyName } from "./publication.ts";

/** The procedural rules in force on a day (程序从新, 立法法 art. 104 read with 2021 art. 37). */
export const rulesOn = (onDate: string) => penaltyRulesAt(onDate).rules;

const steps = (ctx: Ctx, action: string) =>
  ctx.history.filter((e) => e.kind === "transition" && e.action === action);
const lastStep = (ctx: Ctx, action: string) => steps(ctx, action).at(-1);
const after = (ctx: Ctx, a: { onDate: string } | undefined, b: { onDate: string } | undefined) =>
  a !== undefined &&
  b !== undefined &&
  ctx.history.indexOf(a as never) > ctx.history.indexOf(b as never);

const KIND_LIST = z
  .array(z.enum(Object.keys(PENALTY_KIND_LABELS) as [PenaltyKind, ...PenaltyKind[]]))
  .max(11)
  .meta({
    label: { zh: "拟作出的处罚种类", en: "Intended kinds of penalty" },
    enumLabels: PENALTY_KIND_LABELS,
  });

export const NoticeInput = z
  .object({
    intendedPenalty: L(
      z.string().trim().min(1, "required").max(2000),
      "拟作出的行政处罚",
      "Intended penalty",
    ),
    intendedPenalties: KIND_LIST.default([]),
    intendedFine: L(zAmount.default(0), "拟罚款金额（元）", "Intended fine (yuan)"),
    intendedConfiscation: L(zAmount.default(0), "拟没收金额（元）", "Intended confiscation (yuan)"),
    // Derived from the intended penalty (art. 63); ticking it offers a hearing beyond the scope.
    hearingRight: L(
      z.boolean().optional(),
      "告知听证权利（属于听证范围的由系统认定）",
      "Offer a hearing (in the scope of art. 63 it is derived)",
    ),
    // The notice's own service (issue 10 fault 4 with fault 9): the statement period and the
    // hearing window run from the day service takes effect, an announcement's deemed day.
    noticeServiceMethod: labelledEnum(
      SERVICE_METHOD_LABELS,
      "告知书送达方式",
      "How the notice was served",
    ).default("direct"),
    noticeElectronicConsent: L(
      z.boolean().optional(),
      "当事人同意电子送达并签订确认书",
      "The party agreed in writing to electronic service",
    ),
    noticeAnnouncementReason: L(
      z.string().trim().max(1000).optional(),
      "公告送达的原因和经过",
      "Why and how service was by announcement",
    ),
  })
  .superRefine((d, ctx) => {
    if (d.intendedPenalties.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["intendedPenalties"],
        message: zt("请选择拟作出的处罚种类", "name the intended kinds of penalty"),
      });
    }
    if (d.intendedPenalties.includes("fine") !== d.intendedFine > 0) {
      ctx.addIssue({
        code: "custom",
        path: ["intendedFine"],
        message: zt(
          "拟罚款须填写金额，填写金额须选择罚款",
          "an intended fine needs an amount, and an amount needs the kind 罚款",
        ),
      });
    }
  });

// ─────────────────────────────────────────────────────────────── hearing scope

const SCOPE_2021: Partial<Record<PenaltyKind, string>> = {
  lower_qualification: "降低资质等级（第六十三条第一款第（三）项）",
  revoke_licence: "吊销许可证件（第六十三条第一款第（三）项）",
  stop_production: "责令停产停业（第六十三条第一款第（四）项）",
  close: "责令关闭（第六十三条第一款第（四）项）",
  restrict_practice: "限制从业（第六十三条第一款第（四）项）",
  // 其他较重的行政处罚 (五) [I]
  restrict_business: "限制开展生产经营活动（第六十三条第一款第（五）项）",
  suspend_licence: "暂扣许可证件（第六十三条第一款第（五）项）",
};
const SCOPE_2017: Partial<Record<PenaltyKind, string>> = {
  stop_production: "责令停产停业（2017年文本第四十二条）",
  close: "责令停产停业、关闭（2017年文本第四十二条）",
  revoke_licence: "吊销许可证或者执照（2017年文本第四十二条）",
  suspend_licence: "暂扣许可证或者执照（2017年文本第四十二条）",
};

/** Why the intended penalty gives the party a right to a hearing (empty: it does not). */
export function hearingScope(ctx: Ctx): string[] {
  const law2021 = compareLocalDate(ctx.onDate, "2021-07-15" as LocalDate) >= 0;
  const kinds = (ctx.input.intendedPenalties as PenaltyKind[] | undefined) ?? [];
  const fine = Number(ctx.input.intendedFine ?? 0);
  const conf = Number(ctx.input.intendedConfiscation ?? 0);
  const f = ctx.case.fields;
  const a = hearingAmounts(ctx.settings, f.category as Category);
  const natural = f.party.kind === "natural_person";
  const fineAt = natural ? a.fineNatural : a.fineOrganisation;
  const confAt = natural ? a.confiscationNatural : a.confiscationOrganisation;
  const out: string[] = [];
  if (fine > 0 && fine >= fineAt) out.push(`较大数额罚款（${fine}元，不低于${fineAt}元）`);
  if (law2021 && conf > 0 && conf >= confAt)
    out.push(`没收较大数额违法所得、较大价值非法财物（${conf}元，不低于${confAt}元）`);
  const table = law2021 ? SCOPE_2021 : SCOPE_2017;
  for (const k of kinds) if (table[k]) out.push(table[k]);
  return out;
}

export function hearingBasis(onDate: string): string {
  return compareLocalDate(onDate as LocalDate, "2021-07-15" as LocalDate) >= 0
    ? "行政处罚法(2021) art. 63"
    : "行政处罚法(2017) art. 42 [R]";
}

/** A notice in the hearing scope must offer the hearing. */
export const hearingOfferGuard = (ctx: Ctx) => {
  const scope = hearingScope(ctx);
  if (scope.length > 0 && ctx.input.hearingRight === false) {
    const basis = `${hearingBasis(ctx.onDate)}; ${hearingAmounts(ctx.settings, ctx.case.fields.category as Category).basis}`;
    return {
      field: "hearingRight",
      message: t(
        `拟作出的处罚属于听证范围（${scope.join("；")}），应当告知当事人有要求听证的权利${basisZh(basis)}`,
        `the intended penalty is within the hearing scope (${scope.join("; ")}): the notice must offer a hearing${basisEn(basis)}`,
      ),
    };
  }
  return undefined;
};

export const noticeDerive = async (ctx: Ctx) => {
  const scope = hearingScope(ctx);
  const hearingRight = scope.length > 0 || ctx.input.hearingRight === true;
  const r = rulesOn(ctx.onDate);
  // The periods run from the day the notice is served (2021 arts. 62, 64 (一): 告知后; an
  // announcement is served when its period has passed, 民事诉讼法 art. 95).
  const method = String(ctx.input.noticeServiceMethod ?? "direct");
  const servedOn = deemedServedOn(method, ctx.onDate);
  return {
    hearingRight,
    hearingScope: scope,
    noticeOn: ctx.onDate,
    // The body giving notice is the one that decides: its full name for the instruments.
    decidingBody: await bodyName(ctx.w, ctx.case.unitId, ctx.case.regionCode),
    noticeServedOn: servedOn,
    noticeService: { method, ...(method === "announcement" ? { announcedOn: ctx.onDate } : {}) },
    noticeLaw: penaltyRulesAt(ctx.onDate).law,
    hearingRequestUntil: hearingRight
      ? addPeriod(ctx.calendar, servedOn, r.hearingRequest.value).due
      : undefined,
    statementDays: statementDays(ctx.settings, ctx.case.fields.category as Category),
    statementUntil: addPeriod(ctx.calendar, servedOn, {
      n: statementDays(ctx.settings, ctx.case.fields.category as Category),
      unit: "working_day",
    }).due,
    statementWaived: false,
    hearingWaived: false,
  };
};

// ────────────────────────────────────────────────────────── no heavier than notified

/** What the decision adds to the last notice (empty: not heavier). */
export function heavierThanNotice(f: PenaltyCase, input: Record<string, unknown>): string[] {
  if (input.decisionKind !== "penalty") return [];
  const kinds = (input.penalties as PenaltyKind[] | undefined) ?? [];
  const notified = f.intendedPenalties ?? [];
  const out: string[] = [];
  // A warning is the lightest kind (art. 9 (一)): it may replace any notified penalty.
  for (const k of kinds) {
    if (!notified.includes(k) && !(k === "warning" && notified.length > 0))
      out.push(`${PENALTY_KIND_LABELS[k].zh}（未告知）`);
  }
  const fine = Number(input.fineAmount ?? 0);
  if (fine > (f.intendedFine ?? 0)) out.push(`罚款${fine}元（告知${f.intendedFine ?? 0}元）`);
  const conf = Number(input.confiscationAmount ?? 0);
  if (conf > (f.intendedConfiscation ?? 0))
    out.push(`没收${conf}元（告知${f.intendedConfiscation ?? 0}元）`);
  return out;
}

export const noHeavierGuard = (ctx: Ctx) => {
  const more = heavierThanNotice(ctx.case.fields, ctx.input);
  if (more.length === 0) return undefined;
  const r = rulesOn(ctx.onDate);
  const basis = `${r.notice}; ${r.noHeavierForDefence}; ${r.noDecisionWithoutNotice}`;
  return {
    field: "penalties",
    message: t(
      `决定重于告知当事人的处罚：${more.join("；")}。不得因当事人陈述、申辩而加重处罚，加重的须重新告知并给予陈述、申辩期间${basisZh(basis)}`,
      `the decision is heavier than the notice: ${more.join("; ")} — notify the party again, with its own statement period${basisEn(basis)}`,
    ),
  };
};

// ─────────────────────────────────────────────────────────── statement or its waiver

/** How the party's right to be heard was used after the last notice, or undefined. */
export function rightsUsed(ctx: Ctx): "statement" | "waived" | "hearing" | "silence" | undefined {
  const notice = lastStep(ctx, "notify");
  if (!notice) return undefined;
  const f = ctx.case.fields;
  if (after(ctx, lastStep(ctx, "hold_hearing"), notice)) return "hearing";
  if (after(ctx, lastStep(ctx, "record_statement"), notice)) return "statement";
  if (f.statementWaived) return "waived";
  const until = f.statementUntil;
  if (until && compareLocalDate(ctx.onDate, until) > 0) return "silence";
  return undefined;
}

export const statementGuard = (ctx: Ctx) => {
  if (!lastStep(ctx, "notify")) {
    const basis = rulesOn(ctx.onDate).noDecisionWithoutNotice;
    return {
      message: t(
        `未告知当事人拟作出的处罚及其陈述、申辩权利，不得作出决定${basisZh(basis)}`,
        `the party was not notified of the intended penalty and its rights${basisEn(basis)}`,
      ),
    };
  }
  if (rightsUsed(ctx)) return undefined;
  const until = ctx.case.fields.statementUntil;
  const basis = `${rulesOn(ctx.onDate).noDecisionWithoutNotice}; 市场监督管理行政处罚程序规定 art. 59 [R]`;
  return {
    message: t(
      `当事人可在 ${until} 前陈述、申辩：请先记录陈述申辩或当事人放弃，或在该日之后作出决定${basisZh(basis)}`,
      `the party may state its case until ${until}: record its statement or its waiver first, or decide after that day${basisEn(basis)}`,
    ),
  };
};

// ────────────────────────────────────────────────────────── review covers a proposal

export interface Proposal {
  penalties: PenaltyKind[];
  fine: number;
  confiscation: number;
}

/** The proposal a review covers: as given to the reviewer, else the last notice's. */
export const proposalOf = (f: PenaltyCase, input: Record<string, unknown> = {}): Proposal => ({
  penalties: (input.proposedPenalties as PenaltyKind[] | undefined) ?? f.intendedPenalties ?? [],
  fine: (input.proposedFine as number | undefined) ?? f.intendedFine ?? 0,
  confiscation: (input.proposedConfiscation as number | undefined) ?? f.intendedConfiscation ?? 0,
});

/** The review's input adds the proposal it covers (default: the last notice). */
export const ProposalInput = {
  proposedPenalties: KIND_LIST.optional().meta({
    label: {
      zh: "审核的处罚建议：种类（默认为告知内容）",
      en: "Proposal reviewed: kinds (default: the notice)",
    },
    enumLabels: PENALTY_KIND_LABELS,
  }),
  proposedFine: L(
    zAmount.optional(),
    "审核的处罚建议：罚款（元）",
    "Proposal reviewed: fine (yuan)",
  ),
  proposedConfiscation: L(
    zAmount.optional(),
    "审核的处罚建议：没收（元）",
    "Proposal reviewed: confiscation (yuan)",
  ),
};

/** Why the review no longer covers this decision (undefined: it does). */
export function reviewStale(ctx: Ctx): string | undefined {
  const review = lastStep(ctx, "legal_review");
  const notice = lastStep(ctx, "notify");
  if (after(ctx, notice, review)) return `${notice?.onDate} 重新告知在法制审核之后`;
  const p = ctx.case.fields.legalReview?.proposal as Partial<Proposal> | undefined;
  if (!p?.penalties || ctx.input.decisionKind !== "penalty") return undefined;
  const kinds = [...((ctx.input.penalties as PenaltyKind[]) ?? [])].sort();
  const same =
    kinds.join() === [...p.penalties].sort().join() &&
    Number(ctx.input.fineAmount ?? 0) === p.fine &&
    Number(ctx.input.confiscationAmount ?? 0) === (p.confiscation ?? 0);
  if (same) return undefined;
  const text = (k: PenaltyKind[], fine: number, conf: number) =>
    `${k.map((x) => PENALTY_KIND_LABELS[x].zh).join("、")}${fine ? `，罚款${fine}元` : ""}${conf ? `，没收${conf}元` : ""}`;
  return `决定（${text(kinds as PenaltyKind[], Number(ctx.input.fineAmount ?? 0), Number(ctx.input.confiscationAmount ?? 0))}）与审核的处罚建议（${text(p.penalties, p.fine ?? 0, p.confiscation ?? 0)}）不同`;
}

/** Certificates and names of the officers who investigated the case. */
export async function investigatorsOf(ctx: Ctx) {
  const certs = new Set<string>();
  for (const e of steps(ctx, "investigate")) {
    const input = (e.data.input ?? {}) as { officers?: string[] };
    for (const c of input.officers ?? []) certs.add(String(c).trim().toUpperCase());
  }
  const names = new Set<string>();
  for (const c of certs) {
    const o = await findOfficer(ctx.w, c, ctx.case.regionCode);
    if (o) names.add(o.name);
  }
  return { certs, names };
}

/** The reviewer is not one of the case's investigators (2021 art. 58; 国办发〔2018〕118号). */
export const reviewerNotInvestigator = async (ctx: Ctx) => {
  const no = String(ctx.input.reviewerCertificateNo).trim().toUpperCase();
  const inv = await investigatorsOf(ctx);
  if (!inv.certs.has(no)) return undefined;
  const basis = "行政处罚法(2021) art. 58; 国办发〔2018〕118号 [S]";
  return {
    field: "reviewerCertificateNo",
    message: t(
      `执法证号 ${no} 的人员参加了本案调查，不得担任本案的法制审核人员${basisZh(basis)}`,
      `the holder of certificate ${no} investigated this case and may not review it${basisEn(basis)}`,
    ),
  };
};

/** The hearing chair is not one of the case's investigators (2021 art. 64 (四); 2017 art. 42 (四)). */
export const chairNotInvestigator = async (ctx: Ctx) => {
  const chair = String(ctx.input.hearingChair ?? "").trim();
  const inv = await investigatorsOf(ctx);
  if (!inv.names.has(chair)) return undefined;
  const basis =
    compareLocalDate(ctx.onDate, "2021-07-15" as LocalDate) >= 0
      ? "行政处罚法(2021) art. 64 (四)"
      : "行政处罚法(2017) art. 42 (四) [R]";
  return {
    field: "hearingChair",
    message: t(
      `${chair}是本案的调查人员，不得主持听证${basisZh(basis)}`,
      `${chair} investigated this case and may not chair its hearing${basisEn(basis)}`,
    ),
  };
};
