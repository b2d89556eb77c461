import type { Text } from "../../../kernel/errors.ts";
import { t } from "../../../kernel/errors.ts";
import type { Raw } from "./cells.ts";
import { textOf } from "./cells.ts";
import type { ImportColumn } from "./columns.ts";

/**
 * The header: row 1 names the columns by their Chinese label, English label or key; an
 * optional row 2 of keys only (the template's hidden row) maps the columns instead, so
 * relabelled columns still import.
 */
export interface HeaderError {
  column: string;
  message: Text;
}

export function columnByName(columns: ImportColumn[]): (name: string) => ImportColumn | undefined {
  const by = new Map<string, ImportColumn>();
  for (const c of columns) {
    by.set(c.key, c);
    by.set(c.label.zh, c);
    by.set(c.label.en.toLowerCase(), c);
  }
  return (name) => by.get(name) ?? by.get(name.toLowerCase());
}

export function isKeyRow(cells: Raw[], columns: ImportColumn[]): boolean {
  const keys = new Set(columns.map((c) => c.key));
  const nonEmpty = cells.map(textOf).filter((s) => s !== "");
  return nonEmpty.length > 0 && nonEmpty.every((s) => keys.has(s));
}

/** Which column each position of the file holds (undefined: ignored), and what is wrong. */
export function mapHeader(
  cells: Raw[],
  columns: ImportColumn[],
): { map: (ImportColumn | undefined)[]; errors: HeaderError[] } {
  const find = columnByName(columns);
  const map: (ImportColumn | undefined)[] = [];
  const errors: HeaderError[] = [];
  const seen = new Map<string, string>();
  cells.forEach((cell, i) => {
    const name = textOf(cell);
    if (!name) {
      map[i] = undefined;
      return;
    }
    const col = find(name);
    if (!col) {
      errors.push({
        column: name,
        message: t(`“${name}”不是本办件类型的列`, `"${name}" is not a column of this case type`),
      });
    } else if (seen.has(col.key)) {
      errors.push({
        column: name,
        message: t(`与“${seen.get(col.key)}”是同一列`, `the same column as "${seen.get(col.key)}"`),
      });
      map[i] = undefined;
      return;
    } else seen.set(col.key, name);
    map[i] = col;
  });
  for (const c of columns) {
    if (c.required && !seen.has(c.key)) {
      errors.push({
        column: c.label.zh,
        message: t(`缺少必需的列“${c.label.zh}”`, `the required column "${c.label.en}" is missing`),
      });
    }
  }
  return { map, errors };
}
