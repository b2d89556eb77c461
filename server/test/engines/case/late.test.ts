import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { CaseTypeDecl } from "../../../src/engines/case/declare.ts";
import {
  caseViewOf,
  clockStatesOfMany,
  type LateCase,
  lateClocks,
} from "../../../src/engines/case/index.ts";
import { isLate } from "../../../src/engines/case/late.ts";
import type { Settings } from "../../../src/engines/settings.ts";
import { settingsFor } from "../../../src/engines/settings.ts";
import {
  addDays,
  addPeriod,
  bundledNotices,
  diffDays,
  LegalCalendar,
  type LocalDate,
  type Period,
} from "../../../src/kernel/time/index.ts";
import { type TestDatabase, testDatabase } from "../../support/db.ts";

/**
 * `lateClocks` (issue 9) rules out clocks that cannot be late without computing them.
 * It must give exactly the answer of computing every clock of the period: checked on
 * generated cases with clocks of every unit, a period read from the case's fields, a
 * period that cannot be computed, suspensions, extensions and restarted clocks.
 */
const REGION = "500156";
const cal = new LegalCalendar(bundledNotices());

const lateType: CaseTypeDecl<{ days?: number; bad?: boolean }> = {
  code: "lt_case",
  label: { zh: "测试：期限", en: "Test: limits" },
  module: "lt",
  fields: z.object({ days: z.number().optional(), bad: z.boolean().optional() }),
  title: () => "期限",
  states: { open: { label: { zh: "办理中", en: "Open" } } },
  initial: "open",
  transitions: [],
  clocks: [
    {
      code: "wd",
      label: { zh: "十五个工作日", en: "15 working days" },
      period: { n: 15, unit: "working_day" },
      legalBasis: "测试",
      startOn: { action: "create" },
      stopOn: [],
    },
    {
      code: "cd",
      label: { zh: "按字段的自然日", en: "Days from a field" },
      period: (c) => {
        if (c.fields.bad) throw new Error("odd data");
        const n = Number(c.fields.days ?? 0);
        return n > 0 ? { n, unit: "calendar_day" } : undefined;
      },
      legalBasis: "测试",
      startOn: { action: "create" },
      stopOn: [],
    },
    {
      code: "mo",
      label: { zh: "一个月", en: "A month" },
      period: { n: 1, unit: "month" },
      legalBasis: "测试",
      startOn: { action: "create" },
      stopOn: [],
    },
    {
      code: "hr",
      label: { zh: "四十八小时", en: "48 hours" },
      period: { n: 48, unit: "hour" },
      legalBasis: "测试",
      startOn: { action: "create" },
      stopOn: [],
    },
  ],
};

const PERIODS: Record<string, (days: number) => Period> = {
  wd: () => ({ n: 15, unit: "working_day" }),
  cd: (days) => ({ n: days, unit: "calendar_day" }),
  mo: () => ({ n: 1, unit: "month" }),
  hr: () => ({ n: 48, unit: "hour" }),
};

let t: TestDatabase;
const NO_SETTINGS = { setting: () => undefined, settings: () => [] };

beforeAll(async () => {
  t = await testDatabase();
  const db = t.db.owner;
  const unit = await db
    .insertInto("unit")
    .values({
      region_code: REGION,
      code: "lt",
      name_zh: "单位",
      name_en: "Unit",
      kind: "department",
      parent_id: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  // A fixed seed: the same cases at every run.
  let seed = 9;
  const rnd = () => {
    // mulberry32
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
  const pick = (n: number) => Math.floor(rnd() * n);
  for (let i = 0; i < 300; i++) {
    const opened = addDays("2019-10-01" as LocalDate, pick(480));
    const days = 5 + pick(40);
    const c = await db
      .insertInto("case_file")
      .values({
        region_code: REGION,
        case_type: lateType.code,
        unit_id: unit.id,
        state: "open",
        title: `期限${i}`,
        fields: JSON.stringify(i % 29 === 0 ? { bad: true } : { days }),
        numbers: "{}",
        parent_id: null,
        opened_on: opened,
        closed_on: null,
        handler_user_id: null,
        created_by: null,
        created_at: new Date(),
        updated_at: new Date(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const clock of ["wd", "cd", "mo", "hr"]) {
      // Most cases have one clock or two: a case is computed whole once one of its
      // clocks may be late, so a clock ruled out wrongly shows only in a case alone.
      if (rnd() < 0.6) continue;
      // A restarted clock: the first instance superseded, the second the clock.
      const instances = rnd() < 0.1 ? 2 : 1;
      let start = addDays(opened, pick(5));
      for (let n = 1; n <= instances; n++) {
        // Half the stops fall within two days of the due date without suspensions or
        // extensions (where ruling a clock out too eagerly would show), half anywhere.
        const nominal = addPeriod(cal, start, PERIODS[clock]!(days)).due;
        const end =
          rnd() < 0.5
            ? addDays(nominal, pick(5) - 2)
            : addDays(start, pick(diffDays(start, nominal) + 1));
        const stopped = n < instances || rnd() < 0.9 ? end : null;
        const k = await db
          .insertInto("case_clock")
          .values({
            region_code: REGION,
            case_id: c.id,
            clock,
            instance: n,
            started_on: start,
            started_at: null,
            start_source: "step",
            superseded: n < instances,
            stopped_on: stopped,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        if (rnd() < 0.15) {
          const from = addDays(start, pick(10));
          const s = await db
            .insertInto("case_suspension")
            .values({
              region_code: REGION,
              case_id: c.id,
              clock,
              from_date: from,
              to_date: rnd() < 0.7 ? addDays(from, 1 + pick(30)) : null,
              reason: "测试",
            })
            .returning("id")
            .executeTakeFirstOrThrow();
          await db
            .insertInto("case_suspension_clock")
            .values({ region_code: REGION, case_id: c.id, suspension_id: s.id, clock_id: k.id })
            .execute();
        }
        if (rnd() < 0.15)
          await db
            .insertInto("case_extension")
            .values({
              region_code: REGION,
              case_id: c.id,
              clock,
              period: rnd() < 0.5 ? "10d" : "30wd",
              basis: "测试",
              approved_by: "负责人",
              on_date: addDays(start, 3),
              clock_id: k.id,
              approved_by_user_id: null,
              reason: null,
              notice_on: null,
              notice_text: null,
            })
            .execute();
        if (stopped) start = addDays(stopped, 1);
      }
    }
  }
  await sql`analyze`.execute(db);
});

afterAll(async () => {
  await t?.drop();
});

/** Every case's clocks computed (the way before `lateClocks`), late ones kept. */
async function everyClock(from: string, to: string): Promise<LateCase[]> {
  const db = t.db.owner;
  const rows = await db
    .selectFrom("case_file")
    .selectAll()
    .where("case_type", "=", lateType.code)
    .orderBy("region_code")
    .orderBy("id")
    .execute();
  const settings: Settings = await settingsFor(db, NO_SETTINGS, REGION, to as LocalDate);
  const items = rows.map((r) => ({ decl: lateType, case: caseViewOf(r), settings }));
  const states = await clockStatesOfMany(db, items, { calendar: cal, asOf: to as LocalDate });
  const out: LateCase[] = [];
  for (const [i, x] of items.entries()) {
    if (states[i]!.problems.length > 0) continue;
    const late = states[i]!.clocks.filter((k) => isLate(k, from, to));
    if (late.length > 0) out.push({ case: x.case, late });
  }
  return out;
}

describe("lateClocks", () => {
  for (const [from, to] of [
    ["2020-01-01", "2020-12-31"],
    ["2019-01-01", "2019-12-31"],
    ["2020-03-01", "2020-03-31"],
    ["2021-01-01", "2021-12-31"],
  ] as const) {
    it(`gives the answer of computing every clock, ${from} … ${to}`, async () => {
      const db = t.db.owner;
      const expected = await everyClock(from, to);
      const got = await lateClocks({
        db,
        types: { [lateType.code]: lateType },
        regions: [REGION],
        from,
        to,
        calendar: cal,
        settingsOf: (region) => settingsFor(db, NO_SETTINGS, region, to as LocalDate),
      });
      const shape = (xs: LateCase[]) =>
        xs.map((x) => ({
          id: x.case.id,
          title: x.case.title,
          fields: x.case.fields,
          late: x.late.map((k) => [k.clock, k.instance, k.startedOn, k.stoppedOn, k.due]),
        }));
      expect(shape(got)).toEqual(shape(expected));
      if (from === "2020-01-01") expect(got.length).toBeGreaterThan(10);
    });
  }

  it("counts only the unit asked for, and nothing for a type not asked for", async () => {
    const db = t.db.owner;
    const base = {
      db,
      regions: [REGION],
      from: "2020-01-01",
      to: "2020-12-31",
      calendar: cal,
      settingsOf: (region: string) =>
        settingsFor(db, NO_SETTINGS, region, "2020-12-31" as LocalDate),
    };
    expect(await lateClocks({ ...base, types: { [lateType.code]: lateType }, unitId: -1 })).toEqual(
      [],
    );
    expect(await lateClocks({ ...base, types: {} })).toEqual([]);
  });
});
