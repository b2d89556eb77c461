/**
 * The public listing of a register (公示): only the declaration's allowlisted fields
 * (`decl.public.fields`), people in them masked by their role (kernel/masking.ts), only
 * entries passing `decl.public.where`. Encrypted fields (ID and phone numbers) can never
 * be allowlisted (checkRegisterDecl refuses it). Used by the public portal; no actor:
 * the query runs under a data scope of the one region.
 */
import { type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema.ts";
import { withScope } from "../../db/scope.ts";
import { NotFoundError, t } from "../../kernel/errors.ts";
import { type MaskOptions, maskPerson, type PersonRoleCode } from "../../kernel/masking.ts";
import type { EntryData } from "./data.ts";
import type { RegisterDecl } from "./declare.ts";
import { pagingOf } from "./service/index.ts";

export interface PublicEntry {
  /** The entry id (for a detail link); every other key is an allowlisted field. */
  id: number;
  [field: string]: unknown;
}

export interface PublicPage {
  items: PublicEntry[];
  total: number;
  page: number;
  pageSize: number;
}

/** One person value (a name, or an object with a name) as public output may carry it. */
function maskValue(role: PersonRoleCode, v: unknown, options: MaskOptions): unknown {
  if (v === null || v === undefined) return undefined;
  if (Array.isArray(v)) {
    return v.map((x) => maskValue(role, x, options)).filter((x) => x !== undefined);
  }
  if (typeof v === "string") return maskPerson(role, { name: v }, options)?.name;
  if (typeof v === "object" && typeof (v as { name?: unknown }).name === "string") {
    const p = v as { name: string; certificateNo?: string; uscc?: string };
    return (
      maskPerson(
        role,
        { name: p.name, certificateNo: p.certificateNo ?? null, uscc: p.uscc ?? null },
        options,
      ) ?? undefined
    );
  }
  // Anything else in a people field is not known to be safe: withheld.
  return undefined;
}

/** The allowlisted projection of one entry's data. */
export function publicProjection(
  decl: RegisterDecl,
  id: number,
  data: EntryData,
  options: MaskOptions = {},
): PublicEntry {
  const out: PublicEntry = { id };
  const people = new Map((decl.people ?? []).map((p) => [p.field, p.role]));
  for (const field of decl.public?.fields ?? []) {
    if (decl.encrypted?.includes(field)) continue;
    const value = data[field];
    if (value === undefined) continue;
    const role = people.get(field);
    const shown = role ? maskValue(role, value, options) : value;
    if (shown !== undefined) out[field] = shown;
  }
  return out;
}

/**
 * A page of the register's public entries in a region, newest first. A register without
 * a public declaration is not found.
 */
export async function publicEntries(
  db: Kysely<DB>,
  decl: RegisterDecl,
  regionCode: string,
  paging: { page?: number; pageSize?: number } = {},
  options: MaskOptions = {},
): Promise<PublicPage> {
  if (!decl.public)
    throw new NotFoundError(t(`${decl.label.zh}不公开`, `${decl.label.en} is not public`));
  const where = decl.public.where;
  const { page, pageSize } = pagingOf(paging);
  return withScope(
    db,
    { regions: [regionCode], unitId: undefined, userId: undefined },
    async (trx) => {
      const base = trx
        .selectFrom("register_entry")
        .where("region_code", "=", regionCode)
        .where("register", "=", decl.code);
      let rows: { id: number; data: unknown }[];
      let total: number;
      if (!where) {
        const n = await base.select(sql<number>`count(*)::int`.as("n")).executeTakeFirst();
        total = n?.n ?? 0;
        rows = await base
          .select(["id", "data"])
          .orderBy("id", "desc")
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute();
      } else {
        // A declared predicate runs on the data: filter everything, then page.
        const all = (await base.select(["id", "data"]).orderBy("id", "desc").execute()).filter(
          (r) => {
            try {
              return where(r.data as never);
            } catch {
              return false;
            }
          },
        );
        total = all.length;
        rows = all.slice((page - 1) * pageSize, page * pageSize);
      }
      return {
        items: rows.map((r) => publicProjection(decl, r.id, (r.data ?? {}) as EntryData, options)),
        total,
        page,
        pageSize,
      };
    },
  );
}

/**
 * One public entry of the register in a region (its own page on the portal): not found
 * when the register is not public, or the entry does not pass `decl.public.where`.
 */
export async function publicEntry(
  db: Kysely<DB>,
  decl: RegisterDecl,
  regionCode: string,
  id: number,
  options: MaskOptions = {},
): Promise<PublicEntry> {
  const notFound = () => new NotFoundError(t(`没有这条公开信息（${id}）`, `no public entry ${id}`));
  if (!decl.public) throw notFound();
  const where = decl.public.where;
  const row = await withScope(
    db,
    { regions: [regionCode], unitId: undefined, userId: undefined },
    (trx) =>
      trx
        .selectFrom("register_entry")
        .select(["id", "data"])
        .where("region_code", "=", regionCode)
        .where("register", "=", decl.code)
        .where("id", "=", id)
        .executeTakeFirst(),
  );
  if (!row) throw notFound();
  const data = (row.data ?? {}) as EntryData;
  if (where) {
    let shown = false;
    try {
      shown = where(data as never);
    } catch {
      shown = false;
    }
    if (!shown) throw notFound();
  }
  return publicProjection(decl, row.id, data, options);
}
