/**
 * One row of an import read into values (no database): each cell parsed for its column,
 * the entry id cell read, masked numbers set aside to be matched against the stored
 * ones. Bad cells are reported through `fail`.
 */
import { type Message, t, textOf } from "../../../kernel/errors.ts";
import { cleanText } from "../../../kernel/text.ts";
import type { Raw } from "../../../platform/files/sheet-rows.ts";
import { type EntryData, ID_FIELD } from "../data.ts";
import { isBlank, parseCell, reasonOf, text } from "./cells.ts";
import type { SheetColumn } from "./sheet.ts";

export interface ParsedRow {
  row: number;
  parsed: EntryData;
  /** The fields the sheet has a column for (a blank cell clears the field). */
  present: Set<string>;
  /** Encrypted fields written back masked (138****5678), by field. */
  masked: Map<string, string>;
  /** Fields whose cell could not be read (already reported). */
  cellErrors: Set<string>;
  idCell: number | undefined;
  /** Only the id cell was bad: nothing more to check on this row. */
  skip: boolean;
}

export type Fail = (row: number, field: string, why: Message, column?: string) => void;

/** The row's values, or undefined when every cell of the sheet's columns is blank. */
export function parseRow(
  n: number,
  cellsOf: Raw[],
  columns: readonly SheetColumn[],
  encrypted: ReadonlySet<string>,
  fail: Fail,
  errorCount: () => number,
): ParsedRow | undefined {
  const cells = columns.map((c) => ({ c, r: cellsOf[c.index - 1] ?? null }));
  if (cells.every(({ r }) => isBlank(r))) return undefined;
  const before = errorCount();
  const out: ParsedRow = {
    row: n,
    parsed: {},
    present: new Set(),
    masked: new Map(),
    cellErrors: new Set(),
    idCell: undefined,
    skip: false,
  };
  for (const { c, r } of cells) {
    if (c.field === ID_FIELD) {
      if (isBlank(r)) continue;
      const id = Number(text(r));
      if (!Number.isSafeInteger(id) || id <= 0)
        fail(
          n,
          ID_FIELD,
          t(`“${text(r)}”不是记录编号`, `"${text(r)}" is not an entry id`),
          c.label,
        );
      else out.idCell = id;
      continue;
    }
    out.present.add(c.field);
    if (encrypted.has(c.field) && !isBlank(r) && text(r).includes("*")) {
      out.masked.set(c.field, text(r));
      continue;
    }
    try {
      const v = parseCell(c.col!, r);
      // Text that cannot be stored (NUL, a lone surrogate) is this cell's error; the
      // rest is kept in NFC, as over HTTP (kernel/text.ts).
      const cleaned = cleanText(v, c.field);
      if (cleaned.problems.length > 0) {
        fail(n, c.field, textOf(cleaned.problems[0]!.message).en);
        out.cellErrors.add(c.field);
        continue;
      }
      if (v !== undefined) out.parsed[c.field] = cleaned.value;
    } catch (err) {
      fail(n, c.field, reasonOf(err));
      out.cellErrors.add(c.field);
    }
  }
  out.skip = errorCount() > before && out.cellErrors.size === 0;
  return out;
}
