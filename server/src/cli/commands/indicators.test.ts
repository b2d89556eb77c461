import { afterEach, describe, expect, it, vi } from "vitest";
import { CliError } from "../runtime.ts";
import { formatIndicatorValues, parseIndicatorsArgs } from "./indicators.ts";

function refusal(o: Parameters<typeof parseIndicatorsArgs>[0]) {
  try {
    parseIndicatorsArgs(o);
  } catch (e) {
    expect(e).toBeInstanceOf(CliError);
    expect((e as CliError).exitCode).toBe(2);
    return (e as Error).message;
  }
  return "accepted";
}

describe("fazhi indicators: arguments", () => {
  it("parses region, year, unit and ids", () => {
    expect(parseIndicatorsArgs({ region: "500156", year: "2020" })).toEqual({
      region: "500156",
      year: 2020,
    });
    expect(
      parseIndicatorsArgs({
        region: "500000",
        year: "2021",
        unit: "12",
        id: ["officers", "cases,officers", " rate "],
      }),
    ).toEqual({ region: "500000", year: 2021, unit: 12, ids: ["officers", "cases", "rate"] });
    expect(parseIndicatorsArgs({ region: "500156", year: "2020", unit: "sfj" }).unit).toBe("sfj");
  });

  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("refuses bad input naming the option (exit 2), in English with FAZHI_LANG=en", () => {
    vi.stubEnv("FAZHI_LANG", "en");
    expect(refusal({ year: "2020" })).toMatch(/^--region: .*required/);
    expect(refusal({ region: "5001", year: "2020" })).toMatch(/^--region: .*6 digits/);
    expect(refusal({ region: "990156", year: "2020" })).toMatch(/^--region: .*province/);
    expect(refusal({ region: "500156" })).toMatch(/^--year: not a year/);
    expect(refusal({ region: "500156", year: "x" })).toMatch(/^--year: not a year: "x"/);
    expect(refusal({ region: "500156", year: "20201" })).toMatch(/^--year/);
    expect(refusal({ region: "500156", year: "2020", unit: " " })).toMatch(/^--unit/);
    expect(refusal({ region: "500156", year: "2020", id: [","] })).toMatch(/^--id/);
  });

  it("refuses in Chinese by default, still naming the option", () => {
    vi.stubEnv("FAZHI_LANG", "");
    expect(refusal({ year: "2020" })).toBe("--region：请填写地区代码，例如 --region 500156");
    expect(refusal({ region: "5001", year: "2020" })).toMatch(/^--region：地区代码应为 6 位数字/);
    expect(refusal({ region: "990156", year: "2020" })).toMatch(/^--region：.*省级代码/);
    expect(refusal({ region: "500156", year: "x" })).toBe("--year：“x”不是年份（应如 2020）");
    expect(refusal({ region: "500156", year: "2020", unit: " " })).toBe(
      "--unit：请填写单位编号或代码",
    );
    expect(refusal({ region: "500156", year: "2020", id: [","] })).toBe(
      "--id：请至少填写一个指标编号",
    );
  });
});

describe("fazhi indicators: output", () => {
  it("prints one JSON object, id → value, and nothing else", () => {
    expect(
      formatIndicatorValues([
        { id: "officers", value: 815 },
        { id: "entry_rate", value: 90.1 },
        { id: "correction_rate", value: null },
      ]),
    ).toBe('{"officers":815,"entry_rate":90.1,"correction_rate":null}\n');
    expect(formatIndicatorValues([])).toBe("{}\n");
    expect(JSON.parse(formatIndicatorValues([{ id: "a", value: 1 }]))).toEqual({ a: 1 });
  });
});
