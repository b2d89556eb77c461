/**
 * xlsx export and import of a register (exceljs).
 *
 * - layout.ts: the sheet's layout and the limits;
 * - cells.ts: a value as its cell, and a cell read back as a value;
 * - export.ts: the entries as a file;
 * - import.ts (sheet.ts reading the file and its columns, rows.ts a row's cells): an
 *   .xlsx or CSV file into the register, set-based (service/batch.ts);
 * - template.ts: the CSV template.
 */
export { formatCell, parseCell, type Raw } from "./cells.ts";
export { exportXlsx } from "./export.ts";
export {
  type ImportResult,
  type ImportRowError,
  importCsv,
  importXlsx,
} from "./import.ts";
export {
  type ImportLimits,
  importLimitsOf,
  MAX_EXPORT_ROWS,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  XLSX_MIME,
} from "./layout.ts";
export { csvTemplate } from "./template.ts";
