import {
  addDays,
  addPeriod,
  compareLocalDate,
  type LocalDate,
  toEpochDay,
} from "../../../../kernel/time/index.ts";
import { DISCLOSURE_TYPE } from "../penalty/index.ts";
import { cal, cd, max, wd } from "./dates.ts";
import type { DemoParty, Handle, Plan } from "./plan.ts";
import type { Profile } from "./profiles.ts";

// ── a general-procedure decision's publication, service and execution

export function afterDecision(
  plan: Plan,
  p: Profile,
  c: {
    filedOn: LocalDate;
    h: Handle;
    handler: string;
    leader: string;
    decidedOn: LocalDate;
    fine: number;
    party: DemoParty;
  },
) {
  const { rng, cases, at, act, stats, stalls, unpublished, closedGeneral, published } = plan;
  const { filedOn, h, handler, leader, decidedOn, fine, party } = c;
  // The publication record, if the decision opened one.
  const disclosure: Handle = { type: DISCLOSURE_TYPE, id: 0, version: 0 };
  at(decidedOn, leader, async (w) => {
    const link = await w.trx
      .selectFrom("case_link")
      .innerJoin("case_file", (j) =>
        j
          .onRef("case_file.region_code", "=", "case_link.region_code")
          .onRef("case_file.id", "=", "case_link.from_case_id"),
      )
      .select(["case_file.id", "case_file.version"])
      .where("case_link.to_case_id", "=", h.id)
      .where("case_link.kind", "=", "follows")
      .executeTakeFirst();
    if (link) {
      disclosure.id = link.id;
      disclosure.version = link.version;
    }
  });
  // Published within the limit (20 working days in market regulation, else 7), some late.
  const limit = p.category === "market_regulation" ? 20 : 7;
  const pr = rng.next();
  const publishOn =
    pr < 0.88
      ? wd(decidedOn, rng.int(1, limit - 1))
      : pr < 0.96
        ? wd(decidedOn, limit + rng.int(2, 10))
        : undefined;
  if (publishOn) {
    at(publishOn, leader, async (w) => {
      if (!disclosure.id) return;
      const next = await cases.step(w, DISCLOSURE_TYPE, disclosure.id, "publish", {
        version: disclosure.version,
        input: {
          channel: p.category === "market_regulation" ? "credit_system" : "government_portal",
        },
        onDate: publishOn,
      });
      disclosure.version = next.version;
      if (!next.fields.publishedOnTime) stats.publishedLate += 1;
    });
  } else {
    unpublished.push(disclosure);
  }
  // Service, on the spot or within days (a few late).
  // A few cases stall, to show on the warning list at the demo's date: a decision not
  // yet served, fines unpaid past their due date.
  const late2020 =
    compareLocalDate(filedOn, "2020-10-12" as LocalDate) >= 0 &&
    compareLocalDate(filedOn, "2020-11-30" as LocalDate) <= 0;
  if (late2020 && stalls.unserved < 1 && fine > 0) {
    stalls.unserved += 1;
    return;
  }
  const unpaid = late2020 && stalls.unpaid < 2 && fine > 0;
  if (unpaid) stalls.unpaid += 1;
  const servedOn = rng.chance(0.3)
    ? decidedOn
    : wd(decidedOn, rng.chance(0.05) ? rng.int(8, 12) : rng.int(1, 5));
  act(h, handler, servedOn, "serve", {
    serviceMethod:
      servedOn === decidedOn ? "on_spot" : rng.pick(["direct", "direct", "mail", "left"]),
    servedTo:
      party.kind === "natural_person"
        ? party.name
        : "legalRepresentative" in party
          ? party.legalRepresentative
          : party.name,
    publicationNotified: true,
  });
  if (unpaid) return;
  let last = servedOn;
  let courtApplied = false;
  if (fine > 0) {
    const payDue = cd(servedOn, 15);
    const pay = rng.next();
    const payment = (on: LocalDate, surcharge: number) =>
      act(h, handler, on, "record_payment", {
        amountPaid: fine,
        surchargePaid: surcharge,
        collector: rng.pick([
          "重庆农村商业银行武隆支行",
          "中国建设银行武隆支行",
          "中国工商银行武隆支行",
        ]),
        receiptNo: `FS${decidedOn.replaceAll("-", "")}${String(rng.int(1, 9999)).padStart(4, "0")}`,
      });
    const surchargeFor = (on: LocalDate) => {
      const days = Math.max(0, toEpochDay(on) - toEpochDay(payDue));
      return Math.min(fine, Math.round(fine * 0.03 * days * 100) / 100);
    };
    // At least one case of 2020 goes to the court (served early enough for it).
    const forceCourt =
      stats.court === 0 &&
      compareLocalDate(servedOn, "2020-01-06" as LocalDate) >= 0 &&
      compareLocalDate(servedOn, "2020-05-29" as LocalDate) <= 0;
    if (!forceCourt && pay < 0.8) {
      last = cd(servedOn, rng.int(1, 14));
      if (compareLocalDate(last, payDue) > 0) last = payDue;
      payment(last, 0);
    } else if (!forceCourt && pay < 0.9) {
      last = addDays(payDue, rng.int(2, 20));
      payment(last, surchargeFor(last));
    } else if (
      !forceCourt &&
      (compareLocalDate(servedOn, "2020-06-01" as LocalDate) > 0 || pay < 0.96)
    ) {
      const remindOn = wd(payDue, rng.int(3, 8));
      act(h, handler, remindOn, "remind", {
        reminderNo: `催〔${remindOn.slice(0, 4)}〕${rng.int(1, 60)}号`,
      });
      last = wd(remindOn, rng.int(5, 15));
      payment(last, surchargeFor(last));
    } else {
      const remindOn = wd(payDue, rng.int(3, 8));
      act(h, handler, remindOn, "remind", {
        reminderNo: `催〔${remindOn.slice(0, 4)}〕${rng.int(1, 60)}号`,
      });
      const applyOn = wd(
        max(wd(remindOn, 10), addPeriod(cal, servedOn, { n: 6, unit: "month" }).due),
        rng.int(1, 10),
      );
      act(h, handler, applyOn, "apply_court", { court: "重庆市武隆区人民法院" });
      stats.court += 1;
      courtApplied = true;
      last = applyOn;
    }
  }
  // A case with the court stays open until the court's enforcement ends.
  if (!courtApplied) {
    const closeOn = wd(last, rng.int(1, 5));
    act(h, handler, closeOn, "close", { summary: "处罚决定已执行完毕，予以结案" });
    if (compareLocalDate(closeOn, "2020-11-30" as LocalDate) <= 0)
      closedGeneral.push({ h, closedOn: closeOn, unit: p.unit });
    if (publishOn && p.category === "market_regulation") {
      published.push({
        d: disclosure,
        p: h,
        unit: p.unit,
        decidedOn,
        lastStep: max(closeOn, publishOn),
      });
    }
  }
}
