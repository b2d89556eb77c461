/**
 * A security event's detail in words: "原因：密码错误，连续失败次数：2" instead of
 * {"reason":"wrong_password","failures":2}. Keys and reasons not listed here are kept
 * as written (the log is evidence), after the labelled ones.
 */
import type { Lang } from "../i18n.ts";

type L = { zh: string; en: string };

const KEYS: Record<string, L> = {
  reason: { zh: "原因", en: "Reason" },
  failures: { zh: "连续失败次数", en: "Failures" },
  until: { zh: "锁定至", en: "Locked until" },
  secondFactor: { zh: "第二因素", en: "Second factor" },
  method: { zh: "请求方法", en: "Method" },
  url: { zh: "请求地址", en: "Address" },
  access: { zh: "所需权限", en: "Permission needed" },
  target: { zh: "对象账户编号", en: "Account" },
  created: { zh: "新建账户", en: "Account created" },
  roles: { zh: "角色", en: "Roles" },
  idleSeconds: { zh: "空闲（秒）", en: "Idle (s)" },
  ageSeconds: { zh: "会话时长（秒）", en: "Session age (s)" },
};

const VALUES: Record<string, L> = {
  wrong_password: { zh: "密码错误", en: "wrong password" },
  unknown_user: { zh: "用户名不存在", en: "unknown user" },
  disabled: { zh: "账户已停用", en: "account disabled" },
  not_activated: { zh: "账户未启用", en: "account not activated" },
  wrong_code: { zh: "动态口令错误", en: "wrong code" },
  code_not_given: { zh: "未输入动态口令", en: "code not given" },
  idle: { zh: "空闲超时", en: "idle" },
  lifetime: { zh: "会话到期", en: "lifetime reached" },
  totp: { zh: "动态口令", en: "TOTP" },
  must_enrol: { zh: "须绑定动态口令", en: "must enrol" },
};

export function securityDetailText(
  detail: unknown,
  lang: Lang,
  roleLabel: (code: string) => string,
  time: (iso: string) => string,
): string {
  if (!detail || typeof detail !== "object" || Array.isArray(detail)) {
    return detail === null || detail === undefined ? "" : String(detail);
  }
  const colon = lang === "zh" ? "：" : ": ";
  return Object.entries(detail as Record<string, unknown>)
    .filter(([, v]) => v !== null && v !== undefined && v !== "")
    .map(([k, v]) => {
      const key = KEYS[k]?.[lang] ?? k;
      let value: string;
      if (k === "roles" && Array.isArray(v)) value = v.map((r) => roleLabel(String(r))).join("、");
      else if (k === "until" && typeof v === "string") value = time(v);
      else if (typeof v === "object") value = JSON.stringify(v);
      else value = VALUES[String(v)]?.[lang] ?? String(v);
      return `${key}${colon}${value}`;
    })
    .join(lang === "zh" ? "，" : "; ");
}
