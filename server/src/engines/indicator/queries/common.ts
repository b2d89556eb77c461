import { type Expression, type SqlBool, sql } from "kysely";
import type { IndicatorDecl } from "../declare.ts";

/** What a helper returns: spread it into an IndicatorDecl. */
export type IndicatorSpec = Required<Pick<IndicatorDecl, "drill" | "basis" | "decimals">> &
  Pick<IndicatorDecl, "value" | "dependsOn" | "reads">;

export const list = (v: string | readonly string[]): readonly string[] =>
  typeof v === "string" ? [v] : v;

export function nonEmpty(what: string, v: readonly string[]) {
  if (v.length === 0) throw new Error(`indicator query: ${what} must name at least one`);
}

export function and(conds: Expression<SqlBool>[]): Expression<SqlBool> {
  return conds.length ? sql<SqlBool>`(${sql.join(conds, sql` and `)})` : sql<SqlBool>`true`;
}

export const joinList = (v: readonly string[]) => v.join(", ");
export const zhList = (v: readonly string[]) => v.join("、");

/** Numbers from PostgreSQL: numeric arrives as text, count(*) as a number. */
export function num(v: unknown): number {
  if (v === null || v === undefined) return 0;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`not a number: ${String(v)}`);
  return n;
}
