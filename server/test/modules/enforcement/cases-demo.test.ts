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
const TODAY = "2026-06-16";

describe("the demo", () => {
  let d: TestApp;
  let result: DemoLoadResult;
  beforeAll(async () => {
    d = await testApp([directoryModule, enforcementModule]);
    // Loaded years after its own date (2021-01-31), as it is shown today: the 2019–2020
    // history closed, this year's work on top (a fixed day, so the test does not drift).
    result = await loadDemo(d.db, createRegistry([directoryModule, enforcementModule]), {
      keyDir: d.config.keyDir,
      today: TODAY,
    });
  }, 900_000);
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
    // A court application of 2020 (its case closed since, once the court had collected).
    const court = await d.db.owner
      .selectFrom("case_event")
      .select("case_id")
      .where("action", "=", "apply_court")
      .where("on_date", "<=", "2020-12-31")
      .execute();
    expect(court.length).toBeGreaterThan(0);
  });

  it("at the demo's date the time limits missed in 2020 stay missed: the year's overdue figure keeps them", async () => {
    d.clock.t = new Date("2021-01-31T01:00:00Z");
    const s = await d.login("wl.yfzqb.office", DEMO_PASSWORD);
    const res = await d.call(s, {
      method: "GET",
      url: "/api/indicators/enforcement_overdue_cases/drill?region=500156&year=2020&limit=5000",
    });
    expect(res.statusCode, res.body).toBe(200);
    const rows = res.json().rows as {
      type: string;
      extra: { overdue: { clock: string; due: string; stoppedOn: string | null }[] };
    }[];
    const seen = new Set(rows.flatMap((r) => r.extra.overdue.map((k) => `${r.type}/${k.clock}`)));
    expect(seen).toContain("penalty_disclosure/publication");
    expect(seen).toContain("penalty_general/payment");
    expect(seen).toContain("penalty_general/service");
    // Met since (the history is over), each late: stopped after its due date.
    const later = rows.flatMap((r) => r.extra.overdue).filter((k) => k.stoppedOn !== null);
    expect(later.length).toBeGreaterThan(0);
    for (const k of later) expect(k.stoppedOn! > k.due).toBe(true);
    // The seizure in force at the demo's date: its term ran past that day, then was decided.
    const terms = await d.db.owner
      .selectFrom("case_clock")
      .innerJoin("case_file", (j) =>
        j
          .onRef("case_file.region_code", "=", "case_clock.region_code")
          .onRef("case_file.id", "=", "case_clock.case_id"),
      )
      .select(["case_clock.started_on", "case_clock.stopped_on"])
      .where("case_file.case_type", "=", "administrative_compulsion")
      .where("case_clock.clock", "=", "term")
      .where("case_clock.started_on", ">=", "2021-01-01")
      .where("case_clock.started_on", "<=", "2021-01-31")
      .execute();
    expect(terms.length).toBeGreaterThan(0);
    for (const k of terms) expect(k.stopped_on! > "2021-01-31").toBe(true);
  });

  it("today the 2019–2020 cases are closed: the work queues and warnings hold this year's work", async () => {
    d.clock.t = new Date(`${TODAY}T01:00:00Z`);
    const open = await d.db.owner
      .selectFrom("case_file")
      .select(["case_type", "state"])
      .where("case_type", "in", [
        "penalty_general",
        "penalty_simplified",
        "penalty_disclosure",
        "inspection",
        "administrative_compulsion",
      ])
      .where("closed_on", "is", null)
      .where("opened_on", "<", "2021-01-01")
      .execute();
    // Only decisions still public where the area's rule sets no term (not work: no clock).
    expect(
      open.filter((c) => !(c.case_type === "penalty_disclosure" && c.state === "published")),
    ).toEqual([]);
    const oldOf = async (ids: number[]) =>
      ids.length === 0
        ? []
        : d.db.owner
            .selectFrom("case_file")
            .select(["id", "case_type", "state"])
            .where("id", "in", ids)
            .where("opened_on", "<", "2021-01-01")
            .execute();
    const s = await d.login("wl.yfzqb.office", DEMO_PASSWORD);
    const warnings = (await d.call(s, { method: "GET", url: "/api/warnings?limit=500" })).json()
      .items as { caseId: number }[];
    expect(warnings.length).toBeGreaterThan(0);
    expect(await oldOf(warnings.map((x) => x.caseId))).toEqual([]);
    const handler = await d.login("wl.scjgj.handler", DEMO_PASSWORD);
    const work = (await d.call(handler, { method: "GET", url: "/api/work" })).json() as {
      items: { caseId: number }[];
    };
    expect(work.items.length).toBeGreaterThan(0);
    expect(await oldOf(work.items.map((x) => x.caseId))).toEqual([]);
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
  }, 120_000);
});
