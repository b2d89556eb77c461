/**
 * The 2019–2020 history closed, as a real district's would be by now (issue 11: "keep
 * 2019–2020 as history (closed)"). The demo's own date is Sunday 2021-01-31: the history
 * contribution (index.ts) stops there, leaving the cases of late 2020 open — decisions not
 * yet published, served or paid, a court enforcement, a seizure in force — which is what
 * the warning list of that day shows. When the demo is loaded later than 2021, those
 * cases would head today's work queues five years overdue; this contribution takes each
 * of them through its real remaining steps, dated from February 2021:
 *
 * 1. the steps the history's plan had dated after the demo's date (index.ts hands them
 *    over: a case filed in December 2020 decided, served and paid in February);
 * 2. then, by state, what a body does with a case left behind: the decision served, the
 *    fine paid (with the surcharge it is owed, after a reminder when the period had run
 *    out — 行政处罚法(2021) 第七十二条, 行政强制法 第四十五条) or collected by the court, the
 *    case closed; a seizure's handling decided within its term (行政强制法 第二十七条);
 *    a decision not yet published published late; each publication ended at the end
 *    of its term (总局令第45号 第十三条).
 *
 * Nothing of 2020 moves: every step is dated 2021 or later (the 2020 figures count 2020's
 * records; a time limit missed in 2020 stays missed in the overdue figure, which reads
 * the clocks' history). A step a guard refuses leaves its case as it is and is counted.
 * Runs after the January 2021 showcases (rules.ts, showcase.ts), so the decision numbers
 * of 2021 keep running in date order; and only when the demo is loaded after 2021.
 */

import type { DemoContext, DemoContribution } from "../../../../engines/demo/index.ts";
import {
  addMonthsClamped,
  compareLocalDate,
  type LocalDate,
  toEpochDay,
} from "../../../../kernel/time/index.ts";
import { demoUsername } from "../../../directory/index.ts";
import { COMPULSION_TYPE, INSPECTION_TYPE } from "../inspection.ts";
import { DISCLOSURE_TYPE, PENALTY_TYPE, type PenaltyCase } from "../penalty/index.ts";
import { outstanding, scheduleOf } from "../penalty/instalments.ts";
import { cal, END, max, wd } from "./dates.ts";
import { generalCase } from "./general-case.ts";
import { takeOver } from "./handover.ts";
import { ENFORCEMENT_CASES_DEMO_ID } from "./index.ts";
import { makePlan, type PlannedStep } from "./plan.ts";
import { PROFILES } from "./profiles.ts";
import { ENFORCEMENT_RULES_DEMO_ID } from "./rules.ts";
import { ENFORCEMENT_SHOWCASE_DEMO_ID } from "./showcase.ts";

export const ENFORCEMENT_CLOSING_DEMO_ID = "enforcement.cases.closing";

/** Whether the demo is loaded after its own years (the history is then closed). */
export const closesHistory = (today: LocalDate) => Number(today.slice(0, 4)) > 2021;

interface OpenCase {
  id: number;
  case_type: string;
  state: string;
  version: number;
  fields: Record<string, unknown>;
  unit: string;
  last: LocalDate;
}

const BANKS = ["重庆农村商业银行武隆支行", "中国建设银行武隆支行", "中国工商银行武隆支行"];

export const closingDemo: DemoContribution = {
  id: ENFORCEMENT_CLOSING_DEMO_ID,
  dependsOn: [ENFORCEMENT_CASES_DEMO_ID, ENFORCEMENT_RULES_DEMO_ID, ENFORCEMENT_SHOWCASE_DEMO_ID],
  description: "the 2019–2020 cases taken through their remaining steps (closed by now)",
  async load(ctx) {
    const started = Date.now();
    const planned = takeOver(ctx);
    if (!closesHistory(ctx.today)) {
      ctx.note("the demo is loaded in its own years: the history stays open at its date");
      return;
    }
    let steps = 0;
    let refused = 0;
    const refusal = (e: unknown) => {
      refused += 1;
      if (refused <= 3) ctx.note(`a step was refused and its case left as it is: ${String(e)}`);
    };

    // ── 1. the history's own steps after the demo's date, in date order
    const later = planned
      .filter((s) => compareLocalDate(s.date, END) > 0 && compareLocalDate(s.date, ctx.today) <= 0)
      .sort((a, b) => compareLocalDate(a.date, b.date) || a.order - b.order);
    for (const s of later) {
      try {
        await ctx.as(s.user, s.date, (w) => s.run(w));
        steps += 1;
      } catch (e) {
        refusal(e);
      }
    }

    // ── 2. what is left open, by state
    const open = await openHistory(ctx);
    const { rng } = ctx;
    for (const c of open) {
      const handler = demoUsername(c.unit, "case_handler");
      const leader = demoUsername(c.unit, "unit_leader");
      // A few working days after the case's last step, and not before February 2021.
      let on = wd(max(c.last, END), rng.int(2, 8));
      const step = async (
        user: string,
        action: string,
        input: Record<string, unknown> = {},
        reason?: string,
      ): Promise<boolean> => {
        if (compareLocalDate(on, ctx.today) > 0) return false;
        try {
          const next = await ctx.as(user, on, (w) =>
            ctx.cases.step(w, c.case_type, c.id, action, {
              version: c.version,
              input,
              onDate: on,
              ...(reason ? { reason } : {}),
            }),
          );
          c.version = next.version;
          c.state = next.state;
          c.fields = next.fields as Record<string, unknown>;
          steps += 1;
          return true;
        } catch (e) {
          refusal(e);
          return false;
        }
      };
      if (c.case_type === PENALTY_TYPE) {
        await finishPenalty(
          c,
          handler,
          () => on,
          (d) => (on = d),
          step,
          rng.int(1, 9999),
        );
      } else if (c.case_type === DISCLOSURE_TYPE) {
        await finishDisclosure(
          c,
          leader,
          handler,
          () => on,
          (d) => (on = d),
          step,
        );
      } else if (c.case_type === COMPULSION_TYPE && c.state === "in_force") {
        // Decided within the term (行政强制法 第二十七条): the items to the penalty case or released.
        on = wd(max(c.last, END), 1);
        await step(handler, "decide_handling", {
          handling: "released",
          note: "经检验未发现问题，依法解除查封（扣押）",
        });
      } else if (c.case_type === INSPECTION_TYPE && ["inspected", "rectifying"].includes(c.state)) {
        await step(handler, "conclude", {
          result: c.state === "rectifying" ? "rectified" : "no_problem",
        });
      }
    }
    // ── 3. a case filed before 2021-07-15 and notified after it (issue 10): the 2017 text
    // governs by the filing date, the procedure of each later step the 2021 text (程序从新).
    const straddling = await straddlingCase(ctx, refusal);
    steps += straddling;

    // Publications ended at their term's end: the history's and that case's.
    for (const c of (await openHistory(ctx, "2021-07-31" as LocalDate)).filter(
      (x) => x.case_type === DISCLOSURE_TYPE && x.state === "published",
    )) {
      await endPublication(
        c,
        demoUsername(c.unit, "unit_leader"),
        ctx,
        () => (steps += 1),
        refusal,
      );
    }

    const left = await openHistory(ctx);
    const byState = new Map<string, number>();
    for (const c of left) {
      const k = `${c.case_type}/${c.state}`;
      byState.set(k, (byState.get(k) ?? 0) + 1);
    }
    ctx.note(
      `${steps} steps closing the 2019–2020 history (${later.length} planned after the demo's date)${refused ? `; ${refused} refused` : ""}; still open: ${left.length ? [...byState].map(([k, n]) => `${k} ${n}`).join(", ") : "none"} in ${Date.now() - started} ms`,
    );
  },
};

type Step = (
  user: string,
  action: string,
  input?: Record<string, unknown>,
  reason?: string,
) => Promise<boolean>;

/** A penalty decision served, paid (or collected by the court) and closed. */
async function finishPenalty(
  c: OpenCase,
  handler: string,
  on: () => LocalDate,
  setOn: (d: LocalDate) => void,
  step: Step,
  receipt: number,
) {
  const party = c.fields.party as { kind: string; name: string; legalRepresentative?: string };
  if (c.state === "decided") {
    const ok = await step(handler, "serve", {
      serviceMethod: "direct",
      servedTo: party.legalRepresentative ?? party.name,
      publicationNotified: true,
    });
    if (!ok) return;
    setOn(wd(on(), 3));
  }
  const fine = Number(c.fields.fineAmount ?? 0);
  const paid = c.fields.payment !== undefined && c.fields.payment !== null;
  if (fine > 0 && !paid && ["served", "reminded", "court_enforcement"].includes(c.state)) {
    const due = c.fields.paymentDue as LocalDate | undefined;
    if (c.state === "served" && due && compareLocalDate(on(), due) > 0) {
      // 行政强制法 第三十五条: a written reminder once the period has run out.
      const ok = await step(handler, "remind", {
        reminderNo: `催〔${on().slice(0, 4)}〕${(receipt % 60) + 1}号`,
      });
      if (!ok) return;
      setOn(wd(on(), 6));
    } else if (due && compareLocalDate(on(), due) <= 0) {
      setOn(due);
    }
    // 3% of the fine a day from the day after the due date, at most the fine (第七十二条).
    const days = due ? Math.max(0, toEpochDay(on()) - toEpochDay(due)) : 0;
    const surcharge = Math.min(fine, Math.round(fine * 0.03 * days * 100) / 100);
    const byCourt = c.state === "court_enforcement";
    const pf = c.fields as unknown as PenaltyCase;
    const input = {
      // With instalments, what is left after the instalments already paid.
      amountPaid: scheduleOf(pf) ? outstanding(pf) : fine,
      surchargePaid: surcharge,
      collector: byCourt ? "重庆市武隆区人民法院（强制执行）" : BANKS[receipt % BANKS.length],
      receiptNo: `FS${on().replaceAll("-", "")}${String(receipt).padStart(4, "0")}`,
    };
    // A surcharge the guard finds too high (days of a pending review left out): none owed.
    if (!(await step(handler, "record_payment", input))) {
      if (!(await step(handler, "record_payment", { ...input, surchargePaid: 0 }))) return;
    }
    setOn(wd(on(), 2));
  }
  if (["served", "executed", "court_enforcement"].includes(c.state)) {
    await step(handler, "close", {
      summary: c.fields.courtApplication
        ? "经人民法院强制执行完毕，予以结案"
        : "处罚决定已执行完毕，予以结案",
    });
  }
}

/** A decision not yet published: published late (or not, for a minor); a withdrawal recorded. */
async function finishDisclosure(
  c: OpenCase,
  leader: string,
  handler: string,
  _on: () => LocalDate,
  _setOn: (d: LocalDate) => void,
  step: Step,
) {
  const party = c.fields.party as { minor?: boolean };
  if (c.state === "pending") {
    if (party.minor) {
      await step(
        handler,
        "not_publish",
        { notPublishedReason: "当事人为未成年人，依法不予公开" },
        "未成年人",
      );
    } else {
      await step(leader, "publish", {
        channel: c.fields.category === "market_regulation" ? "credit_system" : "government_portal",
      });
    }
  } else if (c.state === "taken_down") {
    await step(
      handler,
      "withdraw",
      { withdrawalGround: "revoked", withdrawalReason: "该行政处罚决定已被依法撤销，撤回公示" },
      "决定被撤销",
    );
  }
}

/** A publication ended on the first working day its term allows, if that day has come. */
async function endPublication(
  c: OpenCase,
  leader: string,
  ctx: DemoContext,
  counted: () => void,
  refusal: (e: unknown) => void,
) {
  const months = Number(c.fields.publicMonths ?? 0);
  const from = c.fields.publishedOn as LocalDate | undefined;
  if (!months || !from) return;
  let on = addMonthsClamped(from, months);
  while (!cal.isWorkingDay(on)) on = wd(on, 1);
  on = max(on, c.last);
  if (compareLocalDate(on, ctx.today) > 0) return;
  try {
    await ctx.as(leader, on, (w) =>
      ctx.cases.step(w, DISCLOSURE_TYPE, c.id, "end_publication", {
        version: c.version,
        input: {},
        onDate: on,
      }),
    );
    counted();
  } catch (e) {
    refusal(e);
  }
}

/** The history's cases still open (opened on or before the demo's last day), oldest first. */
async function openHistory(ctx: DemoContext, until: LocalDate = END): Promise<OpenCase[]> {
  const rows = await ctx.db
    .selectFrom("case_file as c")
    .innerJoin("unit as u", "u.id", "c.unit_id")
    .select(["c.id", "c.case_type", "c.state", "c.version", "c.fields", "u.code as unit"])
    .select((eb) =>
      eb
        .selectFrom("case_event as e")
        .whereRef("e.region_code", "=", "c.region_code")
        .whereRef("e.case_id", "=", "c.id")
        .select((x) => x.fn.max("e.on_date").as("d"))
        .as("last"),
    )
    .where("c.region_code", "=", ctx.regionCode)
    .where("c.case_type", "in", [PENALTY_TYPE, DISCLOSURE_TYPE, COMPULSION_TYPE, INSPECTION_TYPE])
    .where("c.closed_on", "is", null)
    .where("c.opened_on", "<=", until)
    .orderBy("c.opened_on")
    .orderBy("c.id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    case_type: r.case_type,
    state: r.state,
    version: r.version,
    fields: r.fields as Record<string, unknown>,
    unit: r.unit,
    last: (r.last ?? END) as LocalDate,
  }));
}

/**
 * A market-regulation case filed on 2021-07-12, 13 or 14 whose notice falls on or after
 * 2021-07-15, generated like the history's cases (general-case.ts) and taken through its
 * steps as far as they go; a refused step or a failed generation is noted, never fatal.
 */
async function straddlingCase(ctx: DemoContext, refusal: (e: unknown) => void): Promise<number> {
  let taken = 0;
  try {
    const plan = await makePlan(ctx);
    const p = PROFILES.find((x) => x.unit === "scjgj")!;
    let own: PlannedStep[] = [];
    for (const filedOn of ["2021-07-12", "2021-07-13", "2021-07-14"] as LocalDate[]) {
      const from = plan.steps.length;
      try {
        generalCase(plan, p, filedOn, { law2021: true });
      } catch {
        plan.steps.length = from;
        continue;
      }
      own = plan.steps.slice(from);
      const notice = own.find((x) => x.action === "notify");
      if (notice && compareLocalDate(notice.date, "2021-07-15" as LocalDate) >= 0) break;
      plan.steps.length = from;
      own = [];
    }
    for (const x of own.filter((y) => compareLocalDate(y.date, ctx.today) <= 0)) {
      try {
        await ctx.as(x.user, x.date, (w) => x.run(w));
        taken += 1;
      } catch (e) {
        refusal(e);
        break;
      }
    }
    ctx.note(
      own.length
        ? `a case filed ${own[0]!.date} and notified ${own.find((y) => y.action === "notify")!.date}: ${taken} steps`
        : "no case filed before 2021-07-15 and notified after it could be generated",
    );
  } catch (e) {
    ctx.note(`the case across 2021-07-15 was not generated: ${String(e)}`);
  }
  return taken;
}
