import { describe, expect, it } from "vitest";
import { fullNameOf } from "./authority-name.ts";

describe("an authority's full name", () => {
  const area = ["重庆市", "武隆区"];
  it("puts the region's full name before the body's own, however the record writes it", () => {
    expect(fullNameOf(area, "区市场监管局")).toBe("重庆市武隆区市场监管局");
    expect(fullNameOf(area, "武隆区城市管理局")).toBe("重庆市武隆区城市管理局");
    expect(fullNameOf(area, "仙女山街道综合行政执法办公室")).toBe(
      "重庆市武隆区仙女山街道综合行政执法办公室",
    );
    expect(fullNameOf(area, "重庆市武隆区司法局")).toBe("重庆市武隆区司法局");
  });
});
