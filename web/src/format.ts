/** Display helpers. Times are shown in the platform's zone, Asia/Shanghai. */
import type { Lang } from "./i18n.ts";

const formatters = new Map<Lang, Intl.DateTimeFormat>();

export function formatTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return "";
  let f = formatters.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === "zh" ? "zh-CN" : "en-GB", {
      timeZone: "Asia/Shanghai",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hour12: false,
    });
    formatters.set(lang, f);
  }
  return f.format(new Date(iso));
}

/** Compact JSON for detail cells; empty objects and null show as nothing. */
export function compactJson(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object" && Object.keys(v as object).length === 0) return "";
  return JSON.stringify(v);
}

/**
 * Business roles: the ones an account manager may grant in the browser. Administrator
 * roles (sys_admin, security_admin, audit_admin) are set on the command line only.
 */
export const BUSINESS_ROLES = [
  "rule_of_law_office",
  "unit_leader",
  "legal_reviewer",
  "case_handler",
  "read_only",
] as const;

export function isBusinessRole(code: string): boolean {
  return (BUSINESS_ROLES as readonly string[]).includes(code);
}
