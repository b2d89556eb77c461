/**
 * The enforcement cases' demo: a year of Wulong's enforcement (2020, under the 2017 text
 * of the penalty law) and part of 2019 for the year-on-year figures — general- and
 * simplified-procedure penalties, inspections, seizures, publications and case-file
 * reviews — generated from the demo seed and taken step by step through the case
 * engine as the demo users of the bodies, on the steps' own dates, in date order (so
 * decision numbers run in date order and the audit trail reads like a year of work).
 *
 * Officers, reviewers, catalogues and benchmarks are the registers' (part A's demo):
 * read here from the register, never typed in. Names of people and companies are
 * invented; ID numbers and USCCs are valid codes (demoIdCards, demoUsccs).
 *
 * Among them: major cases with hearings, legality reviews and collective discussions,
 * decisions outside the benchmark with their reasons, late payments with surcharges,
 * reminders and a court application, decisions published on time, late and not yet
 * (overdue on the warning list), one publication withdrawn after the decision was
 * revoked on reconsideration, and cases still open at the demo's date.
 *
 * Here: the bodies' profiles (profiles.ts), the registers read (registers.ts), the plan of
 * steps and what its generators share (plan.ts, dates.ts), and the generators: a
 * general-procedure case (general-case.ts, after-decision.ts), an on-the-spot penalty
 * (simplified.ts), an inspection and a seizure (inspection.ts).
 */

import type { DemoContribution } from "../../../../engines/demo/index.ts";
import { compareLocalDate, type LocalDate } from "../../../../kernel/time/index.ts";
import { inventName } from "../../../directory/accounts.ts";
import { DIRECTORY_DEMO_ID, demoUsername } from "../../../directory/index.ts";
import { ENFORCEMENT_REGISTERS_DEMO_ID } from "../../registers/demo.ts";
import { FILE_REVIEW_TYPE } from "../file-review.ts";
import { DISCLOSURE_TYPE, PENALTY_TYPE } from "../penalty/index.ts";
import { END, wd, workingDayBetween } from "./dates.ts";
import { generalCase } from "./general-case.ts";
import { handOver } from "./handover.ts";
import { inspection, seizure } from "./inspection.ts";
import { makePlan } from "./plan.ts";
import { PROFILES } from "./profiles.ts";
import { simplifiedCase } from "./simplified.ts";

export const ENFORCEMENT_CASES_DEMO_ID = "enforcement.cases";

export const casesDemo: DemoContribution = {
  id: ENFORCEMENT_CASES_DEMO_ID,
  dependsOn: [DIRECTORY_DEMO_ID, ENFORCEMENT_REGISTERS_DEMO_ID],
  description:
    "penalty cases (general and simplified procedure), inspections, seizures, publications and case-file reviews of 2019–2020",
  async load(ctx) {
    const started = Date.now();
    const { rng } = ctx;
    const plan = await makePlan(ctx);
    const { cases, names, stats, unpublished, closedGeneral, published } = plan;

    // ── the year plans
    for (const year of [2019, 2020]) {
      const from = year === 2019 ? "2019-01-07" : "2020-01-06";
      for (const p of PROFILES) {
        const n = p.general[year] ?? 0;
        const fromInspection = year === 2020 && p.inspections > 0 ? Math.min(2, n) : 0;
        for (let i = fromInspection; i < n; i++) {
          const minorCase = year === 2020 && p.unit === "cgj" && i === n - 1;
          generalCase(plan, p, workingDayBetween(rng, from, `${year}-12-24`), { minor: minorCase });
        }
        for (let i = 0; i < (p.simplified[year] ?? 0); i++) {
          simplifiedCase(plan, p, workingDayBetween(rng, from, `${year}-12-28`));
        }
        if (year === 2020) {
          for (let i = 0; i < p.inspections; i++) {
            inspection(plan, p, workingDayBetween(rng, from, "2020-12-18"), i < fromInspection);
          }
          for (let i = 0; i < p.seizures; i++) {
            seizure(plan, p, workingDayBetween(rng, "2020-03-02", "2020-11-20"), i === 0);
          }
          // One still in force at the demo's date, its term due soon.
          if (p.unit === "scjgj") seizure(plan, p, "2021-01-04" as LocalDate, false, true);
        }
      }
    }

    // ── run in date order (each case's steps keep their order), up to the demo's date
    plan.steps.sort((a, b) => compareLocalDate(a.date, b.date) || a.order - b.order);
    let steps = 0;
    const due = plan.steps.filter((s) => compareLocalDate(s.date, END) <= 0);
    // What is dated later is taken when the demo is loaded after its own years (closing.ts).
    handOver(
      ctx,
      plan.steps.filter((s) => compareLocalDate(s.date, END) > 0),
    );
    for (let i = 0; i < due.length; ) {
      // Consecutive steps of one user on one day: one unit of work.
      let j = i + 1;
      while (j < due.length && due[j]!.user === due[i]!.user && due[j]!.date === due[i]!.date) j++;
      const batch = due.slice(i, j);
      await ctx.as(batch[0]!.user, batch[0]!.date, async (w) => {
        for (const s of batch) await s.run(w);
      });
      steps += batch.length;
      i = j;
    }

    stats.unpublished = unpublished.filter((d) => d.id).length;

    // ── one publication withdrawn: a decision of 2020 revoked on reconsideration
    const in2020 = published.filter(
      (x) => x.d.id && compareLocalDate(x.decidedOn, "2020-01-01" as LocalDate) >= 0,
    );
    const early = in2020.filter((x) => compareLocalDate(x.lastStep, "2020-10-15" as LocalDate) < 0);
    const w0 = early.length
      ? early
      : in2020.filter((x) => compareLocalDate(x.lastStep, "2020-12-10" as LocalDate) < 0);
    if (w0.length === 0) throw new Error("no published decision of 2020 to withdraw");
    {
      const x = rng.pick(w0);
      const alterOn = wd(x.lastStep, 25);
      await ctx.as(demoUsername(x.unit, "case_handler"), alterOn, async (w) => {
        const next = await cases.step(w, PENALTY_TYPE, x.p.id, "alter_decision", {
          version: x.p.version,
          input: {
            ground: "revoked",
            authority: "reconsideration",
            documentNo: `武隆府复〔2020〕${rng.int(10, 40)}号`,
            reason: "主要事实不清、证据不足",
          },
          onDate: alterOn,
          reason: "区人民政府行政复议决定撤销该处罚决定",
        });
        x.p.version = next.version;
        // The alteration took the publication off the portal (a follow-up step on it).
        x.d.version += 1;
      });
      const withdrawOn = wd(alterOn, 2);
      await ctx.as(demoUsername(x.unit, "case_handler"), withdrawOn, async (w) => {
        await cases.step(w, DISCLOSURE_TYPE, x.d.id, "withdraw", {
          version: x.d.version,
          input: {
            withdrawalGround: "revoked",
            withdrawalReason: "该行政处罚决定已被区人民政府行政复议决定撤销，依法撤回公示",
          },
          onDate: withdrawOn,
          reason: "决定被撤销",
        });
      });
      steps += 2;
    }

    // ── case-file reviews by the rule-of-law office in December
    const office = demoUsername("yfzqb", "rule_of_law_office");
    const reviewers = [inventName(rng, names), inventName(rng, names), inventName(rng, names)];
    for (const x of rng.shuffle(closedGeneral).slice(0, 16)) {
      const on = workingDayBetween(rng, "2020-12-07", "2020-12-18");
      await ctx.as(office, on, async (w) => {
        const r = await cases.open(w, FILE_REVIEW_TYPE, {
          fields: { year: 2020, reviewers: rng.shuffle(reviewers).slice(0, 2) },
          onDate: on,
        });
        await cases.link(w, FILE_REVIEW_TYPE, r.id, { kind: "reviews", toCaseId: x.h.id });
        const quality = 0.72 + rng.next() * 0.27;
        const score = (m: number) =>
          Math.min(m, Math.max(0, Math.round(m * (quality + (rng.next() - 0.5) * 0.1))));
        await cases.step(w, FILE_REVIEW_TYPE, r.id, "score", {
          version: r.version,
          input: {
            subject: score(10),
            procedure: score(25),
            factsEvidence: score(25),
            legalApplication: score(15),
            discretion: score(10),
            documents: score(10),
            archiving: score(5),
            comments: quality > 0.9 ? "案卷规范，程序完备" : "文书制作和归档存在瑕疵，已反馈整改",
          },
          onDate: on,
        });
      });
      stats.fileReviews += 1;
      steps += 3;
    }

    ctx.note(
      `${stats.general} general-procedure penalty cases (${stats.majors} major, ${stats.hearings} hearings, ${stats.reviews} legality reviews, ${stats.court} court applications), ${stats.simplified} on-the-spot penalties, ${stats.inspections} inspections, ${stats.seizures} seizures, ${stats.fileReviews} case-file reviews`,
    );
    ctx.note(
      `publications: ${stats.publishedLate} published late, ${stats.unpublished} not published by the demo's date, 1 withdrawn after its decision was revoked`,
    );
    ctx.note(`${steps} steps through the case engine in ${Date.now() - started} ms`);
  },
};
