import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../../src/engines/demo/declare.ts";
import { loadDemo } from "../../../src/engines/demo/loader.ts";
import { createRegistry, type ModuleDecl } from "../../../src/engines/registry.ts";
import { directoryModule } from "../../../src/modules/directory/index.ts";
import { enforcementModule } from "../../../src/modules/enforcement/index.ts";
import { supervisionModule } from "../../../src/modules/supervision/index.ts";
import { verifyStoredDraw } from "../../../src/modules/supervision/spot-check.ts";
import { type TestApp, testApp } from "../../support/app.ts";

/**
 * The supervision demo, loaded after the directory and the enforcement registers (its
 * inspectors) into its own database, with a small credit file (the full 90,500 records
 * are the default of `fazhi demo`; bench/credit-import.ts measures that size): every
 * draw verifies, the figures come out of the records, the seed figure is named.
 */
const CREDIT = 1500;

// The enforcement module without its case demo (not needed here, and slow).
const enforcement: ModuleDecl = {
  ...enforcementModule,
  demo: (enforcementModule.demo ?? []).filter((d) => d.id === "enforcement-registers"),
};

describe("the supervision demo", () => {
  let d: TestApp;
  let v: Record<string, number | null>;
  let v2021: Record<string, number | null>;
  beforeAll(async () => {
    process.env.FAZHI_DEMO_CREDIT_RECORDS = String(CREDIT);
    d = await testApp([directoryModule, enforcement, supervisionModule]);
    const loaded = await loadDemo(
      d.db,
      createRegistry([directoryModule, enforcement, supervisionModule]),
      { keyDir: d.config.keyDir },
    );
    // The contribution's time and notes, for the report (no timed assertion).
    for (const c of loaded.contributions) {
      process.stdout.write(`demo ${c.id}: ${c.ms} ms; ${c.notes.join("; ")}\n`);
    }
    d.clock.t = new Date("2021-01-31T01:00:00Z");
    const s = await d.login("wl.yfzqb.office", DEMO_PASSWORD);
    const res = await d.call(s, {
      method: "GET",
      url: "/api/indicators/values?region=500156&year=2020",
    });
    expect(res.statusCode, res.body).toBe(200);
    v = Object.fromEntries(
      (res.json().values as { id: string; value: number | null }[]).map((x) => [x.id, x.value]),
    );
    const next = await d.call(s, {
      method: "GET",
      url: "/api/indicators/values?region=500156&year=2021",
    });
    v2021 = Object.fromEntries(
      (next.json().values as { id: string; value: number | null }[]).map((x) => [x.id, x.value]),
    );
  }, 900_000);
  afterAll(async () => {
    delete process.env.FAZHI_DEMO_CREDIT_RECORDS;
    await d?.close();
  });

  it("every draw of the demo verifies from its published inputs", async () => {
    const rows = await d.db.owner
      .selectFrom("case_file")
      .select(["id", "state", "fields"])
      .where("case_type", "=", "spot_check")
      .execute();
    expect(rows.map((r) => r.state).sort()).toEqual([
      "cancelled",
      "drawn",
      "drawn",
      "drawn",
      "drawn",
    ]);
    for (const r of rows.filter((x) => x.state === "drawn")) {
      expect(verifyStoredDraw(r.fields), `draw ${r.id}`).toMatchObject({ ok: true });
    }
  });

  it("its figures come out of the records", () => {
    expect(v.spot_check_tasks).toBe(4);
    expect(v.spot_check_draws).toBe(4);
    expect(v.spot_check_objects_drawn).toBeGreaterThan(40);
    expect(v.spot_check_coverage).toBeGreaterThan(5);
    // Transfers open enforcement cases: only in January 2021, leaving 2020's enforcement figures alone.
    expect(v.spot_check_transferred).toBe(0);
    expect(v2021.spot_check_transferred).toBeGreaterThan(0);
    expect(v.enforcement_inspections ?? 0).toBe(0);
    expect(v.spot_check_on_time_rate).toBeGreaterThan(50);
    expect(v.spot_check_on_time_rate).toBeLessThan(100);
    expect(v.credit_black_listed).toBe(2);
    expect(v.credit_red_listed).toBe(2);
    expect(v.credit_repairs).toBe(2);
    // 3 records entered for the repairs besides the imported file.
    expect(v.credit_records).toBe(CREDIT + 3);
    expect(
      (v.credit_records_licensing ?? 0) +
        (v.credit_records_penalty ?? 0) +
        (v.credit_records_other ?? 0),
    ).toBe(CREDIT + 3);
  });

  it("names the seed figure it differs from at this size (一(三)5: 9万余条 with the default load)", () => {
    const seed = { credit_records: 90_000 };
    const differs = Object.entries(seed)
      .filter(([id, min]) => (v[id] ?? 0) < min)
      .map(([id]) => id);
    expect(differs).toEqual(["credit_records"]);
  });
});
