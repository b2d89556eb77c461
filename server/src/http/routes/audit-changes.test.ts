/**
 * The audit trail's field-by-field difference names every member of a nested value by
 * its declared label (issue 11: "isMajor：否；reviewPassed：是" reached the auditor).
 */
import { describe, expect, it } from "vitest";
import { createRegistry } from "../../engines/registry.ts";
import { loadModules } from "../../modules/index.ts";
import { auditChanges } from "./audit-changes.ts";

describe("audit changes", () => {
  it("names nested members and the numbers issued by their labels, never their keys", async () => {
    const registry = createRegistry(await loadModules());
    const changes = auditChanges(
      registry,
      "case.penalty_general.decide",
      {},
      {
        derived: {
          major: { isMajor: false, reasons: [], reviewRequired: false, reviewPassed: true },
          benchmarkCheck: { applied: true, within: true },
        },
        numbers: { decision: "武隆城管罚〔2026〕9号" },
      },
    );
    const shown = Object.fromEntries(changes.map((c) => [c.label.zh, c.after?.zh]));
    expect(shown).toEqual({
      重大执法决定: "属于重大执法决定：否；须经法制审核：否；法制审核已通过：是",
      裁量基准核对: "适用了裁量基准：是；罚款在基准范围内：是",
      文号: "决定书文号：武隆城管罚〔2026〕9号",
    });
    for (const c of changes) expect(c.after?.zh).not.toMatch(/[A-Za-z]{3,}/);
  });
});
