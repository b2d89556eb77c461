import { expect } from "vitest";
import { makeIdCard } from "../../src/kernel/codes/id-card.ts";
import { demoUsername } from "../../src/modules/directory/accounts.ts";
import { PASSWORD, type Session, type TestApp } from "./app.ts";

/**
 * The isolation matrix's world (issue 8): three sets of records — the home unit's (A,
 * Wulong market regulation), another unit's of the same district (B, Wulong transport)
 * and another district's (W, Wanzhou) — each a permit case under way with an attachment,
 * a decided permit (its decision document), an officer register entry. Every text the
 * records carry is a sentinel: a marker string unique to its set and kind, and ID and
 * phone numbers unique to it, so a response can be scanned for what it must not show.
 */
export const SETS = ["A", "B", "W"] as const;
export type SetKey = (typeof SETS)[number];

export const ROLES = [
  "anon",
  "sysadmin",
  "secadmin",
  "auditadmin",
  "handler",
  "reviewer",
  "leader",
  "viewer",
  "office",
  "city",
  "wzoffice",
  "bhandler",
  "whandler",
] as const;
export type RoleKey = (typeof ROLES)[number];

type UnitKey = SetKey | "office" | "admin" | "city" | "wzoffice";
interface RoleInfo {
  username?: string;
  unit?: UnitKey;
  roles: string[];
}
export const ROLE_INFO: Record<RoleKey, RoleInfo> = {
  anon: { roles: [] },
  sysadmin: { username: "wl.sysadmin", unit: "admin", roles: ["sys_admin"] },
  secadmin: { username: "wl.secadmin", unit: "admin", roles: ["security_admin"] },
  auditadmin: { username: "wl.auditadmin", unit: "admin", roles: ["audit_admin"] },
  handler: { username: demoUsername("scjgj", "case_handler"), unit: "A", roles: ["case_handler"] },
  reviewer: {
    username: demoUsername("scjgj", "legal_reviewer"),
    unit: "A",
    roles: ["legal_reviewer"],
  },
  leader: { username: demoUsername("scjgj", "unit_leader"), unit: "A", roles: ["unit_leader"] },
  viewer: { username: demoUsername("scjgj", "read_only"), unit: "A", roles: ["read_only"] },
  office: {
    username: demoUsername("yfzqb", "rule_of_law_office"),
    unit: "office",
    roles: ["rule_of_law_office"],
  },
  city: { username: "cq.sfj.office", unit: "city", roles: ["rule_of_law_office"] },
  wzoffice: { username: "wz.sfj.office", unit: "wzoffice", roles: ["rule_of_law_office"] },
  bhandler: {
    username: demoUsername("jtj", "case_handler"),
    unit: "B",
    roles: ["case_handler", "legal_reviewer"],
  },
  whandler: {
    username: "wz.scjgj.handler",
    unit: "W",
    roles: ["case_handler", "legal_reviewer"],
  },
};

const UNITS: Record<UnitKey, { region: string; code: string }> = {
  A: { region: "500156", code: "scjgj" },
  B: { region: "500156", code: "jtj" },
  office: { region: "500156", code: "yfzqb" },
  admin: { region: "500156", code: "xtgl" },
  W: { region: "500101", code: "wz-scjgj" },
  wzoffice: { region: "500101", code: "wz-sfj" },
  city: { region: "500000", code: "cq-sfj" },
};
/** The region tree the sets live in: the city (500000) over Wulong and Wanzhou. */
const CITY = "500000";

export interface Marks {
  /** The applicant's name: in the case's title and fields (masked on the portal). */
  name: string;
  /** An attachment's file name and a marker inside its bytes. */
  file: string;
  content: string;
  /** The officer's name (a public field of the officer register). */
  officer: string;
  /** ID and phone numbers of the applicant and of the officer. */
  idNumber: string;
  phone: string;
  officerId: string;
  officerPhone: string;
}

export interface RecordSet {
  key: SetKey;
  region: string;
  unitId: number;
  owner: RoleKey;
  caseId: number;
  caseVersion: number;
  decidedId: number;
  attachmentId: number;
  entryId: number;
  entryVersion: number;
  marks: Marks;
}

export interface World {
  sets: Record<SetKey, RecordSet>;
  units: Record<UnitKey, number>;
  users: Record<RoleKey, number>;
}

function marksOf(key: SetKey, n: number): Marks {
  // Unique, unlike any other text of the platform; numbers valid (GB 11643, mobile).
  return {
    name: `ZQ${key}NAME7`,
    file: `ZQ${key}FILE7`,
    content: `ZQ${key}BYTES7`,
    officer: `ZQ${key}OFFICER7`,
    idNumber: makeIdCard("500156", `1980-05-0${n}`, 120 + n, "male"),
    phone: `1391234${n}01${n}`,
    officerId: makeIdCard("500101", `1975-03-1${n}`, 230 + n, "female"),
    officerPhone: `1375678${n}02${n}`,
  };
}

/** Create the units, the role accounts and the three sets of sentinel records. */
export async function seedWorld(
  t: TestApp,
  login: (u: string) => Promise<Session>,
): Promise<World> {
  const units = {} as Record<UnitKey, number>;
  for (const [k, u] of Object.entries(UNITS)) units[k as UnitKey] = await t.unit(u.region, u.code);
  const users = {} as Record<RoleKey, number>;
  for (const r of ROLES) {
    const info = ROLE_INFO[r];
    if (info.username) users[r] = await t.user(info.username, units[info.unit!], info.roles);
  }
  t.clock.t = new Date("2020-10-20T02:00:00Z");
  const sets = {} as Record<SetKey, RecordSet>;
  const owners: Record<SetKey, RoleKey> = { A: "handler", B: "bhandler", W: "whandler" };
  const helpers: Record<SetKey, RoleKey> = { A: "reviewer", B: "bhandler", W: "whandler" };
  for (const [i, key] of SETS.entries()) {
    const m = marksOf(key, i + 1);
    const s = await login(ROLE_INFO[owners[key]].username!);
    const rv = await login(ROLE_INFO[helpers[key]].username!);
    const ok = async (res: { statusCode: number; body: string }, status = 200) => {
      expect(res.statusCode, res.body).toBe(status);
      return JSON.parse(res.body);
    };
    const openPermit = async (item: string) =>
      ok(
        await t.call(s, {
          method: "POST",
          url: "/api/cases/example_permit",
          payload: {
            fields: {
              applicant: { name: m.name, idNumber: m.idNumber, phone: m.phone },
              item,
              category: "market",
            },
            onDate: "2020-10-09",
          },
        }),
        201,
      ) as Promise<{ id: number }>;
    const step = async (who: Session, id: number, action: string, version: number, p = {}) =>
      ok(
        await t.call(who, {
          method: "POST",
          url: `/api/cases/example_permit/${id}/actions/${action}`,
          payload: { version, onDate: "2020-10-10", input: p },
        }),
      );
    const c = await openPermit("食品经营许可");
    await step(s, c.id, "accept", 1);
    const att = await ok(
      await t.call(s, {
        method: "POST",
        url: `/api/cases/example_permit/${c.id}/attachments?name=${m.file}.pdf`,
        payload: Buffer.from(`%PDF-1.4\n%${m.content}\n`),
        headers: { "content-type": "application/pdf" },
      }),
      201,
    );
    const d = await openPermit("食品经营许可（已决定）");
    await step(s, d.id, "accept", 1);
    await step(rv, d.id, "review", 2, { reviewPassed: true });
    await step(s, d.id, "decide", 3, { decisionSummary: "准予许可" });
    const entry = await ok(
      await t.call(s, {
        method: "POST",
        url: "/api/registers/example_officer/entries",
        payload: {
          data: {
            name: m.officer,
            certificateNo: `5001560000${i + 1}`,
            idNumber: m.officerId,
            phone: m.officerPhone,
            validFrom: "2020-01-01",
            validTo: "2025-12-31",
            legalReviewer: true,
          },
        },
      }),
      201,
    );
    const fresh = await ok(
      await t.call(s, { method: "GET", url: `/api/cases/example_permit/${c.id}` }),
    );
    sets[key] = {
      key,
      region: UNITS[key].region,
      unitId: units[key],
      owner: owners[key],
      caseId: c.id,
      caseVersion: fresh.case.version,
      decidedId: d.id,
      attachmentId: att.id,
      entryId: entry.id,
      entryVersion: entry.version,
      marks: m,
    };
  }
  return { sets, units, users };
}

// ---------------------------------------------------------------------------------
// The design's rule, per role and record set (docs/security.md, docs/architecture.md)

const regionsOf = (r: RoleKey): string[] => {
  const info = ROLE_INFO[r];
  if (!info.unit) return [];
  const region = UNITS[info.unit].region;
  return region === CITY ? [CITY, "500156", "500101"] : [region];
};
export const isBusiness = (r: RoleKey) =>
  ROLE_INFO[r].roles.some((x) => !["sys_admin", "security_admin", "audit_admin"].includes(x));
const isRegionScoped = (r: RoleKey) => ROLE_INFO[r].roles.includes("rule_of_law_office");

/** Reads the set's case (and its attachments, documents, timeline) — not the public. */
export function seesCase(r: RoleKey, s: SetKey): boolean {
  if (!isBusiness(r)) return false;
  if (isRegionScoped(r)) return regionsOf(r).includes(UNITS[s].region);
  return ROLE_INFO[r].unit === s;
}
/** Reads the set's officer entry (the register is visible to its whole region). */
export function seesEntry(r: RoleKey, s: SetKey): boolean {
  return isBusiness(r) && regionsOf(r).includes(UNITS[s].region);
}
/** Reads ID and phone numbers in full: the owning unit only. */
export function ownsPeople(r: RoleKey, s: SetKey): boolean {
  return isBusiness(r) && ROLE_INFO[r].unit === s;
}
/** May read full numbers with a recorded reason (region.oversee) where it sees the case. */
export function mayReveal(r: RoleKey, s: SetKey): boolean {
  return seesCase(r, s) && (ownsPeople(r, s) || isRegionScoped(r));
}
/** Acts on (writes) the set's records: its own unit, or its own region's office. */
export function actsOn(r: RoleKey, s: SetKey): boolean {
  if (!isBusiness(r) || r === "viewer") return false;
  return ROLE_INFO[r].unit === s || (isRegionScoped(r) && regionsOf(r)[0] === UNITS[s].region);
}
/** Reads the audit trail of the set's region (the audit administrator of Wulong). */
export function readsAudit(r: RoleKey, s: SetKey): boolean {
  return r === "auditadmin" && UNITS[s].region === "500156";
}
export { PASSWORD };
