/**
 * Layout (one sheet, named after the register):
 * - row 1: the Chinese labels, first "系统编号" (the entry id), then the declared columns;
 * - row 2 (hidden): the field codes (`_id`, then each column's field), which the import
 *   reads to map columns, so relabelled or reordered columns still import; a sheet
 *   without the code row is mapped by the labels of row 1 (zh or en);
 * - from row 3: one entry per row. Enum cells hold the option's Chinese label, dates
 *   are YYYY-MM-DD text, booleans 是/否, list items joined by "；" (by line breaks when an
 *   item itself contains "；"), encrypted fields (ID and phone numbers) masked.
 */
export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 10_000;
/**
 * Limits on what an import may expand to, checked before the workbook is parsed (a
 * 300 KB zip bomb expanded to 300 MB and took the server from 269 to 879 MB; issue 8).
 * 10,000 rows of a wide register are well under 64 MB of sheet XML.
 */
export const MAX_IMPORT_EXPANDED_BYTES = 64 * 1024 * 1024;
export const MAX_IMPORT_ZIP_ENTRIES = 200;
/** Cells across the workbook (10,000 rows × 100 columns). */
export const MAX_IMPORT_CELLS = 1_000_000;
export const MAX_EXPORT_ROWS = 50_000;
/** The most rows a register may declare for its imports (`importRows`). */
export const MAX_DECLARED_IMPORT_ROWS = 200_000;

/** One register's import limits: the defaults, scaled by its declared `importRows`. */
export interface ImportLimits {
  rows: number;
  bytes: number;
  expandedBytes: number;
  cells: number;
}

export function importLimitsOf(decl: { importRows?: number }): ImportLimits {
  const rows = Math.min(decl.importRows ?? MAX_IMPORT_ROWS, MAX_DECLARED_IMPORT_ROWS);
  const factor = Math.max(1, rows / MAX_IMPORT_ROWS);
  return {
    rows: Math.max(rows, MAX_IMPORT_ROWS),
    bytes: Math.ceil(MAX_IMPORT_BYTES * factor),
    expandedBytes: Math.ceil(MAX_IMPORT_EXPANDED_BYTES * factor),
    cells: Math.ceil(MAX_IMPORT_CELLS * factor),
  };
}

export const ID_LABEL = { zh: "系统编号", en: "System id" };
export const SEP = "；";
export const CODE_ROW = 2;
export const FIRST_DATA_ROW = 3;
