import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../../src/engines/demo/declare.ts";
import { type DemoLoadResult, loadDemo } from "../../../src/engines/demo/loader.ts";
import { createRegistry } from "../../../src/engines/registry.ts";
import { directoryModule } from "../../../src/modules/directory/index.ts";
import { enforcementModule } from "../../../src/modules/enforcement/index.ts";
import { type TestApp, testApp } from "../../support/app.ts";
import { scanPublic } from "../../support/masking-scanner.ts";

/**
 * The enforcement module's demo contribution, loaded into its own database: its cases,
 * indicators, warnings and portal.
 */
describe("the demo", () => {
  let d: TestApp;
  let result: DemoLoadResult;
  beforeAll(async () => {
    d = await testApp([directoryModule, enforcementModule]);
    result = await loadDemo(d.db, createRegistry([directoryModule, enforcementModule]), {
      keyDir: d.config.keyDir,
    });
  }, 600_000);
  afterAll(async () => d?.close());

  it("loads the enforcement cases after the registers, as the bodies' demo users", async () => {
    const ids = result.contributions.map((c) => c.id);
    expect(ids.indexOf("enforcement.cases")).toBeGreaterThan(ids.indexOf("enforcement-registers"));
  });

  it("its indicators compute for 2020, with 2019 for the year-on-year change", async () => {
    d.clock.t = new Date("2021-01-31T01:00:00Z");
    const s = await d.login("wl.yfzqb.office", DEMO_PASSWORD);
    const res = await d.call(s, {
      method: "GET",
      url: "/api/indicators/values?region=500156&year=2020",
    });
    expect(res.statusCode, res.body).toBe(200);
    const v = Object.fromEntries(
      (res.json().values as { id: string; value: number | null }[])
        .filter((x) => x.id.startsWith("enforcement_"))
        .map((x) => [x.id, x.value]),
    );
    expect(v.enforcement_penalty_cases).toBeGreaterThan(40);
    expect(v.enforcement_penalty_cases_change).toBeGreaterThan(0);
    expect(v.enforcement_major_decisions).toBeGreaterThan(5);
    expect(v.enforcement_major_review_rate).toBe(100);
    expect(v.enforcement_publication_on_time_rate).toBeGreaterThan(60);
    expect(v.enforcement_publication_on_time_rate).toBeLessThan(100);
    expect(v.enforcement_publications_withdrawn).toBe(1);
    expect(v.enforcement_overdue_cases).toBeGreaterThan(0);
    expect(v.enforcement_file_review_score).toBeGreaterThan(60);
    expect(v.enforcement_file_reviews).toBe(16);
    const court = await d.db.owner
      .selectFrom("case_file")
      .select("id")
      .where("case_type", "=", "penalty_general")
      .where("state", "=", "court_enforcement")
      .execute();
    expect(court.length).toBeGreaterThan(0);
  });

  it("at the demo's date the warning list shows overdue publications, service and payments", async () => {
    const s = await d.login("wl.yfzqb.office", DEMO_PASSWORD);
    const warnings = (await d.call(s, { method: "GET", url: "/api/warnings?limit=500" })).json()
      .items as {
      caseType: string;
      clock: string;
      warning: string;
    }[];
    const seen = new Set(warnings.map((x) => `${x.caseType}/${x.clock}/${x.warning}`));
    expect(seen).toContain("penalty_disclosure/publication/overdue");
    expect(seen).toContain("penalty_general/payment/overdue");
    expect(seen).toContain("penalty_general/service/overdue");
    expect(seen).toContain("administrative_compulsion/term/due_soon");
  });

  it("publishes its decisions masked, and shows the withdrawn one with its reason", async () => {
    const rows = await d.db.owner
      .selectFrom("case_file")
      .select(["fields"])
      .where("case_type", "in", ["penalty_general", "penalty_simplified"])
      .execute();
    const people = rows
      .map((r) => (r.fields as { party: { kind: string; name: string } }).party)
      .filter((p) => p.kind === "natural_person")
      .map((p) => ({ name: p.name }));
    expect(people.length).toBeGreaterThan(20);
    const pages: string[] = [];
    const items: { status: string; party?: string; withdrawalReason?: string }[] = [];
    for (let page = 1; ; page++) {
      const url = `/public/api/500156/cases/penalty_disclosure?page=${page}`;
      const res = (await d.app.inject({ method: "GET", url })).json() as {
        total: number;
        items: typeof items;
      };
      if (res.items.length === 0) break;
      pages.push(url);
      items.push(...res.items);
      if (items.length >= res.total) break;
    }
    expect(items.length).toBeGreaterThan(20);
    // Legal persons are shown with their USCC; natural persons masked.
    expect(items.some((x) => /统一社会信用代码：[0-9A-Z]{18}/.test(x.party ?? ""))).toBe(true);
    expect(items.some((x) => /^.\*+$/.test(x.party ?? ""))).toBe(true);
    const withdrawn = items.filter((x) => x.status === "已撤回");
    expect(withdrawn).toHaveLength(1);
    expect(withdrawn[0]!.withdrawalReason).toMatch(/行政复议决定撤销/);
    const scan = await scanPublic(
      d.app,
      people,
      ["/public/500156/sections/penalty_decisions"],
      pages,
    );
    expect(scan.visited.length).toBeGreaterThan(20);
    expect(scan.leaks).toEqual([]);
  });
});
