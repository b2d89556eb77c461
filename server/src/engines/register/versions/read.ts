/**
 * Reading the published versions of a list: the versions, one version with its entries,
 * the version in force on a day, and the change list between two versions (or between a
 * version and the entries now, before the next is published).
 */
import { type RawBuilder, sql } from "kysely";
import { canonicalJson } from "../../../kernel/canonical-json.ts";
import { NotFoundError, t } from "../../../kernel/errors.ts";
import type { Label } from "../../../kernel/labels.ts";
import type { LocalDate } from "../../../kernel/time/index.ts";
import type { WorkTx } from "../../../platform/work.ts";
import { changedFields, type EntryData, issuesToFields } from "../data.ts";
import type { RegisterDecl } from "../declare.ts";
import { assertRead } from "../service/access.ts";

export { issuesToFields };

/** One entry as a version froze it. */
export interface SnapshotEntry {
  id: number;
  unitId: number;
  title: string;
  data: Record<string, unknown>;
}

export interface VersionView {
  id: number;
  register: string;
  regionCode: string;
  /** null: the region's list; else the unit whose list this is. */
  unitId: number | null;
  number: string;
  publishedOn: string;
  inForceFrom: string;
  /** Until the day before the next version of the same list came into force; null: open. */
  inForceUntil: string | null;
  /** In force today (published, its day come, no later version in force). */
  current: boolean;
  entryCount: number;
  digest: string;
  publishedAt: string;
  publishedBy: number | null;
}

export interface VersionWithEntries extends VersionView {
  entries: SnapshotEntry[];
}

export interface VersionRow {
  id: number | string;
  region_code: string;
  register: string;
  unit_id: number | string | null;
  number: string;
  published_on: string;
  in_force_from: string;
  entry_count: number;
  digest: string;
  published_at: Date | string;
  published_by: number | string | null;
}

const COLUMNS = sql`id, region_code, register, unit_id, number, published_on::text as published_on,
  in_force_from::text as in_force_from, entry_count, digest, published_at, published_by`;

/** The rows of one list: a region's (unitId null) or a unit's. */
export function listScope(
  regionCode: string,
  register: string,
  unitId: number | null,
): RawBuilder<unknown> {
  return unitId === null
    ? sql`region_code = ${regionCode} and register = ${register} and unit_id is null`
    : sql`region_code = ${regionCode} and register = ${register} and unit_id = ${unitId}`;
}

function dayBefore(d: string): string {
  const x = new Date(`${d}T00:00:00Z`);
  x.setUTCDate(x.getUTCDate() - 1);
  return x.toISOString().slice(0, 10);
}

export function viewOf(r: VersionRow, today: LocalDate, next: string | null): VersionView {
  const until = next ? dayBefore(next) : null;
  return {
    id: Number(r.id),
    register: r.register,
    regionCode: r.region_code,
    unitId: r.unit_id === null ? null : Number(r.unit_id),
    number: r.number,
    publishedOn: r.published_on,
    inForceFrom: r.in_force_from,
    inForceUntil: until,
    current: r.in_force_from <= today && (until === null || until >= today),
    entryCount: r.entry_count,
    digest: r.digest,
    publishedAt: new Date(r.published_at).toISOString(),
    publishedBy: r.published_by === null ? null : Number(r.published_by),
  };
}

const key = (r: VersionRow) => `${r.region_code}:${r.unit_id ?? "*"}`;

/** The versions of a register the actor sees, newest first (each with its end). */
export async function listVersions(
  w: WorkTx,
  decl: RegisterDecl,
  opts: { unitId?: number } = {},
): Promise<VersionView[]> {
  assertRead(w.actor);
  const unitCond = opts.unitId === undefined ? sql`true` : sql`unit_id = ${opts.unitId}`;
  const { rows } = await sql<VersionRow>`select ${COLUMNS} from register_version
     where register = ${decl.code} and region_code = any(${w.actor.regions}::text[]) and ${unitCond}
     order by region_code, unit_id nulls first, in_force_from desc, id desc`.execute(w.trx);
  // The next version of the same list ends this one.
  const nextOf = new Map<string, string>();
  const out: VersionView[] = [];
  for (const r of rows) {
    out.push(viewOf(r, w.today, nextOf.get(key(r)) ?? null));
    nextOf.set(key(r), r.in_force_from);
  }
  return out.sort((a, b) =>
    a.inForceFrom === b.inForceFrom ? b.id - a.id : b.inForceFrom.localeCompare(a.inForceFrom),
  );
}

function notFound(decl: RegisterDecl, id: number) {
  return new NotFoundError(
    t(`${decl.label.zh}没有这个版本`, `no version ${id} of ${decl.label.en}`),
  );
}

/** One version with its entries. */
export async function getVersion(
  w: WorkTx,
  decl: RegisterDecl,
  id: number,
): Promise<VersionWithEntries> {
  assertRead(w.actor);
  const { rows } = await sql<VersionRow & { entries: SnapshotEntry[] }>`
    select ${COLUMNS}, entries from register_version
     where register = ${decl.code} and id = ${id} and region_code = any(${w.actor.regions}::text[])`.execute(
    w.trx,
  );
  const r = rows[0];
  if (!r) throw notFound(decl, id);
  const next = await sql<{ d: string }>`select min(in_force_from)::text as d from register_version
     where ${listScope(r.region_code, decl.code, r.unit_id === null ? null : Number(r.unit_id))}
       and (in_force_from > ${r.in_force_from}::date)`.execute(w.trx);
  return { ...viewOf(r, w.today, next.rows[0]?.d ?? null), entries: r.entries };
}

export interface FieldChange {
  field: string;
  label: Label;
  before: unknown;
  after: unknown;
}

export interface VersionDiff {
  from: VersionView;
  /** null: the entries as they are now (not yet published). */
  to: VersionView | null;
  added: SnapshotEntry[];
  removed: SnapshotEntry[];
  changed: {
    id: number;
    title: string;
    before: SnapshotEntry;
    after: SnapshotEntry;
    fields: FieldChange[];
  }[];
  unchanged: number;
}

/**
 * The change list from one version to another of the same list (or to the entries now):
 * entries are matched by their register entry id — an entry edited between the two is
 * changed (with the fields that differ), one deleted is removed, one created is added.
 */
export async function diffVersions(
  w: WorkTx,
  decl: RegisterDecl,
  fromId: number,
  toId: number | "current",
): Promise<VersionDiff> {
  const from = await getVersion(w, decl, fromId);
  let to: VersionWithEntries | null = null;
  let after: SnapshotEntry[];
  if (toId === "current") {
    let q = w.trx
      .selectFrom("register_entry")
      .select(["id", "unit_id", "data"])
      .where("region_code", "=", from.regionCode)
      .where("register", "=", decl.code);
    if (from.unitId !== null) q = q.where("unit_id", "=", from.unitId);
    const rows = await q.orderBy("id").execute();
    after = rows.map((r) => ({
      id: Number(r.id),
      unitId: Number(r.unit_id),
      title: titleOf(decl, r.data),
      data: (r.data ?? {}) as Record<string, unknown>,
    }));
  } else {
    to = await getVersion(w, decl, toId);
    if (to.regionCode !== from.regionCode || to.unitId !== from.unitId) {
      throw notFound(decl, toId);
    }
    after = to.entries;
  }
  return diffEntries(decl, from, to, from.entries, after);
}

function titleOf(decl: RegisterDecl, data: unknown): string {
  try {
    return decl.title(data as never);
  } catch {
    return "";
  }
}

/** The change list between two snapshots (pure; exported for the unit test). */
export function diffEntries(
  decl: RegisterDecl,
  from: VersionView,
  to: VersionView | null,
  before: SnapshotEntry[],
  after: SnapshotEntry[],
): VersionDiff {
  const a = new Map(before.map((e) => [e.id, e]));
  const b = new Map(after.map((e) => [e.id, e]));
  const labelOf = (f: string): Label =>
    decl.columns.find((c) => c.field === f)?.label ?? { zh: f, en: f };
  const diff: VersionDiff = { from, to, added: [], removed: [], changed: [], unchanged: 0 };
  for (const e of after) if (!a.has(e.id)) diff.added.push(e);
  for (const e of before) {
    const n = b.get(e.id);
    if (!n) {
      diff.removed.push(e);
      continue;
    }
    const fields = changedFields(e.data as EntryData, n.data as EntryData);
    if (fields.length === 0 && canonicalJson(e.unitId) === canonicalJson(n.unitId)) {
      diff.unchanged++;
      continue;
    }
    diff.changed.push({
      id: e.id,
      title: n.title,
      before: e,
      after: n,
      fields: fields.map((f) => ({
        field: f,
        label: labelOf(f),
        before: e.data[f] ?? null,
        after: n.data[f] ?? null,
      })),
    });
  }
  return diff;
}
