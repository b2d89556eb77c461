/**
 * Bringing the demo's register entries in through the register engine's batched import
 * (validated, audited, all rows or none): a CSV in the import template's Chinese headers.
 */
import type { DemoContext } from "../../../engines/demo/index.ts";
import { importCsv, type RegisterDecl } from "../../../engines/register/index.ts";

const cell = (v: unknown): string => {
  const s = v === undefined || v === null ? "" : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function registerCsv(decl: RegisterDecl, rows: Record<string, unknown>[]): Buffer {
  const lines = [decl.columns.map((c) => cell(c.label.zh)).join(",")];
  for (const r of rows) {
    lines.push(
      decl.columns
        .map((c) => {
          const v = r[c.field];
          if (c.kind === "boolean" && typeof v === "boolean") return v ? "是" : "否";
          return cell(v);
        })
        .join(","),
    );
  }
  return Buffer.from(`${lines.join("\n")}\n`, "utf8");
}

export async function importRows(
  ctx: DemoContext,
  user: string,
  day: string,
  decl: RegisterDecl,
  rows: Record<string, unknown>[],
  unitId?: number,
): Promise<number> {
  const file = registerCsv(decl, rows);
  const r = await ctx.as(user, day, (w) => importCsv(w, decl, file, unitId ? { unitId } : {}));
  return r.created;
}
