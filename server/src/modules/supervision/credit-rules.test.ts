import { describe, expect, it } from "vitest";
import { creditRulesAt } from "./credit-rules.ts";

describe("credit repair rules by date", () => {
  it("switches to the new measures on 2026-04-01", () => {
    expect(creditRulesAt("2026-03-31").law).toBe("国家发展改革委令第58号");
    expect(creditRulesAt("2026-04-01").law).toBe("《信用修复管理办法》");
    expect(creditRulesAt("2026-04-01").rules.minMonths.minor).toBe(0);
    expect(creditRulesAt("2023-04-30").law).toBe("发改办财金〔2019〕527号");
    expect(creditRulesAt("2020-06-01").rules.minMonths.serious).toBe(6);
  });
});
