import type { RoleCode } from "../../kernel/access.ts";
import {
  CHONGQING,
  SYSTEM_ADMIN_UNIT,
  WULONG,
  WULONG_ENFORCEMENT_TEAMS,
  WULONG_GOVERNMENT,
  WULONG_TOWNSHIPS,
} from "./wulong.ts";

/**
 * The demo accounts: one for every role, deterministic user names
 * `<region prefix>.<unit code>.<role>` (wl = Wulong, cq = Chongqing). Display names
 * are generated from the demo seed (invented people).
 */
export interface DemoAccount {
  username: string;
  regionCode: string;
  unit: string;
  roles: RoleCode[];
}

/** Departments with a unit leader, a legal reviewer and a case handler each. */
export const STAFFED_DEPARTMENTS: readonly string[] = [
  "sfj",
  "zfb",
  "fgw",
  "zwb",
  "gaj",
  "mzj",
  "rlsbj",
  "ghzrzyj",
  "sthjj",
  "zfcxjw",
  "cgj",
  "jtj",
  "nyncw",
  "whlyw",
  "wsjkw",
  "yjj",
  "scjgj",
  "lyj",
];

export const ROLE_SUFFIX: Record<RoleCode, string> = {
  rule_of_law_office: "office",
  unit_leader: "leader",
  legal_reviewer: "reviewer",
  case_handler: "handler",
  read_only: "viewer",
  sys_admin: "sysadmin",
  security_admin: "secadmin",
  audit_admin: "auditadmin",
};

/** The demo user name of a unit's account in a role, e.g. wl.sfj.reviewer. */
export function demoUsername(unit: string, role: RoleCode, prefix = "wl"): string {
  return `${prefix}.${unit}.${ROLE_SUFFIX[role]}`;
}

const wl = (unit: string, role: RoleCode): DemoAccount => ({
  username: demoUsername(unit, role),
  regionCode: WULONG.regionCode,
  unit,
  roles: [role],
});

const admin = (role: RoleCode): DemoAccount => ({
  username: `wl.${ROLE_SUFFIX[role]}`,
  regionCode: WULONG.regionCode,
  unit: SYSTEM_ADMIN_UNIT.code,
  roles: [role],
});

/** Every demo account, in creation order. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  // The rule-of-law office (区委依法治区办, in the justice bureau).
  wl("yfzqb", "rule_of_law_office"),
  // The city's rule-of-law office (in 重庆市司法局): sees every district of Chongqing.
  {
    username: demoUsername("sfj", "rule_of_law_office", "cq"),
    regionCode: CHONGQING.regionCode,
    unit: "sfj",
    roles: ["rule_of_law_office"],
  },
  // The district government: its leader (dashboards) and a read-only user.
  wl(WULONG_GOVERNMENT.code, "unit_leader"),
  wl(WULONG_GOVERNMENT.code, "read_only"),
  // The three separated administrators.
  admin("sys_admin"),
  admin("security_admin"),
  admin("audit_admin"),
  ...STAFFED_DEPARTMENTS.flatMap((d) =>
    (["unit_leader", "legal_reviewer", "case_handler"] as const).map((r) => wl(d, r)),
  ),
  ...WULONG_ENFORCEMENT_TEAMS.map((t) => wl(t.code, "case_handler")),
  ...WULONG_TOWNSHIPS.flatMap((t) =>
    (["unit_leader", "case_handler"] as const).map((r) => wl(t.code, r)),
  ),
];

const SURNAMES = [..."王李张刘陈杨黄赵周吴徐孙冉向谭彭罗何胡秦郑蒋曾唐田熊余杜任夏"];
const GIVEN = [..."明华建国丽芳军平强燕勇静磊敏洪涛艳斌霞波林英杰红鹏婷文俊宇欣晓春秀兰志东"];

/** An invented person's name from the demo's random numbers, unique among `taken`. */
export function inventName(
  rng: { pick<T>(items: readonly T[]): T; chance(p: number): boolean },
  taken: Set<string>,
): string {
  for (;;) {
    const given = rng.chance(0.7) ? rng.pick(GIVEN) + rng.pick(GIVEN) : rng.pick(GIVEN);
    const name = rng.pick(SURNAMES) + given;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}
