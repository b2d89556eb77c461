/**
 * The rules demo (with the directory): the seed's figures of report 一(四)1 and 一(三)5
 * computed by the indicator engine from the records, and the showcase document's public
 * comment and adoption report on the portal.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { convertQueuedPdfs } from "../../../src/engines/case/public-files.ts";
import { DEMO_PASSWORD } from "../../../src/engines/demo/declare.ts";
import { loadDemo } from "../../../src/engines/demo/loader.ts";
import { createRegistry } from "../../../src/engines/registry.ts";
import { directoryModule } from "../../../src/modules/directory/index.ts";
import { rulesModule } from "../../../src/modules/rules/index.ts";
import { pdfConverter } from "../../../src/platform/documents/pdf.ts";
import { LocalFileStore } from "../../../src/platform/files/store.ts";
import type { Session, TestApp } from "../../support/app.ts";
import { testApp } from "../../support/app.ts";
import { pdfText } from "../../support/masking-scanner.ts";

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

// The demo loads as on a machine without LibreOffice: the showcase's PDF is queued.
process.env.FAZHI_SOFFICE = "off";

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
    const home = await t.app.inject({ method: "GET", url: "/public/500156" });
    expect(home.body).toContain('href="/public/500156/consultations"');
    expect(home.body).toContain("草案公开征求意见");
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

  it("keeps the imported reviews' results: a passed one goes to deliberation, no review clock runs", async () => {
    const list = await t.call(office, {
      method: "GET",
      url: "/api/cases/normative_document?state=reviewing&pageSize=100",
    });
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json().items as { id: number }[];
    expect(items.length).toBe(55);
    const withdrawn = await t.call(office, {
      method: "GET",
      url: "/api/cases/normative_document?state=withdrawn&pageSize=100",
    });
    expect((withdrawn.json().items as unknown[]).length).toBe(6);
    const d = (
      await t.call(office, { method: "GET", url: `/api/cases/normative_document/${items[0]!.id}` })
    ).json();
    const review = d.timeline.find((e: { action: string }) => e.action === "legality_review");
    expect(["passed", "passed_after_changes"]).toContain(review.data.input.result);
    expect(
      d.deadlines.find((k: { clock: string }) => k.clock === "legality_review")?.stoppedOn,
    ).toBe(review.onDate);
  });

  it("offers the showcase's .docx while its PDF is queued, then the PDF once converted", async () => {
    const section = await t.app.inject({
      method: "GET",
      url: "/public/500156/sections/normative_documents",
    });
    const href = [
      ...section.body.matchAll(/href="(\/public\/500156\/sections\/normative_documents\/\d+)"/g),
    ].map((m) => m[1]!);
    let url = "";
    for (const h of href) {
      const p = await t.app.inject({ method: "GET", url: h });
      if (p.body.includes("武隆区外贸专项资金管理实施细则（试行）")) url = h;
    }
    expect(url).not.toBe("");
    const before = await t.app.inject({ method: "GET", url });
    expect(before.body).toContain("PDF 版本正在生成，暂提供 Word（.docx）版本下载。");
    expect(before.body).toContain("（Word 格式");
    const pdf = await pdfConverter("soffice");
    expect(pdf, "LibreOffice (soffice) is needed for this test").toBeDefined();
    const made = await t.db.owner
      .transaction()
      .execute((trx) =>
        convertQueuedPdfs(
          { trx, now: new Date(), actor: { userId: null } },
          new LocalFileStore(t.config.fileDir),
          pdf!,
        ),
      );
    expect(made).toBe(1);
    const after = await t.app.inject({ method: "GET", url });
    expect(after.body).not.toContain("PDF 版本正在生成");
    const link = /href="([^"]+\/files\/\d+)">[^<]+\.pdf</.exec(after.body);
    const res = await t.app.inject({ method: "GET", url: link![1]! });
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect((await pdfText(res.rawPayload)).replace(/\s+/g, "")).toContain("外贸专项资金");
  });
});
