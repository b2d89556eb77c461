/**
 * What the governance demo's generators share: splitting a total over parts, dates in a
 * range, and writing a register CSV (the import template's Chinese headers) to bring
 * many entries in through the register engine's batched import.
 */
import type { DemoContext, DemoRandom } from "../../../engines/demo/index.ts";
import { importCsv, type RegisterDecl } from "../../../engines/register/index.ts";
import {
  addDays,
  fromEpochDay,
  type LocalDate,
  parseLocalDate,
  toEpochDay,
} from "../../../kernel/time/index.ts";
import { demoUsername } from "../../directory/index.ts";

export const OFFICE = demoUsername("yfzqb", "rule_of_law_office");

/**
 * Split `total` over `n` parts of at least `min` each, at random (seeded): the parts sum
 * to `total` exactly.
 */
export function split(total: number, n: number, rng: DemoRandom, min = 0): number[] {
  const rest = total - min * n;
  if (n <= 0 || rest < 0) throw new Error(`cannot split ${total} over ${n} parts of ≥ ${min}`);
  const w = Array.from({ length: n }, () => 0.2 + rng.next());
  const sum = w.reduce((a, b) => a + b, 0);
  const out = w.map((x) => Math.floor((rest * x) / sum) + min);
  let left = total - out.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i = (i + 1) % n, left--) out[i]! += 1;
  return out;
}

export function dayBetween(rng: DemoRandom, from: string, to: string): LocalDate {
  return fromEpochDay(rng.int(toEpochDay(parseLocalDate(from)), toEpochDay(parseLocalDate(to))));
}

export const plusDays = (d: string, n: number): LocalDate => addDays(parseLocalDate(d), n);

const cell = (v: unknown): string => {
  const s = v === undefined || v === null ? "" : Array.isArray(v) ? v.join("；") : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** A register CSV with the template's Chinese headers; enum cells hold codes. */
export function registerCsv(decl: RegisterDecl, rows: Record<string, unknown>[]): Buffer {
  const cols = decl.columns;
  const lines = [cols.map((c) => cell(c.label.zh)).join(",")];
  for (const r of rows) {
    lines.push(
      cols
        .map((c) => {
          const v = r[c.field];
          if (c.kind === "boolean" && typeof v === "boolean") return v ? "是" : "否";
          if (c.kind === "list" && Array.isArray(v)) {
            return cell(
              v.map((x) => (c.item ? c.item.format(x) : (c.options?.[String(x)]?.zh ?? String(x)))),
            );
          }
          return cell(v);
        })
        .join(","),
    );
  }
  return Buffer.from(`${lines.join("\n")}\n`, "utf8");
}

/**
 * Import entries for several units in one unit of work of the office (one transaction;
 * one file per unit through the batched import): `files` maps a unit id to its rows.
 */
export async function importForUnits(
  ctx: DemoContext,
  decl: RegisterDecl,
  files: Map<number, Record<string, unknown>[]>,
  day: string,
): Promise<number> {
  return ctx.as(OFFICE, day, async (w) => {
    let n = 0;
    for (const [unitId, rows] of files) {
      if (rows.length === 0) continue;
      n += (await importCsv(w, decl, registerCsv(decl, rows), { unitId })).created;
    }
    return n;
  });
}

/**
 * Import entries for a unit through the register engine's batched import (validated,
 * audited, all rows or none), as `user` on `day`.
 */
export async function importEntries(
  ctx: DemoContext,
  decl: RegisterDecl,
  rows: Record<string, unknown>[],
  opts: { user?: string; day: string; unitId?: number },
): Promise<number> {
  if (rows.length === 0) return 0;
  const file = registerCsv(decl, rows);
  const r = await ctx.as(opts.user ?? OFFICE, opts.day, (w) =>
    importCsv(w, decl, file, opts.unitId ? { unitId: opts.unitId } : {}),
  );
  return r.created;
}
