/**
 * What the lists module's declarations share: the module code, text and date schemas, and
 * its registers' unit-code field.
 */
import { z } from "zod";
import { zDate, zText } from "../../engines/fields.ts";
import { L } from "../../engines/labels.ts";
import { fieldOf } from "../../engines/register/index.ts";

export { zDate, zText };

export const MODULE = "lists";

export const text = (zh: string, en: string, max = 500) => L(zText(max), zh, en);
export const optText = (zh: string, en: string, max = 2000) =>
  L(z.string().trim().max(max).optional(), zh, en);

/**
 * A directory unit's code (the web shows the unit's name: column `ref: "unit"`). Looser
 * than engines/fields `zUnitCode` (any 1–64 characters, not only a-z 0-9 _ . -), as the
 * lists' registers have always taken it.
 */
export const zUnitCode = z.string().trim().min(1, "required").max(64);

/** A unit-code field of the lists' registers (shown by the unit's name). */
export const unitCode = fieldOf(zUnitCode, "text", { ref: "unit" });
