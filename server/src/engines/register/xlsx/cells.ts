import type ExcelJS from "exceljs";
import { z } from "zod";
import { DomainError, type Text, t, ValidationError } from "../../../kernel/errors.ts";
import { issueText } from "../../../kernel/issue-text.ts";
import { localDateProblem } from "../../../kernel/time/index.ts";
import type { ColumnDecl } from "../declare.ts";
import { SEP } from "./layout.ts";

/** A cell that cannot be read, with the reason in both languages. */
function cellError(zh: string, en: string): ValidationError {
  return new ValidationError(t(zh, en));
}

/**
 * The reason a cell parser (the engine's or a column's own codec) gave: bilingual when it
 * threw a DomainError with a `t(…)` message, else its text as it is.
 */
export function reasonOf(err: unknown): Text {
  if (err instanceof DomainError) return err.text;
  if (err instanceof z.ZodError && err.issues[0]) return issueText(err.issues[0]);
  const m = (err as Error)?.message ?? String(err);
  return t(m, m);
}

// ---------------------------------------------------------------------------------
// Cells: writing

function joinList(items: string[]): string {
  if (!items.some((s) => s.includes(SEP))) return items.join(SEP);
  // An item holding "；" itself: one item per line (a lone item gets a trailing break).
  return items.length === 1 ? `${items[0]}\n` : items.join("\n");
}

function formatItem(col: ColumnDecl, item: unknown): string {
  if (col.item) return col.item.format(item);
  if (typeof item === "string" && col.options?.[item]) return col.options[item].zh;
  if (item !== null && typeof item === "object") return JSON.stringify(item);
  return String(item ?? "");
}

/**
 * Formula injection (CWE-1236, "CSV injection"): text that a spreadsheet would take for
 * a formula once the cell is edited or the sheet saved as CSV — starting with = + - @,
 * a tab or a carriage return — goes out with a leading apostrophe, Excel's own mark of
 * text. Reading strips exactly that apostrophe, so an export imports back unchanged
 * (a value that itself starts with apostrophes before such a character gains one more).
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
export const neutraliseFormula = (s: string): string => (FORMULA_START.test(s) ? `'${s}` : s);
export const restoreFormulaText = (s: string): string =>
  s.startsWith("'") && FORMULA_START.test(s) ? s.slice(1) : s;

/** A value as its xlsx cell (see the layout in layout.ts); text never reads as a formula. */
export function formatCell(col: ColumnDecl, value: unknown): ExcelJS.CellValue {
  const cell = cellValue(col, value);
  return typeof cell === "string" ? neutraliseFormula(cell) : cell;
}

function cellValue(col: ColumnDecl, value: unknown): ExcelJS.CellValue {
  if (value === undefined || value === null || value === "") return null;
  switch (col.kind) {
    case "integer":
    case "number":
      return typeof value === "number" ? value : String(value);
    case "boolean":
      return value === true ? "是" : value === false ? "否" : String(value);
    case "enum":
      return typeof value === "string" ? (col.options?.[value]?.zh ?? value) : String(value);
    case "list":
      if (!Array.isArray(value)) return String(value);
      return value.length === 0 ? null : joinList(value.map((x) => formatItem(col, x)));
    default:
      return typeof value === "string" ? value : JSON.stringify(value);
  }
}

// ---------------------------------------------------------------------------------
// Cells: reading

/** A cell value as read (rich text, hyperlinks and formulas reduced to their text or result). */
export type Raw = string | number | boolean | Date | null;

export function raw(v: ExcelJS.CellValue): Raw {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return v;
  if ("richText" in v) return v.richText.map((t) => t.text).join("");
  if ("hyperlink" in v) return v.text;
  if ("formula" in v || "sharedFormula" in v) {
    const result = (v as { result?: unknown }).result;
    if (result === undefined || result === null) return null;
    if (typeof result === "object" && !(result instanceof Date)) return "#ERROR";
    return result as Raw;
  }
  if ("error" in v) return String(v.error);
  return String(v);
}

export function isBlank(r: Raw): boolean {
  return r === null || (typeof r === "string" && r.trim() === "");
}

export function dateOfDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Excel's day serial (1900 system) → YYYY-MM-DD. */
function dateOfSerial(n: number): string | null {
  if (!Number.isInteger(n) || n < 1 || n > 2958465) return null;
  return dateOfDate(new Date(Math.round((n - 25569) * 86_400_000)));
}

function parseDate(r: Raw): string {
  if (r instanceof Date) return dateOfDate(r);
  if (typeof r === "number") {
    const d = dateOfSerial(r);
    if (d) return d;
    throw cellError(`${r} 不是日期（应为 YYYY-MM-DD）`, `${r} is not a date (YYYY-MM-DD)`);
  }
  const s = String(r).trim();
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s);
  const norm = m ? `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}` : s;
  const problem = localDateProblem(norm);
  if (problem) throw cellError(`“${s}”不是有效的日期（应为 YYYY-MM-DD）`, problem);
  return norm;
}

function parseNumber(cell: Raw, integer: boolean): number {
  const r = typeof cell === "string" ? restoreFormulaText(cell) : cell;
  const n = typeof r === "number" ? r : Number(String(r).trim().replace(/,/g, ""));
  if (typeof r !== "number" && !/^-?[\d,]*\.?\d+(e-?\d+)?$/i.test(String(r).trim())) {
    throw cellError(`“${String(r)}”不是数字`, `"${String(r)}" is not a number`);
  }
  if (!Number.isFinite(n))
    throw cellError(`“${String(r)}”不是数字`, `"${String(r)}" is not a number`);
  if (integer && !Number.isInteger(n))
    throw cellError(`${n} 不是整数`, `${n} is not a whole number`);
  return n;
}

const TRUE = new Set(["是", "true", "TRUE", "True", "Y", "y", "yes", "1", "√", "有"]);
const FALSE = new Set(["否", "false", "FALSE", "False", "N", "n", "no", "0", "×", "无"]);

function parseBoolean(r: Raw): boolean {
  if (typeof r === "boolean") return r;
  const s = String(r).trim();
  if (TRUE.has(s)) return true;
  if (FALSE.has(s)) return false;
  throw cellError(`“${s}”应为“是”或“否”`, `"${s}" is not 是 or 否`);
}

function optionCode(col: ColumnDecl, text: string): string {
  const options = col.options ?? {};
  const s = text.trim();
  if (Object.hasOwn(options, s)) return s;
  for (const [code, label] of Object.entries(options)) {
    if (label.zh === s || label.en.toLowerCase() === s.toLowerCase()) return code;
  }
  throw cellError(
    `“${s}”不是可选的值（可选：${Object.values(options)
      .map((l) => l.zh)
      .join("、")}）`,
    `"${s}" is not one of ${Object.values(options)
      .map((l) => l.zh)
      .join("、")}`,
  );
}

function splitList(text: string): string[] {
  const parts = /\r?\n/.test(text) ? text.split(/\r?\n/) : text.split(SEP);
  return parts.map((p) => p.trim()).filter((p) => p !== "");
}

function parseItem(col: ColumnDecl, text: string): unknown {
  if (col.item) return col.item.parse(text);
  if (col.options) return optionCode(col, text);
  if (text.startsWith("{") && text.endsWith("}")) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

/** A cell's value for the column (undefined when blank); throws an Error with the reason. */
export function parseCell(col: ColumnDecl, r: Raw): unknown {
  if (isBlank(r)) return undefined;
  switch (col.kind) {
    case "integer":
      return parseNumber(r, true);
    case "number":
      return parseNumber(r, false);
    case "date":
      return parseDate(r);
    case "boolean":
      return parseBoolean(r);
    case "enum":
      return optionCode(col, String(r));
    case "list":
      return splitList(restoreFormulaText(String(r))).map((item, i) => {
        try {
          return parseItem(col, item);
        } catch (err) {
          const why = reasonOf(err);
          throw cellError(
            `第 ${i + 1} 项（“${item}”）：${why.zh}`,
            `item ${i + 1} ("${item}"): ${why.en}`,
          );
        }
      });
    default:
      if (r instanceof Date) return dateOfDate(r);
      return typeof r === "string" ? restoreFormulaText(r) : String(r);
  }
}

export function text(r: Raw): string {
  return r === null ? "" : r instanceof Date ? dateOfDate(r) : String(r).trim();
}
