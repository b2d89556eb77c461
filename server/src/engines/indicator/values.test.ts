import {
  type CompiledQuery,
  type DatabaseConnection,
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
} from "kysely";
import { describe, expect, it } from "vitest";
import type { DB } from "../../db/schema.ts";
import type { LocalDate } from "../../kernel/time/index.ts";
import type { IndicatorDecl, IndicatorQuery } from "./declare.ts";
import {
  countCases,
  countEvents,
  countRegister,
  countUnits,
  previousYear,
  ratio,
  sumRegister,
} from "./queries.ts";
import {
  checkIndicators,
  drillLink,
  fullDefinition,
  resolvePeriod,
  roundValue,
  SCOPE_NOTE,
} from "./values.ts";

describe("periods", () => {
  it("a year is 1 January to 31 December", () => {
    expect(resolvePeriod({ year: 2020 })).toEqual({
      from: "2020-01-01",
      to: "2020-12-31",
      year: 2020,
    });
  });
  it("from/to are civil dates, both included; the year is the year of to", () => {
    expect(resolvePeriod({ from: "2020-07-01", to: "2021-06-30" })).toEqual({
      from: "2020-07-01",
      to: "2021-06-30",
      year: 2021,
    });
  });
  it("refuses bad periods naming the field", () => {
    const field = (p: Parameters<typeof resolvePeriod>[0]) => {
      try {
        resolvePeriod(p);
      } catch (e) {
        return (e as { fields?: { field: string }[] }).fields?.[0]?.field;
      }
      return "accepted";
    };
    expect(field({})).toBe("year");
    expect(field({ year: 20 })).toBe("year");
    expect(field({ year: 2020.5 })).toBe("year");
    expect(field({ from: "2020-01-01" })).toBe("to");
    expect(field({ to: "2020-01-01" })).toBe("from");
    expect(field({ from: "2020-02-30", to: "2020-03-01" })).toBe("from");
    expect(field({ from: "2020-03-01", to: "2020-02-01" })).toBe("to");
    expect(field({ year: 2020, from: "2020-01-01", to: "2020-02-01" })).toBe("year");
  });
  it("the year before keeps the days (29 February → 28 February)", () => {
    expect(
      previousYear({ from: "2020-01-01" as LocalDate, to: "2020-02-29" as LocalDate, year: 2020 }),
    ).toEqual({ from: "2019-01-01", to: "2019-02-28", year: 2019 });
  });
});

describe("rounding", () => {
  it("rounds half away from zero without binary surprises", () => {
    expect(roundValue((2 / 3) * 100, 1)).toBe(66.7);
    expect(roundValue((4 / 23) * 100, 2)).toBe(17.39);
    expect(roundValue(1.005, 2)).toBe(1.01);
    expect(roundValue((619 / 687) * 100, 1)).toBe(90.1);
    expect(roundValue(-1.25, 1)).toBe(-1.3);
    expect(roundValue(815, 0)).toBe(815);
    expect(roundValue(0.1 + 0.2, 2)).toBe(0.3);
    expect(roundValue(-0.0001, 2)).toBe(0);
  });
  it("keeps null (undefined figures) and drops non-finite values", () => {
    expect(roundValue(null, 1)).toBeNull();
    expect(roundValue(Number.NaN, 1)).toBeNull();
    expect(roundValue(Number.POSITIVE_INFINITY, 1)).toBeNull();
  });
});

describe("definitions and links", () => {
  it("joins the definition and the period rule into sentences", () => {
    expect(
      fullDefinition({
        definition: { zh: "复议案件办结数。", en: "Reconsideration cases concluded" },
        basis: { zh: "案件按办结日期计入所属期间", en: "a case counts when closed." },
      }),
    ).toEqual({
      zh: "复议案件办结数。案件按办结日期计入所属期间。",
      en: "Reconsideration cases concluded. a case counts when closed.",
    });
  });
  it("says whose view a figure is", () => {
    expect(SCOPE_NOTE.zh).toMatch(/查看者可见/);
    expect(SCOPE_NOTE.en).toMatch(/region-scoped actor/);
  });
  it("links each record to its page", () => {
    expect(drillLink({ kind: "case", regionCode: "500156", id: 12, type: "x" })).toBe(
      "/cases/x/12",
    );
    expect(drillLink({ kind: "register", regionCode: "500156", id: 3, type: "officer" })).toBe(
      "/registers/officer/500156/3",
    );
    expect(drillLink({ kind: "unit", regionCode: "500156", id: 7, type: "department" })).toBe(
      "/units/7",
    );
  });
});

const decl = (id: string, extra: Partial<IndicatorDecl> = {}): IndicatorDecl => ({
  id,
  label: { zh: id, en: id },
  unit: { zh: "个", en: "items" },
  definition: { zh: id, en: id },
  module: "t",
  drill: async () => [],
  ...extra,
});

describe("checking declarations", () => {
  it("accepts ratios of declared indicators", () => {
    expect(() =>
      checkIndicators([decl("a"), decl("b"), decl("r", { ...ratio("a", "b") })]),
    ).not.toThrow();
  });
  it("refuses a ratio of an undeclared indicator, naming both", () => {
    expect(() => checkIndicators([decl("a"), decl("r", { ...ratio("a", "nope") })])).toThrow(
      /"r" depends on undeclared "nope"/,
    );
  });
  it("refuses cycles", () => {
    expect(() =>
      checkIndicators([
        decl("a", { dependsOn: ["b"] }),
        decl("b", { dependsOn: ["c"] }),
        decl("c", { dependsOn: ["a"] }),
      ]),
    ).toThrow(/cycle: a → b → c → a/);
  });
  it("refuses ids that are not codes", () => {
    expect(() => checkIndicators([decl("Officers Count")])).toThrow(/lower-case code/);
  });
});

describe("query helpers", () => {
  it("write their period rule into the basis", () => {
    expect(countCases({ caseType: "t", by: "opened" }).basis.zh).toMatch(/受理/);
    expect(countCases({ caseType: "t", by: "closed" }).basis.en).toMatch(/closed/);
    expect(countCases({ caseType: "t", by: "open_at_end" }).basis.en).toMatch(/open at the end/);
    expect(countEvents({ caseType: "t", action: "decide" }).basis.en).toMatch(/legal date/);
    expect(countRegister({ register: "r", on: "heldOn" }).basis.en).toMatch(/heldOn/);
    expect(countRegister({ register: "r", stock: true }).basis.en).toMatch(
      /does not depend on the period/,
    );
    expect(
      countRegister({ register: "r", stock: { validFrom: "from", validTo: "to" } }).basis.en,
    ).toMatch(/last day of the period/);
    expect(countUnits({ kind: "township" }).basis.en).toMatch(/not period-dependent/);
    expect(ratio("a", "b")).toMatchObject({ decimals: 1, dependsOn: ["a", "b"] });
  });

  it("refuse incomplete declarations", () => {
    expect(() => countCases({ caseType: [], by: "opened" })).toThrow(/caseType/);
    expect(() => countEvents({ caseType: "t", action: [] })).toThrow(/action/);
    // @ts-expect-error: a register figure names a date field or is a stock
    expect(() => countRegister({ register: "r" })).toThrow(/exactly one of on/);
  });

  it("send declared keys and request values as bind parameters, never as SQL text", async () => {
    const sqls: CompiledQuery[] = [];
    // A driver that records each query and answers one row of zeros.
    const connection: DatabaseConnection = {
      executeQuery: async <R>(cq: CompiledQuery) => {
        sqls.push(cq);
        return { rows: [{ n: 0 }] as R[] };
      },
      streamQuery: () => {
        throw new Error("not streamed");
      },
    };
    class RecordingDriver extends DummyDriver {
      override async acquireConnection() {
        return connection;
      }
    }
    const db = new Kysely<DB>({
      dialect: {
        createAdapter: () => new PostgresAdapter(),
        createDriver: () => new RecordingDriver(),
        createIntrospector: (k) => new PostgresIntrospector(k),
        createQueryCompiler: () => new PostgresQueryCompiler(),
      },
    });
    const evil = "x'; drop table case_file; --";
    const q: IndicatorQuery = {
      db,
      regions: ["500156", evil],
      from: "2020-01-01" as LocalDate,
      to: "2020-12-31" as LocalDate,
      year: 2020,
      unitId: 3,
    };
    const specs = [
      countCases({ caseType: evil, by: "closed", where: { [evil]: [evil, 1, true, null] } }),
      countEvents({ caseType: "t", action: evil, where: { [evil]: evil }, distinctCases: true }),
      countRegister({ register: evil, on: evil, where: { [evil]: evil } }),
      sumRegister({ register: "r", stock: { validFrom: evil, validTo: evil }, field: evil }),
      countUnits({ kind: evil }),
    ];
    for (const s of specs) {
      await s.value?.(q);
      await s.drill(q);
    }
    expect(sqls.length).toBe(specs.length * 2);
    for (const s of sqls) {
      expect(s.sql).not.toContain("drop table");
      expect(s.parameters).toContain(evil);
    }
  });
});
