import { type Text, t } from "../../../kernel/errors.ts";
import type { Label } from "../../../kernel/labels.ts";
import { localDateProblem } from "../../../kernel/time/index.ts";
import type { ColumnKind } from "./columns.ts";

/** A cell as read from a CSV (text) or an xlsx sheet (text, number, boolean, date). */
export type Raw = string | number | boolean | Date | null;

/** A cell that cannot be read for its column; the message says why in both languages. */
export class CellError extends Error {
  constructor(readonly text: Text) {
    super(text.en);
  }
}

export function isBlank(r: Raw | undefined): boolean {
  return r === null || r === undefined || (typeof r === "string" && r.trim() === "");
}

export function textOf(r: Raw): string {
  if (r === null) return "";
  if (r instanceof Date) return r.toISOString().slice(0, 10);
  return String(r).trim();
}

/** Excel's day serial (1900 system) → YYYY-MM-DD. */
function dateOfSerial(n: number): string | null {
  if (!Number.isInteger(n) || n < 1 || n > 2958465) return null;
  return new Date(Math.round((n - 25569) * 86_400_000)).toISOString().slice(0, 10);
}

const DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

export function parseDate(r: Raw): string {
  if (r instanceof Date) return r.toISOString().slice(0, 10);
  if (typeof r === "number") {
    const d = dateOfSerial(r);
    if (d) return d;
    throw new CellError(t(`${r} 不是日期（年-月-日）`, `${r} is not a date (YYYY-MM-DD)`));
  }
  const s = String(r).trim();
  const m = DATE.exec(s);
  const norm = m ? `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}` : s;
  const problem = localDateProblem(norm);
  if (problem) throw new CellError(t(`“${s}”不是有效日期（年-月-日）`, problem));
  return norm;
}

function parseNumber(r: Raw, integer: boolean): number {
  const s = String(r).trim().replace(/,/g, "");
  if (typeof r !== "number" && !/^-?\d*\.?\d+(e-?\d+)?$/i.test(s)) {
    throw new CellError(t(`“${String(r)}”不是数字`, `"${String(r)}" is not a number`));
  }
  const n = typeof r === "number" ? r : Number(s);
  if (!Number.isFinite(n))
    throw new CellError(t(`“${String(r)}”不是数字`, `"${String(r)}" is not a number`));
  if (integer && !Number.isInteger(n)) {
    throw new CellError(t(`${n} 不是整数`, `${n} is not a whole number`));
  }
  return n;
}

const TRUE = new Set(["是", "true", "y", "yes", "1", "√", "有"]);
const FALSE = new Set(["否", "false", "n", "no", "0", "×", "无"]);

function parseBoolean(r: Raw): boolean {
  if (typeof r === "boolean") return r;
  const s = String(r).trim().toLowerCase();
  if (TRUE.has(s)) return true;
  if (FALSE.has(s)) return false;
  throw new CellError(
    t(`“${String(r)}”应为“是”或“否”`, `"${String(r)}" is not 是 (yes) or 否 (no)`),
  );
}

/** An option by its code, Chinese label or English label. */
export function optionCode(options: Record<string, Label>, text: string): string {
  const s = text.trim();
  if (Object.hasOwn(options, s)) return s;
  for (const [code, label] of Object.entries(options)) {
    if (label.zh === s || label.en.toLowerCase() === s.toLowerCase()) return code;
  }
  const zh = Object.values(options).map((l) => l.zh);
  const en = Object.values(options).map((l) => l.en);
  throw new CellError(
    t(`“${s}”不是可选值之一（${zh.join("、")}）`, `"${s}" is not one of ${en.join(", ")}`),
  );
}

function splitList(text: string): string[] {
  return text
    .split(/\r?\n|[；;、]/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
}

/** A cell's value for a column of this kind (undefined when blank); throws CellError. */
export function parseCell(kind: ColumnKind, r: Raw, options?: Record<string, Label>): unknown {
  if (isBlank(r)) return undefined;
  switch (kind) {
    case "integer":
      return parseNumber(r, true);
    case "number":
      return parseNumber(r, false);
    case "date":
      return parseDate(r);
    case "boolean":
      return parseBoolean(r);
    case "enum":
      return optionCode(options ?? {}, textOf(r));
    case "list":
      return splitList(textOf(r)).map((item) => (options ? optionCode(options, item) : item));
    case "json":
      try {
        return JSON.parse(textOf(r));
      } catch {
        throw new CellError(t("不是有效的 JSON", "not valid JSON"));
      }
    default:
      return textOf(r);
  }
}
