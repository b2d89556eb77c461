import { type Message, t, ValidationError } from "../../../kernel/errors.ts";
import { csvRows, type Raw, type SheetRow, xlsxRows } from "../../../platform/files/sheet-rows.ts";
import { expandZip, ZipFormatError, ZipTooLargeError } from "../../../platform/files/zip.ts";
import { columnOf, ID_FIELD } from "../data.ts";
import type { ColumnDecl, RegisterDecl } from "../declare.ts";
import { text } from "./cells.ts";
import type { ImportRowError } from "./import.ts";
import {
  FIRST_DATA_ROW,
  ID_LABEL,
  type ImportLimits,
  importLimitsOf,
  MAX_IMPORT_ZIP_ENTRIES,
} from "./layout.ts";

// ---------------------------------------------------------------------------------
// Import: the file and its columns

export interface SheetColumn {
  index: number;
  label: string;
  field: string;
  col: ColumnDecl | undefined;
}

export function bad(message: Message, errors: ImportRowError[] = []): ValidationError {
  return new ValidationError(message, errors.length > 0 ? errors : [{ field: "file", message }]);
}

/**
 * The rows of an .xlsx import, read with exceljs's streaming reader (no workbook model
 * in memory) after the archive passed the expansion limits (issue 8, zip bomb).
 */
export function readXlsxRows(
  file: Buffer,
  limits: ImportLimits = importLimitsOf({}),
): AsyncGenerator<SheetRow> {
  checkSize(file, limits);
  // An .xlsx is a zip (local file header PK\x03\x04); .xls, .csv and the rest are not.
  if (file.length < 4 || file.readUInt32LE(0) !== 0x04034b50) {
    throw bad(
      t(
        "不是 .xlsx 文件（Excel 2007 及以后版本），请另存为 .xlsx 后重试",
        "not an .xlsx file (Excel 2007 or later); save the sheet as .xlsx and try again",
      ),
    );
  }
  checkExpansion(file, limits);
  return xlsxRows(file);
}

/** The rows of a CSV import (UTF-8, or GB18030 as Excel saves Chinese CSV). */
export function readCsvRows(
  file: Buffer,
  limits: ImportLimits = importLimitsOf({}),
): AsyncGenerator<SheetRow> {
  checkSize(file, limits);
  return csvRows(file);
}

function checkSize(file: Buffer, limits: ImportLimits): void {
  if (file.length === 0) throw bad(t("文件是空的", "the file is empty"));
  if (file.length > limits.bytes) {
    const mb = limits.bytes / 1024 / 1024;
    throw bad(t(`文件超过 ${mb} MB`, `the file is larger than ${mb} MB`));
  }
}

/** Count occurrences of `needle` in `hay` (no regex, no copies). */
function countOf(hay: Buffer, needle: Buffer): number {
  let n = 0;
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + needle.length)) n++;
  return n;
}

/**
 * Refuse, before parsing, a workbook that expands past the limits or holds more rows
 * or cells than an import may: the archive is expanded with a ceiling, and the sheets'
 * rows and cells are counted in the XML (issue 8, xlsx zip bomb).
 */
function checkExpansion(file: Buffer, limits: ImportLimits): void {
  let parts: Map<string, Buffer>;
  try {
    parts = expandZip(file, {
      maxEntries: MAX_IMPORT_ZIP_ENTRIES,
      maxExpandedBytes: limits.expandedBytes,
    });
  } catch (e) {
    if (e instanceof ZipTooLargeError) {
      throw bad(
        t(
          `文件解压后超过 ${limits.expandedBytes / 1024 / 1024} MB 或条目过多，拒绝导入`,
          `the file expands past ${limits.expandedBytes / 1024 / 1024} MB or has too many parts; refused`,
        ),
      );
    }
    if (e instanceof ZipFormatError) {
      throw bad(t("无法作为 .xlsx 工作簿读取", "the file cannot be read as an .xlsx workbook"));
    }
    throw e;
  }
  let rows = 0;
  let cells = 0;
  const rowTag = Buffer.from("<row");
  const cellTag = Buffer.from("<c ");
  for (const [name, bytes] of parts) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    rows = Math.max(rows, countOf(bytes, rowTag));
    cells += countOf(bytes, cellTag);
  }
  if (rows > limits.rows + FIRST_DATA_ROW) {
    throw bad(
      t(`超过 ${limits.rows} 行：请拆分文件`, `more than ${limits.rows} rows: split the file`),
    );
  }
  if (cells > limits.cells) {
    throw bad(
      t(
        `超过 ${limits.cells} 个单元格：请拆分文件`,
        `more than ${limits.cells} cells: split the file`,
      ),
    );
  }
}

/**
 * The sheet's columns from its label row (row 1) and, when present, the code row
 * (row 2: every non-empty cell a field code); without the code row data starts at row 2.
 */
export function mapColumns(decl: RegisterDecl, labelCells: Raw[], codeRow: Raw[] | undefined) {
  const errors: ImportRowError[] = [];
  const known = new Set([ID_FIELD, ...decl.columns.map((c) => c.field)]);
  const width = Math.max(labelCells.length, codeRow?.length ?? 0);
  const codeCells: string[] = [];
  for (let i = 1; i <= width; i++) codeCells.push(text(codeRow?.[i - 1] ?? null));
  const nonEmpty = codeCells.filter((c) => c !== "");
  const hasCodeRow = nonEmpty.length > 0 && nonEmpty.every((c) => known.has(c));
  const byLabel = (label: string): string | undefined => {
    if (label === ID_LABEL.zh || label === ID_LABEL.en) return ID_FIELD;
    return decl.columns.find(
      (c) => c.label.zh === label || c.label.en.toLowerCase() === label.toLowerCase(),
    )?.field;
  };
  const columns: SheetColumn[] = [];
  const seen = new Map<string, string>();
  for (let i = 1; i <= width; i++) {
    const label = text(labelCells[i - 1] ?? null);
    const field = hasCodeRow ? codeCells[i - 1] || undefined : label ? byLabel(label) : undefined;
    if (!label && !field) continue;
    const shown = label || field || `#${i}`;
    if (!field) {
      errors.push({
        row: 1,
        column: shown,
        field: "",
        reason: t(
          `不是${decl.label.zh}的列（${decl.label.zh}的列为：${decl.columns
            .map((c) => c.label.zh)
            .join("、")}）`,
          `unknown column (the columns of ${decl.label.en} are ${decl.columns
            .map((c) => c.label.en)
            .join(", ")})`,
        ),
        message: t(
          `“${shown}”不是${decl.label.zh}的列`,
          `column "${shown}" is not a column of ${decl.label.en}`,
        ),
      });
      continue;
    }
    if (seen.has(field)) {
      errors.push({
        row: 1,
        column: shown,
        field,
        reason: t(`与“${seen.get(field)}”是同一列`, `the same column as "${seen.get(field)}"`),
        message: t(`“${shown}”列重复`, `column "${shown}" appears twice`),
      });
      continue;
    }
    seen.set(field, shown);
    columns.push({ index: i, label: shown, field, col: columnOf(decl, field) });
  }
  return { columns, firstRow: hasCodeRow ? FIRST_DATA_ROW : 2, errors };
}
