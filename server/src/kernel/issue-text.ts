/**
 * zod's validation messages in both languages. zod writes one message per issue, in
 * English unless told otherwise; a user of the platform reads Chinese first. So:
 *
 * - A schema's own message is declared in both languages with `zt("必填", "required")`:
 *   it stays the English string zod carries (logs, tests, code that reads it unchanged)
 *   and its Chinese side is kept in a catalogue here.
 * - zod's own messages are rebuilt from the issue with zod 4's locales
 *   (`z.locales.zhCN()` / `z.locales.en()`), with plainer Chinese for the common cases
 *   (a missing field is 必填, a too-short text says how many characters).
 *
 * `issueText(issue)` gives the `Text` of one issue; the HTTP envelope, the engines'
 * field errors and the xlsx import all use it. Pure (the catalogue is filled when the
 * declaring modules load and only read afterwards).
 */
import { z } from "zod";
import { type Text, t } from "./errors.ts";

const catalogue = new Map<string, string>();

/**
 * A schema's message in both languages: returns the English text (what zod carries) and
 * keeps the Chinese beside it. Use it wherever a schema or refinement writes a message.
 */
export function zt(zh: string, en: string): string {
  catalogue.set(en, zh);
  return en;
}

/** The messages the platform's schemas share. */
export const REQUIRED = zt("必填", "required");
zt("必须是大于零的数", "must be positive");
/** A date field that is not a real calendar day in the form YYYY-MM-DD. */
export const INVALID_DATE = zt(
  "应为有效日期（YYYY-MM-DD）",
  "must be a real calendar date YYYY-MM-DD",
);

const zhLocale = z.locales.zhCN().localeError;
const enLocale = z.locales.en().localeError;

/** What zod's issue looks like once finalized (input kept when parsed with reportInput). */
export interface IssueLike {
  code: string;
  message: string;
  path?: readonly PropertyKey[];
  input?: unknown;
}

const TYPE_ZH: Record<string, string> = {
  string: "文本",
  number: "数字",
  int: "整数",
  boolean: "是或否",
  object: "对象",
  array: "列表",
  date: "日期",
  bigint: "整数",
  null: "空值",
  undefined: "空",
};

const ORIGIN_UNIT_ZH: Record<string, string> = {
  string: "个字符",
  array: "项",
  set: "项",
  file: "字节",
};

function unwrap(m: unknown): string | undefined {
  if (typeof m === "string") return m;
  if (m && typeof m === "object" && typeof (m as { message?: unknown }).message === "string")
    return (m as { message: string }).message;
  return undefined;
}

function localeOf(fn: typeof zhLocale, issue: IssueLike): string | undefined {
  try {
    return unwrap(fn(issue as unknown as Parameters<typeof zhLocale>[0]));
  } catch {
    return undefined;
  }
}

/** Plainer Chinese for the issues users meet most; zod's zh-CN locale for the rest. */
function zhOf(issue: IssueLike): string {
  const i = issue as IssueLike & {
    expected?: string;
    origin?: string;
    minimum?: number | bigint;
    maximum?: number | bigint;
    inclusive?: boolean;
    values?: unknown[];
    format?: string;
    keys?: string[];
  };
  const missing = !("input" in i) ? /received undefined$/.test(i.message) : i.input === undefined;
  switch (i.code) {
    case "invalid_type":
      if (missing) return "必填";
      return `应为${TYPE_ZH[i.expected ?? ""] ?? i.expected}`;
    case "too_small": {
      const unit = ORIGIN_UNIT_ZH[i.origin ?? ""];
      if (unit && Number(i.minimum) === 1 && i.inclusive !== false)
        return i.origin === "string" ? "不能为空" : "至少要有一项";
      if (unit) return `至少 ${i.minimum} ${unit}`;
      return `${i.inclusive === false ? "须大于" : "不能小于"} ${i.minimum}`;
    }
    case "too_big": {
      const unit = ORIGIN_UNIT_ZH[i.origin ?? ""];
      if (unit) return `最多 ${i.maximum} ${unit}`;
      return `${i.inclusive === false ? "须小于" : "不能大于"} ${i.maximum}`;
    }
    case "invalid_value":
      return "不是可选的值";
    case "unrecognized_keys":
      return `不应有的字段：${(i.keys ?? []).join("、")}`;
    case "invalid_format":
      if (i.format === "regex") return "格式不正确";
      return localeOf(zhLocale, i) ?? "格式不正确";
    default:
      return localeOf(zhLocale, i) ?? "输入无效";
  }
}

/**
 * The message of one zod issue in both languages. A message declared with `zt` gives its
 * two sides; zod's own English message gives the locales' texts; any other message (a
 * schema that wrote plain text) is shown as it is.
 */
export function issueText(issue: IssueLike): Text {
  const zh = catalogue.get(issue.message);
  if (zh !== undefined) return t(zh, issue.message);
  const en = localeOf(enLocale, issue);
  const isDefault =
    en === issue.message ||
    (issue.code === "invalid_type" && /^Invalid input: expected /.test(issue.message)) ||
    issue.message === "Invalid input";
  if (isDefault) return t(zhOf(issue), issue.message);
  return t(issue.message, issue.message);
}

/** The dotted path of an issue ("parties.0.name"), or the fallback for a top-level issue. */
export function issuePath(path: readonly PropertyKey[] | undefined, fallback = ""): string {
  const p = (path ?? []).map(String).join(".");
  return p || fallback;
}
