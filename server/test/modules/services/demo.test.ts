import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../../src/engines/demo/declare.ts";
import { loadDemo } from "../../../src/engines/demo/loader.ts";
import { createRegistry } from "../../../src/engines/registry.ts";
import { directoryModule } from "../../../src/modules/directory/index.ts";
import { servicesModule } from "../../../src/modules/services/index.ts";
import { type TestApp, testApp } from "../../support/app.ts";
import { scanPublic } from "../../support/masking-scanner.ts";

/**
 * The services demo on a fresh database after the directory: the seed's figures of
 * 一(三)1 come out of the records through the indicators (687 licensing items, 619 in the
 * centre = 90.1%, 3 sub-centres, 9 + 3 windows, 619 at one window = 90.1%, 100 at most one
 * trip, 10,283 joint matters, 96% online, a time reduction of at least 70%); the portal
 * shows the catalogue without a unit code; the contribution's time is printed.
 */
describe("the services demo", () => {
  let d: TestApp;
  let v: Record<string, number | null>;
  beforeAll(async () => {
    d = await testApp([directoryModule, servicesModule]);
    const loaded = await loadDemo(d.db, createRegistry([directoryModule, servicesModule]), {
      keyDir: d.config.keyDir,
    });
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
  }, 900_000);
  afterAll(async () => {
    await d?.close();
  });

  it("gives the seed's figures", () => {
    process.stdout.write(`services indicators: ${JSON.stringify(v)}\n`);
    expect(v).toMatchObject({
      licensing_items: 687,
      licensing_items_in_centre: 619,
      licensing_centre_rate: 90.1,
      service_sub_centres: 3,
      domain_windows: 9,
      comprehensive_windows: 3,
      one_window_items: 619,
      one_window_rate: 90.1,
      one_trip_items: 100,
      joint_applications: 10_283,
      online_availability_rate: 96,
    });
    expect(v.time_reduction_rate).toBeGreaterThanOrEqual(70);
    expect(v.applications_on_time_rate).toBeGreaterThan(95);
    expect(v.applications_on_time_rate).toBeLessThan(100);
  });

  it("the public catalogue shows no unit code and no personal data", async () => {
    for (const url of [
      "/public/500156/sections/service_items",
      "/public/500156/sections/service_windows",
    ]) {
      const res = await d.app.inject({ method: "GET", url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body).toContain(url.endsWith("items") ? "政务服务事项目录" : "无差别综合受理");
      expect(res.body).not.toMatch(/>\s*(scjgj|rlsbj|zwb|ghzrzyj|gaj|swj)\s*</);
    }
    // The applicants (private persons) never reach a public page.
    const rows = await d.db.owner
      .selectFrom("case_file")
      .select("fields")
      .where("case_type", "=", "service_joint")
      .orderBy("id")
      .limit(20)
      .execute();
    const parties = rows.map((r) => ({
      name: (r.fields as { applicant: { name: string } }).applicant.name,
    }));
    const scan = await scanPublic(d.app, parties, ["/public/500156"], [], 80);
    expect(scan.visited.length).toBeGreaterThan(5);
    expect(scan.leaks).toEqual([]);
  });
});
