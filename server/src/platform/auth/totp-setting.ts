import { z } from "zod";
import type { SettingDecl } from "../../engines/settings.ts";
import { isRoleCode, ROLES } from "../../kernel/access.ts";

/**
 * Whether every account of a region (not only the administrators) must log in with a
 * TOTP second factor. GB/T 22239-2019 8.1.4.1 d (level 3): "应采用口令、密码技术、生物技术
 * 等两种或两种以上组合的鉴别技术对用户进行身份鉴别，且其中一种鉴别技术至少应使用密码技术来实现".
 * The platform requires it of the three administrators always; for business users the
 * national default is off (the standard leaves the combination to the operator and the
 * assessor, and many districts use a second factor at the network edge — VPN, 政务外网
 * certificates — instead). A province, city or district turns it on for its accounts.
 */
export const TOTP_FOR_ALL = "auth.totp_required_for_all";

export const platformSettings: SettingDecl[] = [
  {
    code: TOTP_FOR_ALL,
    label: {
      zh: "所有账户登录须使用动态验证码（双因素）",
      en: "Every account logs in with a TOTP code (two factors)",
    },
    module: "platform",
    schema: z.boolean(),
    default: false,
    basis:
      "GB/T 22239-2019 8.1.4.1 d (level 3): two or more authentication techniques, at least one cryptographic. Administrators always need the TOTP factor; for other accounts the national default is off (the second factor may be provided at the network edge, e.g. 政务外网 certificates or a VPN); a region turns it on for its accounts.",
  },
];

/** The administrators, who always need the second factor. */
export function isAdministrator(roles: readonly string[]): boolean {
  return roles.some((r) => isRoleCode(r) && ROLES[r].kind === "admin");
}
