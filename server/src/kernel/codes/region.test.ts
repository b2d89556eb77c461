import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors.ts";
import {
  ancestorsOf,
  isAncestorOf,
  isRegionCode,
  isSelfOrAncestorOf,
  parentOf,
  regionCodeProblem,
  regionLevel,
  zRegionCode,
} from "./region.ts";

describe("region codes (GB/T 2260)", () => {
  it("checks the format and the province prefix", () => {
    expect(isRegionCode("500156")).toBe(true);
    expect(isRegionCode("820000")).toBe(true);
    expect(regionCodeProblem("50015")).toBe("format");
    expect(regionCodeProblem("5001566")).toBe("format");
    expect(regionCodeProblem("50015a")).toBe("format");
    expect(regionCodeProblem("990000")).toBe("province");
    expect(regionCodeProblem("000000")).toBe("province");
  });

  it("derives the level from the shape", () => {
    expect(regionLevel("500000")).toBe("province");
    expect(regionLevel("510100")).toBe("city");
    expect(regionLevel("510104")).toBe("county");
    expect(regionLevel("500156")).toBe("county");
    expect(() => regionLevel("12345")).toThrow(ValidationError);
  });

  it("puts municipality districts directly under the municipality", () => {
    expect(parentOf("500156")).toBe("500000"); // 重庆市武隆区
    expect(parentOf("500233")).toBe("500000"); // 重庆市忠县 (5002xx "县")
    expect(parentOf("110105")).toBe("110000"); // 北京市朝阳区
    expect(parentOf("120101")).toBe("120000");
    expect(parentOf("310115")).toBe("310000");
    expect(parentOf("500100")).toBe("500000");
  });

  it("elsewhere walks county → city → province", () => {
    expect(parentOf("510104")).toBe("510100"); // 成都市锦江区
    expect(parentOf("510100")).toBe("510000");
    expect(parentOf("510000")).toBeNull();
    expect(ancestorsOf("510104")).toEqual(["510100", "510000"]);
    expect(ancestorsOf("500156")).toEqual(["500000"]);
  });

  it("puts 省直辖县级行政区划 (city segment 90) directly under the province", () => {
    expect(parentOf("429004")).toBe("420000"); // 仙桃市
    expect(parentOf("469005")).toBe("460000"); // 文昌市
    expect(parentOf("659001")).toBe("650000"); // 石河子市
  });

  it("answers ancestry", () => {
    expect(isAncestorOf("500000", "500156")).toBe(true);
    expect(isAncestorOf("500100", "500156")).toBe(false);
    expect(isAncestorOf("510000", "510104")).toBe(true);
    expect(isAncestorOf("510100", "510104")).toBe(true);
    expect(isAncestorOf("510104", "510104")).toBe(false);
    expect(isAncestorOf("510104", "510100")).toBe(false);
    expect(isAncestorOf("500000", "510104")).toBe(false);
    expect(isAncestorOf("bad", "510104")).toBe(false);
    expect(isSelfOrAncestorOf("500156", "500156")).toBe(true);
    expect(isSelfOrAncestorOf("500000", "500156")).toBe(true);
    expect(isSelfOrAncestorOf("510000", "500156")).toBe(false);
  });

  it("zRegionCode names the problem", () => {
    expect(zRegionCode.parse("500156")).toBe("500156");
    expect(zRegionCode.safeParse("50015").error?.issues[0]?.message).toMatch(/6 digits/);
    expect(zRegionCode.safeParse("990000").error?.issues[0]?.message).toMatch(/province code/);
  });
});
