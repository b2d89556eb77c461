import { describe, expect, it } from "vitest";
import { countsForRate, figureAgrees, renderFigure, ruleProblem } from "./figures.ts";
import { parseParts } from "./placeholders.ts";

describe("how the report writes a figure", () => {
  it("writes decimals, qualifiers, ten-thousands and units as the seed does", () => {
    expect(renderFigure(17.391304, { unit: "%", decimals: 2 })).toBe("17.39%");
    expect(renderFigure(90.1, { unit: "%", decimals: 1 })).toBe("90.1%");
    expect(renderFigure(100, { unit: "%", decimals: 1 })).toBe("100%");
    expect(renderFigure(53, { step: 10, qualifier: "余" })).toBe("50余");
    expect(renderFigure(90_345, { step: 10000, qualifier: "余", wan: true })).toBe("9万余");
    expect(renderFigure(74.3, { step: 10, qualifier: "以上", unit: "%" })).toBe("70%以上");
    expect(renderFigure(14_000, { wan: true, decimals: 1 })).toBe("1.4万");
    expect(renderFigure(6_482_000, { wan: true, decimals: 2 })).toBe("648.2万");
    expect(renderFigure(2_469_100, { wan: true, decimals: 2 })).toBe("246.91万");
    expect(renderFigure(8_412, { step: 1000, qualifier: "余" })).toBe("8000余");
    expect(renderFigure(null, {})).toBe("—");
  });
  it("refuses a rounded figure without a qualifier", () => {
    expect(ruleProblem({ step: 10 })).toMatch(/qualifier/);
    expect(ruleProblem({ step: 10, qualifier: "余" })).toBeUndefined();
  });
  it("checks a typed figure against the value", () => {
    expect(figureAgrees("95.2%", 95.4, {})).toBe(false);
    expect(figureAgrees("90.1%", 90.1, {})).toBe(true);
    expect(figureAgrees("50余", 53, { step: 10 })).toBe(true);
    expect(figureAgrees("50余", 49, { step: 10 })).toBe(false);
    expect(figureAgrees("70%以上", 74, {})).toBe(true);
    expect(figureAgrees("70%以上", 69.9, {})).toBe(false);
    expect(figureAgrees("648.2万", 6_482_000, {})).toBe(true);
  });
  it("finds that no whole count of 194 gives 95.2%, and the nearest", () => {
    expect(countsForRate(95.2, 194, 1)).toEqual({
      exact: undefined,
      nearest: [
        { count: 184, rate: 94.8 },
        { count: 185, rate: 95.4 },
      ],
    });
    expect(countsForRate(17.39, 23, 2).exact).toBe(4);
    expect(countsForRate(90.1, 687, 1).exact).toBe(619);
  });
  it("reads placeholders, typed figures and the year", () => {
    expect(parseParts("{{year}}年合格率{{rate=95.2%}}，共{{n}}个", 2020)).toEqual([
      { kind: "text", text: "2020年合格率" },
      { kind: "figure", key: "rate", typed: "95.2%" },
      { kind: "text", text: "，共" },
      { kind: "figure", key: "n" },
      { kind: "text", text: "个" },
    ]);
  });
});
