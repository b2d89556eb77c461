import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { CaseTypeDecl } from "../../../src/engines/case/index.ts";
import { groupIndicator } from "../../../src/engines/indicator/by-unit.ts";
import { dashboardAreas } from "../../../src/engines/indicator/dashboard.ts";
import type { IndicatorDecl } from "../../../src/engines/indicator/declare.ts";
import { resolveRequest } from "../../../src/engines/indicator/engine.ts";
import {
  countCases,
  countRegister,
  type IndicatorSpec,
  ratio,
  relativeChange,
} from "../../../src/engines/indicator/queries.ts";
import type { ByUnitAnswer, Dashboard } from "../../../src/engines/indicator/wire.ts";
import type { RegisterDecl } from "../../../src/engines/register/index.ts";
import { createRegistry, type ModuleDecl } from "../../../src/engines/registry.ts";
import { type Session, type TestApp, testApp } from "../../support/app.ts";

/**
 * The role homes (GET /api/dashboard) and the per-unit tables (GET
 * /api/indicators/:id/by-unit, .xlsx) over real records: two districts (500156 武隆,
 * 500102 涪陵) under the city 500000, units a and b in 武隆, c in 涪陵; 2019 and 2020.
 * The test clock stands in 2020, so "this year" is 2020.
 */

const l = (zh: string) => ({ zh, en: zh });
const ind = (id: string, module: string, spec: IndicatorSpec, extra: Partial<IndicatorDecl> = {}) =>
  ({
    id,
    label: l(`指标${id}`),
    unit: l("件"),
    definition: l(`测试指标${id}`),
    module,
    ...spec,
    ...extra,
  }) satisfies IndicatorDecl;

const INDICATORS: IndicatorDecl[] = [
  ind("d_opened", "t_dash", countCases({ caseType: "d_case", by: "opened" })),
  ind("d_closed", "t_dash", countCases({ caseType: "d_case", by: "closed" })),
  ind(
    "d_major_closed",
    "t_dash",
    countCases({ caseType: "d_case", by: "closed", where: { major: true } }),
    { dashboard: false },
  ),
  ind("d_major_rate", "t_dash", ratio("d_major_closed", "d_closed"), { unit: l("%") }),
  ind("d_opened_change", "t_dash", relativeChange("d_opened"), { unit: l("%") }),
  // A change of a rate: grouped by grouping the rate in both years.
  ind("d_rate_change", "t_dash", relativeChange("d_major_rate"), {
    unit: l("%"),
    dashboard: false,
  }),
  // A figure that is not the sum of its records: it cannot be grouped, and says so.
  ind("d_fixed", "t_dash", {
    basis: l("固定"),
    decimals: 0,
    value: async () => 42,
    drill: async () => [],
  }),
  // Declared into the other module's area, first there.
  ind("d_pending", "t_dash", countCases({ caseType: "d_case", by: "open_at_end" }), {
    dashboard: { area: "t_dash2", order: -1 },
  }),
  ind("d_meetings", "t_dash2", countRegister({ register: "d_meeting", on: "heldOn" })),
];

const D_CASE: CaseTypeDecl = {
  code: "d_case",
  label: l("测试案件"),
  module: "t_dash",
  fields: z.object({ major: z.boolean().optional() }),
  title: () => "案件",
  states: { open: { label: l("办理中") }, closed: { label: l("已办结"), terminal: true } },
  initial: "open",
  transitions: [{ action: "decide", label: l("决定"), from: ["open"], to: "closed" }],
};
const D_MEETING: RegisterDecl = {
  code: "d_meeting",
  label: l("会议"),
  module: "t_dash2",
  schema: z.object({ title: z.string(), heldOn: z.string() }),
  columns: [
    { field: "title", label: l("名称"), kind: "text" },
    { field: "heldOn", label: l("日期"), kind: "text" },
  ],
  visibility: "region",
  edit: { permission: "record.write", scope: "own_unit" },
  title: (d) => String(d.title),
};
const MODULES: ModuleDecl[] = [
  {
    code: "t_dash",
    label: l("案件办理"),
    caseTypes: [D_CASE],
    indicators: INDICATORS.filter((i) => i.module === "t_dash"),
  },
  {
    code: "t_dash2",
    label: l("会议学法"),
    registers: [D_MEETING],
    indicators: INDICATORS.filter((i) => i.module === "t_dash2"),
  },
];
const registry = createRegistry(MODULES);

let t: TestApp;
const u = { a: 0, b: 0, c: 0, city: 0 };
const s = {} as Record<"office" | "handler" | "cityoffice" | "sysadm", Session>;

async function kase(
  region: string,
  unit: number,
  opened: string,
  closed: string | null,
  major: boolean,
) {
  await t.db.owner
    .insertInto("case_file")
    .values({
      region_code: region,
      case_type: "d_case",
      unit_id: unit,
      state: closed ? "closed" : "open",
      title: `案件${opened}`,
      fields: JSON.stringify({ major }),
      numbers: "{}",
      opened_on: opened,
      closed_on: closed,
      created_at: new Date(),
      updated_at: new Date(),
    })
    .execute();
}

async function meeting(region: string, unit: number, heldOn: string) {
  await t.db.owner
    .insertInto("register_entry")
    .values({
      region_code: region,
      register: "d_meeting",
      unit_id: unit,
      visibility: "region",
      data: JSON.stringify({ title: `会议${heldOn}`, heldOn }),
      created_at: new Date(),
      updated_at: new Date(),
    })
    .execute();
}

beforeAll(async () => {
  t = await testApp(MODULES);
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
  // 2020
  await kase("500156", u.a, "2020-02-01", "2020-03-01", true);
  await kase("500156", u.a, "2020-04-01", "2020-05-01", false);
  await kase("500156", u.b, "2020-03-01", "2020-04-01", true);
  await kase("500156", u.b, "2020-05-01", null, false);
  await kase("500102", u.c, "2020-01-10", "2020-02-10", false);
  // 2019 (one of b's closed on 2020-01-05: closed in 2020, open at the end of 2019)
  await kase("500156", u.a, "2019-06-01", "2019-07-01", true);
  await kase("500156", u.b, "2019-12-31", "2020-01-05", true);
  await kase("500156", u.b, "2019-03-01", "2019-04-01", false);
  await meeting("500156", u.a, "2020-03-03");
  await meeting("500156", u.b, "2020-04-04");
  await meeting("500102", u.c, "2020-05-05");
  await meeting("500156", u.a, "2019-05-05");
});
afterAll(async () => t?.close());

const get = (who: Session | undefined, url: string) => t.call(who, { method: "GET", url });
const figures = (d: Dashboard) =>
  Object.fromEntries(d.areas.flatMap((a) => a.figures.map((f) => [f.id, [f.value, f.previous]])));

describe("the homes' figures are declared", () => {
  it("areas follow the modules; dashboard.area and order move a figure; false hides it", () => {
    expect(dashboardAreas(registry).map((a) => [a.area, a.indicators.map((d) => d.id)])).toEqual([
      ["t_dash", ["d_opened", "d_closed", "d_major_rate", "d_opened_change", "d_fixed"]],
      ["t_dash2", ["d_pending", "d_meetings"]],
    ]);
  });

  it("refuses an area that is not a module when the routes are registered", async () => {
    const bad = createRegistry([
      { ...MODULES[0]!, indicators: [{ ...INDICATORS[0]!, dashboard: { area: "nope" } }] },
    ]);
    const { checkDashboard } = await import("../../../src/engines/indicator/dashboard.ts");
    expect(() => checkDashboard(bad)).toThrow(/dashboard area "nope" is not a module/);
  });
});

describe("GET /api/dashboard", () => {
  it("the office's home: its district, this year and the year before, by area", async () => {
    const res = await get(s.office, "/api/dashboard");
    expect(res.statusCode).toBe(200);
    const d = res.json() as Dashboard;
    expect(d).toMatchObject({ region: "500156", year: 2020, previousYear: 2019, role: "region" });
    expect(d.districts).toBeNull();
    expect(d.areas.map((a) => [a.area, a.label.zh])).toEqual([
      ["t_dash", "案件办理"],
      ["t_dash2", "会议学法"],
    ]);
    expect(figures(d)).toEqual({
      d_opened: [4, 3],
      d_closed: [4, 2],
      d_major_rate: [75, 50],
      d_opened_change: [33.3, null],
      d_fixed: [42, 42],
      d_pending: [1, 1],
      d_meetings: [2, 1],
    });
    // A year asked for.
    const y = (await get(s.office, "/api/dashboard?year=2019")).json() as Dashboard;
    expect(figures(y).d_opened).toEqual([3, 0]);
  });

  it("a unit's user: its own unit's figures only (not the region-wide entries of others)", async () => {
    const d = (await get(s.handler, "/api/dashboard")).json() as Dashboard;
    expect(d).toMatchObject({ role: "unit", unitId: u.a, region: "500156" });
    expect(figures(d)).toMatchObject({
      d_opened: [2, 1],
      d_closed: [2, 1],
      d_major_rate: [50, 100],
      d_meetings: [1, 1],
    });
  });

  it("the city's home: its districts' records together, and each district side by side", async () => {
    const d = (await get(s.cityoffice, "/api/dashboard")).json() as Dashboard;
    expect(d.role).toBe("city");
    expect(figures(d).d_opened).toEqual([5, 3]);
    // The city itself first, then every district (the 38 of Chongqing), each with its figure.
    const codes = d.districts!.regions.map((r) => r.code);
    expect(codes[0]).toBe("500000");
    expect(codes.length).toBeGreaterThan(30);
    const at = (id: string, code: string) => d.districts!.values[id]![codes.indexOf(code)];
    const side = (id: string) => ["500000", "500102", "500156", "500101"].map((c) => at(id, c));
    expect(side("d_opened")).toEqual([0, 1, 4, 0]);
    expect(side("d_closed")).toEqual([0, 1, 4, 0]);
    expect(side("d_major_rate")).toEqual([null, 0, 75, null]);
    expect(side("d_opened_change")).toEqual([null, null, 33.3, null]);
    expect(side("d_meetings")).toEqual([0, 1, 2, 0]);
    expect(d.districts!.regions.find((r) => r.code === "500156")?.name.zh).toMatch(/武隆/);
    expect(d.districts!.values.d_fixed).toBeUndefined();
    expect(d.districts!.notGroupable.d_fixed?.zh).toMatch(/不是其明细记录之和/);
  });

  it("refuses: no session 401, no record.read 403, a region outside mine 404, a bad year naming it", async () => {
    expect((await get(undefined, "/api/dashboard")).statusCode).toBe(401);
    expect((await get(s.sysadm, "/api/dashboard")).statusCode).toBe(403);
    expect((await get(s.office, "/api/dashboard?region=500102")).statusCode).toBe(404);
    expect((await get(s.handler, "/api/dashboard?region=500000")).statusCode).toBe(404);
    const bad = await get(s.office, "/api/dashboard?year=20x0");
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/year/);
  });
});

describe("GET /api/indicators/:id/by-unit", () => {
  const table = async (who: Session, url: string) => {
    const res = await get(who, url);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as ByUnitAnswer;
  };
  const byUnit = (a: ByUnitAnswer) => Object.fromEntries(a.rows.map((r) => [r.unitId, r.value]));

  it("every unit of the district with its value; a rate per unit, highest first", async () => {
    const opened = await table(s.office, "/api/indicators/d_opened/by-unit?year=2020");
    expect(opened).toMatchObject({ groupable: true, kind: "sum", value: 4 });
    expect(byUnit(opened)).toEqual({ [u.a]: 2, [u.b]: 2 });
    const rate = await table(s.office, "/api/indicators/d_major_rate/by-unit?year=2020");
    expect(rate.kind).toBe("ratio");
    expect(rate.rows.map((r) => [r.unitId, r.value, r.numerator, r.denominator])).toEqual([
      [u.b, 100, 2, 2],
      [u.a, 50, 1, 2],
    ]);
    const change = await table(s.office, "/api/indicators/d_opened_change/by-unit?year=2020");
    expect(byUnit(change)).toEqual({ [u.a]: 100, [u.b]: 0 });
    // The change of a rate: 武隆 75% against 50%; a 50% against 100%; b none in 2019 (0%).
    const rc = await table(s.office, "/api/indicators/d_rate_change/by-unit?year=2020");
    expect(rc).toMatchObject({ groupable: true, kind: "change", value: 50 });
    expect(rc.rows.map((r) => [r.unitId, r.value, r.numerator, r.denominator])).toEqual([
      [u.a, -50, 50, 100],
      [u.b, null, 100, 0],
    ]);
    // A unit without records: 0 for a count, no rate.
    const y2018 = await table(s.office, "/api/indicators/d_major_rate/by-unit?year=2018");
    expect(byUnit(y2018)).toEqual({ [u.a]: null, [u.b]: null });
  });

  it("the city: every unit of the city and its districts", async () => {
    const a = await table(s.cityoffice, "/api/indicators/d_meetings/by-unit?year=2020");
    expect(byUnit(a)).toEqual({ [u.a]: 1, [u.b]: 1, [u.c]: 1, [u.city]: 0 });
  });

  it("a unit's user sees its own unit's row only; another unit is not there", async () => {
    const a = await table(s.handler, "/api/indicators/d_meetings/by-unit?year=2020");
    expect(byUnit(a)).toEqual({ [u.a]: 1 });
    expect(a.value).toBe(1);
    expect(
      (await get(s.handler, `/api/indicators/d_meetings/by-unit?unitId=${u.b}`)).statusCode,
    ).toBe(404);
    expect(
      (await get(s.handler, `/api/indicators/d_meetings/by-unit.xlsx?unitId=${u.b}`)).statusCode,
    ).toBe(404);
  });

  it("a figure that is not the sum of its records says so, and is not exported", async () => {
    const a = await table(s.office, "/api/indicators/d_fixed/by-unit");
    expect(a).toMatchObject({ groupable: false, kind: null, rows: [] });
    expect(a.reason?.zh).toMatch(/无法按单位或地区分组/);
    const x = await get(s.office, "/api/indicators/d_fixed/by-unit.xlsx");
    expect(x.statusCode).toBe(409);
    expect(x.json()).toMatchObject({ error: { code: "conflict" } });
    expect(x.body).toMatch(/cannot be grouped/);
  });

  it("refuses: unknown indicator 404, region outside mine 404, no record.read 403, no session 401", async () => {
    expect((await get(s.office, "/api/indicators/nope/by-unit")).statusCode).toBe(404);
    expect((await get(s.office, "/api/indicators/d_opened/by-unit?region=500102")).statusCode).toBe(
      404,
    );
    expect((await get(s.office, `/api/indicators/d_opened/by-unit?unitId=${u.c}`)).statusCode).toBe(
      404,
    );
    expect((await get(s.sysadm, "/api/indicators/d_opened/by-unit")).statusCode).toBe(403);
    expect((await get(undefined, "/api/indicators/d_opened/by-unit.xlsx")).statusCode).toBe(401);
  });

  it("exports the table as .xlsx: unit, region, the figure, a rate's numerator and denominator", async () => {
    const res = await get(s.office, "/api/indicators/d_major_rate/by-unit.xlsx?year=2020");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/spreadsheetml/);
    expect(String(res.headers["content-disposition"])).toContain(
      encodeURIComponent("指标d_major_rate-分单位-2020.xlsx"),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const rows = ws.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows.map((r) => r.slice(1))).toEqual([
      [
        "序号",
        "单位",
        "地区",
        "指标d_major_rate（%）",
        "分子：指标d_major_closed",
        "分母：指标d_closed",
      ],
      [1, "单位scjgj", expect.any(String), 100, 2, 2],
      [2, "单位sfj", expect.any(String), 50, 1, 2],
    ]);
  });
});

describe("grouping, against the engine", () => {
  it("groups by region add up to the whole, for every groupable figure", async () => {
    const scope = await resolveRequest(t.db.owner, { region: "500000", year: 2020 });
    for (const id of ["d_opened", "d_closed", "d_pending", "d_meetings"]) {
      const g = await groupIndicator(registry, t.db.owner, scope, id, "region");
      expect(g.groupable).toBe(true);
      if (!g.groupable) continue;
      const sum = [...g.groups.values()].reduce((a, f) => a + (f.value ?? 0), 0);
      const whole = await get(s.cityoffice, `/api/indicators/values?ids=${id}&year=2020`);
      expect(sum, id).toBe((whole.json() as { values: { value: number }[] }).values[0]!.value);
    }
  });
});
