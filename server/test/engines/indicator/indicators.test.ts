import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { computeIndicators } from "../../../src/cli/commands/indicators.ts";
import type { CaseTypeDecl } from "../../../src/engines/case/index.ts";
import type { DrillRow, IndicatorDecl } from "../../../src/engines/indicator/declare.ts";
import {
  drillDown,
  evaluate,
  evaluatePeriods,
  IndicatorError,
} from "../../../src/engines/indicator/engine.ts";
import {
  countCases,
  countEvents,
  countRegister,
  countUnits,
  type IndicatorSpec,
  ratio,
  relativeChange,
  sumCases,
  sumRegister,
} from "../../../src/engines/indicator/queries.ts";
import { forgetRegionTrees } from "../../../src/engines/indicator/regions.ts";
import { roundValue } from "../../../src/engines/indicator/values.ts";
import type { RegisterDecl } from "../../../src/engines/register/index.ts";
import { createRegistry, type ModuleDecl } from "../../../src/engines/registry.ts";
import type { LocalDate } from "../../../src/kernel/time/index.ts";
import { regionWithDescendants } from "../../../src/platform/regions.ts";
import { type Session, type TestApp, testApp } from "../../support/app.ts";

/**
 * The indicator engine over real records: cases, steps and register entries inserted
 * directly (as the owner) for two districts of Chongqing (500156 武隆, 500102 涪陵)
 * under the city 500000, three units, two years.
 */

const ind = (id: string, spec: IndicatorSpec, extra: Partial<IndicatorDecl> = {}) =>
  ({
    id,
    label: { zh: `指标${id}`, en: `Indicator ${id}` },
    unit: { zh: "个", en: "items" },
    definition: { zh: `测试指标${id}`, en: `Test indicator ${id}` },
    module: "t_ind",
    ...spec,
    ...extra,
  }) satisfies IndicatorDecl;

const STOCK = { stock: { validFrom: "validFrom", validTo: "validTo" } } as const;

const INDICATORS: IndicatorDecl[] = [
  ind("cases_opened", countCases({ caseType: "t_case", by: "opened" })),
  ind("cases_closed", countCases({ caseType: "t_case", by: "closed" })),
  ind("cases_pending", countCases({ caseType: "t_case", by: "open_at_end" })),
  ind("major_closed", countCases({ caseType: "t_case", by: "closed", where: { major: true } })),
  ind("major_rate", ratio("major_closed", "cases_closed"), { unit: { zh: "%", en: "%" } }),
  ind("amount_closed", sumCases({ caseType: "t_case", by: "closed", field: "amount" })),
  ind("decisions", countEvents({ caseType: "t_case", action: "decide" })),
  ind(
    "cases_stepped",
    countEvents({ caseType: "t_case", action: ["decide", "accept"], distinctCases: true }),
  ),
  ind("decisions_change", relativeChange("decisions")),
  ind("officers", countRegister({ register: "t_officer", ...STOCK })),
  ind("reviewers", countRegister({ register: "t_officer", ...STOCK, where: { role: "reviewer" } })),
  ind("events", countRegister({ register: "t_event", on: "heldOn" })),
  ind("attendance", sumRegister({ register: "t_event", on: "heldOn", field: "attendance" })),
  ind(
    "big_events",
    countRegister({
      register: "t_event",
      on: "heldOn",
      filter: (eb, d) => eb(d.num("attendance"), ">=", 100),
    }),
  ),
  ind("departments", countUnits({ kind: "department" })),
];
// What the indicators read is declared (createRegistry checks every name an indicator
// counts); the records themselves are inserted directly below.
const l = (zh: string) => ({ zh, en: zh });
const T_CASE: CaseTypeDecl = {
  code: "t_case",
  label: l("测试案件"),
  module: "t_ind",
  fields: z.object({ major: z.boolean().optional(), amount: z.number().optional() }),
  title: () => "案件",
  states: { open: { label: l("办理中") }, closed: { label: l("已办结"), terminal: true } },
  initial: "open",
  transitions: [
    { action: "accept", label: l("受理"), from: ["open"], to: "open" },
    { action: "decide", label: l("决定"), from: ["open"], to: "closed" },
  ],
};
const register = (code: string, schema: z.ZodObject): RegisterDecl => ({
  code,
  label: l(code),
  module: "t_ind",
  schema,
  columns: Object.keys(schema.shape).map((field) => ({ field, label: l(field), kind: "text" })),
  visibility: "region",
  edit: { permission: "record.write", scope: "own_unit" },
  title: (d) => String(d.name ?? d.title),
});
const T_REGISTERS = [
  register(
    "t_officer",
    z.object({
      name: z.string(),
      role: z.string(),
      validFrom: z.string().optional(),
      validTo: z.string().optional(),
    }),
  ),
  register(
    "t_event",
    z.object({ title: z.string(), heldOn: z.string(), attendance: z.number().optional() }),
  ),
];
const MODULE: ModuleDecl = {
  code: "t_ind",
  label: { zh: "指标测试", en: "Indicator test" },
  caseTypes: [T_CASE],
  registers: T_REGISTERS,
  indicators: INDICATORS,
};
const registry = createRegistry([MODULE]);

let t: TestApp;
const u: Record<"a" | "b" | "c" | "city", number> = { a: 0, b: 0, c: 0, city: 0 };
const c: Record<string, number> = {};
const s = {} as Record<"office" | "handler" | "cityoffice" | "sysadm", Session>;

async function kase(
  key: string,
  region: string,
  unit: number,
  opened: string,
  closed: string | null,
  fields: Record<string, unknown>,
  caseType = "t_case",
) {
  const r = await t.db.owner
    .insertInto("case_file")
    .values({
      region_code: region,
      case_type: caseType,
      unit_id: unit,
      state: closed ? "closed" : "open",
      title: `案件${key}`,
      fields: JSON.stringify(fields),
      numbers: "{}",
      opened_on: opened,
      closed_on: closed,
      created_at: new Date(),
      updated_at: new Date(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  c[key] = r.id;
}

async function step(key: string, region: string, seq: number, action: string, onDate: string) {
  await t.db.owner
    .insertInto("case_event")
    .values({
      region_code: region,
      case_id: c[key]!,
      seq,
      kind: "step",
      action,
      on_date: onDate,
      at: new Date(`${onDate}T10:00:00+08:00`),
      actor_unit_id: null,
      data: "{}",
    })
    .execute();
}

const e: Record<string, number> = {};
async function entry(
  key: string,
  region: string,
  unit: number,
  register: string,
  data: Record<string, unknown>,
  visibility: "unit" | "region" = "region",
) {
  const r = await t.db.owner
    .insertInto("register_entry")
    .values({
      region_code: region,
      register,
      unit_id: unit,
      visibility,
      data: JSON.stringify(data),
      created_at: new Date(),
      updated_at: new Date(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  e[key] = r.id;
}

beforeAll(async () => {
  t = await testApp([MODULE]);
  u.a = await t.unit("500156", "sfj");
  u.b = await t.unit("500156", "scjgj");
  u.c = await t.unit("500102", "fl-sfj");
  u.city = await t.unit("500000", "cq-sfj", "government");
  await t.user("office", u.a, ["rule_of_law_office"]);
  await t.user("handler", u.a, ["case_handler"]);
  await t.user("cityoffice", u.city, ["rule_of_law_office"]);
  await t.user("sysadm", u.a, ["sys_admin"]);
  for (const who of ["office", "handler", "cityoffice", "sysadm"] as const) {
    s[who] = await t.login(who);
  }

  // Cases: opened / closed on the boundaries of 2020 and 2021.
  await kase("c1", "500156", u.a, "2020-03-01", "2020-06-01", { major: true, amount: 100.5 });
  await kase("c2", "500156", u.a, "2020-12-31", null, { major: false });
  await kase("c3", "500156", u.a, "2021-01-01", "2021-02-01", { major: true, amount: 5 });
  await kase("c4", "500156", u.a, "2020-02-02", "2020-12-31", { major: false, amount: "200.25" });
  await kase("c5", "500156", u.b, "2020-05-05", "2021-01-05", { major: false });
  await kase("c6", "500102", u.c, "2020-07-07", "2020-08-08", { major: true, amount: 1000 });
  await kase("c7", "500156", u.a, "2020-04-04", "2020-05-01", { major: true }, "t_other");
  // Steps (decisions and acceptances) on their legal dates.
  await step("c1", "500156", 1, "accept", "2020-03-01");
  await step("c1", "500156", 2, "decide", "2020-06-01");
  await step("c2", "500156", 1, "accept", "2020-12-31");
  await step("c4", "500156", 1, "decide", "2020-12-31");
  await step("c5", "500156", 1, "decide", "2021-01-05");
  await step("c6", "500102", 1, "decide", "2020-08-08");
  await step("c7", "500156", 1, "decide", "2020-04-04");
  // Officers (a stock with validity dates; validTo is the last valid day).
  const off = (name: string, role: string, from?: string, to?: string) => ({
    name,
    role,
    ...(from ? { validFrom: from } : {}),
    ...(to ? { validTo: to } : {}),
  });
  await entry("o1", "500156", u.a, "t_officer", off("张一", "reviewer", "2019-01-01"));
  await entry("o2", "500156", u.a, "t_officer", off("张二", "officer", "2020-03-01", "2020-12-31"));
  await entry("o3", "500156", u.a, "t_officer", off("张三", "officer", "2021-01-01"));
  await entry("o4", "500156", u.b, "t_officer", off("李四", "reviewer", "2018-01-01"), "unit");
  await entry("o5", "500102", u.c, "t_officer", off("王五", "officer"));
  // Publicity events (a flow, dated by heldOn).
  const ev = (title: string, heldOn: string, attendance?: number) => ({
    title,
    heldOn,
    ...(attendance === undefined ? {} : { attendance }),
  });
  await entry("e1", "500156", u.a, "t_event", ev("元旦普法", "2020-01-01", 100));
  await entry("e2", "500156", u.a, "t_event", ev("年终普法", "2020-12-31", 50));
  await entry("e3", "500156", u.a, "t_event", ev("新年普法", "2021-01-01", 7));
  await entry("e4", "500156", u.b, "t_event", ev("市场普法", "2020-06-06", 30), "unit");
  await entry("e5", "500102", u.c, "t_event", ev("涪陵普法", "2020-05-05", 1000));
  await entry("e6", "500156", u.a, "t_event", ev("无人数记录", "2020-07-07"));
});
afterAll(async () => t?.close());

async function values(req: Parameters<typeof evaluate>[2]) {
  const out = await evaluate(registry, t.db.owner, req);
  return Object.fromEntries(out.map((v) => [v.id, v.value]));
}

const W2020 = {
  cases_opened: 4,
  cases_closed: 2,
  cases_pending: 2,
  major_closed: 1,
  major_rate: 50,
  amount_closed: 300.75,
  decisions: 2,
  cases_stepped: 3,
  decisions_change: null,
  officers: 3,
  reviewers: 2,
  events: 4,
  attendance: 180,
  big_events: 1,
  departments: 2,
};

describe("the engine (owner connection: every record)", () => {
  it("counts, sums and rates for a district and a year", async () => {
    expect(await values({ region: "500156", year: 2020 })).toEqual(W2020);
  });

  it("puts records in the year of their date: 2020-12-31 and 2021-01-01 fall apart", async () => {
    expect(await values({ region: "500156", year: 2021 })).toEqual({
      cases_opened: 1,
      cases_closed: 2,
      cases_pending: 1,
      major_closed: 1,
      major_rate: 50,
      amount_closed: 5,
      decisions: 1,
      cases_stepped: 1,
      decisions_change: -50,
      officers: 3,
      reviewers: 2,
      events: 1,
      attendance: 7,
      big_events: 0,
      departments: 2,
    });
    const ids = async (id: string, from: string, to: string) =>
      (await drillDown(registry, t.db.owner, id, { region: "500156", from, to })).map((r) => r.id);
    expect(await ids("cases_opened", "2020-12-31", "2020-12-31")).toEqual([c.c2]);
    expect(await ids("cases_opened", "2021-01-01", "2021-01-01")).toEqual([c.c3]);
    expect(await ids("cases_opened", "2020-12-31", "2021-01-01")).toEqual([c.c2, c.c3]);
    expect(await ids("events", "2020-12-31", "2020-12-31")).toEqual([e.e2]);
    expect(await ids("events", "2021-01-01", "2021-12-31")).toEqual([e.e3]);
    // A stock is taken on the last day: 张二's last valid day is 2020-12-31.
    expect(await ids("officers", "2020-12-31", "2020-12-31")).toEqual([e.o1, e.o2, e.o4]);
    expect(await ids("officers", "2021-01-01", "2021-01-01")).toEqual([e.o1, e.o3, e.o4]);
  });

  it("a city counts its districts' records together (rates on the union, not averaged)", async () => {
    const city = await values({ region: "500000", year: 2020 });
    expect(city).toMatchObject({
      cases_opened: 5,
      cases_closed: 3,
      major_closed: 2,
      major_rate: 66.7, // 2/3, not the mean of 50% (武隆) and 100% (涪陵)
      amount_closed: 1300.75,
      decisions: 3,
      officers: 4,
      events: 5,
      attendance: 1180,
      big_events: 2,
      departments: 3,
    });
    expect(await values({ region: "500102", year: 2020 })).toMatchObject({
      cases_opened: 1,
      cases_closed: 1,
      major_rate: 100,
    });
  });

  it("filters by unit (the owning unit)", async () => {
    expect(await values({ region: "500156", year: 2020, unitId: u.a })).toMatchObject({
      cases_opened: 3,
      cases_closed: 2,
      major_rate: 50,
      officers: 2,
      events: 3,
      attendance: 150,
      departments: 1,
    });
    expect(await values({ region: "500156", year: 2020, unitId: u.b })).toMatchObject({
      cases_opened: 1,
      cases_closed: 0,
      major_rate: null,
      decisions: 0,
      officers: 1,
      events: 1,
      attendance: 30,
    });
    await expect(values({ region: "500156", year: 2020, unitId: u.c })).rejects.toThrow(
      /no unit .* in region 500156/,
    );
  });

  it("computes the helpers' counts and sums in one statement (every source, this year and the year before), the same answers", async () => {
    // Every statement the evaluation sends, counted by a plugin on the owner connection.
    let sent = 0;
    const counted = t.db.owner.withPlugin({
      transformQuery: (a) => a.node,
      transformResult: async (a) => {
        sent++;
        return a.result;
      },
    });
    const scopes = [
      { region: "500156", year: 2020 },
      { region: "500156", year: 2021 },
      { region: "500000", year: 2020 },
      { region: "500156", year: 2020, unitId: u.b },
      { region: "500156", from: "2020-06-01", to: "2021-01-01" },
    ];
    for (const req of scopes) {
      forgetRegionTrees();
      sent = 0;
      const grouped = await evaluate(registry, counted, req);
      // The region's tree (and the unit), then one statement: case_file, case_event (this
      // year and the year before, for decisions_change), register_entry and unit together.
      expect(sent).toBe(req.unitId === undefined ? 2 : 3);
      // The tree is read once per region: the next evaluation is the one statement (and the unit).
      sent = 0;
      expect(await evaluate(registry, counted, req)).toEqual(grouped);
      expect(sent).toBe(req.unitId === undefined ? 1 : 2);
      // Each helper's own statement, one indicator at a time, gives the same value.
      const period =
        "year" in req
          ? { from: `${req.year}-01-01`, to: `${req.year}-12-31`, year: req.year }
          : { from: req.from, to: req.to, year: 2021 };
      const regions = await regionWithDescendants(t.db.owner, req.region);
      for (const v of grouped) {
        const d = INDICATORS.find((x) => x.id === v.id)!;
        if (d.dependsOn) continue;
        const own = await d.value!({
          db: t.db.owner,
          regions,
          unitId: req.unitId,
          ...(period as { from: LocalDate; to: LocalDate; year: number }),
        });
        expect([v.id, v.value]).toEqual([v.id, roundValue(own, v.decimals)]);
      }
    }
  });

  it("evaluates two periods as one wave: the year before's figures join this year's statement", async () => {
    let sent = 0;
    const counted = t.db.owner.withPlugin({
      transformQuery: (a) => a.node,
      transformResult: async (a) => {
        sent++;
        return a.result;
      },
    });
    await evaluate(registry, counted, { region: "500156", year: 2021 }); // the tree, cached
    sent = 0;
    const [now, before] = await evaluatePeriods(registry, counted, {
      region: "500156",
      periods: [{ year: 2021 }, { year: 2020, indicatorIds: ["decisions", "major_rate"] }],
    });
    expect(sent).toBe(1);
    expect(now).toEqual(await evaluate(registry, t.db.owner, { region: "500156", year: 2021 }));
    expect(before).toEqual(
      await evaluate(registry, t.db.owner, {
        region: "500156",
        year: 2020,
        indicatorIds: ["decisions", "major_rate"],
      }),
    );
  });

  it("evaluates the indicators asked for, and refuses unknown ones naming them", async () => {
    expect(
      await values({ region: "500156", year: 2020, indicatorIds: ["officers", "major_rate"] }),
    ).toEqual({ officers: 3, major_rate: 50 });
    await expect(
      values({ region: "500156", year: 2020, indicatorIds: ["officers", "nope"] }),
    ).rejects.toThrow(/no indicator nope/);
    await expect(values({ region: "500999", year: 2020 })).rejects.toThrow(/no region 500999/);
  });

  it("drills down to exactly the records behind each figure (value = sum of the rows)", async () => {
    const scopes = [
      { region: "500156", year: 2020 },
      { region: "500156", year: 2021 },
      { region: "500000", year: 2020 },
      { region: "500156", year: 2020, unitId: u.b },
    ];
    for (const scope of scopes) {
      const vals = await evaluate(registry, t.db.owner, scope);
      for (const v of vals) {
        const decl = registry.indicator(v.id)!;
        if (decl.dependsOn) continue; // derived: see below
        const rows = await drillDown(registry, t.db.owner, v.id, scope);
        const sum = rows.reduce((a, r) => a + r.value, 0);
        expect(Number(sum.toFixed(2)), `${v.id} ${JSON.stringify(scope)}`).toBe(v.value);
      }
    }
    const rows = (id: string) =>
      drillDown(registry, t.db.owner, id, { region: "500156", year: 2020 });
    const ids = (rs: DrillRow[]) => rs.map((r) => r.id);
    expect(ids(await rows("cases_opened"))).toEqual([c.c1, c.c2, c.c4, c.c5]);
    expect(ids(await rows("cases_closed"))).toEqual([c.c1, c.c4]);
    expect(ids(await rows("cases_pending"))).toEqual([c.c2, c.c5]);
    expect(ids(await rows("decisions"))).toEqual([c.c1, c.c4]);
    const stepped = await rows("cases_stepped");
    expect(ids(stepped)).toEqual([c.c1, c.c2, c.c4]);
    expect(stepped[0]!.extra).toMatchObject({ action: "accept", onDate: "2020-03-01" });
    expect(ids(await rows("officers"))).toEqual([e.o1, e.o2, e.o4]);
    expect(ids(await rows("events"))).toEqual([e.e1, e.e2, e.e4, e.e6]);
    const attendance = await rows("attendance");
    expect(attendance.map((r) => r.value)).toEqual([100, 50, 30, 0]);
    expect(attendance[0]).toMatchObject({
      kind: "register",
      regionCode: "500156",
      type: "t_event",
      title: "元旦普法",
      unitId: u.a,
      extra: { onDate: "2020-01-01", field: "attendance" },
    });
    const amount = await rows("amount_closed");
    expect(amount.map((r) => [r.id, r.value])).toEqual([
      [c.c1, 100.5],
      [c.c4, 200.25],
    ]);
    expect(amount[0]).toMatchObject({ kind: "case", type: "t_case", title: "案件c1" });
  });

  it("a rate's records are its numerator's and its denominator's", async () => {
    const rs = await drillDown(registry, t.db.owner, "major_rate", {
      region: "500000",
      year: 2020,
    });
    const part = (p: string) =>
      rs.filter((r) => r.extra?.part === p).map((r) => [r.regionCode, r.id]);
    expect(part("numerator")).toEqual([
      ["500102", c.c6],
      ["500156", c.c1],
    ]);
    expect(part("denominator")).toEqual([
      ["500102", c.c6],
      ["500156", c.c1],
      ["500156", c.c4],
    ]);
    const change = await drillDown(registry, t.db.owner, "decisions_change", {
      region: "500156",
      year: 2021,
    });
    expect(change.map((r) => [r.extra?.part, r.id])).toEqual([
      ["current", c.c5],
      ["previous", c.c1],
      ["previous", c.c4],
    ]);
  });

  it("a failing indicator says which one failed (and which it was computing)", async () => {
    const broken = createRegistry([
      {
        code: "t_ind",
        label: { zh: "坏", en: "Broken" },
        caseTypes: [T_CASE],
        indicators: [
          ind("fine", countCases({ caseType: "t_case", by: "opened" })),
          {
            ...ind("broken", countCases({ caseType: "t_case", by: "opened" })),
            drill: async () => {
              throw new Error("boom");
            },
            value: undefined,
          },
          ind("broken_rate", ratio("broken", "fine")),
        ],
      },
    ]);
    const err = await evaluate(broken, t.db.owner, { region: "500156", year: 2020 }).catch(
      (x: unknown) => x,
    );
    expect(err).toBeInstanceOf(IndicatorError);
    expect((err as IndicatorError).indicatorId).toBe("broken");
    expect(String(err)).toMatch(/indicator "broken" failed: boom/);
    const nested = await evaluate(broken, t.db.owner, {
      region: "500156",
      year: 2020,
      indicatorIds: ["broken_rate"],
    }).catch((x: unknown) => x);
    expect(String(nested)).toMatch(/indicator "broken_rate" failed: indicator "broken" failed/);
  });
});

describe("over HTTP (row-level security: what the viewer may see)", () => {
  type Values = { values: { id: string; value: number | null }[]; regions: string[] };
  const get = async (who: Session, url: string) => t.call(who, { method: "GET", url });
  const valuesOf = (body: Values) => Object.fromEntries(body.values.map((v) => [v.id, v.value]));

  it("lists the declared indicators with their definitions and the scope note", async () => {
    const res = await get(s.office, "/api/indicators");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.indicators.map((d: { id: string }) => d.id)).toEqual(INDICATORS.map((d) => d.id));
    const rate = body.indicators.find((d: { id: string }) => d.id === "major_rate");
    expect(rate).toMatchObject({ decimals: 1, dependsOn: ["major_closed", "cases_closed"] });
    expect(rate.definition.zh).toMatch(/测试指标major_rate。比率/);
    expect(body.scopeNote.en).toMatch(/viewer may see/);
  });

  it("the rule-of-law office sees its district's figures", async () => {
    const res = await get(s.office, "/api/indicators/values?region=500156&year=2020");
    expect(res.statusCode).toBe(200);
    expect(valuesOf(res.json())).toEqual(W2020);
    expect(res.json()).toMatchObject({
      region: "500156",
      regions: ["500156"],
      from: "2020-01-01",
      to: "2020-12-31",
      unitId: null,
    });
    const some = await get(s.office, `/api/indicators/values?year=2020&ids=officers,major_rate`);
    expect(valuesOf(some.json())).toEqual({ officers: 3, major_rate: 50 });
    const unit = await get(s.office, `/api/indicators/values?year=2020&unitId=${u.b}&ids=events`);
    expect(valuesOf(unit.json())).toEqual({ events: 1 });
  });

  it("refuses a region outside the actor's scope as if it did not exist (404)", async () => {
    for (const region of ["500102", "500000", "110101"]) {
      const res = await get(s.office, `/api/indicators/values?region=${region}&year=2020`);
      expect(res.statusCode, region).toBe(404);
      expect(res.json().error.code).toBe("not_found");
      const drill = await get(s.office, `/api/indicators/events/drill?region=${region}&year=2020`);
      expect(drill.statusCode, region).toBe(404);
    }
    const foreignUnit = await get(s.office, `/api/indicators/values?year=2020&unitId=${u.c}`);
    expect(foreignUnit.statusCode).toBe(404);
  });

  it("the city's office sees the city as its districts together", async () => {
    const res = await get(s.cityoffice, "/api/indicators/values?region=500000&year=2020");
    expect(res.statusCode).toBe(200);
    expect(res.json().regions).toEqual(expect.arrayContaining(["500000", "500102", "500156"]));
    expect(valuesOf(res.json())).toMatchObject({ cases_opened: 5, major_rate: 66.7 });
    const one = await get(s.cityoffice, "/api/indicators/values?region=500102&year=2020");
    expect(valuesOf(one.json())).toMatchObject({ cases_opened: 1, major_rate: 100 });
  });

  it("a unit's user sees only what its unit may see (row-level security)", async () => {
    const res = await get(s.handler, "/api/indicators/values?region=500156&year=2020");
    expect(res.statusCode).toBe(200);
    expect(valuesOf(res.json())).toMatchObject({
      cases_opened: 3, // not 市场监管局's case
      cases_closed: 2,
      major_rate: 50,
      officers: 2, // 李四 is visible to his unit only
      reviewers: 1,
      events: 3,
      attendance: 150,
    });
    const drill = await get(s.handler, "/api/indicators/cases_opened/drill?year=2020");
    expect(drill.json().rows.map((r: { id: number }) => r.id)).toEqual([c.c1, c.c2, c.c4]);
  });

  it("drills down with links to each record, paged", async () => {
    const res = await get(s.office, "/api/indicators/attendance/drill?region=500156&year=2020");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ id: "attendance", value: 180, total: 4, offset: 0 });
    expect(body.rows.reduce((a: number, r: { value: number }) => a + r.value, 0)).toBe(180);
    expect(body.rows[0].link).toBe(`/registers/t_event/500156/${e.e1}`);
    const cases = (await get(s.office, "/api/indicators/cases_closed/drill?year=2020")).json();
    expect(cases.rows.map((r: { link: string }) => r.link)).toEqual([
      `/cases/t_case/${c.c1}`,
      `/cases/t_case/${c.c4}`,
    ]);
    const page = (
      await get(s.office, "/api/indicators/events/drill?year=2020&limit=2&offset=1")
    ).json();
    expect(page).toMatchObject({ total: 4, limit: 2, offset: 1, value: 4 });
    expect(page.rows.map((r: { id: number }) => r.id)).toEqual([e.e2, e.e4]);
  });

  it("refuses bad input, unknown indicators and non-business roles", async () => {
    expect((await get(s.office, "/api/indicators/nope/drill?year=2020")).statusCode).toBe(404);
    const unknown = await get(s.office, "/api/indicators/values?year=2020&ids=officers,nope");
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.fields[0].field).toBe("ids");
    const badDate = await get(s.office, "/api/indicators/values?from=2020-02-30&to=2020-03-01");
    expect(badDate.statusCode).toBe(422);
    expect(badDate.json().error.fields[0].field).toBe("from");
    expect((await get(s.office, "/api/indicators/values?year=x")).statusCode).toBe(400);
    expect((await get(s.office, "/api/indicators/values?region=5001")).statusCode).toBe(400);
    expect((await get(s.sysadm, "/api/indicators/values?year=2020")).statusCode).toBe(403);
    expect((await t.app.inject({ method: "GET", url: "/api/indicators" })).statusCode).toBe(401);
  });

  it("defaults to the current year and the actor's region", async () => {
    // The test clock stands in 2020.
    const res = await get(s.office, "/api/indicators/values?ids=cases_opened");
    expect(res.json()).toMatchObject({ region: "500156", year: 2020 });
    expect(valuesOf(res.json())).toEqual({ cases_opened: 4 });
  });
});

describe("the CLI (in English: FAZHI_LANG=en; Chinese is the default, src/cli tests)", () => {
  beforeAll(() => {
    vi.stubEnv("FAZHI_LANG", "en");
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });
  const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../bin/fazhi.js");
  const fazhi = (args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      const p = spawn(process.execPath, [BIN, ...args], {
        env: {
          ...process.env,
          DATABASE_URL: t.url,
          DATABASE_APP_URL: t.config.databaseAppUrl,
          FAZHI_DATA_DIR: t.config.dataDir,
        },
        cwd: os.tmpdir(),
      });
      let stdout = "";
      let stderr = "";
      p.stdout.on("data", (d) => {
        stdout += d;
      });
      p.stderr.on("data", (d) => {
        stderr += d;
      });
      p.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
    });

  it("computes on the owner connection: the installation's view", async () => {
    const out = await computeIndicators(t.db.owner, registry, {
      region: "500156",
      year: 2020,
      ids: ["officers", "events", "major_rate"],
    });
    expect(out).toEqual([
      expect.objectContaining({ id: "officers", value: 3 }),
      expect.objectContaining({ id: "events", value: 4 }),
      expect.objectContaining({ id: "major_rate", value: 50 }),
    ]);
    const byCode = await computeIndicators(t.db.owner, registry, {
      region: "500156",
      year: 2020,
      unit: "scjgj",
      ids: ["events"],
    });
    expect(byCode).toEqual([expect.objectContaining({ id: "events", value: 1 })]);
    await expect(
      computeIndicators(t.db.owner, registry, { region: "500156", year: 2020, unit: "fl-sfj" }),
    ).rejects.toThrow(/^--unit: no unit fl-sfj/);
    await expect(
      computeIndicators(t.db.owner, registry, { region: "500156", year: 2020, ids: ["nope"] }),
    ).rejects.toThrow(/^--id: no indicator nope/);
    await expect(
      computeIndicators(t.db.owner, registry, { region: "500199", year: 2020 }),
    ).rejects.toThrow(/^--region: no region 500199/);
  });

  it("`fazhi indicators` prints one JSON object and exits 0", async () => {
    const r = await fazhi(["indicators", "--region", "500156", "--year", "2020"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout.endsWith("\n")).toBe(true);
    const parsed = JSON.parse(r.stdout);
    expect(typeof parsed).toBe("object");
    expect(Array.isArray(parsed)).toBe(false);
    for (const v of Object.values(parsed)) expect(v === null || typeof v === "number").toBe(true);
  });

  it("bad input exits 2 naming the option", async () => {
    const r = await fazhi(["indicators", "--region", "500156", "--year", "x"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/--year/);
    const unknown = await fazhi([
      "indicators",
      "--region",
      "500156",
      "--year",
      "2020",
      "--id",
      "nope",
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--id: no indicator nope/);
  });
});
