import { t, ValidationError } from "./errors.ts";
import { ROLE_LABELS } from "./labels.ts";

/**
 * Roles and permissions. Stable codes; labels in labels.ts.
 *
 * Business roles work on records; their data scope is the unit (a unit sees its own
 * records) except the rule-of-law office, which sees its region's (and a city's office
 * its districts').
 *
 * MLPS 2.0 level 3 (GB/T 22239-2019, 8.1.4.2 / 8.1.10.3 "三权分立" of administrators)
 * asks for separated system, security and audit administrators: none holds another's
 * permissions, and none holds a business role.
 */

export const PERMISSIONS = [
  // business
  "record.read",
  "record.write",
  // bringing a unit's history in from the systems it used before (engines/case/import)
  "record.import",
  "legal_review.sign",
  "unit.lead",
  "region.oversee",
  // system administrator: accounts, units, configuration (calendar notices)
  "user.manage",
  "unit.manage",
  "system.configure",
  // security administrator: role assignment, unlocking, security policy
  "role.assign",
  "account.unlock",
  // audit administrator: the audit trail and the security log
  "audit.read",
  "security_log.read",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export type ScopeKind = "unit" | "region";

export interface RoleDef {
  code: RoleCode;
  kind: "business" | "admin";
  scope: ScopeKind;
  permissions: readonly Permission[];
}

export const ROLE_CODES = [
  "rule_of_law_office",
  "unit_leader",
  "legal_reviewer",
  "case_handler",
  "read_only",
  "sys_admin",
  "security_admin",
  "audit_admin",
] as const;
export type RoleCode = (typeof ROLE_CODES)[number];

export const ROLES: Record<RoleCode, RoleDef> = {
  rule_of_law_office: {
    code: "rule_of_law_office",
    kind: "business",
    scope: "region",
    permissions: ["record.read", "record.write", "record.import", "region.oversee"],
  },
  unit_leader: {
    code: "unit_leader",
    kind: "business",
    scope: "unit",
    permissions: ["record.read", "record.write", "record.import", "unit.lead"],
  },
  legal_reviewer: {
    code: "legal_reviewer",
    kind: "business",
    scope: "unit",
    permissions: ["record.read", "record.write", "legal_review.sign"],
  },
  case_handler: {
    code: "case_handler",
    kind: "business",
    scope: "unit",
    permissions: ["record.read", "record.write"],
  },
  read_only: { code: "read_only", kind: "business", scope: "unit", permissions: ["record.read"] },
  sys_admin: {
    code: "sys_admin",
    kind: "admin",
    scope: "region",
    permissions: ["user.manage", "unit.manage", "system.configure"],
  },
  security_admin: {
    code: "security_admin",
    kind: "admin",
    scope: "region",
    permissions: ["role.assign", "account.unlock"],
  },
  audit_admin: {
    code: "audit_admin",
    kind: "admin",
    scope: "region",
    permissions: ["audit.read", "security_log.read"],
  },
};

export function isRoleCode(s: string): s is RoleCode {
  return (ROLE_CODES as readonly string[]).includes(s);
}

/**
 * A set of roles one account may hold: business roles combine freely; an
 * administrator role stands alone (separation of the three administrators).
 */
export function validateRoleSet(roles: readonly string[]): RoleCode[] {
  const unknown = roles.filter((r) => !isRoleCode(r));
  if (unknown.length > 0) {
    const msg = t(`没有这个角色：${unknown.join("、")}`, `unknown role: ${unknown.join(", ")}`);
    throw new ValidationError(msg, [{ field: "roles", message: msg }]);
  }
  const codes = [...new Set(roles)] as RoleCode[];
  if (codes.length === 0) {
    throw new ValidationError(t("账户至少要有一个角色", "an account needs at least one role"), [
      { field: "roles", message: t("至少选择一个角色", "at least one role is required") },
    ]);
  }
  const admins = codes.filter((r) => ROLES[r].kind === "admin");
  if (admins.length > 0 && codes.length > 1) {
    const names = admins.map((r) => ROLE_LABELS[r]?.zh ?? r).join("、");
    throw new ValidationError(
      t(
        "管理员角色（系统、安全、审计管理员）不能与其他角色同时授予",
        "an administrator role (system, security, audit) cannot be combined with any other role",
      ),
      [
        {
          field: "roles",
          message: t(
            `“${names}”只能是账户唯一的角色`,
            `${admins.join(", ")} must be the account's only role`,
          ),
        },
      ],
    );
  }
  return codes;
}

export function permissionsOf(roles: readonly RoleCode[]): Set<Permission> {
  return new Set(roles.flatMap((r) => ROLES[r].permissions));
}

export function scopeKindOf(roles: readonly RoleCode[]): ScopeKind {
  return roles.some((r) => ROLES[r].scope === "region") ? "region" : "unit";
}

export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  regionCode: string;
  unitId: number;
  roles: RoleCode[];
  /** The regions this actor may see: its own, plus descendants for region scope. */
  regions: string[];
  scope: ScopeKind;
  /** A one-time password is still in use: only changing it is allowed. */
  mustChangePassword: boolean;
  /**
   * Test only (issue 8, "row-level security alone"): the data-scope checks in code are
   * switched off for this actor, so that only PostgreSQL's row-level security decides
   * what it sees and writes. Set by `buildApp` with `testOnly.routeChecks: "off"`, which
   * refuses to start outside a test run (`assertTestOnly`). Never set in production.
   */
  routeChecks?: "off";
}

/** Whether the code's data-scope checks are switched off for this actor (tests only). */
export function checksOff(actor: Pick<Actor, "routeChecks">): boolean {
  return actor.routeChecks === "off";
}

/**
 * The test-only switches may be used only under a test runner: NODE_ENV=test or
 * vitest's VITEST. Pure: the caller passes the environment.
 */
export function assertTestOnly(env: Record<string, string | undefined>, what: string): void {
  if (env.NODE_ENV === "test" || env.VITEST === "true") return;
  throw new Error(`${what} is a test-only switch (NODE_ENV=test); refused`);
}

export function can(actor: Pick<Actor, "roles">, permission: Permission): boolean {
  return permissionsOf(actor.roles).has(permission);
}

/** Whether a record of (region, unit) is inside the actor's data scope. */
export function canSee(
  actor: Pick<Actor, "regions" | "scope" | "unitId" | "routeChecks">,
  record: { regionCode: string; unitId?: number | null },
): boolean {
  if (checksOff(actor)) return true;
  if (!actor.regions.includes(record.regionCode)) return false;
  return actor.scope === "region" || record.unitId === actor.unitId;
}

/**
 * Whether the actor acts on (writes) a record of (region, unit): a record of its own
 * unit, or — for a region-scoped actor — of its own region (the district's rule-of-law
 * office). A region-scoped actor whose scope reaches the record's region only through a
 * parent region (the city over its districts) supervises: it reads, comments and asks,
 * and acts only where a declared step says so (`actor: "supervisor"`).
 */
export function actsFor(
  actor: Pick<Actor, "scope" | "unitId" | "regionCode" | "routeChecks">,
  record: { regionCode: string; unitId?: number | null },
): boolean {
  if (checksOff(actor)) return true;
  if (record.unitId !== undefined && record.unitId !== null && record.unitId === actor.unitId)
    return true;
  return actor.scope === "region" && record.regionCode === actor.regionCode;
}

/** Whether the actor supervises records of the region from a region above it. */
export function supervises(
  actor: Pick<Actor, "scope" | "regionCode" | "regions" | "roles" | "routeChecks">,
  regionCode: string,
): boolean {
  if (checksOff(actor)) return true;
  return (
    actor.scope === "region" &&
    actor.regionCode !== regionCode &&
    actor.regions.includes(regionCode) &&
    can(actor, "region.oversee")
  );
}
