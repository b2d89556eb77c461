/**
 * The current year's enforcement work, dated relative to the day the demo is loaded
 * (`ctx.today`), so that the demo looks alive on the day it is shown (issue 11): the 2019–
 * 2020 history stays as it was (its own contribution, its own random stream — the 2020
 * report's figures do not move), and on top of it each body's general-procedure cases of
 * this year, filed from the first working week of January up to yesterday at the bodies'
 * 2020 pace, taken step by step through the case engine by the bodies' demo users up to
 * today.
 *
 * What that gives, in realistic proportions: the older cases of the year closed; the
 * recent ones open at every stage (filed, investigating, notified, reviewed, decided,
 * served, waiting for payment), their time limits running normally, some due soon or
 * today; and a few stalled cases (about one in twelve: a step not taken when it was due)
 * that are overdue on the warning list. Plus the year's on-the-spot penalties.
 *
 * The steps are the 2020 generators' (general-case.ts, simplified.ts) under the law in
 * force on their dates (the 2021 text of the penalty law); a case whose steps a guard
 * refuses is skipped and counted in the summary, never half-made silently.
 */

import type { DemoContribution } from "../../../../engines/demo/index.ts";
import {
  addDays,
  compareLocalDate,
  type LocalDate,
  toEpochDay,
} from "../../../../kernel/time/index.ts";
import { DIRECTORY_DEMO_ID } from "../../../directory/index.ts";
import { ENFORCEMENT_REGISTERS_DEMO_ID } from "../../registers/demo.ts";
import { ENFORCEMENT_CLOSING_DEMO_ID } from "./closing.ts";
import { wd, workingDayBetween } from "./dates.ts";
import { generalCase } from "./general-case.ts";
import { ENFORCEMENT_CASES_DEMO_ID } from "./index.ts";
import { makePlan } from "./plan.ts";
import { PROFILES } from "./profiles.ts";
import { simplifiedCase } from "./simplified.ts";

export const ENFORCEMENT_CURRENT_YEAR_DEMO_ID = "enforcement.cases.current-year";

/** The steps before which a case of each stage waits (the handler's, the reviewer's, the leader's). */
const STAGES = ["conclude_investigation", "legal_review", "decide", "serve", "record_payment"];

/** The share of this year's cases that stall (a step not taken when due: overdue). */
const STALL_RATE = 1 / 12;

export const currentYearDemo: DemoContribution = {
  id: ENFORCEMENT_CURRENT_YEAR_DEMO_ID,
  dependsOn: [
    DIRECTORY_DEMO_ID,
    ENFORCEMENT_REGISTERS_DEMO_ID,
    ENFORCEMENT_CASES_DEMO_ID,
    // After the history is closed: today's queues hold this year's work only.
    ENFORCEMENT_CLOSING_DEMO_ID,
  ],
  description:
    "the current year's enforcement work in progress, dated relative to the day the demo is loaded",
  async load(ctx) {
    const started = Date.now();
    const today = ctx.today;
    const year = Number(today.slice(0, 4));
    // Nothing to add when the demo's own years are the current ones.
    if (year <= 2021) {
      ctx.note("the current year is the demo's own: nothing added");
      return;
    }
    const plan = await makePlan(ctx);
    const { rng } = plan;
    const first = wd(`${year - 1}-12-31` as LocalDate, 1);
    const yesterday = addDays(today, -1);
    if (compareLocalDate(first, yesterday) > 0) {
      ctx.note("the year has just begun: nothing added");
      return;
    }
    // The share of the year gone by: this year's cases so far at the 2020 pace.
    const share = (toEpochDay(today) - toEpochDay(`${year}-01-01` as LocalDate)) / 365;
    const stalled = new Set<number>();
    let planned = 0;
    let skipped = 0;
    for (const p of PROFILES) {
      // A quieter year than 2020 (so far, and the demo loads in its time budget, issue 9).
      const n = Math.max(1, Math.round((p.general[2020] ?? 0) * share * 0.6));
      for (let i = 0; i < n; i++) {
        const filedOn = workingDayBetween(rng, first, yesterday);
        const from = plan.steps.length;
        try {
          generalCase(plan, p, filedOn, { law2021: true });
        } catch {
          // No officer of the body valid on the day (the registers' terms): not this case.
          plan.steps.length = from;
          skipped += 1;
          continue;
        }
        planned += 1;
        // A stalled case: its steps stop at one of them (at least the filing stays).
        if (rng.chance(STALL_RATE)) {
          const own = plan.steps.slice(from);
          const cut = rng.int(1, Math.max(1, own.length - 1));
          for (const s of own.slice(cut)) stalled.add(s.order);
        }
      }
      for (let i = 0; i < Math.round((p.simplified[2020] ?? 0) * share); i++) {
        const from = plan.steps.length;
        try {
          simplifiedCase(plan, p, workingDayBetween(rng, first, yesterday));
        } catch {
          plan.steps.length = from;
        }
      }
    }

    // Work waiting at each stage in the bodies with the most cases, whatever the draws
    // above gave: filed a month or two ago, its steps stopped before the stage's step.
    for (const p of PROFILES.filter((x) => (x.general[2020] ?? 0) >= 12)) {
      for (const stopAt of STAGES) {
        const filedOn = workingDayBetween(rng, addDays(today, -60), addDays(today, -30));
        const from = plan.steps.length;
        try {
          generalCase(plan, p, filedOn, { law2021: true });
        } catch {
          plan.steps.length = from;
          continue;
        }
        const own = plan.steps.slice(from);
        const cut = own.findIndex((s) => s.action === stopAt);
        if (cut > 0) for (const s of own.slice(cut)) stalled.add(s.order);
        planned += 1;
      }
    }

    // Run in date order up to today (each case's steps keep their order): what is dated
    // later is the work still to do.
    const due = plan.steps
      .filter((s) => !stalled.has(s.order) && compareLocalDate(s.date, today) <= 0)
      .sort((a, b) => compareLocalDate(a.date, b.date) || a.order - b.order);
    // One unit of work per step: a step a guard refuses leaves its case where it was (a
    // shared transaction would leave the plan's handles out of step with the database).
    let steps = 0;
    let refused = 0;
    for (const s of due) {
      try {
        await ctx.as(s.user, s.date, (w) => s.run(w));
        steps += 1;
      } catch (e) {
        refused += 1;
        if (refused <= 3) ctx.note(`a step was refused and its case left as it is: ${String(e)}`);
      }
    }
    ctx.note(
      `${planned} general-procedure cases of ${year} (some stalled), on-the-spot penalties; ${steps} steps up to ${today}${skipped ? `; ${skipped} not generated (no officer valid)` : ""}${refused ? `; ${refused} steps refused` : ""} in ${Date.now() - started} ms`,
    );
  },
};
