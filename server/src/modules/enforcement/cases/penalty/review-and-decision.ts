import { z } from "zod";
import type { TransitionDecl } from "../../../../engines/case/index.ts";
import { zt } from "../../../../kernel/issue-text.ts";
import { findOfficer } from "../../registers/lookup.ts";
import { issuerPrefix, L, type PartyData, scrub } from "../common.ts";
import { PAYMENT_PLACE } from "../execution-settings.ts";
import { REVIEW_ITEMS } from "../labels.ts";
import { publicMonthsOf } from "../publication-term.ts";
import { penaltyRulesAt } from "../rules.ts";
import { capacityGuard, GroundsInput, oneFineGuard, rangeGuard } from "./capacity.ts";
import { decisionLimitGuard, decisionLimitRecord } from "./decision-limit.ts";
import { DISCLOSURE_TYPE, type LegalReviewRecord, type PenaltyCase } from "./fields.ts";
import {
  decisionValues,
  discretionGuard,
  discussionGuard,
  hearingWindowGuard,
  majorOf,
  reviewedBefore,
  reviewerCheck,
  reviewGuard,
} from "./guards.ts";
import { DecideInput, ReviewInput } from "./inputs.ts";
import { substantiveLaw, substantiveLawGuard } from "./law-in-force.ts";
import {
  noHeavierGuard,
  ProposalInput,
  proposalOf,
  reviewerNotInvestigator,
  rightsUsed,
  statementGuard,
} from "./procedure.ts";
import { bodyName, penaltyText, publicationPlanOf } from "./publication.ts";
import { BEFORE_DECISION } from "./states.ts";

// ───────────────────────────── legality review, collective discussion and decision

export const REVIEW_AND_DECISION_STEPS: TransitionDecl<PenaltyCase>[] = [
  {
    action: "legal_review",
    label: { zh: "法制审核", en: "Legality review" },
    from: ["notified", "heard", "reviewed", "discussed"],
    to: "reviewed",
    permission: "legal_review.sign",
    input: ReviewInput.extend(ProposalInput),
    guards: [reviewerCheck, reviewerNotInvestigator],
    derive: async (ctx) => {
      const f = ctx.case.fields;
      const no = String(ctx.input.reviewerCertificateNo);
      const o = await findOfficer(ctx.w, no, ctx.case.regionCode);
      const items = Object.fromEntries(
        REVIEW_ITEMS.map((k) => [k, ctx.input[k] as { passed: boolean; note?: string }]),
      ) as LegalReviewRecord["items"];
      const failed = REVIEW_ITEMS.filter((k) => !items[k].passed);
      const review: LegalReviewRecord = {
        onDate: ctx.onDate,
        reviewer: {
          name: o?.name ?? "",
          certificateNo: no,
          firstTime: !o?.priorReviewExperience && !(await reviewedBefore(ctx.w, no, ctx.onDate)),
        },
        items,
        failed,
        opinion: String(ctx.input.opinion),
        passed: failed.length === 0,
        benchmark: f.benchmark ?? null,
        proposal: { penalty: f.intendedPenalty, ...proposalOf(f, ctx.input) },
      };
      return { legalReview: review };
    },
  },
  {
    action: "collective_discussion",
    label: { zh: "负责人集体讨论", en: "Collective discussion by the leaders" },
    from: ["notified", "heard", "reviewed", "discussed"],
    to: "discussed",
    permission: "unit.lead",
    input: z.object({
      participants: L(
        z
          .array(z.string().trim().min(1))
          .min(3, zt("至少三名负责人参加", "at least three leaders"))
          .max(20),
        "参加讨论的负责人",
        "Leaders taking part",
      ),
      conclusion: L(z.string().trim().min(1, "required").max(5000), "讨论结论", "Conclusion"),
    }),
    derive: (ctx) => ({
      collectiveDiscussion: {
        onDate: ctx.onDate,
        participants: ctx.input.participants,
        conclusion: ctx.input.conclusion,
      },
    }),
  },
  {
    action: "supplement_investigation",
    occasional: true,
    label: { zh: "补充调查", en: "Investigate further" },
    from: ["investigated", ...BEFORE_DECISION],
    to: "investigating",
    input: z.object({
      reason: L(z.string().trim().min(1, "required").max(2000), "补充调查理由", "Why"),
    }),
  },
  {
    action: "decide",
    label: { zh: "作出决定", en: "Decide" },
    from: BEFORE_DECISION,
    to: "decided",
    permission: "unit.lead",
    input: DecideInput.safeExtend(GroundsInput),
    setsFields: [
      "decisionKind",
      "penalties",
      "fineAmount",
      "confiscationAmount",
      "decisionContent",
      "discretionReason",
      "socialImpact",
      "withholdReason",
      "mitigation",
      "noPenaltyGround",
    ],
    issues: ["decision"],
    guards: [
      hearingWindowGuard,
      statementGuard,
      noHeavierGuard,
      substantiveLawGuard,
      reviewGuard,
      discussionGuard,
      discretionGuard,
      capacityGuard,
      oneFineGuard,
      rangeGuard,
      decisionLimitGuard,
    ],
    derive: async (ctx) => {
      const m = await majorOf(ctx);
      const b = ctx.case.fields.benchmark;
      const fine = Number(ctx.input.fineAmount ?? 0);
      return {
        decidedOn: ctx.onDate,
        rightsUsed: rightsUsed(ctx),
        substantiveLaw: substantiveLaw(ctx.case.fields),
        lawVersion: penaltyRulesAt(ctx.case.openedOn).law,
        documentPrefix: await issuerPrefix(ctx.w, ctx.case.unitId, ctx.case.regionCode),
        decidingBody: await bodyName(ctx.w, ctx.case.unitId, ctx.case.regionCode),
        paymentPlace: ctx.settings<string>(PAYMENT_PLACE),
        major: { ...m, reviewPassed: ctx.case.fields.legalReview?.passed === true },
        benchmarkCheck: b
          ? { applied: true, within: fine >= b.fineMin && fine <= b.fineMax }
          : { applied: false, within: null },
        publicationPlan: publicationPlanOf(ctx, decisionValues(ctx)),
        ...(await decisionLimitRecord(ctx)),
      };
    },
    // A decision that must be published opens its publication record, linked to the case.
    effect: async (ctx) => {
      const f = ctx.next.fields;
      if (!f.publicationPlan?.required) return;
      const party: PartyData = f.party;
      const names = [party.name, party.legalRepresentative ?? ""];
      await ctx.openCase(DISCLOSURE_TYPE, {
        link: "follows",
        fields: {
          penaltyCaseId: ctx.next.id,
          decisionNumber: ctx.next.numbers.decision,
          decidedOn: ctx.onDate,
          bodyName: await bodyName(ctx.w, ctx.next.unitId, ctx.next.regionCode),
          category: f.category,
          party: {
            kind: party.kind,
            name: party.name,
            ...(party.uscc ? { uscc: party.uscc } : {}),
            minor: party.minor === true,
          },
          violation: scrub(f.cause, names),
          facts: scrub(f.facts ?? "", names),
          penalty: scrub(penaltyText(f), names),
          legalBasis: scrub(f.legalBasis ?? "", names),
          fineAmount: f.fineAmount ?? 0,
          workingDays: f.publicationPlan.workingDays,
          publicMonths: publicMonthsOf(ctx.settings, f.category, {
            penalties: f.penalties ?? [],
            fine: f.fineAmount ?? 0,
          }),
          scopeBasis: f.publicationPlan.basis ?? "",
        },
      });
    },
  },
];
