import { describe, expect, it } from "vitest";
import { zCount, zDate, zText, zUnitCode, zYuan } from "./fields.ts";

describe("shared field schemas", () => {
  it("dates are real calendar days", () => {
    expect(zDate.safeParse("2020-02-29").success).toBe(true);
    expect(zDate.safeParse("2021-02-29").success).toBe(false);
    expect(zDate.safeParse("2020-2-1").success).toBe(false);
  });
  it("yuan have at most two decimals, with binary fractions read as written", () => {
    expect(zYuan.safeParse(9145.2).success).toBe(true);
    expect(zYuan.safeParse(0.1 + 0.2).success).toBe(true);
    expect(zYuan.safeParse(1.005).success).toBe(false);
    expect(zYuan.safeParse(-1).success).toBe(false);
  });
  it("counts, unit codes and required texts", () => {
    expect(zCount.safeParse(3).success).toBe(true);
    expect(zCount.safeParse(1.5).success).toBe(false);
    expect(zUnitCode.safeParse("team-scjg").success).toBe(true);
    expect(zUnitCode.safeParse("区市场监管局").success).toBe(false);
    expect(zText(5).safeParse("  ").success).toBe(false);
    expect(zText(5).safeParse("123456").success).toBe(false);
  });
});
