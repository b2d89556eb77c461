/**
 * The complete annual report in one statement (issue 9): the first template's default
 * draft (and a change on the year before) composed for a district — every figure, the rates' parts and the year before's
 * bases of the changes — is computed by the indicator engine in one statement (its
 * region's tree read once before), and each figure is the value the indicator has when
 * evaluated on its own.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluate } from "../../../src/engines/indicator/engine.ts";
import { forgetRegionTrees } from "../../../src/engines/indicator/regions.ts";
import { createRegistry } from "../../../src/engines/registry.ts";
import { composeReport } from "../../../src/engines/report/compose.ts";
import { MODULES } from "../../../src/modules/index.ts";
import { type TestApp, testApp } from "../../support/app.ts";

let t: TestApp;
const registry = createRegistry(MODULES);
beforeAll(async () => {
  t = await testApp(MODULES);
}, 300_000);
afterAll(async () => t?.close());

/** The reading statements this process sends while `fn` runs. */
async function reads(fn: () => Promise<unknown>): Promise<string[]> {
  const out: string[] = [];
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function spy(this: pg.Client, ...args: unknown[]) {
    const q = args[0] as { text?: string } | string;
    const text = typeof q === "string" ? q : q.text;
    if (text && /^\s*(select|with)\b/i.test(text) && !/set_config/.test(text)) out.push(text);
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    await fn();
  } finally {
    pg.Client.prototype.query = original;
  }
  return out;
}

describe("the complete annual report", () => {
  it("computes every figure in one statement, each the indicator's value on its own", async () => {
    const template = registry.reports()[0]!;
    const base = template.draft({ regionName: "武隆区", year: 2020 });
    // A change on the year before too: its base's value the year before is checked.
    const change = {
      kind: "paragraph" as const,
      text: "出庭应诉率同比{{head_appearance_change}}。",
    };
    const draft = { ...base, blocks: [...base.blocks, change] };
    const compose = () =>
      composeReport(registry, t.db.owner, { region: "500156", year: 2020, template, draft });
    forgetRegionTrees();
    expect(await reads(compose)).toHaveLength(2); // the region's tree, then the figures
    let composed: Awaited<ReturnType<typeof compose>> | undefined;
    const sent = await reads(async () => {
      composed = await compose();
    });
    expect(sent).toHaveLength(1);
    const figures = composed!.figures.filter((f) => !f.pending);
    expect(figures.length).toBeGreaterThan(10);
    expect(composed!.figures.map((f) => f.key)).toContain("head_appearance_change");
    for (const f of figures) {
      const [alone] = await evaluate(registry, t.db.owner, {
        region: "500156",
        year: 2020,
        indicatorIds: [f.indicator],
      });
      expect([f.key, f.value]).toEqual([f.key, alone!.value]);
    }
  });
});
