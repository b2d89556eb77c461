import type { RegisterDecl } from "../declare.ts";

/**
 * The CSV import template: one header row of the register's Chinese labels (the import
 * also reads English labels, and 系统编号 to update an entry), UTF-8 with a byte-order
 * mark so that Excel opens it as UTF-8.
 */
export function csvTemplate(decl: RegisterDecl): Buffer {
  const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const header = decl.columns.map((c) => quote(c.label.zh)).join(",");
  return Buffer.from(`\ufeff${header}\r\n`, "utf8");
}
