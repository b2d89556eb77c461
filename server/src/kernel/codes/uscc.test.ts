import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors.ts";
import {
  demoUsccs,
  makeUscc,
  orgCodeCheckChar,
  USCC_CHARSET,
  usccCheckChar,
  validateUscc,
  zUscc,
} from "./uscc.ts";

describe("validateUscc (GB 32100-2015)", () => {
  it("accepts the standard's example and published codes", () => {
    expect(validateUscc("91350100M000100Y43")).toEqual({
      ok: true,
      value: "91350100M000100Y43",
      registrationAuthority: "9",
      category: "1",
      regionCode: "350100",
      orgCode: "M000100Y4",
      orgCodeValid: true,
    });
    // Published on the National Enterprise Credit Information Publicity System.
    for (const code of ["914403001922038216", "9144030071526726XG", "91110000802100433B"]) {
      expect(validateUscc(code, { strict: true }).ok, code).toBe(true);
    }
  });

  it("has the 31-character set and the check character of the standard", () => {
    expect(USCC_CHARSET).toHaveLength(31);
    expect(USCC_CHARSET).not.toMatch(/[IOSVZ]/);
    expect(usccCheckChar("91350100M000100Y4")).toBe("3");
    expect(orgCodeCheckChar("M000100Y")).toBe("4");
    expect(orgCodeCheckChar("71526726")).toBe("X");
    expect(() => usccCheckChar("91350100M000100YI")).toThrow(ValidationError);
  });

  it.each([
    ["91350100M000100Y4", "length", /18 characters, got 17/],
    ["91350100M000100Y43A", "length", /got 19/],
    ["91350100I000100Y43", "charset", /character 9 is "I".*without I, O, S, V, Z/],
    ["91350100m000100Y43", "charset", /character 9 is "m".*\(use uppercase letters\)/],
    ["9135A100M000100Y43", "region", /character 5 .*positions 3-8/],
    ["91350100M000100Y44", "check_digit", /character 18 .*is "4", expected "3"/],
  ])("rejects %s: %s", (s, reason, message) => {
    const r = validateUscc(s);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toBe(reason);
      expect(r.message).toMatch(message);
    }
  });

  it("names the position of the bad character, in Chinese too", () => {
    expect(validateUscc("91350100I000100Y43")).toMatchObject({ position: 9 });
    expect(validateUscc("91350100M000100Y44")).toMatchObject({
      position: 18,
      zh: expect.stringContaining("第18位"),
    });
    expect(validateUscc("9135A100M000100Y43")).toMatchObject({ position: 5 });
    expect(validateUscc("91350100M000100Y4")).not.toHaveProperty("position");
  });

  it("checks the organization code and authority only in strict mode", () => {
    // Body with a wrong GB 11714 check character but a correct USCC check character.
    const body = "91350100M000100Y5";
    const code = body + usccCheckChar(body);
    expect(validateUscc(code)).toMatchObject({ ok: true, orgCodeValid: false });
    expect(validateUscc(code, { strict: true })).toMatchObject({ ok: false, reason: "org_code" });
    const other = `B1350100M000100Y4`;
    expect(validateUscc(other + usccCheckChar(other), { strict: true })).toMatchObject({
      reason: "registration_authority",
    });
  });
});

describe("zUscc", () => {
  it("normalises then validates", () => {
    expect(zUscc.parse(" 91350100m000100y43 ")).toBe("91350100M000100Y43");
    const r = zUscc.safeParse("91350100M000100Y44");
    expect(r.error?.issues[0]?.message).toMatch(/check character/);
  });
});

describe("makeUscc / demoUsccs", () => {
  it("builds codes that pass strict validation", () => {
    const code = makeUscc("91", "500156", 0);
    expect(code.slice(0, 16)).toBe("9150015600000000");
    expect(validateUscc(code, { strict: true })).toMatchObject({ ok: true, regionCode: "500156" });
    const last = makeUscc("52", "500156", 31 ** 8 - 1);
    expect(last.slice(8, 16)).toBe("YYYYYYYY");
    expect(validateUscc(last, { strict: true }).ok).toBe(true);
  });

  it("refuses bad inputs", () => {
    expect(() => makeUscc("9", "500156", 1)).toThrow(ValidationError);
    expect(() => makeUscc("91", "990000", 1)).toThrow(/GB\/T 2260/);
    expect(() => makeUscc("91", "500156", -1)).toThrow(/sequence/);
  });

  it("generates thousands of distinct valid codes, reproducibly", () => {
    const codes = demoUsccs(7, 5000);
    expect(new Set(codes).size).toBe(5000);
    for (const c of codes) expect(validateUscc(c, { strict: true }).ok, c).toBe(true);
    expect(demoUsccs(7, 20)).toEqual(codes.slice(0, 20));
    const gov = demoUsccs(1, 10, { kinds: ["11"], regions: ["500156"] });
    for (const c of gov) expect(c.startsWith("11500156")).toBe(true);
  });
});
