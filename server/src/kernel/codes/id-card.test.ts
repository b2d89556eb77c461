import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors.ts";
import {
  demoIdCards,
  idCardCheckChar,
  makeIdCard,
  normalizeIdCard,
  validateIdCard,
  zIdCard,
} from "./id-card.ts";

describe("validateIdCard (GB 11643-1999)", () => {
  it("accepts the standard's examples", () => {
    expect(validateIdCard("11010519491231002X")).toEqual({
      ok: true,
      value: "11010519491231002X",
      regionCode: "110105",
      birthDate: "1949-12-31",
      sex: "female",
    });
    expect(validateIdCard("440524188001010014")).toMatchObject({
      ok: true,
      birthDate: "1880-01-01",
      sex: "male",
    });
  });

  it("computes the ISO 7064 MOD 11-2 check character", () => {
    expect(idCardCheckChar("11010519491231002")).toBe("X");
    expect(idCardCheckChar("44052418800101001")).toBe("4");
    expect(() => idCardCheckChar("1101051949123100")).toThrow(ValidationError);
  });

  it.each([
    ["11010519491231002", "length", /18 characters, got 17/],
    ["11010519491231002XX", "length", /got 19/],
    ["11010519491231002x", "charset", /uppercase "X"/],
    ["1101051949123100AX", "charset", /17 digits/],
    ["990105194912310026", "region", /not a GB\/T 2260 province code/],
    ["110105194902300020", "birth_date", /"19490230" is not a valid date/],
    ["110105179912310020", "birth_date", /not a valid date/],
    ["110105194913310020", "birth_date", /not a valid date/],
    ["110105194912310021", "check_digit", /is "1", expected "X"/],
    ["440524188001010015", "check_digit", /expected "4"/],
  ])("rejects %s: %s", (s, reason, message) => {
    const r = validateIdCard(s);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toBe(reason);
      expect(r.message).toMatch(message);
    }
  });

  it("accepts 29 February only in leap years", () => {
    expect(validateIdCard(makeIdCard("500156", "2000-02-29", 1, "male")).ok).toBe(true);
    const body = "50015619000229003";
    expect(validateIdCard(body + idCardCheckChar(body))).toMatchObject({ reason: "birth_date" });
  });

  it("rejects birth dates after `today` when given", () => {
    const id = makeIdCard("500156", "2030-01-01", 0, "female");
    expect(validateIdCard(id).ok).toBe(true);
    expect(validateIdCard(id, { today: "2025-06-01" })).toMatchObject({
      reason: "future_birth_date",
    });
  });
});

describe("zIdCard", () => {
  it("normalises then validates, naming the problem", () => {
    expect(zIdCard.parse(" 11010519491231002x ")).toBe("11010519491231002X");
    const r = zIdCard.safeParse("110105194912310021");
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/check character/);
    expect(normalizeIdCard(" 11010519491231002x")).toBe("11010519491231002X");
  });
});

describe("makeIdCard / demoIdCards", () => {
  it("builds valid numbers with the requested sex and date", () => {
    const m = makeIdCard("500156", "1990-07-15", 12, "male");
    expect(m.slice(0, 17)).toBe("50015619900715025");
    expect(validateIdCard(m)).toMatchObject({ ok: true, sex: "male", birthDate: "1990-07-15" });
    const f = makeIdCard("500156", "1990-07-15", 12, "female");
    expect(f.slice(14, 17)).toBe("026");
    expect(validateIdCard(f)).toMatchObject({ ok: true, sex: "female" });
    expect(makeIdCard("500156", "1990-07-15", 498, "female").slice(14, 17)).toBe("998");
  });

  it("refuses bad inputs", () => {
    expect(() => makeIdCard("5001", "1990-07-15", 1, "male")).toThrow(ValidationError);
    expect(() => makeIdCard("500156", "1990-02-30", 1, "male")).toThrow(/valid YYYY-MM-DD/);
    expect(() => makeIdCard("500156", "1990-07-15", 499, "male")).toThrow(/0\.\.498/);
  });

  it("generates thousands of distinct valid numbers, reproducibly", () => {
    const ids = demoIdCards(42, 5000);
    expect(ids).toHaveLength(5000);
    expect(new Set(ids).size).toBe(5000);
    for (const id of ids) expect(validateIdCard(id).ok, id).toBe(true);
    expect(demoIdCards(42, 50)).toEqual(ids.slice(0, 50));
    expect(demoIdCards(43, 50)).not.toEqual(ids.slice(0, 50));
    const old = demoIdCards(1, 100, { regions: ["110105"], fromYear: 1940, toYear: 1945 });
    for (const id of old) {
      expect(id.slice(0, 6)).toBe("110105");
      expect(Number(id.slice(6, 10))).toBeGreaterThanOrEqual(1940);
      expect(Number(id.slice(6, 10))).toBeLessThanOrEqual(1945);
    }
  });
});
