import { z } from "zod";
import type { Label } from "../kernel/labels.ts";

/**
 * Labels on declarations, for every module: a field's label (and an enum's option
 * labels) is written once, on its zod schema, and read from there by the web's forms
 * (JSON Schema `label`, `enumLabels`), the register columns (`defineRegister`), the case
 * pages and `/api/labels`.
 */

/** A labelled schema (zh first). */
export function L<T extends z.ZodType>(schema: T, zh: string, en: string): T {
  return schema.meta({ label: { zh, en } }) as T;
}

/** A labelled enum with labelled options (the codes are the labels' keys). */
export function labelledEnum<const K extends string>(
  labels: Record<K, Label>,
  zh: string,
  en: string,
) {
  const codes = Object.keys(labels) as [K, ...K[]];
  return z.enum(codes).meta({ label: { zh, en }, enumLabels: labels });
}

interface LabelMeta {
  label?: Label;
  enumLabels?: Record<string, Label>;
}

function metaOf(schema: z.ZodType | undefined): LabelMeta {
  let s: z.ZodType | undefined = schema;
  // The label may sit on the field or on what an optional/default/nullable wraps.
  for (let i = 0; s && i < 6; i++) {
    const m = (s.meta?.() ?? {}) as LabelMeta;
    if (m.label || m.enumLabels) return m;
    const inner = (s as unknown as { unwrap?: () => z.ZodType }).unwrap;
    s = typeof inner === "function" ? inner.call(s) : undefined;
  }
  return {};
}

/** The label a schema's field declares (undefined when it declares none). */
export function fieldLabel(schema: z.ZodObject, field: string): Label | undefined {
  return metaOf((schema.shape as Record<string, z.ZodType>)[field]).label;
}

/** The option labels an enum field (or a list of an enum) declares. */
export function fieldOptions(
  schema: z.ZodObject,
  field: string,
): Record<string, Label> | undefined {
  const f = (schema.shape as Record<string, z.ZodType>)[field];
  const own = metaOf(f).enumLabels;
  if (own) return own;
  const element = (f as unknown as { element?: z.ZodType } | undefined)?.element;
  return element ? metaOf(element).enumLabels : undefined;
}

/** Every labelled field of an object schema: field → label (for `/api/labels`). */
export function fieldLabels(schema: z.ZodObject | undefined): Record<string, Label> {
  const out: Record<string, Label> = {};
  for (const field of Object.keys((schema?.shape ?? {}) as Record<string, unknown>)) {
    const l = fieldLabel(schema as z.ZodObject, field);
    if (l) out[field] = l;
  }
  return out;
}
