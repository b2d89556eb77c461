/**
 * The rules demo (with the directory): the seed's figures of report 一(四)1 and 一(三)5
 * computed by the indicator engine from the records, and the showcase document's public
 * comment and adoption report on the portal.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../../src/engines/demo/declare.ts";
import { loadDemo } from "../../../src/engines/demo/loader.ts";
import { createRegistry } from "../../../src/engines/registry.ts";
import { directoryModule } from "../../../src/modules/directory/index.ts";
import { rulesModule } from "../../../src/modules/rules/index.ts";
import type { Session, TestApp } from "../../support/app.ts";
import { testApp } from "../../support/app.ts";

const modules = [directoryModule, rulesModule];
const registry = createRegistry(modules);

const SEED: Record<string, number> = {
  normative_docs_published: 12,
  normative_docs_reviewed: 73,
  normative_docs_filed: 11,
  cleanup_valid: 94,
  cleanup_repeal_or_amend: 24,
  business_cleanup_documents: 124,
};

let t: TestApp;
let office: Session;
let parts = "";
let ms = 0;

beforeAll(async () => {
  t = await testApp(modules);
  t.clock.t = new Date("2021-01-31T01:00:00Z");
  const result = await loadDemo(t.db, registry, { seed: "wulong-2020", keyDir: t.config.keyDir });
  parts = result.contributions.map((c) => `${c.id} ${c.ms} ms [${c.notes.join("; ")}]`).join("\n");
  ms = result.contributions.find((c) => c.id === "rules")?.ms ?? -1;
  office = await t.login("wl.yfzqb.office", DEMO_PASSWORD);
}, 600_000);
afterAll(async () => {
  await t?.close();
});

describe("the rules demo", () => {
  it("loads in well under 40 seconds", () => {
    console.info(parts);
    expect(ms).toBeGreaterThan(0);
    expect(ms).toBeLessThan(40_000);
  });

  it("gives the seed's figures from the records", async () => {
    const res = await t.call(office, {
      method: "GET",
      url: "/api/indicators/values?region=500156&year=2020",
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const list = (Array.isArray(body) ? body : body.values) as { id: string; value: number }[];
    const v = Object.fromEntries(list.map((x) => [x.id, x.value]));
    const differs = Object.entries(SEED)
      .filter(([id, want]) => v[id] !== want)
      .map(([id, want]) => `${id}: ${v[id]} (seed ${want})`);
    expect(differs).toEqual([]);
    expect(v.normative_comments_received).toBe(5);
    expect(v.normative_comments_answered).toBe(5);
    expect(v.normative_docs_filed_on_time).toBe(11);
  });

  it("shows the showcase's comments with their answers and its adoption report on the portal", async () => {
    const list = await t.app.inject({ method: "GET", url: "/public/500156/consultations" });
    expect(list.statusCode).toBe(200);
    const m = /href="(\/public\/500156\/consultations\/\d+)"/.exec(list.body);
    expect(m).toBeTruthy();
    const page = await t.app.inject({ method: "GET", url: m![1]! });
    expect(page.body).toContain("武隆区外贸专项资金管理实施细则（试行）");
    expect(page.body).toContain("答复：不予采纳");
    expect(page.body).toContain("下载意见采纳情况及理由");
    const section = await t.app.inject({
      method: "GET",
      url: "/public/500156/sections/cleanup_results",
    });
    expect(section.statusCode).toBe(200);
  });
});
