/**
 * The governance demo (with the directory, the meetings and the enforcement registers
 * whose officers' training records the certificate-training rate reads): every figure of
 * report 一(一), 一(二), 一(三)5–6, 一(八)1, 一(八)3 and 一(九) computed by the indicator engine
 * from the records, compared with the seed (a figure that differs is named), and the
 * drill-down behind them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../../src/engines/demo/declare.ts";
import { loadDemo } from "../../../src/engines/demo/loader.ts";
import { createRegistry } from "../../../src/engines/registry.ts";
import { directoryModule } from "../../../src/modules/directory/index.ts";
import { enforcementModule } from "../../../src/modules/enforcement/index.ts";
import { ENFORCEMENT_REGISTERS_DEMO_ID } from "../../../src/modules/enforcement/registers/index.ts";
import { governanceModule } from "../../../src/modules/governance/index.ts";
import { meetingsModule } from "../../../src/modules/meetings/index.ts";
import type { Session, TestApp } from "../../support/app.ts";
import { testApp } from "../../support/app.ts";

// The enforcement registers' demo only (its officers and their training records).
const enforcement = {
  ...enforcementModule,
  demo: (enforcementModule.demo ?? []).filter((d) => d.id === ENFORCEMENT_REGISTERS_DEMO_ID),
};
const modules = [directoryModule, meetingsModule, enforcement, governanceModule];
const registry = createRegistry(modules);

/** The seed's figures (seed/figures.md) for these sections, as the demo must give them. */
const SEED: Record<string, number> = {
  // 一(一)
  meetings_rule_of_law: 6,
  meetings_rule_of_law_joint: 2,
  meetings_studied_law: 2,
  // 一(二)
  committee_heads: 1,
  committee_deputy_heads: 1,
  committee_member_units: 11,
  coordination_groups: 4,
  plan_tasks: 21,
  inspected_townships: 26,
  inspected_departments: 53, // 50余个
  inspection_tasks_done: 65,
  self_assessed_units: 43, // 40余个
  assessment_indicators_met: 108,
  // 一(三)5
  relief_job_refund_beneficiaries: 48,
  relief_job_refund_amount: 6_482_000,
  relief_rent_beneficiaries: 270,
  relief_rent_amount: 2_469_100,
  // 一(三)6
  social_orgs_inspected: 194,
  social_orgs_qualified: 185,
  social_orgs_pass_rate: 95.4, // the report's 95.2% is not reachable: flagged in docs
  service_purchases_basic_public: 13,
  service_purchases_basic_public_amount: 16_409_500,
  service_purchases_social_management: 1,
  service_purchases_social_management_amount: 5_800_000,
  associations_due_decoupling: 39,
  associations_decoupled: 39,
  associations_decoupling_rate: 100,
  legal_service_centres: 1,
  legal_service_workstations: 26,
  // 一(八)1
  mediations: 3731,
  mediations_successful: 3626,
  mediations_old_petitions: 42,
  mediation_agreement_amount: 45_396_600,
  mediations_performed: 3618,
  // 一(八)3
  publicity_events: 1838,
  publicity_events_officials: 690,
  publicity_events_youth: 84,
  publicity_events_workers: 242,
  publicity_events_farmers: 633,
  publicity_attendance_workers: 14_000,
  publicity_attendance_farmers: 63_000,
  legal_culture_sites: 2,
  legal_culture_parks: 4,
  // 一(九)
  certificate_training_rate: 100,
};

/** Figures the report gives as "N余" / "N+": at least N, below the next round number. */
const AT_LEAST: Record<string, [number, number]> = {
  publicity_attendance: [130_000, 140_000],
  publicity_attendance_officials: [30_000, 40_000],
  publicity_attendance_youth: [20_000, 30_000],
  party_school_trainees: [100, 200],
  internal_study_attendance: [8_000, 9_000],
};

let t: TestApp;
let office: Session;
let demoParts = "";

beforeAll(async () => {
  t = await testApp(modules);
  t.clock.t = new Date("2021-01-31T01:00:00Z");
  const result = await loadDemo(t.db, registry, { seed: "wulong-2020", keyDir: t.config.keyDir });
  demoParts = result.contributions
    .map((c) => `${c.id} ${c.ms} ms [${c.notes.join("; ")}]`)
    .join("\n");
  office = await t.login("wl.yfzqb.office", DEMO_PASSWORD);
}, 900_000);

afterAll(async () => {
  await t?.close();
});

async function values(year: number): Promise<Record<string, number | null>> {
  const res = await t.call(office, {
    method: "GET",
    url: `/api/indicators/values?region=500156&year=${year}`,
  });
  expect(res.statusCode).toBe(200);
  const body = res.json() as
    | { values: { id: string; value: number | null }[] }
    | Record<string, number>;
  if ("values" in body && Array.isArray(body.values))
    return Object.fromEntries(body.values.map((v) => [v.id, v.value]));
  return body as Record<string, number>;
}

describe("the governance demo", () => {
  it("loads, each contribution reporting its time", () => {
    console.info(demoParts);
    expect(demoParts).toContain("governance ");
    expect(demoParts).toContain("meetings ");
  });

  it("gives every seed figure of its sections for Wulong in 2020", async () => {
    const v = await values(2020);
    const differs = Object.entries(SEED)
      .filter(([id, want]) => v[id] !== want)
      .map(([id, want]) => `${id}: ${v[id]} (seed ${want})`);
    const outside = Object.entries(AT_LEAST)
      .filter(([id, [lo, hi]]) => !(typeof v[id] === "number" && v[id]! >= lo && v[id]! < hi))
      .map(([id, [lo]]) => `${id}: ${v[id]} (seed ${lo}+)`);
    expect([...differs, ...outside]).toEqual([]);
  });

  it("does not count the records of 2019", async () => {
    const v = await values(2019);
    expect(v.mediations).toBe(60);
    expect(v.meetings_rule_of_law).toBe(1);
    expect(v.publicity_events).toBe(40);
    // The gallery removed in August 2019 no longer counts at the end of 2019; it did in 2018.
    expect(v.legal_culture_parks).toBe(0);
    expect((await values(2018)).legal_culture_parks).toBe(1);
  });

  it("drills down to the records, never naming a mediation's party", async () => {
    const res = await t.call(office, {
      method: "GET",
      url: "/api/indicators/mediations_old_petitions/drill?region=500156&year=2020&limit=100",
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.rows).toHaveLength(42);
    expect(body.rows[0].link).toMatch(/^\/cases\/mediation\/\d+$/);
    for (const r of body.rows) expect(r.title).toBe("访调对接：山林土地纠纷（信访陈年旧案）");
    const units = await t.call(office, {
      method: "GET",
      url: "/api/indicators/inspected_townships/drill?region=500156&year=2020&limit=100",
    });
    expect(units.json().rows).toHaveLength(26);
    expect(units.json().rows[0].kind).toBe("unit");
  });

  it("shows the rectification left open past its deadline on the warning list", async () => {
    const res = await t.call(office, {
      method: "GET",
      url: "/api/warnings?level=overdue&limit=500",
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const items = (body.items ?? body.warnings ?? body) as { caseType: string }[];
    expect(items.some((w) => w.caseType === "rectification")).toBe(true);
  });
});
