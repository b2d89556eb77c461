/**
 * A case's values shown as people read them: each labelled from its JSON Schema, enums
 * by their labels, booleans as 是/否, lists of enums joined, nested objects as labelled
 * sub-lists. Keys the schema does not know are shown by their key.
 */
import type { ReactNode } from "react";
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
  value: ReactNode;
}

interface Ctx {
  lang: "zh" | "en";
  yes: string;
  no: string;
}

/** The properties of an object schema (none when it is not one). */
export const propsOf = (s: JsonSchema | null | undefined): Record<string, JsonSchema> =>
  s ? (normalize(s).properties ?? {}) : {};

/** The labelled rows of an object: declared properties first, then the other keys. */
function rowsOf(
  props: Record<string, JsonSchema>,
  value: Record<string, unknown>,
  ctx: Ctx,
  prefix: string,
): ValueRow[] {
  const keys = [...new Set([...Object.keys(props), ...Object.keys(value)])];
  const rows: ValueRow[] = [];
  for (const k of keys) {
    const v = value[k];
    if (empty(v)) continue;
    const prop = props[k] ?? {};
    const path = `${prefix}${k}`;
    rows.push({ key: path, label: labelOf(k, prop, ctx.lang), value: render(prop, v, ctx, path) });
  }
  return rows;
}

function SubList({ rows }: { rows: ValueRow[] }) {
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
      {rows.map((r) => (
        <li key={r.key} data-field={r.key}>
          {r.label}：{r.value}
        </li>
      ))}
    </ul>
  );
}

function render(raw: JsonSchema, v: unknown, ctx: Ctx, path: string): ReactNode {
  const s = normalize(raw);
  if (typeof v === "boolean") return v ? ctx.yes : ctx.no;
  if (Array.isArray(v)) {
    const items = s.items ? normalize(s.items) : {};
    // Enum labels on the items, or on the list itself (zod .meta on the array).
    const labelled: JsonSchema = {
      ...items,
      enumLabels: items.enumLabels ?? items["x-enumLabels"] ?? s.enumLabels ?? s["x-enumLabels"],
    };
    const present = v.filter((x) => !empty(x));
    if (present.every((x) => typeof x !== "object")) {
      return present
        .map((x) =>
          typeof x === "boolean" ? (x ? ctx.yes : ctx.no) : enumLabel(labelled, x, ctx.lang),
        )
        .join("、");
    }
    return (
      <ol style={{ margin: 0, paddingInlineStart: 18 }}>
        {present.map((x, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is shown as stored, in order
          <li key={i}>{render(items, x, ctx, `${path}.${i}`)}</li>
        ))}
      </ol>
    );
  }
  if (typeof v === "object" && v !== null) {
    return <SubList rows={rowsOf(propsOf(s), v as Record<string, unknown>, ctx, `${path}.`)} />;
  }
  if (kindOf(s) === "enum") return enumLabel(s, v, ctx.lang);
  return String(v);
}

/** Label and render values by a schema's properties. */
export function useValueRows(): (
  props: Record<string, JsonSchema>,
  value: Record<string, unknown> | null | undefined,
) => ValueRow[] {
  const { t, lang } = useI18n();
  const ctx: Ctx = { lang, yes: t("common.yes"), no: t("common.no") };
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
