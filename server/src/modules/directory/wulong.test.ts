import { describe, expect, it } from "vitest";
import { ROLE_CODES } from "../../kernel/access.ts";
import { UNIT_KIND_LABELS } from "../../kernel/labels.ts";
import { DEMO_ACCOUNTS } from "./accounts.ts";
import {
  CHONGQING_UNITS,
  SYSTEM_ADMIN_UNIT,
  WULONG_DISTRICT_BODIES,
  WULONG_ENFORCEMENT_TEAMS,
  WULONG_TOWNSHIPS,
  wulongUnits,
} from "./wulong.ts";

describe("the Wulong directory data", () => {
  const all = wulongUnits();

  it("has the report's 55 district bodies, 26 townships and streets, 8 enforcement teams", () => {
    expect(WULONG_DISTRICT_BODIES).toHaveLength(55);
    expect(WULONG_TOWNSHIPS).toHaveLength(26);
    expect(WULONG_TOWNSHIPS.filter((u) => u.kind === "street")).toHaveLength(2);
    expect(WULONG_ENFORCEMENT_TEAMS).toHaveLength(8);
  });

  it("uses unique ASCII codes, known kinds, and parents that exist before their children", () => {
    const codes = all.map((u) => u.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).not.toContain(SYSTEM_ADMIN_UNIT.code);
    for (const u of [...all, ...CHONGQING_UNITS]) {
      expect(u.code).toMatch(/^[a-z0-9_.-]+$/);
      expect(UNIT_KIND_LABELS[u.kind], u.code).toBeDefined();
      expect(u.zh && u.full && u.en, u.code).toBeTruthy();
      if (u.parent) expect(codes.indexOf(u.parent)).toBeLessThan(codes.indexOf(u.code));
    }
    expect(new Set(all.map((u) => u.zh)).size).toBe(all.length);
  });

  it("has demo accounts for every role, on existing units, with valid unique user names", () => {
    const units = new Set([...all, SYSTEM_ADMIN_UNIT].map((u) => `500156/${u.code}`));
    for (const u of CHONGQING_UNITS) units.add(`500000/${u.code}`);
    const names = DEMO_ACCOUNTS.map((a) => a.username);
    expect(new Set(names).size).toBe(names.length);
    for (const a of DEMO_ACCOUNTS) {
      expect(a.username).toMatch(/^[a-z0-9_.-]{3,64}$/);
      expect(units.has(`${a.regionCode}/${a.unit}`), a.username).toBe(true);
    }
    for (const r of ROLE_CODES)
      expect(
        DEMO_ACCOUNTS.some((a) => a.roles.includes(r)),
        r,
      ).toBe(true);
  });
});
