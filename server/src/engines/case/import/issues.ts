import type { z } from "zod";
import { type Text, t } from "../../../kernel/errors.ts";

/**
 * A zod issue as a bilingual message for a cell. Declarations write their own refinement
 * messages in English; those are shown after a Chinese lead-in.
 */
export function issueText(issue: z.core.$ZodIssue): Text {
  const en = issue.message;
  if (en === "required") return t("必填", "required");
  const i = issue as z.core.$ZodIssue & {
    input?: unknown;
    expected?: string;
    minimum?: unknown;
    maximum?: unknown;
  };
  switch (i.code) {
    case "invalid_type":
      return i.input === undefined
        ? t("必填", "required")
        : t(`类型不对（应为 ${i.expected}）`, en);
    case "too_small":
      return t(`过短或过小（至少 ${String(i.minimum)}）`, en);
    case "too_big":
      return t(`过长或过大（至多 ${String(i.maximum)}）`, en);
    case "invalid_format":
      return t("格式不对", en);
    case "invalid_value":
      return t("不是可选值之一", en);
    default:
      return t(`不符合要求：${en}`, en);
  }
}
