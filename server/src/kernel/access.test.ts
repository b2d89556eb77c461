import { describe, expect, it } from "vitest";
import { actsFor, supervises } from "./access.ts";

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
