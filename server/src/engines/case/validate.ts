import type { z } from "zod";

type Issue = z.core.$ZodIssue;

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

/** The Chinese of the engine's own schema messages (zod keeps one string per message). */
const ZH: Readonly<Record<string, string>> = {
  required: "必填",
  "a reason is required": "须填写理由",
  "the text of the notice": "须填写告知内容",
  "the file name is required": "须填写文件名",
  "required for evidence (full-process record)": "证据须填写此项（执法全过程记录）",
};

const CJK = /[\u4e00-\u9fff]/;

/** A zod issue as a bilingual message: declared Chinese kept, the engine's own schema
 * messages translated, zod's own by its code (kernel/issue-text.ts). */
function caseIssueText(i: Issue): Message {
  if (CJK.test(i.message)) return i.message;
  const known = ZH[i.message];
  if (known) return t(known, i.message);
  return issueText(i);
}

/** Validate with a zod schema; every problem named by its field path, all at once. */
export function parseWith<T>(schema: z.ZodType<T>, value: unknown, prefix: string): T {
  const r = schema.safeParse(value ?? {}, { reportInput: true });
  if (r.success) return r.data;
  const fields: FieldError[] = r.error.issues.map((i) => ({
    field: [prefix, ...i.path.map(String)].filter(Boolean).join("."),
    message: caseIssueText(i),
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
