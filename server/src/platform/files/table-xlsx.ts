/**
 * A list as an .xlsx workbook, as the office reads it: one sheet, a bold header row of
 * Chinese column labels, one row per item (the audit trail, the security log, the
 * warning list). Values are written as text or numbers, never as formulas (a cell
 * beginning with = + - @ is prefixed with ' so that a spreadsheet does not evaluate it).
 */
import { loadExcelJS } from "./exceljs.ts";

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export interface TableColumn<T> {
  header: string;
  width?: number;
  value: (row: T) => string | number | null | undefined;
}

const FORMULA_START = /^[=+\-@\t\r]/;

export async function tableXlsx<T>(
  sheetName: string,
  columns: readonly TableColumn<T>[],
  rows: Iterable<T>,
): Promise<Buffer> {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName.slice(0, 31));
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 16 }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: "frozen", ySplit: 1 }];
  for (const row of rows) {
    ws.addRow(
      columns.map((c) => {
        const v = c.value(row);
        if (v === null || v === undefined) return "";
        if (typeof v === "string" && FORMULA_START.test(v)) return `'${v}`;
        return v;
      }),
    );
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The content-disposition of a download named in Chinese (ASCII fallback first). */
export function attachmentName(ascii: string, name: string): string {
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
