import type { z } from "zod";
import { fieldLabel, fieldOptions } from "../labels.ts";
import type { ColumnDecl, RegisterDecl } from "./declare.ts";

/** A column as declared: its label and options may come from the schema's labels. */
export type ColumnInput = Omit<ColumnDecl, "label"> & { label?: ColumnDecl["label"] };

// biome-ignore lint/suspicious/noExplicitAny: a register may declare any object schema
export type RegisterInput<S extends z.ZodObject<any> = z.ZodObject<any>> = Omit<
  RegisterDecl<S>,
  "columns"
> & { columns: ColumnInput[] };

/**
 * A register whose column labels (and enum options) are read from its schema's labels
 * (`L`, `labelledEnum` in engines/labels.ts), so a label is written once and the web's
 * form and the columns say the same. A column may still give its own label (e.g. a
 * shorter heading); one with neither fails at start, naming the register and field.
 */
// biome-ignore lint/suspicious/noExplicitAny: a register may declare any object schema
export function defineRegister<S extends z.ZodObject<any>>(d: RegisterInput<S>): RegisterDecl<S> {
  const columns = d.columns.map((c): ColumnDecl => {
    const label = c.label ?? fieldLabel(d.schema, c.field);
    if (!label) {
      throw new Error(
        `register "${d.code}": column "${c.field}" has no label (label it on the schema with L(…) or labelledEnum(…))`,
      );
    }
    const options = c.options ?? fieldOptions(d.schema, c.field);
    return { ...c, label, ...(options ? { options } : {}) };
  });
  return { ...d, columns };
}
