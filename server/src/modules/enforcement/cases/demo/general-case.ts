import { addDays, type LocalDate } from "../../../../kernel/time/index.ts";
import { inventName } from "../../../directory/accounts.ts";
import { demoUsername } from "../../../directory/index.ts";
import { PENALTY_KIND_LABELS, type PenaltyKind } from "../labels.ts";
import { PENALTY_TYPE } from "../penalty/index.ts";
import { afterDecision } from "./after-decision.ts";
import { cd, max, wd } from "./dates.ts";
import type { Handle, Plan } from "./plan.ts";
import type { Profile } from "./profiles.ts";

// ── a general-procedure case

export function generalCase(
  plan: Plan,
  p: Profile,
  filedOn: LocalDate,
  /**
   * `law2021`: the case runs under the 2021 text of the penalty law (the current year's
   * cases, current-year.ts): the hearing notice at least 7 working days before the hearing
   * (行政处罚法(2021) 第六十四条第(二)项), not 7 days (2017 text 第四十二条).
   */
  opts: { inspection?: Handle; minor?: boolean; law2021?: boolean } = {},
) {
  const { rng, cases, names, at, open, act, stats } = plan;
  const { personParty, minorParty, firmParty } = plan;
  const { pickOfficers, pickReviewer, benchmarkOf, thresholdOf } = plan;
  const inspection = opts.inspection;
  const handler = demoUsername(p.unit, "case_handler");
  const leader = demoUsername(p.unit, "unit_leader");
  const reviewerUser = demoUsername(p.unit, "legal_reviewer");
  const v = rng.pick(p.violations);
  const party = opts.minor ? minorParty() : rng.chance(v.org) ? firmParty() : personParty();
  const org = party.kind !== "natural_person";
  const r = rng.next();
  const circumstance = r < 0.25 ? "minor" : r < 0.85 ? "general" : "serious";
  const range = v.code ? benchmarkOf(p.unit, v.code, circumstance) : undefined;
  const [lo, hi] = range ?? v.fine ?? [1000, 10_000];
  const outside = range !== undefined && rng.chance(0.06);
  const round = (n: number) => Math.max(0, Math.round(n / 100) * 100);
  let fine = outside ? round(lo * 0.8) : round(lo + rng.next() * (hi - lo));
  const noPenalty = !opts.minor && rng.chance(0.06);
  const warningOnly =
    opts.minor === true ||
    (!noPenalty && (v.extra?.includes("warning") ?? false) && circumstance === "minor");
  if (noPenalty || warningOnly) fine = 0;
  const penalties: PenaltyKind[] = noPenalty
    ? []
    : warningOnly
      ? ["warning"]
      : ["fine", ...(v.extra?.filter((k) => k !== "warning") ?? []).filter(() => rng.chance(0.5))];
  const confiscation = penalties.includes("confiscation") ? round(rng.int(500, 8000)) : 0;
  const major = fine >= thresholdOf(p.unit);
  const hearingRight = fine >= (org ? 50_000 : 5_000);
  const complex = major && rng.chance(0.8);
  const publicInterest = p.category === "ecology_environment" && rng.chance(0.3);
  const h: Handle = { type: PENALTY_TYPE, id: 0, version: 0 };
  stats.general += 1;
  if (major || publicInterest) stats.majors += 1;

  open(h, handler, filedOn, {
    party,
    cause: v.cause,
    category: p.category,
    source: inspection
      ? "inspection"
      : rng.pick(["inspection", "complaint", "complaint", "referral", "other"]),
    majorPublicInterest: publicInterest,
    // The act a fortnight before the filing, found a few days before it (no draw of the rng).
    violationOn: addDays(filedOn, -14),
    discoveredOn: addDays(filedOn, -3),
  });
  if (inspection) {
    at(filedOn, handler, async (w) => {
      await cases.link(w, PENALTY_TYPE, h.id, {
        kind: "opened_from",
        toCaseId: inspection.id,
      });
    });
  }
  let d = wd(filedOn, rng.int(1, 3));
  act(h, handler, d, "investigate", {
    officers: pickOfficers(p.unit, d),
    kind: rng.pick(["site_inspection", "inquiry", "documents"]),
    summary: `对当事人${v.cause}的情况进行${rng.pick(["现场检查", "询问调查", "调取相关书证"])}，制作笔录`,
    recorder: `JLY${rng.int(2016, 2020)}${String(rng.int(1, 935)).padStart(5, "0")}`,
  });
  if (rng.chance(0.5)) {
    d = wd(d, rng.int(2, 6));
    act(h, handler, d, "investigate", {
      officers: pickOfficers(p.unit, d),
      kind: rng.pick(["inquiry", "sampling", "documents"]),
      summary: "询问当事人并制作询问笔录，收集相关证据",
    });
  }
  const conclude = (on: LocalDate) =>
    act(h, handler, on, "conclude_investigation", {
      facts: `经查，${v.facts}。`,
      evidence: "现场检查笔录、询问笔录、现场照片及执法记录仪视频、当事人身份（主体资格）证明",
      legalBasis: v.legalBasis,
      ...(v.code ? { violationCode: v.code } : {}),
      circumstance,
      proposedFine: fine,
      complexOrMajorViolation: complex,
      majorPublicInterest: publicInterest,
    });
  d = wd(d, rng.int(3, 15));
  conclude(d);
  const adopted = rng.chance(0.12) && fine > 0;
  const intended = adopted ? round(fine * 1.2) : fine;
  const notify = (on: LocalDate) =>
    act(h, handler, on, "notify", {
      intendedPenalty: penalties.length
        ? penalties.map((p) => PENALTY_KIND_LABELS[p].zh).join("、")
        : "警告",
      // A no-penalty decision follows a notice of a warning (a lighter outcome).
      intendedPenalties: penalties.length ? penalties : ["warning"],
      intendedFine: intended,
      intendedConfiscation: confiscation,
      // Derived from the intended penalty where it is in the hearing scope (art. 63).
      ...(hearingRight ? { hearingRight } : {}),
    });
  d = wd(d, rng.int(1, 3));
  notify(d);
  let notice = d;
  // Rights: a hearing, a statement, or a waiver; else the window runs out.
  let heard = false;
  const rr = rng.next();
  if (hearingRight && rr < 0.4) {
    const requestOn = cd(notice, 1);
    act(h, handler, requestOn, "request_hearing", { note: "当事人书面要求举行听证" });
    const scheduleOn = wd(requestOn, rng.int(1, 2));
    // The same draw either way (the 2020 cases stay as they were).
    const extra = rng.int(0, 3);
    const hearingDate = opts.law2021 ? wd(scheduleOn, 7 + extra) : wd(cd(scheduleOn, 7), extra);
    act(h, handler, scheduleOn, "schedule_hearing", {
      hearingDate,
      hearingPlace: `${p.unit === "scjgj" ? "区市场监管局" : "本机关"}听证室`,
      hearingChair: inventName(rng, names),
      publicHearing: true,
    });
    act(h, handler, hearingDate, "hold_hearing", {
      partyAttended: rng.chance(0.9),
      record: "调查人员提出违法事实、证据和处罚建议，当事人进行申辩和质证",
      partySigned: true,
    });
    heard = true;
    stats.hearings += 1;
    d = hearingDate;
  } else if (rr < 0.55 || adopted) {
    d = wd(notice, 1);
    act(h, handler, d, "record_statement", {
      statement: "当事人陈述系初次违法，已积极整改，请求从轻处罚",
      adopted,
      reply: adopted
        ? "经复核，当事人陈述的从轻情节属实，予以采纳"
        : "经复核，当事人陈述的理由不能成立，不予采纳",
    });
  } else if (rr < 0.65) {
    act(h, handler, notice, "waive_rights", {
      statementWaived: true,
      hearingWaived: hearingRight,
      signedBy:
        party.kind === "natural_person"
          ? party.name
          : "legalRepresentative" in party
            ? party.legalRepresentative
            : party.name,
    });
  }
  // The hearing window: 3 calendar days after the notice under the 2017 text (第四十二条);
  // 5 working days under the 2021 text (第六十四条第（一）项: 告知后五日内, counted in working
  // days, 第八十五条) — a party with the right that neither asked nor waived it is decided
  // after the window has closed (the review on its last day at the earliest, the decision
  // after it). A silent party's statement period (setting, 5 working days) runs out before
  // the decision. No draw of the rng: the 2020 cases stay as they were.
  const silent = !heard && !(rr < 0.65 || adopted);
  const hearingWindow = opts.law2021 ? wd(notice, 5) : wd(cd(notice, 3), 1);
  d = max(max(hearingWindow, wd(d, 1)), silent ? wd(notice, 6) : notice);
  // Every decision is reviewed under the 2017 text; a few reviews fail first.
  if (rng.chance(0.05)) {
    act(h, reviewerUser, d, "legal_review", {
      reviewerCertificateNo: pickReviewer(p.unit, d),
      ...reviewItems(true),
      opinion: "证据不足，建议补充调查",
    });
    stats.reviews += 1;
    d = wd(d, 1);
    act(h, handler, d, "supplement_investigation", {
      reason: "法制审核意见：补充当事人进货查验记录",
    });
    d = wd(d, rng.int(3, 8));
    conclude(d);
    d = wd(d, 1);
    notify(d);
    notice = d;
    // The new notice gets its own statement period: the party waives it this time.
    act(h, handler, notice, "waive_rights", {
      statementWaived: true,
      hearingWaived: true,
      signedBy: party.name,
    });
    d = wd(cd(notice, 3), 1);
    heard = false;
  }
  act(h, reviewerUser, d, "legal_review", {
    reviewerCertificateNo: pickReviewer(p.unit, d),
    ...reviewItems(false),
    // The proposal reviewed: the decision to be made (after an adopted statement, lower).
    ...(penalties.length
      ? { proposedPenalties: penalties, proposedFine: fine, proposedConfiscation: confiscation }
      : {}),
    opinion: heard
      ? "经听证，事实清楚，证据确凿，同意处罚意见"
      : "事实清楚，证据确凿，程序合法，裁量适当，同意",
  });
  stats.reviews += 1;
  if (complex) {
    d = wd(d, rng.int(1, 3));
    act(h, leader, d, "collective_discussion", {
      participants: ["局长", "分管副局长", "法制机构负责人", "办案机构负责人"].map(
        (role) => `${role}${inventName(rng, names)}`,
      ),
      conclusion: "同意法制审核意见，按拟处罚意见作出决定",
    });
  }
  d = wd(d, rng.int(1, 3));
  // A fine outside the benchmark is decided by the leaders collectively (no draw of the rng).
  if (!complex && range && !noPenalty && fine > 0 && (fine < lo || fine > hi)) {
    act(h, leader, d, "collective_discussion", {
      participants: ["局长", "分管副局长", "法制机构负责人"],
      conclusion: "当事人主动消除违法行为危害后果，同意在裁量基准下限以下确定罚款数额",
    });
  }
  const decidedOn = d;
  const socialImpact = rng.chance(p.socialImpact);
  act(h, leader, decidedOn, "decide", {
    decisionKind: noPenalty ? "no_penalty_minor" : "penalty",
    // The grounds the decision states (arts. 30, 33).
    ...(noPenalty ? { noPenaltyGround: "minor_corrected" } : {}),
    ...(opts.minor ? { mitigation: ["minor_14_18"] } : {}),
    penalties,
    fineAmount: fine,
    confiscationAmount: confiscation,
    decisionContent: noPenalty
      ? "当事人违法行为轻微并及时改正，没有造成危害后果，依法不予行政处罚"
      : `${warningOnly ? "给予警告" : `罚款人民币${fine}元`}${confiscation ? `，没收违法所得人民币${confiscation}元` : ""}`,
    ...(range && !noPenalty && (fine < lo || fine > hi)
      ? {
          discretionReason: opts.minor
            ? "当事人系已满十四周岁不满十八周岁的未成年人，依法从轻、减轻处罚，给予警告"
            : "当事人主动消除违法行为危害后果，依法从轻处罚，在裁量基准下限以下确定罚款数额",
        }
      : {}),
    socialImpact,
  });
  // What follows the decision: its publication, service and execution.
  afterDecision(plan, p, { filedOn, h, handler, leader, decidedOn, fine, party });
}

/** The review's six items, all passed, or the facts-and-evidence item failed. */
function reviewItems(failFacts: boolean) {
  return {
    competence: { passed: true },
    procedure: { passed: true },
    factsEvidence: failFacts ? { passed: false, note: "证据不足以证明违法事实" } : { passed: true },
    legalBasis: { passed: true },
    discretion: { passed: true },
    documents: { passed: true },
  };
}
