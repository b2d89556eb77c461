/**
 * The registers declared with the field builder (engines/register/field-builder.ts), as
 * they were declared field by field before it: this snapshot was taken before they were
 * converted and must not change with the conversion. Per register: every column as
 * declared (field, label, kind, options, list and filter flags, unit reference), the
 * schema's JSON Schema (types, required, lengths, ranges, patterns, labels) and what the
 * schema says to a set of wrong inputs (each issue's path, code and message).
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { RegisterDecl } from "../engines/register/index.ts";
import { REGISTERS as DECISION_REGISTERS } from "./decisions/registers.ts";
import { GOVERNANCE_REGISTERS } from "./governance/index.ts";
import { LIST_REGISTERS } from "./lists/registers.ts";
import { auditRegister, auditRuleRegister, budgetUnitRegister } from "./oversight/audits.ts";
import { registers as SERVICE_REGISTERS } from "./services/registers.ts";

const REGISTERS: RegisterDecl[] = [
  ...LIST_REGISTERS,
  ...SERVICE_REGISTERS,
  ...DECISION_REGISTERS,
  ...GOVERNANCE_REGISTERS,
  auditRegister,
  budgetUnitRegister,
  auditRuleRegister,
];

/** Wrong values, each given to every field at once (and nothing at all). */
const PROBES: Record<string, unknown> = {
  empty: "",
  blank: "   ",
  long: "长".repeat(5000),
  badDate: "2023-02-30",
  upper: "ABC DEF",
  negative: -1,
  fraction: 1.234,
  huge: 1e13,
  yes: true,
  list: [""],
  units: ["only-one"],
};

function issues(decl: RegisterDecl, input: unknown): string[] {
  let r: ReturnType<RegisterDecl["schema"]["safeParse"]>;
  try {
    r = decl.schema.safeParse(input);
  } catch (e) {
    return [`throws: ${(e as Error).message}`];
  }
  if (r.success) return ["ok"];
  return r.error.issues.map((i) => `${i.path.join(".")}: ${i.code} ${i.message}`).sort();
}

describe("the registers' declared fields", () => {
  it("has each register once", () => {
    expect(new Set(REGISTERS.map((r) => r.code)).size).toBe(REGISTERS.length);
  });

  for (const decl of REGISTERS) {
    it(`${decl.code}: columns, JSON Schema and validation`, () => {
      const fields = Object.keys(decl.schema.shape);
      const probes: Record<string, string[]> = { nothing: issues(decl, {}) };
      for (const [name, value] of Object.entries(PROBES)) {
        probes[name] = issues(decl, Object.fromEntries(fields.map((f) => [f, value])));
      }
      expect({
        columns: decl.columns,
        jsonSchema: z.toJSONSchema(decl.schema, { unrepresentable: "any" }),
        probes,
      }).toMatchSnapshot();
    });
  }
});
