import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { withScope } from "../../db/scope.ts";
import { NotFoundError, t } from "../../kernel/errors.ts";
import type { Registry } from "../registry.ts";
import { toView } from "./store.ts";

/**
 * Public output of cases (公示): only what a case type's public projection names (an
 * allowlist). The projection sees the case as stored — ID and phone numbers still
 * encrypted — so it cannot leak them even by mistake. No actor: the query runs under a
 * data scope of the one region.
 */
export interface PublicCase {
  id: number;
  [field: string]: unknown;
}

const MAX_SCAN = 2000;

export function publicCaseTypes(registry: Registry) {
  return registry.caseTypes().filter((d) => d.public);
}

export async function publicCases(
  registry: Registry,
  db: Kysely<DB>,
  caseType: string,
  regionCode: string,
  paging: { page: number; pageSize: number },
): Promise<{ items: PublicCase[]; total: number; page: number; pageSize: number }> {
  const decl = registry.caseType(caseType);
  if (!decl?.public)
    throw new NotFoundError(t(`没有公开的案件类型 ${caseType}`, `no public case type ${caseType}`));
  const rows = await withScope(
    db,
    { regions: [regionCode], unitId: undefined, userId: undefined },
    (trx) => {
      let q = trx
        .selectFrom("case_file")
        .selectAll()
        .where("case_type", "=", decl.code)
        .where("region_code", "=", regionCode);
      if (decl.publicStates) q = q.where("state", "in", [...decl.publicStates]);
      return q.orderBy("id", "desc").limit(MAX_SCAN).execute();
    },
  );
  const all: PublicCase[] = [];
  for (const r of rows) {
    const p = decl.public(toView(r));
    if (p) all.push({ ...p, id: r.id });
  }
  const start = (paging.page - 1) * paging.pageSize;
  return { items: all.slice(start, start + paging.pageSize), total: all.length, ...paging };
}

export async function publicCase(
  registry: Registry,
  db: Kysely<DB>,
  caseType: string,
  regionCode: string,
  id: number,
): Promise<PublicCase> {
  const decl = registry.caseType(caseType);
  if (!decl?.public)
    throw new NotFoundError(t(`没有公开的案件类型 ${caseType}`, `no public case type ${caseType}`));
  const row = await withScope(
    db,
    { regions: [regionCode], unitId: undefined, userId: undefined },
    (trx) =>
      trx
        .selectFrom("case_file")
        .selectAll()
        .where("case_type", "=", decl.code)
        .where("id", "=", id)
        .executeTakeFirst(),
  );
  const p = row ? decl.public(toView(row)) : undefined;
  if (!p) throw new NotFoundError(t(`没有公开的案件 ${id}`, `no public case ${id}`));
  return { ...p, id };
}
