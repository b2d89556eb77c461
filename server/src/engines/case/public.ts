import { type Kysely, type Selectable, sql } from "kysely";
import type { CaseFileTable, DB } from "../../db/schema.ts";
import { withScope } from "../../db/scope.ts";
import { NotFoundError, t } from "../../kernel/errors.ts";
import { jsonAccess } from "../indicator/queries/json.ts";
import type { Registry } from "../registry.ts";
import type { AnyCaseType } from "./index.ts";
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

/** Without a `publicFilter`, the list projects at most this many cases (the newest). */
const MAX_SCAN = 2000;

type Page = { items: PublicCase[]; total: number; page: number; pageSize: number };

export function publicCaseTypes(registry: Registry) {
  return registry.caseTypes().filter((d) => d.public);
}

const scopeOf = (regionCode: string) => ({
  regions: [regionCode],
  unitId: undefined,
  userId: undefined,
});

function project(decl: AnyCaseType, r: Selectable<CaseFileTable>): PublicCase | undefined {
  const { public_total: _, ...row } = r as Selectable<CaseFileTable> & { public_total?: string };
  const p = decl.public!(toView(row));
  return p ? { ...p, id: r.id } : undefined;
}

/**
 * Paged in SQL (the type declares `publicFilter`): the page's cases and the count, then
 * the projection of the page only. Undefined when the projection refuses a case the
 * filter admitted (the declaration is not exact): the caller projects every case.
 */
async function pagedInSql(
  decl: AnyCaseType,
  db: Kysely<DB>,
  regionCode: string,
  paging: { page: number; pageSize: number },
): Promise<Page | undefined> {
  const filter = decl.publicFilter!;
  const { rows, total } = await withScope(db, scopeOf(regionCode), async (trx) => {
    let q = trx
      .selectFrom("case_file")
      .where("case_type", "=", decl.code)
      .where("region_code", "=", regionCode)
      .where((eb) => filter(eb, jsonAccess("case_file.fields")));
    if (decl.publicStates) q = q.where("state", "in", [...decl.publicStates]);
    // The page and the count in one statement; past the last page, the count alone.
    const rows = await q
      .selectAll()
      .select(sql<string>`count(*) over ()`.as("public_total"))
      .orderBy("id", "desc")
      .limit(paging.pageSize)
      .offset((paging.page - 1) * paging.pageSize)
      .execute();
    if (rows.length) return { rows, total: Number(rows[0]!.public_total) };
    const n = await q.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
    return { rows, total: Number(n.n) };
  });
  const items: PublicCase[] = [];
  for (const r of rows) {
    const p = project(decl, r);
    if (!p) return undefined;
    items.push(p);
  }
  return { items, total, ...paging };
}

/** Every public-state case projected (the newest MAX_SCAN), then the page. */
async function scanned(
  decl: AnyCaseType,
  db: Kysely<DB>,
  regionCode: string,
  paging: { page: number; pageSize: number },
): Promise<Page> {
  const rows = await withScope(db, scopeOf(regionCode), (trx) => {
    let q = trx
      .selectFrom("case_file")
      .selectAll()
      .where("case_type", "=", decl.code)
      .where("region_code", "=", regionCode);
    if (decl.publicStates) q = q.where("state", "in", [...decl.publicStates]);
    return q.orderBy("id", "desc").limit(MAX_SCAN).execute();
  });
  const all: PublicCase[] = [];
  for (const r of rows) {
    const p = project(decl, r);
    if (p) all.push(p);
  }
  const start = (paging.page - 1) * paging.pageSize;
  return { items: all.slice(start, start + paging.pageSize), total: all.length, ...paging };
}

export async function publicCases(
  registry: Registry,
  db: Kysely<DB>,
  caseType: string,
  regionCode: string,
  paging: { page: number; pageSize: number },
): Promise<Page> {
  const decl = registry.caseType(caseType);
  if (!decl?.public)
    throw new NotFoundError(t(`没有公开的案件类型 ${caseType}`, `no public case type ${caseType}`));
  if (decl.publicFilter) {
    const page = await pagedInSql(decl, db, regionCode, paging);
    if (page) return page;
  }
  return scanned(decl, db, regionCode, paging);
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
  const row = await withScope(db, scopeOf(regionCode), (trx) =>
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
