import { t, ValidationError } from "../../../kernel/errors.ts";
import { loadExcelJS } from "../../../platform/files/exceljs.ts";
import type { WorkTx } from "../../../platform/work.ts";
import { decryptData, type EntryData, ID_FIELD, maskData, type RegisterEnv } from "../data.ts";
import type { RegisterDecl } from "../declare.ts";
import { assertRead, type ListQuery, selectRows } from "../service/index.ts";
import { formatCell } from "./cells.ts";
import { CODE_ROW, ID_LABEL, MAX_EXPORT_ROWS } from "./layout.ts";
import { unitColumns, unitNames } from "./units.ts";

function sheetName(decl: RegisterDecl): string {
  return decl.label.zh.replace(/[[\]:*?/\\]/g, " ").slice(0, 31) || decl.code;
}

/** The register's entries matching `query` as an xlsx file (see the layout in layout.ts). */
export async function exportXlsx(
  w: WorkTx,
  decl: RegisterDecl,
  query: ListQuery,
  env: RegisterEnv = {},
): Promise<Buffer> {
  assertRead(w.actor);
  const { rows, total } = await selectRows(w, decl, { ...query, sort: query.sort ?? "id" }, env, {
    offset: 0,
    limit: MAX_EXPORT_ROWS + 1,
  });
  if (total > MAX_EXPORT_ROWS) {
    throw new ValidationError(
      t(
        `超过 ${MAX_EXPORT_ROWS} 条记录，请加筛选条件缩小导出范围`,
        `more than ${MAX_EXPORT_ROWS} entries: narrow the export with filters`,
      ),
    );
  }
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  wb.creator = "Fazhi";
  wb.created = w.now;
  const ws = wb.addWorksheet(sheetName(decl), { views: [{ state: "frozen", ySplit: 1 }] });
  ws.addRow([ID_LABEL.zh, ...decl.columns.map((c) => c.label.zh)]);
  ws.addRow([ID_FIELD, ...decl.columns.map((c) => c.field)]);
  ws.getRow(1).font = { bold: true };
  ws.getRow(CODE_ROW).hidden = true;
  ws.getColumn(1).width = 10;
  ws.getColumn(1).font = { color: { argb: "FF808080" } };
  decl.columns.forEach((c, i) => {
    const column = ws.getColumn(i + 2);
    column.width = c.kind === "list" || c.kind === "text" ? 24 : 14;
    if (c.kind === "text" || c.kind === "date") column.numFmt = "@";
  });
  // units by their names, never their codes (read back to codes on import: units.ts)
  const unitFields = unitColumns(decl);
  const units = unitFields.length > 0 ? await unitNames(w, w.actor.regions) : undefined;
  for (const r of rows) {
    const data = maskData(decl, decryptData(decl, (r.data ?? {}) as EntryData, env));
    for (const f of unitFields) {
      if (typeof data[f] === "string") data[f] = units!.nameOf(data[f] as string);
    }
    ws.addRow([r.id, ...decl.columns.map((c) => formatCell(c, data[c.field]))]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
