/**
 * The JSON Schema the server publishes for a case type's fields and a step's input
 * (zod's toJSONSchema), read as far as forms need: what kind of input each property
 * is, its label, and turning form values back into the JSON the server validates.
 *
 * Labels: a property's `label` ({zh, en}, from zod `.meta({ label })`), else `title`,
 * else the property's name. Enum options: `enumLabels` / `x-enumLabels` (code →
 * {zh, en}), or `oneOf` of `{ const, title | label }`, else the codes themselves.
 */
import type { Label } from "../api.ts";

export type JsonValue = string | number | boolean | null | JsonValue[] | { [k: string]: JsonValue };

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: JsonValue[];
  const?: JsonValue;
  format?: string;
  title?: string;
  description?: string;
  label?: Label;
  enumLabels?: Record<string, Label>;
  "x-enumLabels"?: Record<string, Label>;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  default?: JsonValue;
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: JsonSchema;
  /** The value is a directory unit's code (a register's `ref: "unit"` column). */
  ref?: "unit";
}

export type FieldKind =
  | "object"
  | "enum"
  | "date"
  | "string"
  | "text"
  | "number"
  | "integer"
  | "boolean"
  | "tags"
  | "multi"
  | "objects"
  | "unit"
  | "json";

const typeOf = (s: JsonSchema): string | undefined => {
  if (Array.isArray(s.type)) return s.type.find((t) => t !== "null");
  return s.type;
};

/** Unwrap `anyOf`/`oneOf`: a nullable type, or a list of constants (an enum with labels). */
export function normalize(s: JsonSchema): JsonSchema {
  const variants = s.anyOf ?? s.oneOf;
  if (!variants || variants.length === 0) return s;
  const { anyOf: _a, oneOf: _o, ...rest } = s;
  const consts = variants.filter((v) => v.const !== undefined);
  if (consts.length === variants.length) {
    const enumLabels: Record<string, Label> = {};
    for (const v of consts) {
      const text = v.title ?? v.description;
      if (v.label) enumLabels[String(v.const)] = v.label;
      else if (text) enumLabels[String(v.const)] = { zh: text, en: text };
    }
    return { ...rest, type: "string", enum: consts.map((v) => v.const as JsonValue), enumLabels };
  }
  const real = variants.filter((v) => typeOf(v) !== "null");
  if (real.length === 1 && real[0]) return normalize({ ...rest, ...real[0] });
  return s;
}

export function kindOf(raw: JsonSchema): FieldKind {
  const s = normalize(raw);
  if (s.ref === "unit") return "unit";
  if (s.enum) return "enum";
  switch (typeOf(s)) {
    case "object":
      return s.properties ? "object" : "json";
    case "string":
      if (s.format === "date") return "date";
      return s.maxLength !== undefined && s.maxLength > 500 ? "text" : "string";
    case "integer":
      return "integer";
    case "number":
      return "number";
    case "boolean":
      return "boolean";
    case "array": {
      const items = s.items ? normalize(s.items) : undefined;
      if (!items) return "json";
      if (items.enum) return "multi";
      if (typeOf(items) === "string") return "tags";
      if (typeOf(items) === "object" && items.properties) return "objects";
      return "json";
    }
    default:
      return "json";
  }
}

/** The label of a property in the language, by the rules above. */
export function labelOf(key: string, s: JsonSchema, lang: "zh" | "en"): string {
  if (s.label) return s.label[lang];
  return s.title ?? key;
}

/** The options of an enum (or of a list's items), labelled. */
export function optionsOf(raw: JsonSchema, lang: "zh" | "en"): { value: string; label: string }[] {
  const s = normalize(raw);
  const labels = s.enumLabels ?? s["x-enumLabels"] ?? {};
  return (s.enum ?? []).map((v) => ({
    value: String(v),
    label: labels[String(v)]?.[lang] ?? String(v),
  }));
}

/** The label of one enum value. */
export function enumLabel(raw: JsonSchema, value: unknown, lang: "zh" | "en"): string {
  const s = normalize(raw);
  const labels = s.enumLabels ?? s["x-enumLabels"] ?? {};
  return labels[String(value)]?.[lang] ?? String(value);
}

const blank = (v: unknown) =>
  v === undefined || v === null || (typeof v === "string" && v.trim() === "");

/**
 * Form values → the JSON the server validates: blanks dropped (the server names what is
 * missing), empty optional objects dropped, required objects kept (so their own missing
 * members are named), numbers and booleans as they are.
 */
export function toJson(raw: JsonSchema, value: unknown, required = true): unknown {
  const s = normalize(raw);
  const kind = kindOf(s);
  if (kind === "object") {
    const out: Record<string, unknown> = {};
    const obj = (value ?? {}) as Record<string, unknown>;
    for (const [k, prop] of Object.entries(s.properties ?? {})) {
      const v = toJson(prop, obj[k], s.required?.includes(k) ?? false);
      if (v !== undefined) out[k] = v;
    }
    return Object.keys(out).length === 0 && !required ? undefined : out;
  }
  if (blank(value)) return undefined;
  if (kind === "objects" && Array.isArray(value)) {
    return value.map((item) => toJson(s.items ?? {}, item, true) ?? {});
  }
  if ((kind === "tags" || kind === "multi") && Array.isArray(value)) {
    const items = value.filter((v) => !blank(v));
    return items.length === 0 && !required ? undefined : items;
  }
  if (kind === "json" && typeof value === "string") {
    try {
      return JSON.parse(value);
    } catch {
      return value; // the server names it
    }
  }
  return value;
}

/** Initial form values: declared defaults, and `false` for required booleans. */
export function initialOf(raw: JsonSchema, required = true): unknown {
  const s = normalize(raw);
  const kind = kindOf(s);
  if (kind === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, prop] of Object.entries(s.properties ?? {})) {
      const v = initialOf(prop, s.required?.includes(k) ?? false);
      if (v !== undefined) out[k] = v;
    }
    return out;
  }
  if (s.default !== undefined) return s.default;
  if (kind === "boolean" && required) return false;
  return undefined;
}

/** Does the schema have any property to fill in? */
export function hasFields(s: JsonSchema | null | undefined): s is JsonSchema {
  return Boolean(s && Object.keys(normalize(s).properties ?? {}).length > 0);
}
