/**
 * A register's fields declared once each: the field's schema, its label (zh first, on
 * the schema, where forms, columns and `/api/labels` read it) and how its column shows
 * (kind, in the list table or not, offered as a filter, a directory unit), so that
 *
 *   const fee = registerFields({
 *     code: text("项目编码", "Item code", { max: 64 }),
 *     kind: enumOf(FEE_KIND_LABELS, "收费类别", "Kind of fee", { filter: true }),
 *     unitCode: unitCode("执收单位", "Collecting unit", { filter: true }),
 *     note: text("备注", "Note", { max: 1000, optional: true, inList: false }),
 *   });
 *   defineRegister({ code: "fee_item", ...fee, … })   // or schema: fee.schema.superRefine(…)
 *
 * gives the object schema and the columns in the fields' order (the xlsx columns' order).
 * A field is required unless `optional: true`. The kinds a module's own base schema
 * shapes (its date, its unit code) are made with `fieldOf(base, kind)`; anything else with
 * `field(schema, zh, en, kind)`.
 */
import { z } from "zod";
import type { Label } from "../../kernel/labels.ts";
import { zCount, zDate, zText, zUnitCode, zYuan } from "../fields.ts";
import { L, labelledEnum } from "../labels.ts";
import type { ColumnKind } from "./declare.ts";
import type { ColumnInput } from "./define.ts";

/** How a field's column shows: everything of a column but its field name and label. */
export type FieldColumn = Omit<ColumnInput, "field" | "label" | "options">;

/** One field of a register: its labelled schema and its column. */
export interface RegisterField<T extends z.ZodType = z.ZodType> {
  readonly schema: T;
  readonly column: FieldColumn;
}

/** What a field's declaration may say besides its labels. */
export interface FieldOptions {
  /** The field may be left out (default: required). */
  optional?: boolean;
  /** Shown in list tables (default true; every column goes to xlsx). */
  inList?: boolean;
  /** Offered as a list filter. */
  filter?: boolean;
}

/** The schema a field of base `T` has, optional or not as the options say. */
export type Optional<T extends z.ZodType, O> = O extends { optional: true } ? z.ZodOptional<T> : T;

type Shape<F extends Record<string, RegisterField>> = { [K in keyof F]: F[K]["schema"] };

/** The column of a field: only what is said (a column says no `inList` when it is in the list). */
function columnOf(kind: ColumnKind, o: FieldOptions & Omit<FieldColumn, "kind">): FieldColumn {
  return {
    kind,
    ...(o.inList !== undefined ? { inList: o.inList } : {}),
    ...(o.filter !== undefined ? { filter: o.filter } : {}),
    ...(o.ref !== undefined ? { ref: o.ref } : {}),
    ...(o.item !== undefined ? { item: o.item } : {}),
  };
}

/**
 * Any schema as a labelled field whose column is of `kind` (a list of codes, a number
 * with its own range…). The schema is taken as it is: say `.optional()` on it.
 */
export function field<T extends z.ZodType>(
  schema: T,
  zh: string,
  en: string,
  kind: ColumnKind,
  o: Omit<FieldOptions, "optional"> & Pick<FieldColumn, "ref" | "item"> = {},
): RegisterField<T> {
  return { schema: L(schema, zh, en), column: columnOf(kind, o) };
}

/**
 * A maker of fields on one base schema, e.g. `fieldOf(zItemCode, "text")`; `column` is
 * what every such field's column says (`{ ref: "unit" }` for a directory unit's code).
 * An optional field labels the optional schema (`L(base.optional(), …)`).
 */
export function fieldOf<B extends z.ZodType>(
  base: B,
  kind: ColumnKind,
  column: Pick<FieldColumn, "ref" | "item"> = {},
) {
  // biome-ignore lint/complexity/noBannedTypes: no options is the default
  return <const O extends FieldOptions = {}>(
    zh: string,
    en: string,
    o?: O,
  ): RegisterField<Optional<B, O>> => {
    const schema = o?.optional ? base.optional() : base;
    return {
      schema: L(schema, zh, en) as Optional<B, O>,
      column: columnOf(kind, { ...column, ...o }),
    };
  };
}

/** A text of at most `max` characters (default 500), trimmed; required unless optional. */
// biome-ignore lint/complexity/noBannedTypes: no options is the default
export function text<const O extends FieldOptions & { max?: number } = {}>(
  zh: string,
  en: string,
  o?: O,
): RegisterField<Optional<z.ZodString, O>> {
  const max = o?.max ?? 500;
  const schema = o?.optional ? z.string().trim().max(max).optional() : zText(max);
  return {
    schema: L(schema, zh, en) as Optional<z.ZodString, O>,
    column: columnOf("text", o ?? {}),
  };
}

/** A civil date YYYY-MM-DD (engines/fields `zDate`). */
export const date = fieldOf(zDate, "date");
/** A directory unit's code: the web and the xlsx files show the unit's name. */
export const unitCode = fieldOf(zUnitCode, "text", { ref: "unit" });
/** Yuan, not negative, to the fen. */
export const yuan = fieldOf(zYuan, "number");
/** A whole number, not negative. */
export const count = fieldOf(zCount, "integer");
/** Yes or no. */
export const bool = fieldOf(z.boolean(), "boolean");
/** A calendar year (2000–2100). */
export const year = fieldOf(z.number().int().min(2000).max(2100), "integer");

/** One of the labelled codes (the labels' keys); the column's options are the labels. */
// biome-ignore lint/complexity/noBannedTypes: no options is the default
export function enumOf<const K extends string, const O extends FieldOptions = {}>(
  labels: Record<K, Label>,
  zh: string,
  en: string,
  o?: O,
) {
  const schema = labelledEnum(labels, zh, en);
  return {
    schema: (o?.optional ? schema.optional() : schema) as Optional<typeof schema, O>,
    column: columnOf("enum", o ?? {}),
  } satisfies RegisterField;
}

/** A list (an array schema, with its own bounds): one xlsx cell, items joined by "；". */
export function list<T extends z.ZodType>(
  schema: T,
  zh: string,
  en: string,
  o: Omit<FieldOptions, "optional"> & Pick<FieldColumn, "item"> = {},
): RegisterField<T> {
  return field(schema, zh, en, "list", o);
}

/**
 * A register's object schema and columns from its fields, in their order: spread into
 * `defineRegister` (or refine the schema first and give both).
 */
export function registerFields<F extends Record<string, RegisterField>>(
  fields: F,
): { schema: z.ZodObject<Shape<F>, z.core.$strip>; columns: ColumnInput[] } {
  const entries = Object.entries(fields);
  const shape = Object.fromEntries(entries.map(([k, f]) => [k, f.schema])) as Shape<F>;
  return {
    schema: z.object(shape),
    columns: entries.map(([name, f]) => ({ field: name, ...f.column })),
  };
}
