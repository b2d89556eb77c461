import { describe, expect, it } from "vitest";
import { actsFor, assertTestOnly, canSee, supervises } from "./access.ts";

const district = {
  scope: "region" as const,
  unitId: 1,
  regionCode: "500156",
  regions: ["500156"],
  roles: ["rule_of_law_office" as const],
};
const city = {
  scope: "region" as const,
  unitId: 9,
  regionCode: "500000",
  regions: ["500000", "500156", "500101"],
  roles: ["rule_of_law_office" as const],
};
const handler = {
  scope: "unit" as const,
  unitId: 2,
  regionCode: "500156",
  regions: ["500156"],
  roles: ["case_handler" as const],
};

describe("who acts and who supervises", () => {
  it("a unit acts for its own records only", () => {
    expect(actsFor(handler, { regionCode: "500156", unitId: 2 })).toBe(true);
    expect(actsFor(handler, { regionCode: "500156", unitId: 3 })).toBe(false);
  });
  it("the district office acts in its own region", () => {
    expect(actsFor(district, { regionCode: "500156", unitId: 3 })).toBe(true);
    expect(actsFor(district, { regionCode: "500101", unitId: 4 })).toBe(false);
  });
  it("the city acts for its own region and unit, and supervises its districts", () => {
    expect(actsFor(city, { regionCode: "500156", unitId: 3 })).toBe(false);
    expect(actsFor(city, { regionCode: "500000", unitId: 10 })).toBe(true);
    expect(supervises(city, "500156")).toBe(true);
    expect(supervises(city, "500000")).toBe(false);
    expect(supervises(city, "110101")).toBe(false);
    expect(supervises(district, "500156")).toBe(false);
    expect(supervises({ ...city, roles: ["read_only"] }, "500156")).toBe(false);
  });
});

describe("the test-only switch of the checks in code (row-level security alone)", () => {
  it("lets an actor so marked through every check, and only that actor", () => {
    const off = { ...handler, routeChecks: "off" as const };
    expect(actsFor(off, { regionCode: "500101", unitId: 3 })).toBe(true);
    expect(canSee(off, { regionCode: "500101", unitId: 3 })).toBe(true);
    expect(supervises(off, "500156")).toBe(true);
    expect(canSee(handler, { regionCode: "500101", unitId: 3 })).toBe(false);
  });
  it("is refused outside a test run", () => {
    expect(() => assertTestOnly({ NODE_ENV: "production" }, "x")).toThrow(/test-only/);
    expect(() => assertTestOnly({}, "x")).toThrow(/test-only/);
    expect(() => assertTestOnly({ NODE_ENV: "test" }, "x")).not.toThrow();
    expect(() => assertTestOnly({ VITEST: "true" }, "x")).not.toThrow();
  });
});
