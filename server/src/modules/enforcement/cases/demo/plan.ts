import type { DemoContext } from "../../../../engines/demo/index.ts";
import { demoIdCards, makeIdCard } from "../../../../kernel/codes/id-card.ts";
import { demoUsccs } from "../../../../kernel/codes/uscc.ts";
import type { LocalDate } from "../../../../kernel/time/index.ts";
import type { WorkTx } from "../../../../platform/work.ts";
import { inventName } from "../../../directory/accounts.ts";
import { FIRM_PLACE, FIRM_TRADE, ROADS, TOWNS } from "./profiles.ts";
import { bodiesOf, readRegisters } from "./registers.ts";

// ─────────────────────────────────────────────────────────────────────── the plan

export interface Handle {
  type: string;
  id: number;
  version: number;
}

/** One step on a date as a user; steps of one case keep their order. */
export interface PlannedStep {
  date: LocalDate;
  user: string;
  order: number;
  /** The case step it takes (absent: an open, a link, a look-up). */
  action?: string;
  run(w: WorkTx): Promise<void>;
}

/**
 * The plan of the demo's steps, and what the case generators share: the people and firms
 * they invent, the officers they pick, and the tallies they keep.
 */
export async function makePlan(ctx: DemoContext) {
  const { rng } = ctx;
  const { cases } = ctx;
  const reg = await readRegisters(ctx);
  const steps: PlannedStep[] = [];
  let order = 0;
  const at = (date: LocalDate, user: string, run: (w: WorkTx) => Promise<void>, action?: string) =>
    steps.push({ date, user, order: order++, run, ...(action ? { action } : {}) });

  const open = (h: Handle, user: string, date: LocalDate, fields: Record<string, unknown>) =>
    at(date, user, async (w) => {
      const c = await cases.open(w, h.type, { fields, onDate: date });
      h.id = c.id;
      h.version = c.version;
    });
  const act = (
    h: Handle,
    user: string,
    date: LocalDate,
    action: string,
    input: Record<string, unknown> = {},
    reason?: string,
  ) =>
    at(
      date,
      user,
      async (w) => {
        const next = await cases.step(w, h.type, h.id, action, {
          version: h.version,
          input,
          onDate: date,
          ...(reason ? { reason } : {}),
        });
        h.version = next.version;
      },
      action,
    );

  // ── people and firms
  // Private parties never share a name with an official shown in public (officers, accounts).
  const names = new Set<string>(reg.officers.map((o) => o.name));
  for (const u of await ctx.users()) names.add(u.displayName);
  const idCards = demoIdCards(rng.int(1, 2 ** 30), 400, {
    regions: ["500156", "500156", "500156", "500102", "500101"],
    fromYear: 1955,
    toYear: 1999,
  });
  const usccs = demoUsccs(rng.int(1, 2 ** 30), 300, {
    kinds: ["91", "91", "91", "92"],
    regions: ["500156"],
  });
  const firms = new Set<string>();
  let idIdx = 0;
  let usccIdx = 0;
  const address = () => `重庆市武隆区${rng.pick(TOWNS)}${rng.pick(ROADS)}${rng.int(1, 299)}号`;
  const mobile = () =>
    `1${rng.pick([3, 5, 7, 8, 9])}${String(rng.int(0, 999_999_999)).padStart(9, "0")}`;
  // A party's name is never part of (or contains) an officer's, who are shown in public.
  const officerNames = reg.officers.map((o) => o.name);
  const partyName = (): string => {
    for (;;) {
      const n = inventName(rng, names);
      if (!officerNames.some((o) => o.includes(n) || n.includes(o))) return n;
    }
  };
  const personParty = () => ({
    kind: "natural_person",
    name: partyName(),
    idNumber: idCards[idIdx++ % idCards.length]!,
    ...(rng.chance(0.7) ? { phone: mobile() } : {}),
    address: address(),
  });
  const minorParty = () => ({
    kind: "natural_person",
    name: partyName(),
    idNumber: makeIdCard("500156", "2004-02-17", rng.int(0, 498), "male"),
    address: address(),
    minor: true,
  });
  const firmParty = () => {
    let name: string;
    do {
      name = `重庆市武隆区${rng.pick(FIRM_PLACE)}${rng.pick(FIRM_TRADE)}有限公司`;
    } while (firms.has(name) && firms.size < FIRM_PLACE.length * FIRM_TRADE.length);
    firms.add(name);
    return {
      kind: "legal_person",
      name,
      uscc: usccs[usccIdx++ % usccs.length]!,
      legalRepresentative: inventName(rng, names),
      address: address(),
    };
  };

  // ── officers valid on a day
  const pickOfficers = (unit: string, date: LocalDate, n = 2): string[] => {
    const bodies = bodiesOf(unit);
    const pool = reg.officers.filter(
      (o) => bodies.includes(o.body) && o.from <= date && date <= o.to && !o.reviewer,
    );
    if (pool.length < n) {
      throw new Error(`fewer than ${n} officers of ${bodies.join("/")} are valid on ${date}`);
    }
    return rng
      .shuffle(pool)
      .slice(0, n)
      .map((o) => o.cert);
  };
  const pickReviewer = (unit: string, date: LocalDate): string => {
    const bodies = bodiesOf(unit);
    const pool = reg.officers.filter(
      (o) => bodies.includes(o.body) && o.reviewer && o.qualified && o.from <= date && date <= o.to,
    );
    if (pool.length === 0) {
      throw new Error(`no qualified legal reviewer of ${bodies.join("/")} is valid on ${date}`);
    }
    return rng.pick(pool).cert;
  };
  const benchmarkOf = (unit: string, code: string, circumstance: string) => {
    for (const b of bodiesOf(unit)) {
      const r = reg.benchmarks.get(`${b}:${code}:${circumstance}`);
      if (r) return r;
    }
    return undefined;
  };
  const thresholdOf = (unit: string) => {
    for (const b of bodiesOf(unit)) {
      const r = reg.thresholds.get(b);
      if (r !== undefined) return r;
    }
    return Number.POSITIVE_INFINITY;
  };

  const stats = {
    general: 0,
    simplified: 0,
    inspections: 0,
    seizures: 0,
    hearings: 0,
    reviews: 0,
    majors: 0,
    publishedLate: 0,
    unpublished: 0,
    court: 0,
    fileReviews: 0,
  };
  const stalls = { unserved: 0, unpaid: 0 };
  const unpublished: Handle[] = [];
  const closedGeneral: { h: Handle; closedOn: LocalDate; unit: string }[] = [];
  const published: {
    d: Handle;
    p: Handle;
    unit: string;
    decidedOn: LocalDate;
    lastStep: LocalDate;
  }[] = [];

  return {
    rng,
    cases,
    names,
    steps,
    at,
    open,
    act,
    personParty,
    minorParty,
    firmParty,
    pickOfficers,
    pickReviewer,
    benchmarkOf,
    thresholdOf,
    stats,
    stalls,
    unpublished,
    closedGeneral,
    published,
  };
}

export type Plan = Awaited<ReturnType<typeof makePlan>>;

/** A party the plan invents: a person, a minor or a firm. */
export type DemoParty =
  | ReturnType<Plan["personParty"]>
  | ReturnType<Plan["minorParty"]>
  | ReturnType<Plan["firmParty"]>;
