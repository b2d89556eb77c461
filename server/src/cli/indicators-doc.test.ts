import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { createRegistry } from "../engines/registry.ts";
import { MODULES } from "../modules/index.ts";
import { SEED_FIGURES } from "../modules/report/seed-figures.ts";
import { indicatorsDoc } from "./indicators-doc.ts";

const DOC = new URL("../../../docs/indicators.md", import.meta.url);

describe("docs/indicators.md", () => {
  const registry = createRegistry(MODULES);
  it("is generated from the declarations (stale: rerun with FAZHI_WRITE_DOCS=1)", () => {
    const want = indicatorsDoc(registry);
    if (process.env.FAZHI_WRITE_DOCS === "1") fs.writeFileSync(DOC, want);
    expect(fs.readFileSync(DOC, "utf8")).toBe(want);
  });
  it("maps every seed figure to a declared indicator, or one pending with its issue", () => {
    const bad = SEED_FIGURES.filter((s) => !registry.indicator(s.indicator) && !s.pending);
    expect(bad.map((s) => s.indicator)).toEqual([]);
  });
});
