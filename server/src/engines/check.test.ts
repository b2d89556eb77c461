import { type SqlBool, sql } from "kysely";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { MODULES } from "../modules/index.ts";
import type { CaseTypeDecl } from "./case/declare.ts";
import { DeclarationError } from "./check.ts";
import { countCases, countEvents, countRegister, type IndicatorSpec } from "./indicator/index.ts";
import type { RegisterDecl } from "./register/declare.ts";
import { createRegistry, type ModuleDecl } from "./registry.ts";

/** A small, correct case type; each test misspells one name in a copy of it. */
function good(): CaseTypeDecl {
  return {
    code: "t_permit",
    label: { zh: "许可", en: "Permit" },
    module: "m",
    fields: z.object({ item: z.string() }),
    title: (f) => String(f.item),
    states: {
      received: { label: { zh: "已收件", en: "Received" } },
      accepted: { label: { zh: "已受理", en: "Accepted" } },
      decided: { label: { zh: "已决定", en: "Decided" }, terminal: true },
    },
    initial: "received",
    transitions: [
      {
        action: "accept",
        label: { zh: "受理", en: "Accept" },
        from: ["received"],
        to: "accepted",
        issues: ["acceptance"],
      },
      {
        action: "decide",
        label: { zh: "决定", en: "Decide" },
        from: ["accepted"],
        to: "decided",
        input: z.object({ summary: z.string() }),
        setsFields: ["summary"],
        reads: { settings: ["m.days"] },
      },
    ],
    clocks: [
      {
        code: "decision",
        label: { zh: "决定期限", en: "Decision" },
        period: { n: 20, unit: "working_day" },
        legalBasis: "行政许可法 第四十二条",
        startOn: { action: "accept" },
        stopOn: [{ action: "decide" }],
      },
    ],
    numbers: [
      { kind: "acceptance", label: { zh: "受理号", en: "Acceptance no." }, prefix: () => "X" },
    ],
    suspension: { clocks: ["decision"], legalBasis: "行政许可法 第四十五条" },
    extensions: [
      { clock: "decision", max: { n: 10, unit: "working_day" }, legalBasis: "第四十二条" },
    ],
    documents: [
      {
        code: "decision",
        label: { zh: "决定书", en: "Decision" },
        states: ["decided"],
        build: () => {
          throw new Error("not built in this test");
        },
      },
    ],
  };
}

const setting = {
  code: "m.days",
  label: { zh: "天数", en: "Days" },
  module: "m",
  schema: z.number().int(),
  default: 20,
  basis: "行政许可法 第四十二条",
};

const mod = (t: CaseTypeDecl, extra: Partial<ModuleDecl> = {}): ModuleDecl => ({
  code: "m",
  label: { zh: "模块", en: "Module" },
  caseTypes: [t],
  settings: [setting],
  ...extra,
});

function problems(m: ModuleDecl): string {
  try {
    createRegistry([m]);
  } catch (e) {
    expect(e).toBeInstanceOf(DeclarationError);
    return (e as Error).message;
  }
  throw new Error("createRegistry accepted a wrong declaration");
}

describe("createRegistry checks every declaration", () => {
  it("accepts the real module list", () => {
    expect(() => createRegistry(MODULES)).not.toThrow();
  });

  it("accepts the correct fixture", () => {
    expect(() => createRegistry([mod(good())])).not.toThrow();
  });

  it("refuses a misspelt state, naming module, case type, action and state", () => {
    const t = good();
    t.transitions = [{ ...t.transitions[0]!, to: "acepted" }, t.transitions[1]!];
    expect(problems(mod(t))).toContain(
      'module "m", case type "t_permit": action "accept": to-state "acepted" is not declared',
    );
    const u = good();
    u.transitions = [t.transitions[0]!, { ...good().transitions[1]!, from: ["acceptd"] }];
    expect(problems(mod(u))).toContain('action "decide": from-state "acceptd" is not declared');
    expect(problems(mod({ ...good(), initial: "recieved" }))).toContain(
      'initial state "recieved" is not a declared state',
    );
  });

  it("refuses a public filter without a public projection", () => {
    const t = { ...good(), publicFilter: () => sql<SqlBool>`true` };
    expect(problems(mod(t))).toContain("publicFilter without a public projection");
  });

  it("refuses a clock trigger on an undeclared action or link kind", () => {
    const t = good();
    t.clocks = [{ ...t.clocks![0]!, startOn: { action: "acept" } }];
    expect(problems(mod(t))).toContain('clock "decision": starts on action "acept"');
    const u = good();
    u.clocks = [{ ...u.clocks![0]!, stopOn: [{ action: "decide", viaLink: "reviews" }] }];
    expect(problems(mod(u))).toContain('via link kind "reviews", not among the type\'s links');
  });

  it("refuses undeclared numbers, clocks, documents' states, sub-case types and settings", () => {
    const t = good();
    t.issuesOnCreate = ["filing"];
    t.suspension = { clocks: ["decison"], legalBasis: "x" };
    t.extensions = [{ clock: "nope", max: { n: 1, unit: "working_day" }, legalBasis: "x" }];
    t.documents = [{ ...good().documents![0]!, states: ["done"] }];
    t.subCases = { caseType: "t_part", onAllClosed: "conclude" };
    t.publicFiles = [
      { document: "decison", on: "decide" },
      { document: "decision", on: "publsh" },
    ];
    t.transitions = [
      { ...good().transitions[0]!, issues: ["acceptanse"], importsInput: ["result"] },
      {
        ...good().transitions[1]!,
        reads: { settings: ["m.dayz"] },
        setsFields: ["sumary", "summary"],
        importsInput: ["summary"],
      },
    ];
    const msg = problems(mod(t));
    for (const name of [
      'issuesOnCreate names number kind "filing"',
      'suspension names clock "decison"',
      'extension names clock "nope"',
      'document "decision": state "done" is not declared',
      'sub-case type "t_part" is not declared by any module',
      'subCases.onAllClosed names action "conclude"',
      'action "accept": issues number kind "acceptanse"',
      'action "decide": reads setting "m.dayz", which no module declares',
      'action "decide": setsFields "sumary" is not a field of the step\'s input',
      'publicFiles: document "decison" is not declared',
      'publicFiles: action "publsh" is not declared',
      'action "accept": importsInput "result" is not a field of the step\'s input',
      'action "decide": importsInput "summary" is set on the case already (setsFields)',
    ]) {
      expect(msg).toContain(name);
    }
  });

  it("runs the register and indicator checks at load, not only when routes start", () => {
    const register: RegisterDecl = {
      code: "m_officers",
      label: { zh: "人员", en: "Officers" },
      module: "m",
      schema: z.object({ name: z.string() }),
      columns: [{ field: "nmae", label: { zh: "姓名", en: "Name" }, kind: "text" }],
      visibility: "region",
      edit: { permission: "record.write", scope: "own_unit" },
      title: (d) => String(d.name),
    };
    expect(problems(mod(good(), { registers: [register] }))).toContain(
      'module "m", register "m_officers" is badly declared: column "nmae" is not a field of the schema',
    );
    const indicator = {
      id: "m_rate",
      label: { zh: "比率", en: "Rate" },
      unit: { zh: "%", en: "%" },
      definition: { zh: "比率", en: "Rate" },
      module: "m",
      drill: async () => [],
      dependsOn: ["m_count"],
    };
    expect(problems(mod(good(), { indicators: [indicator] }))).toContain(
      'indicator "m_rate" depends on undeclared "m_count"',
    );
  });

  it("refuses an indicator counting a misspelt case type, state, step or register field", () => {
    const ind = (id: string, spec: IndicatorSpec) => ({
      id,
      label: { zh: "数", en: "Count" },
      unit: { zh: "件", en: "cases" },
      definition: { zh: "数", en: "Count" },
      module: "m",
      ...spec,
    });
    const register: RegisterDecl = {
      code: "m_officers",
      label: { zh: "人员", en: "Officers" },
      module: "m",
      schema: z.object({ name: z.string(), since: z.string() }),
      columns: [{ field: "name", label: { zh: "姓名", en: "Name" }, kind: "text" }],
      visibility: "region",
      edit: { permission: "record.write", scope: "own_unit" },
      title: (d) => String(d.name),
    };
    const msg = problems(
      mod(good(), {
        registers: [register],
        indicators: [
          ind("m_a", countCases({ caseType: "t_permitt", by: "opened" })),
          ind("m_b", countCases({ caseType: "t_permit", by: "closed", states: ["decidd"] })),
          ind("m_c", countEvents({ caseType: "t_permit", action: "acept" })),
          ind("m_d", countRegister({ register: "m_officers", on: "sinse" })),
          ind("m_e", countRegister({ register: "m_oficers", stock: true })),
        ],
      }),
    );
    for (const name of [
      'indicator "m_a": counts case type "t_permitt", which is not declared',
      'indicator "m_b": counts state "decidd"',
      'indicator "m_c": counts step "acept"',
      'indicator "m_d": reads field "sinse", which register "m_officers" does not have',
      'indicator "m_e": counts register "m_oficers", which is not declared',
    ]) {
      expect(msg).toContain(name);
    }
  });

  it("refuses a setting whose default its own schema rejects", () => {
    expect(problems(mod(good(), { settings: [{ ...setting, default: "twenty" }] }))).toContain(
      'setting "m.days": its default does not match its schema',
    );
  });
});
