/**
 * Labels, Chinese first, English beside, for every stable code the platform shows.
 * Modules add their own label tables beside their declarations; the web and the
 * public portal read labels from here (GET /api/labels).
 */
export interface Label {
  zh: string;
  en: string;
}

export const ROLE_LABELS: Record<string, Label> = {
  rule_of_law_office: { zh: "依法治区办", en: "Rule-of-law office" },
  unit_leader: { zh: "单位负责人", en: "Unit leader" },
  legal_reviewer: { zh: "法制审核人员", en: "Legal reviewer" },
  case_handler: { zh: "承办人", en: "Case handler" },
  read_only: { zh: "只读用户", en: "Read-only" },
  sys_admin: { zh: "系统管理员", en: "System administrator" },
  security_admin: { zh: "安全管理员", en: "Security administrator" },
  audit_admin: { zh: "审计管理员", en: "Audit administrator" },
};

export const UNIT_KIND_LABELS: Record<string, Label> = {
  party_committee: { zh: "党委机构", en: "Party committee body" },
  committee_office: { zh: "委员会办公室", en: "Committee office" },
  government: { zh: "人民政府", en: "People's government" },
  department: { zh: "政府部门", en: "Government department" },
  township: { zh: "乡镇", en: "Township" },
  street: { zh: "街道", en: "Street (subdistrict)" },
  enforcement_team: { zh: "综合执法队伍", en: "Comprehensive enforcement team" },
  judicial: { zh: "司法机关", en: "Judicial body" },
  other: { zh: "其他", en: "Other" },
};

export const REGION_LEVEL_LABELS: Record<string, Label> = {
  province: { zh: "省级", en: "Province" },
  city: { zh: "市级", en: "City" },
  county: { zh: "区县", en: "District / county" },
};

export const SECURITY_EVENT_LABELS: Record<string, Label> = {
  login_succeeded: { zh: "登录成功", en: "Login succeeded" },
  login_failed: { zh: "登录失败", en: "Login failed" },
  account_locked: { zh: "账户锁定", en: "Account locked" },
  login_refused_locked: { zh: "锁定期间登录被拒", en: "Login refused (locked)" },
  logout: { zh: "退出登录", en: "Logout" },
  session_expired: { zh: "会话超时", en: "Session expired" },
  access_denied: { zh: "越权访问被拒", en: "Access denied" },
  csrf_rejected: { zh: "跨站请求被拒", en: "CSRF token rejected" },
  password_changed: { zh: "修改密码", en: "Password changed" },
  account_unlocked: { zh: "解锁账户", en: "Account unlocked" },
  roles_changed: { zh: "变更角色", en: "Roles changed" },
  user_created: { zh: "创建用户", en: "User created" },
  user_activated: { zh: "启用账户", en: "Account activated" },
  login_password_accepted: {
    zh: "口令验证通过（待输入动态口令）",
    en: "Password accepted (code to follow)",
  },
  login_refused_address: { zh: "非允许地址登录被拒", en: "Login refused (address)" },
  totp_failed: { zh: "动态口令错误", en: "Wrong authenticator code" },
  totp_enrolled: { zh: "绑定动态口令", en: "Authenticator enrolled" },
  totp_enrolment_started: { zh: "开始绑定动态口令", en: "Authenticator enrolment started" },
  totp_enrolment_failed: { zh: "绑定动态口令失败", en: "Authenticator enrolment failed" },
  totp_reset: { zh: "重置动态口令", en: "Authenticator reset" },
};

/** Kinds of links between cases (the same kinds for every case type). */
export const LINK_LABELS: Record<string, Label> = {
  reviews: { zh: "复查", en: "Reviews" },
  follows: { zh: "后续", en: "Follows" },
  opened_from: { zh: "由此立案", en: "Opened from" },
  amends: { zh: "修改", en: "Amends" },
  repeals: { zh: "废止", en: "Repeals" },
  part_of: { zh: "组成部分", en: "Part of" },
};

/** Permissions by name, for refusals that say which one is missing (kernel/access.ts). */
export const PERMISSION_LABELS: Record<string, Label> = {
  "record.read": { zh: "查阅记录", en: "Read records" },
  "record.write": { zh: "办理记录", en: "Write records" },
  "legal_review.sign": { zh: "法制审核", en: "Sign legality reviews" },
  "unit.lead": { zh: "单位负责人审批", en: "Unit leader's approval" },
  "region.oversee": { zh: "全区监督", en: "Oversee the region" },
  "user.manage": { zh: "账户管理", en: "Manage accounts" },
  "unit.manage": { zh: "机构管理", en: "Manage units" },
  "system.configure": { zh: "系统配置", en: "Configure the system" },
  "role.assign": { zh: "角色分配", en: "Assign roles" },
  "account.unlock": { zh: "账户解锁", en: "Unlock accounts" },
  "audit.read": { zh: "查阅审计记录", en: "Read the audit trail" },
  "security_log.read": { zh: "查阅安全日志", en: "Read the security log" },
};
