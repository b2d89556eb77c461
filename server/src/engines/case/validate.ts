import type { z } from "zod";
import { can, type Permission } from "../../kernel/access.ts";
import {
  type FieldError,
  ForbiddenError,
  type Message,
  t,
  textOf,
  ValidationError,
} from "../../kernel/errors.ts";
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

/** No legal date of a case's step lies before this (older data is imported, not stepped). */
export const EARLIEST_STEP_DATE = "2000-01-01" as LocalDate;

/**
 * The legal date of a step: given or today; not in the future, not before the case's
 * previous step, not before the case was opened, and not before 2000-01-01.
 */
export function stepDate(
  w: WorkTx,
  given: string | undefined,
  notBefore?: LocalDate,
  openedOn?: LocalDate,
  field = "onDate",
): LocalDate {
  const d = given === undefined ? w.today : parseLocalDate(given, field);
  if (compareLocalDate(d, w.today) > 0) {
    throw new ValidationError(t("日期不得晚于今天", "a step cannot be dated in the future"), [
      { field, message: t(`${d} 晚于今天（${w.today}）`, `${d} is after today (${w.today})`) },
    ]);
  }
  if (compareLocalDate(d, EARLIEST_STEP_DATE) < 0) {
    throw new ValidationError(
      t("日期不得早于 2000-01-01", "a step cannot be dated before 2000-01-01"),
      [{ field, message: t(`${d} 早于 2000-01-01`, `${d} is before 2000-01-01`) }],
    );
  }
  if (openedOn && compareLocalDate(d, openedOn) < 0) {
    throw new ValidationError(
      t("日期不得早于案件登记日", "a step cannot be dated before the case was opened"),
      [
        {
          field,
          message: t(
            `${d} 早于登记日（${openedOn}）`,
            `${d} is before the case was opened (${openedOn})`,
          ),
        },
      ],
    );
  }
  if (notBefore && compareLocalDate(d, notBefore) < 0) {
    throw new ValidationError(
      t("日期不得早于案件的上一步骤", "a step cannot be dated before the case's previous step"),
      [
        {
          field,
          message: t(
            `${d} 早于上一步骤（${notBefore}）`,
            `${d} is before the previous step (${notBefore})`,
          ),
        },
      ],
    );
  }
  return d;
}

export function requirePermission(w: WorkTx, permission: Permission, what: Message) {
  if (!can(w.actor, permission)) {
    const x = textOf(what);
    throw new ForbiddenError(
      t(`${x.zh}需要“${permission}”权限`, `${x.en} needs the permission ${permission}`),
    );
  }
}
