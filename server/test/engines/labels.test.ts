import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { examplesModule } from "../fixtures/examples/index.ts";
import { type TestApp, testApp } from "../support/app.ts";

/** /api/labels serves every declared label (the web keeps no copy of a module's labels). */
let t: TestApp;
beforeAll(async () => {
  t = await testApp([examplesModule]);
});
afterAll(async () => t.close());

describe("GET /api/labels", () => {
  it("serves module menu labels and every label the declarations carry", async () => {
    const r = await t.call(undefined, { method: "GET", url: "/api/labels" });
    expect(r.statusCode).toBe(200);
    const l = r.json();
    expect(l.roles.case_handler).toEqual({ zh: "承办人", en: "Case handler" });
    expect(l.modules.examples).toEqual({ zh: "示例", en: "Examples" });
    const permit = l.caseTypes.example_permit;
    expect(permit.label.zh).toBe("示例：许可申请");
    expect(permit.states.received).toEqual({ zh: "已收件", en: "Received" });
    expect(permit.actions.accept.zh).toBeTruthy();
    expect(permit.clocks.decision.zh).toBe("许可决定期限");
    expect(permit.fields.item).toEqual({ zh: "许可事项", en: "Licensed item" });
    // Register columns labelled once, on the schema (defineRegister).
    expect(l.registers.example_officer.columns.certificateNo).toEqual({
      zh: "执法证号",
      en: "Certificate number",
    });
    expect(l.settings["examples.decision_working_days"].zh).toContain("许可决定期限");
  });
});
