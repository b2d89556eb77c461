import { type Actor, type Permission, ROLES, type RoleCode } from "./access.ts";
import type { Label } from "./labels.ts";
import { ROLE_LABELS } from "./labels.ts";

/**
 * Duties: whose work a step is. A permission says who MAY take a step (the server refuses
 * the others); a duty says who is EXPECTED to take it — whose work queue lists it and
 * whose case page offers it. A legal reviewer holds `record.write` (to record the review)
 * but the notice of the intended penalty (告知) is the handler's work, not the
 * reviewer's; the leader decides (`unit.lead`) but does not record the party's waiver.
 *
 * The duty of a step follows from its permission alone, so that every declared case type
 * gets its queues without declaring anything more:
 * - `record.write` (the default): the case handler of the owning unit, and the
 *   rule-of-law office on the cases of its own unit;
 * - `legal_review.sign`: the legal reviewer (法制审核, 行政处罚法(2021) 第五十八条);
 * - `unit.lead`: the unit's leader (decisions, 集体讨论, 第五十七条第二款);
 * - `region.oversee`: the rule-of-law office.
 */
export const ROLE_DUTIES: Record<RoleCode, readonly Permission[]> = {
  rule_of_law_office: ["record.write", "region.oversee"],
  unit_leader: ["unit.lead"],
  legal_reviewer: ["legal_review.sign"],
  case_handler: ["record.write"],
  read_only: [],
  sys_admin: [],
  security_admin: [],
  audit_admin: [],
};

/** Whether a step of this permission is the actor's work (it may also be allowed to others). */
export function isDutyOf(actor: Pick<Actor, "roles">, permission: Permission): boolean {
  return actor.roles.some(
    (r) => ROLE_DUTIES[r].includes(permission) && ROLES[r].permissions.includes(permission),
  );
}

/** The roles whose duty a step of this permission is (for "who does it next"). */
export function dutyRoles(permission: Permission): RoleCode[] {
  return (Object.keys(ROLE_DUTIES) as RoleCode[]).filter(
    (r) =>
      ROLE_DUTIES[r].includes(permission) &&
      !(r === "rule_of_law_office" && permission === "record.write"),
  );
}

/** The labels of the roles whose duty a step of this permission is. */
export function dutyLabels(permission: Permission): Label[] {
  return dutyRoles(permission).map((r) => ROLE_LABELS[r] ?? { zh: r, en: r });
}
