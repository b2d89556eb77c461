import { loadExcelJS } from "../../../platform/files/exceljs.ts";
import type { AnyCaseType } from "../declare.ts";
import { formatNumber } from "../numbers.ts";
import { importColumns } from "./columns.ts";

const KIND_ZH: Record<string, string> = {
  text: "文本",
  integer: "整数",
  number: "数字",
  date: "日期（年-月-日）",
  boolean: "是/否",
  enum: "可选值",
  list: "多项，以“；”分隔",
  json: "JSON",
};

/**
 * The import template of a case type: sheet 1 has the Chinese column headers (row 1)
 * and the columns' keys (row 2, hidden — the import maps by them, so relabelled columns
 * still import); sheet 2 explains each column: required or not, what it holds, its
 * options.
 */
export async function importTemplate(decl: AnyCaseType): Promise<Buffer> {
  const columns = importColumns(decl);
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  wb.creator = "Fazhi";
  const ws = wb.addWorksheet(decl.label.zh.replace(/[[\]:*?/\\]/g, " ").slice(0, 31), {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  ws.addRow(columns.map((c) => c.label.zh));
  ws.addRow(columns.map((c) => c.key));
  ws.getRow(1).font = { bold: true };
  ws.getRow(2).hidden = true;
  columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = Math.min(40, Math.max(12, c.label.zh.length * 2 + 2));
    col.numFmt = "@";
  });

  const notes = wb.addWorksheet("填写说明");
  notes.addRow(["列", "Column", "必填", "内容", "可选值或示例"]);
  notes.getRow(1).font = { bold: true };
  for (const c of columns) {
    let hint = "";
    if (c.options)
      hint = Object.values(c.options)
        .map((o) => o.zh)
        .join("、");
    else if (c.target.kind === "number") {
      const nd = decl.numbers?.find(
        (n) => n.kind === (c.target as { numberKind: string }).numberKind,
      );
      if (nd) hint = formatNumber(nd, { prefix: "武隆XX罚", year: 2019, seq: 12 });
    } else if (c.target.kind === "clock") hint = "停止日期，或“进行中”；空白则按步骤推定";
    else if (c.target.kind === "unit") hint = "空白：本单位";
    else if (c.target.kind === "step") hint = "进行了该步骤的日期；未进行则空白";
    notes.addRow([c.label.zh, c.label.en, c.required ? "是" : "", KIND_ZH[c.kind] ?? c.kind, hint]);
  }
  notes.columns.forEach((col, i) => {
    col.width = [36, 36, 6, 18, 60][i] ?? 12;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
