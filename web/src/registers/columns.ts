/** A register's declared columns: how a value reads in a cell, and the entry form's schema. */
import type { Lang } from "../i18n.ts";
import type { JsonSchema } from "../schema/schema.ts";
import type { EntryData, RegisterColumn, RegisterInfo } from "./types.ts";

/** An item of a list (or an enum value) as text: its option's label, or the item itself. */
function itemText(col: RegisterColumn, v: unknown, lang: Lang): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object") {
    // Items of objects: their values, in order ("学习：标题" reads better than JSON).
    return Object.values(v as Record<string, unknown>)
      .filter((x) => x !== null && x !== undefined && x !== "")
      .map(String)
      .join(" · ");
  }
  const label = col.options?.[String(v)];
  return label ? label[lang] : String(v);
}

/** A value as the table shows it: enum labels, lists joined, booleans as 是/否. */
export function cellText(
  col: RegisterColumn,
  v: unknown,
  lang: Lang,
  yesNo: [string, string],
  /** A unit's name by its code, for columns that hold units (`ref: "unit"`). */
  unitName?: (code: unknown) => string,
): string {
  if (v === null || v === undefined || v === "") return "";
  if (col.ref === "unit" && unitName) return unitName(v);
  switch (col.kind) {
    case "list":
      return Array.isArray(v) ? v.map((x) => itemText(col, x, lang)).join("、") : String(v);
    case "enum":
      return itemText(col, v, lang);
    case "boolean":
      return v === true ? yesNo[0] : v === false ? yesNo[1] : String(v);
    default:
      return typeof v === "object" ? JSON.stringify(v) : String(v);
  }
}

function columnSchema(col: RegisterColumn, current: unknown): JsonSchema {
  const base: JsonSchema = { label: col.label, ...(col.ref ? { ref: col.ref } : {}) };
  const enumOf = (options: Record<string, { zh: string; en: string }>) => ({
    type: "string",
    enum: Object.keys(options),
    enumLabels: options,
  });
  switch (col.kind) {
    case "integer":
      return { ...base, type: "integer" };
    case "number":
      return { ...base, type: "number" };
    case "date":
      return { ...base, type: "string", format: "date" };
    case "boolean":
      return { ...base, type: "boolean" };
    case "enum":
      return col.options ? { ...base, ...enumOf(col.options) } : { ...base, type: "string" };
    case "list": {
      // Items that are objects (kept as such by the server) are edited as JSON.
      if (Array.isArray(current) && current.some((x) => typeof x === "object" && x !== null)) {
        return { ...base, type: "array", items: {} };
      }
      return {
        ...base,
        type: "array",
        items: col.options ? enumOf(col.options) : { type: "string" },
      };
    }
    default:
      // Long texts (not shown in lists) get a text area.
      return { ...base, type: "string", ...(col.inList ? {} : { maxLength: 200_000 }) };
  }
}

/**
 * The entry form's schema: the server's own JSON Schema when it publishes one (with
 * the columns' labels), else one built from the columns.
 */
export function entrySchema(reg: RegisterInfo, current?: EntryData): JsonSchema {
  if (reg.schema?.properties) {
    const properties: Record<string, JsonSchema> = {};
    for (const [k, p] of Object.entries(reg.schema.properties)) {
      const col = reg.columns.find((c) => c.field === k);
      properties[k] = col ? { ...p, label: col.label, ...(col.ref ? { ref: col.ref } : {}) } : p;
    }
    return { ...reg.schema, properties };
  }
  const properties: Record<string, JsonSchema> = {};
  for (const c of reg.columns) properties[c.field] = columnSchema(c, current?.[c.field]);
  return { type: "object", properties };
}
