/** The import's file reader is shared with the register import (platform/files/sheet-rows.ts). */
export {
  CSV_MIME,
  detectFormat,
  type FileFormat,
  fileError,
  readRows,
  type SheetRow,
  XLSX_MIME,
} from "../../../platform/files/sheet-rows.ts";
