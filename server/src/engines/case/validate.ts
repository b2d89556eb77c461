import type { z } from "zod";
import { can, type Permission } from "../../kernel/access.ts";
import { type FieldError, ForbiddenError, t, ValidationError } from "../../kernel/errors.ts";
import { issueText } from "../../kernel/issue-text.ts";
import { compareLocalDate, type LocalDate, parseLocalDate } from "../../kernel/time/index.ts";
import type { WorkTx } from "../../platform/work.ts";

/** Validate with a zod schema; every problem named by its field path, all at once. */
export function parseWith<T>(schema: z.ZodType<T>, value: unknown, prefix: string): T {
  const r = schema.safeParse(value ?? {}, { reportInput: true });
  if (r.success) return r.data;
  const fields: FieldError[] = r.error.issues.map((i) => ({
    field: [prefix, ...i.path.map(String)].filter(Boolean).join("."),
    message: issueText(i),
  }));
  const names = [...new Set(fields.map((f) => f.field))];
  throw new ValidationError(
    t(
      `填写的内容有 ${names.length} 处不符合要求，请按提示修改`,
      `invalid ${prefix}: ${names.join(", ")}`,
    ),
    fields,
  );
}

/** The legal date of a step: given (not in the future) or today. */
export function stepDate(w: WorkTx, given: string | undefined, notBefore?: LocalDate): LocalDate {
  const d = given === undefined ? w.today : parseLocalDate(given, "onDate");
  if (compareLocalDate(d, w.today) > 0) {
    throw new ValidationError("a step cannot be dated in the future", [
      { field: "onDate", message: `${d} is after today (${w.today})` },
    ]);
  }
  if (notBefore && compareLocalDate(d, notBefore) < 0) {
    throw new ValidationError("a step cannot be dated before the case's previous step", [
      { field: "onDate", message: `${d} is before the previous step (${notBefore})` },
    ]);
  }
  return d;
}

export function requirePermission(w: WorkTx, permission: Permission, what: string) {
  if (!can(w.actor, permission))
    throw new ForbiddenError(`${what} needs the permission ${permission}`);
}
