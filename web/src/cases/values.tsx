/**
 * A case's values shown as people read them: each labelled from its JSON Schema, enums
 * by their labels, booleans as 是/否, lists joined, nested objects as one Chinese
 * summary line ("审核日期：2020-10-22，审核人员（姓名：黄志，…）"), checks as 通过/未通过.
 * Keys without a declared label are internal and not shown.
 */
import { useI18n } from "../i18n.ts";
import { enumLabel, type JsonSchema, kindOf, labelOf, normalize } from "../schema/schema.ts";
import type { CaseType } from "./types.ts";

const empty = (v: unknown) =>
  v === undefined ||
  v === null ||
  v === "" ||
  (Array.isArray(v) && v.length === 0) ||
  (typeof v === "object" && !Array.isArray(v) && Object.keys(v as object).length === 0);

export interface ValueRow {
  key: string;
  label: string;
  value: string;
}

interface Ctx {
  lang: "zh" | "en";
  yes: string;
  no: string;
  passed: string;
  failed: string;
}

/** The properties of an object schema (none when it is not one). */
export const propsOf = (s: JsonSchema | null | undefined): Record<string, JsonSchema> =>
  s ? (normalize(s).properties ?? {}) : {};

/** A property with a declared label (or title): keys without one are internal, not shown. */
const labelled = (s: JsonSchema | undefined): boolean => {
  if (!s) return false;
  const n = normalize(s);
  return Boolean(s.label ?? s.title ?? n.label ?? n.title);
};

/** The labelled rows of an object: declared properties first, in declared order. */
function rowsOf(
  props: Record<string, JsonSchema>,
  value: Record<string, unknown>,
  ctx: Ctx,
  prefix: string,
): ValueRow[] {
  const rows: ValueRow[] = [];
  for (const k of Object.keys(props)) {
    const v = value[k];
    const prop = props[k];
    if (empty(v) || !labelled(prop)) continue;
    const path = `${prefix}${k}`;
    rows.push({
      key: path,
      label: labelOf(k, prop ?? {}, ctx.lang),
      value: inline(prop ?? {}, v, ctx),
    });
  }
  return rows;
}

/** An object of a check (`passed`, and a note): 通过 / 未通过（note）. */
function checkText(o: Record<string, unknown>, ctx: Ctx): string | undefined {
  const keys = Object.keys(o).filter((k) => !empty(o[k]));
  if (typeof o.passed !== "boolean" || keys.some((k) => k !== "passed" && k !== "note")) {
    return undefined;
  }
  const word = o.passed ? ctx.passed : ctx.failed;
  return o.note ? `${word}（${String(o.note)}）` : word;
}

/**
 * A value as one line of text a person reads: enums by label, 是/否, lists joined by 、,
 * an object as "label：value，label：value" (a nested one in brackets), a check as
 * 通过/未通过 — never keys, never nested lists.
 */
function inline(raw: JsonSchema, v: unknown, ctx: Ctx): string {
  const s = normalize(raw);
  if (typeof v === "boolean") return v ? ctx.yes : ctx.no;
  const sep = ctx.lang === "zh" ? "、" : ", ";
  if (Array.isArray(v)) {
    const items = s.items ? normalize(s.items) : {};
    // Enum labels on the items, or on the list itself (zod .meta on the array).
    const withLabels: JsonSchema = {
      ...items,
      enumLabels: items.enumLabels ?? items["x-enumLabels"] ?? s.enumLabels ?? s["x-enumLabels"],
    };
    return v
      .filter((x) => !empty(x))
      .map((x) => (typeof x === "object" ? inline(items, x, ctx) : inline(withLabels, x, ctx)))
      .join(typeof v[0] === "object" ? "；" : sep);
  }
  if (typeof v === "object" && v !== null) {
    const o = v as Record<string, unknown>;
    const check = checkText(o, ctx);
    if (check) return check;
    const colon = ctx.lang === "zh" ? "：" : ": ";
    const extra = s.additionalProperties;
    if (Object.keys(propsOf(s)).length === 0 && extra && typeof extra === "object") {
      // a record keyed by codes (执法领域 → value): each key by its label where declared
      const keys = s.propertyNames ? normalize(s.propertyNames) : {};
      return Object.entries(o)
        .filter(([, x]) => !empty(x))
        .map(([k, x]) => `${enumLabel(keys, k, ctx.lang)}${colon}${inline(extra, x, ctx)}`)
        .join(ctx.lang === "zh" ? "；" : "; ");
    }
    return rowsOf(propsOf(s), o, ctx, "")
      .map((r) => {
        const nested = propsOf(propsOf(s)[r.key]);
        const isObject =
          Object.keys(nested).length > 0 &&
          !checkText((o[r.key] ?? {}) as Record<string, unknown>, ctx);
        return isObject ? `${r.label}（${r.value}）` : `${r.label}${colon}${r.value}`;
      })
      .join(ctx.lang === "zh" ? "，" : "; ");
  }
  if (kindOf(s) === "enum" || s.enumLabels || s["x-enumLabels"]) return enumLabel(s, v, ctx.lang);
  return String(v);
}

/** One value as a line of text, by its schema (a setting's value, a register's cell). */
export function useValueText(): (schema: JsonSchema, value: unknown) => string {
  const { t, lang } = useI18n();
  const ctx: Ctx = {
    lang,
    yes: t("common.yes"),
    no: t("common.no"),
    passed: t("common.passed"),
    failed: t("common.failed"),
  };
  return (schema, value) => (empty(value) ? "—" : inline(schema, value, ctx));
}

/** Label and render values by a schema's properties. */
export function useValueRows(): (
  props: Record<string, JsonSchema>,
  value: Record<string, unknown> | null | undefined,
) => ValueRow[] {
  const { t, lang } = useI18n();
  const ctx: Ctx = {
    lang,
    yes: t("common.yes"),
    no: t("common.no"),
    passed: t("common.passed"),
    failed: t("common.failed"),
  };
  return (props, value) => (value ? rowsOf(props, value, ctx, "") : []);
}

/**
 * The properties a case's fields may hold: the opening fields, then those set later by
 * steps (each step's input), then those steps compute (the type's declared `derived`
 * labels), the opening declaration winning.
 */
export function caseFieldProps(type: CaseType | undefined): Record<string, JsonSchema> {
  if (!type) return {};
  const out: Record<string, JsonSchema> = {};
  for (const tr of type.transitions) {
    for (const [k, p] of Object.entries(propsOf(tr.input))) if (!(k in out)) out[k] = p;
  }
  for (const [k, p] of Object.entries(propsOf(type.derived))) if (!(k in out)) out[k] = p;
  const opening = propsOf(type.fields);
  // Opening fields first, in their declared order.
  return {
    ...opening,
    ...Object.fromEntries(Object.entries(out).filter(([k]) => !(k in opening))),
  };
}
