/**
 * The report engine over HTTP, on the production modules (no demo: a few records of our
 * own): a draft's live figures and the writer's checks; the lifecycle's gates driven the
 * wrong way (publishing through the generic step, before the secrecy review, without
 * confirming no secrets, by a unit's user, by the report's writer; saving a section
 * under review or with its fields missing) each refused with nothing written; a section
 * saved on its own (`save_section`, audited); publishing
 * freezes figures, records and fingerprint, the database refuses to change them, a later
 * record shows as "would differ"; the city office sees the report and its roll-up; the
 * portal shows the public version without the contact; the draft's .docx.
 */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseReportArgs, reportFile } from "../../../src/cli/commands/report.ts";
import { DEMO_PASSWORD } from "../../../src/engines/demo/declare.ts";
import { loadDemo } from "../../../src/engines/demo/loader.ts";
import { createRegistry } from "../../../src/engines/registry.ts";
import { STAFFED_DEPARTMENTS } from "../../../src/modules/directory/accounts.ts";
import { MODULES } from "../../../src/modules/index.ts";
import type { Session, TestApp } from "../../support/app.ts";
import { testApp } from "../../support/app.ts";

let t: TestApp;
let office: Session;
/** The report's writer (the demo opens the draft as wl.yfzqb.handler). */
let writer: Session;
/** A second officer of the rule-of-law office, who saves a section and so becomes a writer. */
let office2: Session;
let city: Session;
let clerk: Session;
let reportId = 0;

const meeting = (date: string, number: string) => ({
  data: {
    body: "government_executive",
    number,
    date,
    chair: "卢红",
    items: [{ title: "研究法治政府建设", kind: "report", ruleOfLaw: true }],
  },
});

const draft = {
  number: "武隆府文〔2021〕1号",
  signer: "卢红",
  title: "重庆市武隆区人民政府\n关于2020年度法治政府建设情况的报告",
  addressee: "市政府",
  issuer: "重庆市武隆区人民政府",
  date: "2021-01-15",
  contact: { name: "殷加强", phone: "13908257027" },
  blocks: [
    { kind: "paragraph", text: "{{year}}年，武隆区法治政府建设工作……现将有关情况报告如下。" },
    { kind: "heading", level: 1, text: "{{year}}年度法治政府建设工作成效" },
    {
      kind: "paragraph",
      text: "召开研究法治建设的会议{{meetings_rule_of_law}}次（正文曾写{{meetings_rule_of_law=5}}次），聘请了{{legal_advisers=7}}名法律顾问。负责人出庭应诉率同比增加{{head_appearance_change=25%}}。",
    },
  ],
};

async function count(table: string): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(
    t.db.owner,
  );
  return r.rows[0]!.n;
}

// The demo's directory (units, accounts) and the report's own contribution (the
// Wulong 2020 draft); no other module's records: the test makes the few it needs.
const DEMO_IDS = new Set(["directory", "report-writer", "report"]);
const demoModules = MODULES.map((m) => ({
  ...m,
  demo: (m.demo ?? []).filter((d) => DEMO_IDS.has(d.id)),
}));

beforeAll(async () => {
  t = await testApp(MODULES);
  t.clock.t = new Date("2021-01-10T01:00:00Z");
  await loadDemo(t.db, createRegistry(demoModules), {
    seed: "wulong-2020",
    keyDir: t.config.keyDir,
    today: "2021-01-10",
  });
  office = await t.login("wl.yfzqb.office", DEMO_PASSWORD);
  writer = await t.login("wl.yfzqb.handler", DEMO_PASSWORD);
  const yfzqb = await t.db.owner
    .selectFrom("unit")
    .select("id")
    .where("region_code", "=", "500156")
    .where("code", "=", "yfzqb")
    .executeTakeFirstOrThrow();
  await t.user("wl.yfzqb.office2", yfzqb.id, ["rule_of_law_office"]);
  office2 = await t.login("wl.yfzqb.office2");
  city = await t.login("cq.sfj.office", DEMO_PASSWORD);
  clerk = await t.login(`wl.${STAFFED_DEPARTMENTS[0]}.leader`, DEMO_PASSWORD);
  for (const [d, n] of [
    ["2020-03-04", "第1次"],
    ["2020-08-10", "第111次"],
  ] as const) {
    const r = await t.call(office, {
      method: "POST",
      url: "/api/registers/meeting/entries",
      payload: meeting(d, n),
    });
    expect(r.statusCode, r.body).toBe(201);
  }
  const list = await t.call(office, { method: "GET", url: "/api/reports" });
  reportId = (list.json() as { reports: { id: number; year: number }[] }).reports.find(
    (r) => r.year === 2020,
  )!.id;
}, 300_000);
afterAll(async () => t?.close());

const step = async (who: Session, action: string, input: unknown = {}) => {
  const c = await t.call(who, { method: "GET", url: `/api/cases/annual_report/${reportId}` });
  const version =
    (c.json() as { case: { version: number } }).case?.version ??
    (c.json() as { version: number }).version;
  return t.call(who, {
    method: "POST",
    url: `/api/cases/annual_report/${reportId}/actions/${action}`,
    payload: { version, input },
  });
};
const versionOf = async () => {
  const p = await t.call(office, { method: "GET", url: `/api/reports/${reportId}/preview` });
  return (p.json() as { version: number }).version;
};

describe("the demo's draft", () => {
  it("is the seed's narrative: the figures typed and checked, the seed's 95.2% typed", async () => {
    const res = await t.call(office, { method: "GET", url: `/api/reports/${reportId}/preview` });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json() as {
      state: string;
      blocks: { parts: { kind: string; text: string }[] }[];
      checks: { kind: string; key: string }[];
    };
    expect(p.state).toBe("draft");
    const text = p.blocks.map((b) => b.parts.map((x) => x.text).join("")).join("\n");
    expect(text).toContain("687项行政许可事项中有619项入驻行政服务中心");
    expect(text).toContain("合格率95.2%");
    const kinds = p.checks.map((c) => `${c.kind}:${c.key}`);
    // typed as the seed wrote it; checked against its indicator (services' demo is not loaded here)
    expect(kinds.some((k) => k.endsWith(":licensing_items"))).toBe(true);
    expect(kinds).toContain("no_value:social_orgs_pass_rate");
  });
});

describe("a report's draft", () => {
  beforeAll(async () => {
    const r = await step(writer, "edit", { draft });
    expect(r.statusCode, r.body).toBe(200);
  });

  it("saves one section on its own (save_section), audited, leaving the rest as it was", async () => {
    const before = await t.call(writer, { method: "GET", url: `/api/reports/${reportId}/preview` });
    const p0 = before.json() as { sections: { key: string }[]; draft: { blocks: unknown[] } };
    expect(p0.sections.map((s) => s.key)).toEqual([
      "head",
      "opening",
      "1",
      "signature",
      "date",
      "contact",
    ]);
    const r = await step(office2, "save_section", {
      section: "opening",
      paragraphs: ["{{year}}年，武隆区法治政府建设工作稳步推进，现将有关情况报告如下。"],
    });
    expect(r.statusCode, r.body).toBe(200);
    const after = await t.call(writer, { method: "GET", url: `/api/reports/${reportId}/preview` });
    const p1 = after.json() as { draft: { blocks: { text: string }[] } };
    expect(p1.draft.blocks[0]!.text).toContain("稳步推进");
    expect(p1.draft.blocks.slice(1)).toEqual(draft.blocks.slice(1));
    const audit = await t.db.owner
      .selectFrom("audit_event")
      .select("action")
      .where("chain_key", "=", `case:${reportId}`)
      .where("action", "=", "case.annual_report.save_section")
      .execute();
    expect(audit).toHaveLength(1);
  });

  it("refuses a section with its fields missing, naming them, and one that is not there", async () => {
    const v = await versionOf();
    const missing = await step(writer, "save_section", { section: "head", title: " " });
    expect(missing.statusCode).toBe(422);
    const fields = (missing.json() as { error: { fields: { field: string }[] } }).error.fields;
    expect(fields.map((f) => f.field)).toEqual(["input.title", "input.addressee"]);
    const nowhere = await step(writer, "save_section", {
      section: "5",
      heading: "x",
      paragraphs: ["y"],
    });
    expect(nowhere.statusCode).toBe(422);
    expect(JSON.stringify(nowhere.json())).toContain("input.section");
    expect(await versionOf()).toBe(v);
  });

  it("computes its figures live, writes them by their rules and shows the checks", async () => {
    const res = await t.call(office, { method: "GET", url: `/api/reports/${reportId}/preview` });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json() as {
      blocks: { parts: { kind: string; text: string; key?: string }[] }[];
      figures: { key: string; value: number | null; pending: boolean }[];
      checks: { kind: string; key: string; message: { zh: string } }[];
    };
    expect(p.figures.find((f) => f.key === "meetings_rule_of_law")?.value).toBe(2);
    const text = p.blocks.map((b) => b.parts.map((x) => x.text).join("")).join("\n");
    expect(text).toContain("2020年度法治政府建设工作成效");
    expect(text).toContain("召开研究法治建设的会议2次（正文曾写5次）");
    const kinds = p.checks.map((c) => `${c.kind}:${c.key}`);
    expect(kinds).toContain("typed_differs:meetings_rule_of_law");
    expect(kinds.some((k) => k.endsWith(":legal_advisers"))).toBe(true);
    expect(kinds).toContain("unsupported_change:head_appearance_change");
    expect(p.checks.find((c) => c.kind === "typed_differs")!.message.zh).toContain("应为“2”");
  });

  it("exports the draft as .docx", async () => {
    const res = await t.call(office, {
      method: "GET",
      url: `/api/reports/${reportId}/report.docx`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 2).toString()).toBe("PK");
  });
});

describe("the gates before publication", () => {
  it("refuses the publish step taken directly (nothing frozen), and publishing before the secrecy review", async () => {
    const before = await count("report_publication");
    const direct = await step(office, "publish");
    expect(direct.statusCode).toBe(409);
    const early = await t.call(office, {
      method: "POST",
      url: `/api/reports/${reportId}/publish`,
      payload: { version: await versionOf() },
    });
    expect(early.statusCode).toBe(409);
    expect(await count("report_publication")).toBe(before);
  });

  it("refuses a secrecy review without the confirmation, and by a unit's user", async () => {
    expect((await step(writer, "submit_review")).statusCode).toBe(200);
    const noConfirm = await step(office, "pass_review", { opinion: "同意" });
    expect(noConfirm.statusCode).toBe(422);
    expect(JSON.stringify(noConfirm.json())).toContain("noSecrets");
    const byUnit = await step(clerk, "pass_review", { opinion: "同意", noSecrets: true });
    expect([403, 404]).toContain(byUnit.statusCode);
    const edit = await step(writer, "edit", { draft });
    expect(edit.statusCode).toBe(409); // no editing under review
  });

  it("refuses the secrecy review by a writer (who saved a section), with nothing written", async () => {
    const snapshot = async () => ({
      events: (
        await t.db.owner
          .selectFrom("case_event")
          .select("seq")
          .where("case_id", "=", reportId)
          .execute()
      ).length,
      audit: (
        await t.db.owner
          .selectFrom("audit_event")
          .select("seq")
          .where("chain_key", "=", `case:${reportId}`)
          .execute()
      ).length,
      version: await versionOf(),
    });
    const before = await snapshot();
    // office2 holds region.oversee, but saved the opening: it may not review its own text
    const preview = await t.call(office2, {
      method: "GET",
      url: `/api/reports/${reportId}/preview`,
    });
    const refused = (preview.json() as { refused: { action: string; message: { zh: string } }[] })
      .refused;
    expect(refused.map((r) => r.action)).toEqual(["pass_review"]);
    const byWriter = await t.call(office2, {
      method: "POST",
      url: `/api/cases/annual_report/${reportId}/actions/pass_review`,
      headers: { "accept-language": "zh-CN" },
      payload: { version: before.version, input: { opinion: "同意", noSecrets: true } },
    });
    expect(byWriter.statusCode).toBe(403);
    const message = (byWriter.json() as { error: { message: string } }).error.message;
    expect(message).toContain("“保存章节”");
    expect(message).toContain("本报告的起草人");
    expect(message).toContain("《中华人民共和国政府信息公开条例》第十七条");
    expect(refused[0]!.message.zh).toBe(message);
    expect(await snapshot()).toEqual(before);
    const page = await t.call(office2, {
      method: "GET",
      url: `/api/cases/annual_report/${reportId}`,
    });
    expect(
      (page.json() as { actions: { action: string }[] }).actions.map((a) => a.action),
    ).not.toContain("pass_review");
    // The work queue does not list it as the writer's work; it does for another officer.
    const queued = async (s: Session) =>
      (
        (await t.call(s, { method: "GET", url: "/api/work" })).json() as {
          items: { caseId: number; steps: { action: string }[] }[];
        }
      ).items
        .filter((x) => x.caseId === reportId)
        .flatMap((x) => x.steps.map((st) => st.action));
    expect(await queued(office2)).not.toContain("pass_review");
    expect(await queued(office)).toContain("pass_review");
    // nor may the writer save a section under review
    const save = await step(writer, "save_section", { section: "date", date: "2021-01-16" });
    expect(save.statusCode).toBe(409);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a publication by a unit's user and one on a stale version", async () => {
    expect(
      (await step(office, "pass_review", { opinion: "经审查不涉及国家秘密", noSecrets: true }))
        .statusCode,
    ).toBe(200);
    const v = await versionOf();
    const byClerk = await t.call(clerk, {
      method: "POST",
      url: `/api/reports/${reportId}/publish`,
      payload: { version: v },
    });
    expect(byClerk.statusCode).toBe(403);
    const stale = await t.call(office, {
      method: "POST",
      url: `/api/reports/${reportId}/publish`,
      payload: { version: v - 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(await count("report_publication")).toBe(0);
  });
});

describe("publishing", () => {
  let pubId = 0;
  it("freezes figures, records and fingerprint; the database refuses to change them", async () => {
    const res = await t.call(office, {
      method: "POST",
      url: `/api/reports/${reportId}/publish`,
      payload: { version: await versionOf() },
    });
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json() as {
      id: number;
      fingerprint: string;
      records: Record<string, number>;
      figures: { key: string; value: number }[];
    };
    pubId = p.id;
    expect(p.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(p.records.meetings_rule_of_law).toBe(2);
    const c = await t.call(office, { method: "GET", url: `/api/cases/annual_report/${reportId}` });
    expect(JSON.stringify(c.json())).toContain('"published"');
    await expect(
      sql`update report_publication set figures = '[]'::jsonb`.execute(t.db.owner),
    ).rejects.toThrow(/append-only/);
    await expect(sql`delete from report_publication`.execute(t.db.owner)).rejects.toThrow(
      /append-only/,
    );
  });

  it("shows a later record as 'would differ' without altering the publication", async () => {
    const same = await t.call(office, {
      method: "GET",
      url: `/api/reports/published/500156/${pubId}/check`,
    });
    expect(same.json()).toMatchObject({ unchanged: true, differences: [] });
    const r = await t.call(office, {
      method: "POST",
      url: "/api/registers/meeting/entries",
      payload: meeting("2020-09-14", "第114次"),
    });
    expect(r.statusCode).toBe(201);
    const diff = await t.call(office, {
      method: "GET",
      url: `/api/reports/published/500156/${pubId}/check`,
    });
    const d = diff.json() as {
      unchanged: boolean;
      differences: {
        key: string;
        published: { value: number };
        today: { value: number };
        recordsAdded: number;
      }[];
    };
    expect(d.unchanged).toBe(false);
    expect(d.differences).toEqual([
      expect.objectContaining({
        key: "meetings_rule_of_law",
        published: expect.objectContaining({ value: 2 }),
        today: expect.objectContaining({ value: 3 }),
        recordsAdded: 1,
      }),
    ]);
    const again = await t.call(office, {
      method: "GET",
      url: `/api/reports/published/500156/${pubId}`,
    });
    expect(
      (again.json() as { figures: { key: string; value: number }[] }).figures.find(
        (f) => f.key === "meetings_rule_of_law",
      )?.value,
    ).toBe(2);
  });

  it("lets the city see the district's report and its roll-up", async () => {
    const list = await t.call(city, { method: "GET", url: "/api/reports" });
    expect(
      (list.json() as { publications: { region: string }[] }).publications.map((p) => p.region),
    ).toContain("500156");
    const one = await t.call(city, {
      method: "GET",
      url: `/api/reports/published/500156/${pubId}`,
    });
    expect(one.statusCode).toBe(200);
    const roll = await t.call(city, {
      method: "GET",
      url: "/api/reports/rollup?region=500000&year=2020",
    });
    expect(roll.statusCode, roll.body).toBe(200);
    const cols = (
      roll.json() as { columns: { region: string; values: Record<string, number | null> }[] }
    ).columns;
    expect(cols.find((c) => c.region === "500156")?.values.meetings_rule_of_law).toBe(3);
    expect(cols.at(-1)?.region).toBe("500000");
    const other = await t.call(office, {
      method: "GET",
      url: "/api/reports/rollup?region=500000&year=2020",
    });
    expect(other.statusCode).toBe(404);
  });

  it("answers the CLI contract: json per indicator, the published report as md and docx", async () => {
    const registry = createRegistry(MODULES);
    const args = (format: string) =>
      parseReportArgs({ region: "500156", year: "2020", format, out: "/dev/null" });
    const json = JSON.parse(
      (await reportFile(t.db.owner, registry, args("json"))).toString("utf8"),
    ) as Record<string, { value: number | null; unit: string; label: string }>;
    expect(json.meetings_rule_of_law).toEqual({
      value: 3,
      unit: "次",
      label: "研究法治建设或会前学法的会议",
    });
    expect(Object.keys(json)).toHaveLength(registry.indicators().length);
    const md = (await reportFile(t.db.owner, registry, args("md"))).toString("utf8");
    expect(md).toContain("召开研究法治建设的会议2次"); // the published (frozen) text
    expect(md).toContain("## 一、2020年度法治政府建设工作成效");
    const docx = await reportFile(t.db.owner, registry, args("docx"));
    expect(docx.subarray(0, 2).toString()).toBe("PK");
    expect(() => parseReportArgs({ region: "500156", year: "20", out: "x" })).toThrow(/--year/);
    expect(() =>
      parseReportArgs({ region: "500156", year: "2020", format: "pdf", out: "x" }),
    ).toThrow(/--format/);
    expect(() => parseReportArgs({ region: "500156", year: "2020" })).toThrow(/--out/);
  });

  it("puts the public version on the portal, without the contact", async () => {
    const page = await t.call(undefined, { method: "GET", url: "/public/500156/report" });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("关于2020年度法治政府建设情况的报告");
    expect(page.body).toContain("召开研究法治建设的会议2次");
    expect(page.body).not.toContain("13908257027");
    expect(page.body).not.toContain("殷加强");
    const pub = await t.call(office, {
      method: "GET",
      url: `/api/reports/published/500156/${pubId}?version=public`,
    });
    expect(JSON.stringify(pub.json())).not.toContain("13908257027");
  });
});
