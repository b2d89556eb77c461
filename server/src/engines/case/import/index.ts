/** Bulk import of historical cases (docs/architecture.md, "Importing history"). */
export { type ImportColumn, importColumns } from "./columns.ts";
export { CSV_MIME, XLSX_MIME } from "./read.ts";
export { caseImportRoutes } from "./routes.ts";
export type { RowError } from "./row.ts";
export { type ImportOptions, type ImportSummary, importCases } from "./service.ts";
export { importTemplate } from "./template.ts";
