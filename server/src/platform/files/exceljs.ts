import type ExcelJS from "exceljs";

/**
 * exceljs, loaded the first time a spreadsheet is read or written (issue 9: it is the
 * costliest package to load — ~0.75 s on this machine — and a server start or a CLI verb
 * that never touches a spreadsheet should not pay for it).
 */
let loaded: Promise<typeof ExcelJS> | undefined;

export function loadExcelJS(): Promise<typeof ExcelJS> {
  loaded ??= import("exceljs").then((m) => m.default);
  return loaded;
}
