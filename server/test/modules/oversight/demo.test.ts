import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../../src/engines/demo/declare.ts";
import { type DemoLoadResult, loadDemo } from "../../../src/engines/demo/loader.ts";
import { createRegistry } from "../../../src/engines/registry.ts";
import { directoryModule } from "../../../src/modules/directory/index.ts";
import { oversightModule } from "../../../src/modules/oversight/index.ts";
import { type TestApp, testApp } from "../../support/app.ts";

/**
 * The seed's figures of 一(七) and 一(八)2 out of the demo's records, through the indicator
 * engine (seed/figures.md): every figure that differs is named.
 */
describe("the oversight demo", () => {
  let d: TestApp;
  let result: DemoLoadResult;
  beforeAll(async () => {
    const modules = [directoryModule, oversightModule];
    d = await testApp(modules);
    result = await loadDemo(d.db, createRegistry(modules), { keyDir: d.config.keyDir });
  }, 600_000);
  afterAll(async () => d?.close());

  it("gives the seed's figures for 2020", async () => {
    expect(result.contributions.map((c) => c.id)).toContain("oversight");
    // How long the contribution adds (reported, not asserted).
    for (const c of result.contributions.filter((x) => x.id.startsWith("oversight")))
      console.info(`demo ${c.id}: ${c.ms} ms — ${c.notes.join("; ")}`);
    d.clock.t = new Date("2021-01-31T01:00:00Z");
    const s = await d.login("wl.yfzqb.office", DEMO_PASSWORD);
    const res = await d.call(s, {
      method: "GET",
      url: "/api/indicators/values?region=500156&year=2020",
    });
    expect(res.statusCode, res.body).toBe(200);
    const v = Object.fromEntries(
      (res.json().values as { id: string; value: number | null }[]).map((x) => [x.id, x.value]),
    );
    const exact: Record<string, number> = {
      oversight_reconsideration_concluded: 23,
      oversight_reconsideration_corrected: 4,
      oversight_reconsideration_correction_rate: 17.39,
      oversight_reconsideration_in_time_rate: 100,
      oversight_litigation_head_appearance_change: 25,
      oversight_litigation_major_appearance_rate: 100,
      oversight_litigation_performance_rate: 100,
      oversight_deputy_satisfaction_rate: 100,
      oversight_judicial_suggestions_reply_rate: 100,
      oversight_procuratorial_suggestions_reply_rate: 100,
      oversight_budget_audit_coverage: 100,
      oversight_audit_rules: 4,
    };
    const atLeast: Record<string, number> = {
      oversight_reconsideration_site_inspections: 10,
      oversight_reconsideration_interviews: 30,
      oversight_reconsideration_documents_served: 120,
    };
    const differ = [
      ...Object.entries(exact)
        .filter(([k, want]) => v[k] !== want)
        .map(([k, want]) => `${k}: ${v[k]} (seed ${want})`),
      ...Object.entries(atLeast)
        // "120余": more than 120 and below the next ten, as the report writes it
        .filter(([k, want]) => !((v[k] ?? 0) > want && (v[k] ?? 0) < want + 10))
        .map(([k, want]) => `${k}: ${v[k]} (seed ${want}+)`),
    ];
    expect(differ).toEqual([]);
  });

  it("concluded every 2020 reconsideration within its time limit", async () => {
    const { rows } = await d.db.owner
      .selectFrom("case_clock")
      .innerJoin("case_file", (j) =>
        j
          .onRef("case_file.region_code", "=", "case_clock.region_code")
          .onRef("case_file.id", "=", "case_clock.case_id"),
      )
      .select(["case_file.id", "case_clock.started_on", "case_clock.stopped_on"])
      .where("case_file.case_type", "=", "reconsideration")
      .where("case_clock.clock", "=", "decision")
      .execute()
      .then((r) => ({ rows: r }));
    expect(rows.length).toBe(23);
    for (const r of rows) {
      const days =
        (new Date(String(r.stopped_on)).getTime() - new Date(String(r.started_on)).getTime()) /
        86_400_000;
      expect(days).toBeLessThanOrEqual(60);
    }
  });
});
