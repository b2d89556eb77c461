import { describe, expect, it } from "vitest";
import { z } from "zod";
import { MODULES } from "../../modules/index.ts";
import type { CaseTypeDecl } from "../case/declare.ts";
import { DeclarationError } from "../check.ts";
import type { RegisterDecl } from "../register/declare.ts";
import { createRegistry, type ModuleDecl } from "../registry.ts";
import type { PortalSectionDecl } from "./declare.ts";

/** A case type with a public projection, a public register, and sections over both. */
const decided: CaseTypeDecl = {
  code: "p_permit",
  label: { zh: "许可", en: "Permit" },
  module: "m",
  fields: z.object({ item: z.string(), secret: z.string() }),
  title: (f) => String(f.item),
  states: { decided: { label: { zh: "已决定", en: "Decided" }, terminal: true } },
  initial: "decided",
  transitions: [],
  public: (c) => ({ item: c.fields.item }),
  publicLabels: { item: { zh: "事项", en: "Item" } },
};
const bodySchema = z.object({ name: z.string(), unitCode: z.string(), posts: z.number() });
const bodies: RegisterDecl<typeof bodySchema> = {
  code: "p_body",
  label: { zh: "执法主体", en: "Bodies" },
  module: "m",
  schema: bodySchema,
  columns: [
    { field: "name", label: { zh: "名称", en: "Name" }, kind: "text" },
    { field: "unitCode", label: { zh: "单位", en: "Unit" }, kind: "text" },
    { field: "posts", label: { zh: "编制", en: "Posts" }, kind: "integer" },
  ],
  visibility: "region",
  edit: { permission: "record.write", scope: "own_unit" },
  title: (d) => d.name,
  public: { fields: ["name"] },
};
const section = (over: Partial<PortalSectionDecl> = {}): PortalSectionDecl => ({
  code: "permits",
  module: "m",
  stage: "after",
  label: { zh: "许可决定", en: "Permits" },
  intro: { zh: "许可决定。", en: "Permits." },
  source: { caseType: "p_permit" },
  title: "item",
  list: [],
  ...over,
});
const mod = (portal: PortalSectionDecl[], extra: Partial<ModuleDecl> = {}): ModuleDecl => ({
  code: "m",
  label: { zh: "测试", en: "Test" },
  caseTypes: [decided],
  registers: [bodies as RegisterDecl],
  portal,
  ...extra,
});
const refusal = (m: ModuleDecl) => {
  try {
    createRegistry([m]);
  } catch (e) {
    expect(e).toBeInstanceOf(DeclarationError);
    return (e as Error).message;
  }
  return "";
};

describe("portal sections (engines/portal)", () => {
  it("a correct declaration loads, in stage order", () => {
    const r = createRegistry([
      mod(
        [
          section(),
          section({
            code: "bodies",
            stage: "before",
            source: { register: "p_body" },
            title: "name",
          }),
        ],
        { portalBodies: { register: "p_body", nameField: "name", unitCodeField: "unitCode" } },
      ),
    ]);
    expect(r.portalSections().map((s) => s.code)).toEqual(["bodies", "permits"]);
    expect(r.portalBodies()?.register).toBe("p_body");
  });

  it("refuses a section that would widen an allowlist or names what does not exist", () => {
    expect(refusal(mod([section({ list: ["secret"] })]))).toMatch(/"secret" is not a public field/);
    expect(
      refusal(mod([section({ source: { register: "p_body" }, title: "name", list: ["posts"] })])),
    ).toMatch(/"posts" is not a public field/);
    expect(refusal(mod([section({ source: { caseType: "nope" } })]))).toMatch(/not declared/);
    expect(refusal(mod([section({ code: "Bad-Code" })]))).toMatch(/ASCII/);
    expect(refusal(mod([section({ module: "other" })]))).toMatch(/not its module/);
    expect(
      refusal(
        mod([section()], {
          portalBodies: { register: "p_body", nameField: "posts", unitCodeField: "unitCode" },
        }),
      ),
    ).toMatch(/"posts" is not a public field/);
  });

  it("refuses the same section code twice", () => {
    expect(() => createRegistry([mod([section(), section()])])).toThrow(/duplicate portal section/);
  });

  it("the production modules' sections all load (enforcement declares its own)", () => {
    const r = createRegistry(MODULES);
    expect(r.portalSections().map((s) => s.code)).toContain("penalty_decisions");
    expect(r.portalBodies()?.register).toBe("enforcement_body");
  });
});
