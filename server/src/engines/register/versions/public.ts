/**
 * The list in force on a day, as the public reads it (the portal's `?on=2020-06-01`):
 * the version of the region's list (or, for `versions.by: "unit"`, each unit's version)
 * that came into force on or before that day with no later one in force, its entries
 * through the register's public projection only (public.ts: allowlisted fields, people
 * masked, `public.where`). An entry added after that version is not shown, whatever the
 * register holds today.
 */
import { type Kysely, sql } from "kysely";
import type { DB } from "../../../db/schema.ts";
import { withScope } from "../../../db/scope.ts";
import { NotFoundError, t } from "../../../kernel/errors.ts";
import type { MaskOptions } from "../../../kernel/masking.ts";
import type { EntryData } from "../data.ts";
import type { RegisterDecl } from "../declare.ts";
import { type PublicEntry, type PublicPage, publicProjection } from "../public.ts";
import { pagingOf } from "../service/index.ts";
import type { SnapshotEntry } from "./read.ts";

export interface PublicVersion {
  id: number;
  unitId: number | null;
  number: string;
  publishedOn: string;
  inForceFrom: string;
}

export interface PublicListOn extends PublicPage {
  on: string;
  /** The versions in force on the day (one for a region's list); empty: none yet. */
  versions: PublicVersion[];
}

interface Row {
  id: string | number;
  unit_id: string | number | null;
  number: string;
  published_on: string;
  in_force_from: string;
  entries: SnapshotEntry[];
}

async function inForceRows(
  db: Kysely<DB>,
  decl: RegisterDecl,
  regionCode: string,
  on: string,
): Promise<Row[]> {
  return withScope(
    db,
    { regions: [regionCode], unitId: undefined, userId: undefined },
    async (trx) => {
      const { rows } = await sql<Row>`
      select distinct on (unit_id) id, unit_id, number, published_on::text as published_on,
             in_force_from::text as in_force_from, entries
        from register_version
       where region_code = ${regionCode} and register = ${decl.code}
         and in_force_from <= ${on}::date
       order by unit_id nulls first, in_force_from desc, id desc`.execute(trx);
      return (decl.versions?.by ?? "region") === "region"
        ? rows.filter((r) => r.unit_id === null)
        : rows.filter((r) => r.unit_id !== null);
    },
  );
}

function shownEntries(decl: RegisterDecl, rows: Row[]): SnapshotEntry[] {
  const where = decl.public?.where;
  return rows
    .flatMap((r) => r.entries)
    .filter((e) => {
      if (!where) return true;
      try {
        return where(e.data as never);
      } catch {
        return false;
      }
    })
    .sort((a, b) => a.id - b.id);
}

const versionOf = (r: Row): PublicVersion => ({
  id: Number(r.id),
  unitId: r.unit_id === null ? null : Number(r.unit_id),
  number: r.number,
  publishedOn: r.published_on,
  inForceFrom: r.in_force_from,
});

function notPublic(decl: RegisterDecl) {
  return new NotFoundError(t(`${decl.label.zh}不公开`, `${decl.label.en} is not public`));
}

/** A page of the list in force on `on` (entries in the order of the list). */
export async function publicListOn(
  db: Kysely<DB>,
  decl: RegisterDecl,
  regionCode: string,
  on: string,
  paging: { page?: number; pageSize?: number } = {},
  options: MaskOptions = {},
): Promise<PublicListOn> {
  if (!decl.public || !decl.versions) throw notPublic(decl);
  const { page, pageSize } = pagingOf(paging);
  const rows = await inForceRows(db, decl, regionCode, on);
  const all = shownEntries(decl, rows);
  return {
    on,
    versions: rows.map(versionOf),
    items: all
      .slice((page - 1) * pageSize, page * pageSize)
      .map((e) => publicProjection(decl, e.id, e.data as EntryData, options)),
    total: all.length,
    page,
    pageSize,
  };
}

/** One entry of the list in force on `on` (its own page): not found when it was not in it. */
export async function publicListEntryOn(
  db: Kysely<DB>,
  decl: RegisterDecl,
  regionCode: string,
  id: number,
  on: string,
  options: MaskOptions = {},
): Promise<PublicEntry> {
  if (!decl.public || !decl.versions) throw notPublic(decl);
  const rows = await inForceRows(db, decl, regionCode, on);
  const e = shownEntries(decl, rows).find((x) => x.id === id);
  if (!e) throw new NotFoundError(t(`没有这条公开信息（${id}）`, `no public entry ${id}`));
  return publicProjection(decl, e.id, e.data as EntryData, options);
}
