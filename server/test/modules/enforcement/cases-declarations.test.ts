import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { CaseTypeDecl } from "../../../src/engines/case/declare.ts";
import type { ModuleDecl } from "../../../src/engines/registry.ts";
import { detail, due, handler, ok, open, refused, step, t, useEnforcementApp } from "./support.ts";

/**
 * The enforcement case types' declarations (labelled states, transitions and input
 * schemas the generic forms render), and a probe of the case-engine features the
 * enforcement cases brought in, on a bare case type.
 */
/**
 * A probe of the case-engine features the enforcement cases brought in, on a bare case
 * type: guards see the legal calendar; a lead time's period may depend on the case; a
 * step derives fields; an effect opens a linked case; a clock may not apply to a case.
 */
const probeLabel = { zh: "探针", en: "Probe" };
const probeType: CaseTypeDecl<{ n: number; limited: boolean; twice?: number }> = {
  code: "probe_engine",
  label: probeLabel,
  module: "probe",
  fields: z.object({ n: z.number().int().min(1), limited: z.boolean() }),
  title: (f) => `probe ${f.n}`,
  states: { open: { label: probeLabel } },
  initial: "open",
  transitions: [
    {
      action: "compute",
      label: probeLabel,
      from: ["open"],
      to: "open",
      input: z.object({ at: z.iso.date() }),
      leadTimes: [
        {
          field: "at",
          period: (c) => ({ n: c.fields.n, unit: "working_day" }),
          legalBasis: "probe",
        },
      ],
      guards: [
        (ctx) =>
          ctx.calendar.isWorkingDay(ctx.onDate) ? undefined : { message: "not a working day" },
      ],
      derive: (ctx) => ({ twice: ctx.case.fields.n * 2 }),
      effect: async (ctx) => {
        await ctx.openCase("probe_child", { fields: {}, link: "follows" });
      },
    },
  ],
  clocks: [
    {
      code: "maybe",
      label: probeLabel,
      period: (c) => (c.fields.limited ? { n: 5, unit: "working_day" } : undefined),
      legalBasis: "probe",
      startOn: { action: "create" },
      stopOn: [],
    },
  ],
};
const probeChild: CaseTypeDecl = {
  code: "probe_child",
  label: probeLabel,
  module: "probe",
  fields: z.object({}),
  title: () => "child",
  states: { open: { label: probeLabel } },
  initial: "open",
  transitions: [],
  links: ["follows"],
  clocks: [
    {
      code: "child",
      label: probeLabel,
      period: { n: 3, unit: "working_day" },
      legalBasis: "probe",
      startOn: { action: "create" },
      stopOn: [],
    },
  ],
};
const probeModule: ModuleDecl = {
  code: "probe",
  label: probeLabel,
  caseTypes: [probeType, probeChild],
};

useEnforcementApp([probeModule]);

describe("case-engine extensions (probe)", () => {
  it("a clock whose period is undefined does not apply; lead time, calendar guard, derive and openCase work", async () => {
    const unlimited = await open(handler, "probe_engine", { n: 2, limited: false }, "2021-09-01");
    expect((await detail(handler, "probe_engine", unlimited.id)).deadlines).toEqual([]);
    const c = await open(handler, "probe_engine", { n: 2, limited: true }, "2021-09-01");
    const d0 = await detail(handler, "probe_engine", c.id);
    expect(d0.deadlines.map((k: { clock: string }) => k.clock)).toEqual(["maybe"]);
    // Lead time from the case's own n (2 working days).
    await refused(
      handler,
      "probe_engine",
      c.id,
      "compute",
      { at: "2021-09-02" },
      "2021-09-01",
      422,
      /at must be on or after 2021-09-03/,
      "input.at",
    );
    // The guard reads the legal calendar: 2021-09-18 is a Saturday made a working day.
    await refused(
      handler,
      "probe_engine",
      c.id,
      "compute",
      { at: "2021-12-31" },
      "2021-09-19",
      409,
      /not a working day/,
    );
    const r = await ok(
      await step(handler, "probe_engine", c.id, "compute", { at: "2021-12-31" }, "2021-09-18"),
    );
    expect(r.fields.twice).toBe(4);
    const d = await detail(handler, "probe_engine", c.id);
    expect(d.timeline.at(-1).data.derived).toEqual({ twice: 4 });
    const link = d.links.find((l: { kind: string }) => l.kind === "follows");
    expect(link).toMatchObject({ direction: "in", caseType: "probe_child" });
    const child = await detail(handler, "probe_child", link.caseId);
    expect(child.case.openedOn).toBe("2021-09-18");
    expect(child.deadlines[0].due).toBe(due("2021-09-18", 3, "working_day"));
  });
});

describe("the case types", () => {
  it("declares labelled states, transitions and input schemas the generic forms can render", async () => {
    const res = await t.call(handler, { method: "GET", url: "/api/case-types" });
    const types = res.json() as {
      code: string;
      label: { zh: string; en: string };
      transitions: { action: string; label: { zh: string; en: string }; input: unknown }[];
      documents: { code: string }[];
    }[];
    const penalty = types.find((x) => x.code === "penalty_general")!;
    expect(penalty.label.zh).toBe("行政处罚（普通程序）");
    for (const tr of penalty.transitions) {
      expect(tr.label.zh.length, tr.action).toBeGreaterThan(1);
      expect(tr.label.en.length, tr.action).toBeGreaterThan(1);
    }
    expect(penalty.documents.map((d) => d.code)).toEqual([
      "penalty_notice",
      "penalty_decision",
      "service_receipt",
      "payment_deferral",
    ]);
    const decide = penalty.transitions.find((x) => x.action === "decide")!.input as {
      properties: Record<string, { label?: { zh: string }; enumLabels?: object; type?: string }>;
    };
    expect(decide.properties.decisionKind?.label?.zh).toBe("决定类型");
    expect(decide.properties.decisionKind?.enumLabels).toBeDefined();
    const hearing = penalty.transitions.find((x) => x.action === "schedule_hearing")!.input as {
      properties: Record<string, { format?: string }>;
    };
    expect(hearing.properties.hearingDate?.format).toBe("date");
    expect(types.map((x) => x.code)).toEqual(
      expect.arrayContaining([
        "penalty_general",
        "penalty_disclosure",
        "penalty_simplified",
        "administrative_inspection",
        "administrative_compulsion",
        "case_file_review",
      ]),
    );
  });
});
