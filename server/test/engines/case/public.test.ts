import { expressionBuilder, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { DB } from "../../../src/db/schema.ts";
import type { CaseTypeDecl } from "../../../src/engines/case/index.ts";
import { publicCases } from "../../../src/engines/case/public.ts";
import { jsonAccess } from "../../../src/engines/indicator/queries/json.ts";
import { createRegistry, type ModuleDecl } from "../../../src/engines/registry.ts";
import { decisionCaseType } from "../../../src/modules/decisions/decision.ts";
import { disclosureCaseType } from "../../../src/modules/enforcement/cases/disclosure.ts";
import { reconsiderationCaseType } from "../../../src/modules/oversight/reconsideration/index.ts";
import { documentCaseType } from "../../../src/modules/rules/document.ts";
import { listingCaseType } from "../../../src/modules/supervision/credit.ts";
import { inspectionCaseType } from "../../../src/modules/supervision/inspection.ts";
import { planCaseType } from "../../../src/modules/supervision/spot-check.ts";
import { type TestApp, testApp } from "../../support/app.ts";

/**
 * The portal's list of public cases pages in SQL when the case type declares which cases
 * its projection shows (`publicFilter`), and projects only the page; the answers are the
 * projection-of-everything answers, page by page. A filter that admits a case the
 * projection refuses falls back to projecting every case (still the right list).
 */

const l = (zh: string) => ({ zh, en: zh });
type F = { name: string; hidden?: boolean };
let projected = 0;
const show = (c: { state: string; fields: F }) => {
  projected++;
  return c.state === "published" && !c.fields.hidden ? { name: c.fields.name } : undefined;
};
const base = (code: string): CaseTypeDecl<F> => ({
  code,
  label: l(code),
  module: "t_pub",
  fields: z.object({ name: z.string(), hidden: z.boolean().optional() }),
  title: (f) => f.name,
  states: { open: { label: l("办理中") }, published: { label: l("已公开") } },
  initial: "open",
  transitions: [{ action: "publish", label: l("公开"), from: ["open"], to: "published" }],
  public: show,
  publicLabels: { name: l("名称") },
  publicStates: ["published"],
});
// Exact: the projection shows a published case unless it is hidden.
const EXACT = {
  ...base("t_pub"),
  publicFilter: (eb, f) => eb.not(f.contains({ hidden: true })),
} satisfies CaseTypeDecl<F>;
// Inexact: admits hidden cases too; the list must still leave them out.
const LOOSE = {
  ...base("t_pub_loose"),
  publicFilter: () => sql<boolean>`true`,
} satisfies CaseTypeDecl<F>;
const PLAIN = base("t_pub_plain");
const MODULE: ModuleDecl = {
  code: "t_pub",
  label: l("公开测试"),
  caseTypes: [EXACT, LOOSE, PLAIN] as CaseTypeDecl[],
};

let t: TestApp;
/** Expected public ids per type in 500156, newest first. */
const expected: Record<string, number[]> = {};

beforeAll(async () => {
  t = await testApp([MODULE]);
  const unitA = await t.unit("500156", "sfj");
  const unitB = await t.unit("500102", "fl-sfj");
  const rows = [];
  for (const type of [EXACT.code, LOOSE.code, PLAIN.code]) {
    for (let i = 0; i < 47; i++) {
      // Every third unpublished, every fifth hidden, a few in another district.
      const state = i % 3 === 0 ? "open" : "published";
      const other = i % 11 === 0;
      rows.push({
        region_code: other ? "500102" : "500156",
        case_type: type,
        unit_id: other ? unitB : unitA,
        state,
        title: `案件${i}`,
        fields: JSON.stringify({ name: `名称${i}`, ...(i % 5 === 0 ? { hidden: true } : {}) }),
        numbers: "{}",
        opened_on: "2020-01-01",
        closed_on: null,
        created_at: new Date(),
        updated_at: new Date(),
      });
    }
  }
  const ids = await t.db.owner
    .insertInto("case_file")
    .values(rows)
    .returning(["id", "case_type", "region_code", "state", "fields"])
    .execute();
  for (const r of ids) {
    const f = r.fields as F;
    if (r.region_code !== "500156" || r.state !== "published" || f.hidden) continue;
    expected[r.case_type] = [Number(r.id), ...(expected[r.case_type] ?? [])];
  }
  await sql`analyze case_file`.execute(t.db.owner);
});
afterAll(async () => t?.close());

const REGISTRY = createRegistry([MODULE]);
const registry = () => REGISTRY;

describe("the public list of a case type", () => {
  it("pages in SQL and projects only the page when the type says which cases are shown", async () => {
    const want = expected[EXACT.code]!;
    expect(want.length).toBeGreaterThan(20);
    for (const page of [1, 2, 3]) {
      projected = 0;
      const r = await publicCases(registry(), t.db.app, EXACT.code, "500156", {
        page,
        pageSize: 10,
      });
      expect(r.total).toBe(want.length);
      expect(r.items.map((i) => i.id)).toEqual(want.slice((page - 1) * 10, page * 10));
      expect(r.items.every((i) => typeof i.name === "string" && !("hidden" in i))).toBe(true);
      expect(projected).toBe(r.items.length);
    }
    // Past the end: no items, the same total.
    const past = await publicCases(registry(), t.db.app, EXACT.code, "500156", {
      page: 9,
      pageSize: 10,
    });
    expect([past.items.length, past.total]).toEqual([0, want.length]);
  });

  it("an inexact filter falls back to projecting every case: the same list", async () => {
    for (const type of [LOOSE.code, PLAIN.code]) {
      const want = expected[type]!;
      for (const page of [1, 2]) {
        projected = 0;
        const r = await publicCases(registry(), t.db.app, type, "500156", { page, pageSize: 10 });
        expect(r.total).toBe(want.length);
        expect(r.items.map((i) => i.id)).toEqual(want.slice((page - 1) * 10, page * 10));
        expect(projected).toBeGreaterThan(r.items.length);
      }
    }
  });

  it("over HTTP: the public JSON route gives the SQL page", async () => {
    const r = await t.app.inject({
      method: "GET",
      url: `/public/api/500156/cases/${EXACT.code}?page=2`,
    });
    expect(r.statusCode).toBe(200);
    const body = r.json() as { items: { id: number }[]; total: number };
    const want = expected[EXACT.code]!;
    expect(body.total).toBe(want.length);
    expect(body.items.map((i) => i.id)).toEqual(want.slice(20, 40));
  });
});

describe("the modules' public filters are exact", () => {
  // For each case the filter admits (in SQL), the projection shows it, and the reverse,
  // over the cases of every public state with the fields the projection reads varied.
  async function admitted(decl: CaseTypeDecl, fields: object): Promise<boolean> {
    const eb = expressionBuilder<DB, "case_file">();
    const cond = decl.publicFilter!(eb, jsonAccess("case_file.fields"));
    const r = await sql<{ ok: boolean }>`select (${cond}) as ok
      from (select ${JSON.stringify(fields)}::jsonb as fields) as case_file`.execute(t.db.owner);
    return r.rows[0]!.ok === true;
  }
  const view = (state: string, fields: object) =>
    ({ state, fields, numbers: { decision: "武隆府复决〔2020〕1号" } }) as never;

  it("penalty disclosures: every case but a minor's", async () => {
    const decl = disclosureCaseType as unknown as CaseTypeDecl;
    const base = {
      decisionNumber: "武市监罚〔2020〕1号",
      decidedOn: "2020-05-01",
      bodyName: "武隆区市场监督管理局",
      category: "market",
      violation: "违法行为",
      facts: "事实",
      penalty: "罚款",
      legalBasis: "依据",
      publishedOn: "2020-05-08",
      withdrawnOn: "2020-06-01",
      withdrawalReason: "理由",
    };
    const parties = [
      { kind: "natural_person", name: "张三", minor: false },
      { kind: "natural_person", name: "张三", minor: true },
      { kind: "natural_person", name: "张三" },
      { kind: "legal_person", name: "某公司", uscc: "91500156MA5U000000" },
      { kind: "legal_person", name: "某公司", minor: true },
    ];
    for (const state of decl.publicStates!) {
      for (const party of parties) {
        const fields = { ...base, party };
        const shown = decl.public!(view(state, fields)) !== undefined;
        expect([state, party, await admitted(decl, fields)]).toEqual([state, party, shown]);
      }
    }
  });

  it("reconsideration decisions: once published", async () => {
    const decl = reconsiderationCaseType as unknown as CaseTypeDecl;
    const base = {
      applicant: { name: "李四" },
      respondent: "某局",
      outcome: "uphold",
      decidedOn: "2020-05-01",
    };
    for (const state of decl.publicStates!) {
      for (const extra of [{}, { publishedOn: "" }, { publishedOn: "2020-05-10" }]) {
        const fields = { ...base, ...extra };
        const shown = decl.public!(view(state, fields)) !== undefined;
        expect([state, extra, await admitted(decl, fields)]).toEqual([state, extra, shown]);
      }
    }
  });

  it("normative documents: once published", async () => {
    const decl = documentCaseType as unknown as CaseTypeDecl;
    const base = { title: "武隆区某规范性文件", text: "正文" };
    for (const state of decl.publicStates!) {
      for (const extra of [{}, { publishedOn: "" }, { publishedOn: "2020-05-10" }]) {
        const fields = { ...base, ...extra };
        const shown = decl.public!(view(state, fields)) !== undefined;
        expect([state, extra, await admitted(decl, fields)]).toEqual([state, extra, shown]);
      }
    }
  });

  it("credit lists, inspection results, spot-check tasks and major decisions: every case in a public state", async () => {
    const plan = {
      title: "抽查任务",
      items: ["事项"],
      departments: ["某局"],
      ratios: { A: 5, B: 10, C: 20, D: 30 },
      inspectorsPerObject: 2,
      inspectionDate: "2020-05-01",
      inspectionEnd: "2020-05-31",
      publicRandomSource: "上证综指",
      publicRandomDate: "2020-04-30",
    };
    const cases: [CaseTypeDecl, object][] = [
      [
        listingCaseType as unknown as CaseTypeDecl,
        { subjectName: "某公司", list: "black", validFrom: "2020-01-01" },
      ],
      [
        inspectionCaseType as unknown as CaseTypeDecl,
        { planTitle: "抽查任务", objectName: "某公司", items: ["事项"] },
      ],
      [planCaseType as unknown as CaseTypeDecl, plan],
      [decisionCaseType as unknown as CaseTypeDecl, { title: "某重大行政决策" }],
    ];
    for (const [decl, fields] of cases) {
      for (const state of decl.publicStates!) {
        const shown = decl.public!(view(state, fields)) !== undefined;
        expect([decl.code, state, shown]).toEqual([decl.code, state, true]);
        expect([decl.code, state, await admitted(decl, fields)]).toEqual([decl.code, state, true]);
      }
    }
  });
});
