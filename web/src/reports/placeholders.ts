/**
 * The editor writes figures by their Chinese names, never by their codes: the draft's
 * `{{mediations}}` is shown as 【全区调解各类案件数】, a typed `{{key=95.2%}}` as
 * 【名称=95.2%】, `{{year}}` / `{{prev_year}}` as 【年度】 / 【上一年度】 — and written back on
 * saving. A name the template does not know stays as it was typed (and the server's
 * checks flag a placeholder that names nothing).
 */
import type { Label } from "./types.ts";

const PLACEHOLDER = /\{\{\s*([a-z][a-z0-9_]*)\s*(?:=\s*([^}]*?)\s*)?\}\}/g;
const NAMED = /【([^【】=]+?)(?:=([^【】]*))?】/g;
const YEARS: Record<string, string> = { year: "年度", prev_year: "上一年度" };

export interface Names {
  label: Map<string, string>;
  key: Map<string, string>;
}

export function namesOf(placeholders: readonly { key: string; label: Label }[]): Names {
  const label = new Map(placeholders.map((p) => [p.key, p.label.zh]));
  const key = new Map(placeholders.map((p) => [p.label.zh, p.key]));
  for (const [k, zh] of Object.entries(YEARS)) key.set(zh, k);
  return { label, key };
}

/** The draft's text as the writer reads it. */
export function toNames(text: string, n: Names): string {
  return text.replace(PLACEHOLDER, (all, key: string, typed?: string) => {
    if (typed === undefined && YEARS[key]) return `【${YEARS[key]}】`;
    const zh = n.label.get(key);
    if (!zh) return all;
    return typed === undefined ? `【${zh}】` : `【${zh}=${typed}】`;
  });
}

/** The writer's text as the draft stores it. */
export function toKeys(text: string, n: Names): string {
  return text.replace(NAMED, (all, name: string, typed?: string) => {
    const key = n.key.get(name.trim());
    if (!key) return all;
    if (YEARS[key]) return typed === undefined ? `{{${key}}}` : all;
    return typed === undefined ? `{{${key}}}` : `{{${key}=${typed.trim()}}}`;
  });
}
