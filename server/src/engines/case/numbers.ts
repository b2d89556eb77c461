import { sql, type Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { CaseView, NumberDecl } from "./declare.ts";

/**
 * Gapless document numbers. One sequence per (region, issuer prefix, kind, year): the
 * upsert takes the sequence row's lock until the step's transaction ends, so numbers are
 * handed out one at a time, and a step that fails returns its number with the rollback.
 */
export async function nextSequence(
  trx: Transaction<DB>,
  regionCode: string,
  prefix: string,
  kind: string,
  year: number,
): Promise<number> {
  // Through the definer function (migration 0010): the app role does not touch the table.
  const r = await sql<{
    n: number;
  }>`select fazhi_next_number(${regionCode}, ${prefix}, ${kind}, ${year}) as n`.execute(trx);
  return r.rows[0]!.n;
}

export function formatNumber(decl: NumberDecl, p: { prefix: string; year: number; seq: number }) {
  return decl.format ? decl.format(p) : `${p.prefix}〔${p.year}〕${p.seq}号`;
}

export async function issueNumber(
  trx: Transaction<DB>,
  decl: NumberDecl,
  c: CaseView,
  year: number,
): Promise<string> {
  const prefix = decl.prefix(c);
  const seq = await nextSequence(trx, c.regionCode, prefix, decl.kind, year);
  return formatNumber(decl, { prefix, year, seq });
}
