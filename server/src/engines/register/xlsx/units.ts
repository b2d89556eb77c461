/**
 * Columns that hold directory units (`ref: "unit"`): a spreadsheet shows the unit's name,
 * never its code (docs/chinese.md), and an import reads the name (or, from older files,
 * the code) back to the code. Units are reference data, a few hundred per region: read
 * once per export or import.
 */
import { t } from "../../../kernel/errors.ts";
import type { WorkTx } from "../../../platform/work.ts";
import type { RegisterDecl } from "../declare.ts";
import type { Fail, ParsedRow } from "./rows.ts";

export interface UnitNames {
  /** The unit's Chinese name, or the code itself when no unit has it. */
  nameOf(code: string): string;
  /** The code a cell means (a unit's name or its code), or undefined. */
  codeOf(cell: string): string | undefined;
  /** A name several units share. */
  ambiguous(cell: string): boolean;
}

export const unitColumns = (decl: RegisterDecl): string[] =>
  decl.columns.filter((c) => c.ref === "unit").map((c) => c.field);

export async function unitNames(w: WorkTx, regions: readonly string[]): Promise<UnitNames> {
  const rows =
    regions.length === 0
      ? []
      : await w.trx
          .selectFrom("unit")
          .select(["code", "name_zh"])
          .where("region_code", "in", [...regions])
          .execute();
  const names = new Map(rows.map((r) => [r.code, r.name_zh]));
  const codes = new Map<string, string | null>();
  for (const r of rows) {
    // a name two units share (in different regions) cannot say which one: not read by name
    codes.set(r.name_zh, codes.has(r.name_zh) && codes.get(r.name_zh) !== r.code ? null : r.code);
  }
  return {
    nameOf: (code) => names.get(code) ?? code,
    codeOf: (cell) => {
      const s = cell.trim();
      if (names.has(s)) return s;
      return codes.get(s) ?? undefined;
    },
    ambiguous: (cell) => codes.get(cell.trim()) === null,
  };
}

/**
 * Replace the unit names of the parsed rows by their codes. A cell that is neither a
 * unit's name nor its code stays as it is, for the register's own checks to judge (some
 * registers name bodies the directory does not hold yet); a name two units share is the
 * cell's error.
 */
export function unitCodesOfRows(
  decl: RegisterDecl,
  rows: ParsedRow[],
  units: UnitNames,
  fail: Fail,
): void {
  const fields = unitColumns(decl);
  for (const p of rows) {
    for (const f of fields) {
      const v = p.parsed[f];
      if (typeof v !== "string" || v === "") continue;
      const code = units.codeOf(v);
      if (code) p.parsed[f] = code;
      else if (units.ambiguous(v)) {
        fail(
          p.row,
          f,
          t(
            `有多个单位名为“${v}”，请填写单位编码`,
            `several units are named "${v}": give the unit code`,
          ),
        );
        p.cellErrors.add(f);
      }
    }
  }
}
