import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { type CaseTypeDecl, STAY } from "../../../src/engines/case/index.ts";
import { checkModules } from "../../../src/engines/check.ts";
import type { ModuleDecl } from "../../../src/engines/registry.ts";
import { type Session, type TestApp, testApp } from "../../support/app.ts";

/**
 * Record steps (`to: STAY`): a step that keeps the case in whatever state it is in — a
 * service record after a decision, a site inspection while the case is heard — and, on a
 * closed case, keeps its closing date and its stopped clocks as they were.
 */
const recordType: CaseTypeDecl<{ subject: string }> = {
  code: "st_case",
  label: { zh: "测试：记录步骤", en: "Test: record steps" },
  module: "st",
  fields: z.object({ subject: z.string() }),
  title: (f) => f.subject,
  states: {
    open: { label: { zh: "办理中", en: "Open" } },
    decided: { label: { zh: "已决定", en: "Decided" }, terminal: true },
  },
  initial: "open",
  transitions: [
    { action: "decide", label: { zh: "决定", en: "Decide" }, from: ["open"], to: "decided" },
    {
      action: "serve",
      label: { zh: "送达", en: "Serve" },
      from: ["open", "decided"],
      to: STAY,
      input: z.object({ recipient: z.string().min(1) }),
    },
  ],
  clocks: [
    {
      code: "limit",
      label: { zh: "期限", en: "Limit" },
      period: { n: 10, unit: "calendar_day" },
      legalBasis: "test",
      startOn: { action: "create" },
      stopOn: [{ action: "decide" }],
    },
  ],
};
const stModule: ModuleDecl = {
  code: "st",
  label: { zh: "测试", en: "Test" },
  caseTypes: [recordType],
};

let t: TestApp;
let s: Session;
const P = "/api/cases/st_case";
beforeAll(async () => {
  t = await testApp([stModule]);
  const unit = await t.unit("500156", "sfj");
  await t.user("stayhandler", unit, ["case_handler"]);
  t.clock.t = new Date("2021-06-01T02:00:00Z");
  s = await t.login("stayhandler");
});
afterAll(() => t.close());

const get = async (id: number) => (await t.call(s, { method: "GET", url: `${P}/${id}` })).json();
const step = async (id: number, action: string, input: object, onDate: string) => {
  const v = (await get(id)).case.version;
  const r = await t.call(s, {
    method: "POST",
    url: `${P}/${id}/actions/${action}`,
    payload: { version: v, input, onDate },
  });
  expect(r.statusCode, r.body).toBe(200);
};

describe("record steps (to: STAY)", () => {
  it("keep the state, and a closed case's closing date and clocks", async () => {
    const r = await t.call(s, {
      method: "POST",
      url: P,
      payload: { fields: { subject: "x" }, onDate: "2021-03-01" },
    });
    expect(r.statusCode, r.body).toBe(201);
    const id = r.json().id as number;
    await step(id, "serve", { recipient: "甲" }, "2021-03-02");
    expect((await get(id)).case.state).toBe("open");
    await step(id, "decide", {}, "2021-03-05");
    const before = await get(id);
    await step(id, "serve", { recipient: "乙" }, "2021-03-20");
    const after = await get(id);
    expect(after.case.state).toBe("decided");
    expect(after.case.closedOn).toBe("2021-03-05");
    expect(after.deadlines).toEqual(before.deadlines);
    expect(after.timeline.at(-1).toState).toBe("decided");
  });

  it("cannot be a step taken through a link", () => {
    const bad: ModuleDecl = {
      ...stModule,
      caseTypes: [
        {
          ...recordType,
          transitions: [{ ...recordType.transitions[1]!, viaLink: ["reviews"] }],
          clocks: [],
          links: ["reviews"],
        },
      ],
    };
    expect(() => checkModules([bad])).toThrow(/must name its to-state/);
  });
});
