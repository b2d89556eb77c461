/**
 * The portal's sections (engines/portal): reading a section's items through its source's
 * public projection, and showing their values as a citizen reads them — coded values by
 * their labels, dates in Chinese, legal bases in the Chinese citation form (citeZh), the
 * enforcement body by its name in the bodies register (one spelling everywhere), lists as
 * lists. Nothing reaches a page as JSON or as a code.
 */

import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { withScope } from "../../db/scope.ts";
import { publicCase, publicCases } from "../../engines/case/public.ts";
import type { PortalSectionDecl, PortalStage } from "../../engines/portal/index.ts";
import type { ColumnDecl, RegisterDecl } from "../../engines/register/declare.ts";
import { publicEntries, publicEntry } from "../../engines/register/public.ts";
import {
  type PublicVersion,
  publicListEntryOn,
  publicListOn,
} from "../../engines/register/versions/index.ts";
import type { Registry } from "../../engines/registry.ts";
import { fullNameOf } from "../../kernel/authority-name.ts";
import { citeZh } from "../../kernel/citation.ts";
import { NotFoundError, t } from "../../kernel/errors.ts";
import { dateZh, esc } from "./html.ts";

export const PAGE_SIZE = 20;

export interface Item {
  id: number;
  [field: string]: unknown;
}

/** A body of the bodies register: its name there, its full name, and its directory unit. */
export interface Body {
  name: string;
  /** The name as the public reads it: with the region's full name (重庆市武隆区…). */
  fullName: string;
  unitCode: string;
  unitId: number | undefined;
}

export interface Bodies {
  list: Body[];
  byUnitCode: Map<string, Body>;
  byName: Map<string, Body>;
  /** Directory units of the region by code → full name (for units that are no body). */
  unitNames: Map<string, string>;
}

/** The region's enforcement bodies from the register the modules named (`portalBodies`). */
export async function bodiesOf(
  db: Kysely<DB>,
  registry: Registry,
  region: string,
): Promise<Bodies> {
  const decl = registry.portalBodies();
  const list: Body[] = [];
  const { rows, units } = await withScope(
    db,
    { regions: [region], unitId: undefined, userId: undefined },
    async (trx) => ({
      rows: decl
        ? await trx
            .selectFrom("register_entry")
            .select(["data"])
            .where("region_code", "=", region)
            .where("register", "=", decl.register)
            .orderBy("id")
            .execute()
        : [],
      units: await trx
        .selectFrom("unit")
        .select(["id", "code", "name_zh"])
        .where("region_code", "=", region)
        .execute(),
    }),
  );
  const unitIds = new Map(units.map((u) => [u.code, u.id]));
  const area = await areaOf(db, region);
  if (decl) {
    for (const r of rows) {
      const d = (r.data ?? {}) as Record<string, unknown>;
      const name = d[decl.nameField];
      const unitCode = d[decl.unitCodeField];
      if (typeof name !== "string" || typeof unitCode !== "string") continue;
      list.push({
        name,
        fullName: fullNameOf(area, name),
        unitCode,
        unitId: unitIds.get(unitCode),
      });
    }
  }
  list.sort((a, b) => a.name.localeCompare(b.name, "zh-CN"));
  return {
    list,
    byUnitCode: new Map(list.map((b) => [b.unitCode, b])),
    byName: new Map(list.flatMap((b) => [[b.name, b] as const, [b.fullName, b] as const])),
    // A unit that is no enforcement body (a list names every implementing unit): its
    // directory name, in full.
    unitNames: new Map(units.map((u) => [u.code, fullNameOf(area, u.name_zh)])),
  };
}

/** The names of a region and the regions above it, outermost first (重庆市, 武隆区). */
async function areaOf(db: Kysely<DB>, region: string): Promise<string[]> {
  const names: string[] = [];
  let code: string | null = region;
  for (let i = 0; code && i < 4; i++) {
    const r = await db
      .selectFrom("region")
      .select(["name_zh", "parent_code"])
      .where("code", "=", code)
      .executeTakeFirst();
    if (!r) break;
    names.unshift(r.name_zh);
    code = r.parent_code;
  }
  return names;
}

export function registerOf(registry: Registry, s: PortalSectionDecl): RegisterDecl | undefined {
  return "register" in s.source ? registry.register(s.source.register) : undefined;
}

/**
 * A page of a section's items, newest first; a published list's (a register declaring
 * `versions`) as in force on `on`, with the versions shown.
 */
export async function sectionItems(
  db: Kysely<DB>,
  registry: Registry,
  s: PortalSectionDecl,
  region: string,
  page: number,
  on: string,
): Promise<{ items: Item[]; total: number; versions?: PublicVersion[] }> {
  if ("caseType" in s.source)
    return publicCases(registry, db, s.source.caseType, region, { page, pageSize: PAGE_SIZE });
  const decl = registerOf(registry, s)!;
  if (decl.versions) return publicListOn(db, decl, region, on, { page, pageSize: PAGE_SIZE });
  return publicEntries(db, decl, region, { page, pageSize: PAGE_SIZE });
}

/** The unit of each item (the deciding body's or the keeper's), for `body.by: "unit"`. */
export async function unitsOfItems(
  db: Kysely<DB>,
  s: PortalSectionDecl,
  region: string,
  ids: number[],
): Promise<Map<number, number>> {
  if (s.body?.by !== "unit" || ids.length === 0) return new Map();
  const rows = await withScope(
    db,
    { regions: [region], unitId: undefined, userId: undefined },
    (trx) =>
      "caseType" in s.source
        ? trx
            .selectFrom("case_file")
            .select(["id", "unit_id"])
            .where("region_code", "=", region)
            .where("id", "in", ids)
            .execute()
        : trx
            .selectFrom("register_entry")
            .select(["id", "unit_id"])
            .where("region_code", "=", region)
            .where("id", "in", ids)
            .execute(),
  );
  const out = new Map<number, number>();
  for (const r of rows) if (r.unit_id !== null) out.set(r.id, r.unit_id);
  return out;
}

/** What showing a section's values needs beside the item. */
export interface Shown {
  registry: Registry;
  s: PortalSectionDecl;
  bodies: Bodies;
  /** Item id → its unit (for `body.by: "unit"`). */
  units: Map<number, number>;
}

/** One item of a section (its own page; not found when the section has none). */
export async function sectionItem(
  db: Kysely<DB>,
  registry: Registry,
  s: PortalSectionDecl,
  region: string,
  id: number,
  on: string,
): Promise<Item> {
  if (s.detail === false)
    throw new NotFoundError(t("没有这个页面", `section ${s.code} has no item pages`));
  const decl = registerOf(registry, s);
  if (decl?.versions) return publicListEntryOn(db, decl, region, id, on);
  return sectionRecord(db, registry, s, region, id);
}

/** One public record of a section's source. */
export async function sectionRecord(
  db: Kysely<DB>,
  registry: Registry,
  s: PortalSectionDecl,
  region: string,
  id: number,
): Promise<Item> {
  if ("caseType" in s.source) return publicCase(registry, db, s.source.caseType, region, id);
  return publicEntry(db, registerOf(registry, s)!, region, id);
}

/** The label of a field, from its source's declaration. */
export function fieldLabel(registry: Registry, s: PortalSectionDecl, field: string): string {
  if ("caseType" in s.source)
    return registry.caseType(s.source.caseType)?.publicLabels?.[field]?.zh ?? "";
  const col = registerOf(registry, s)?.columns.find((c) => c.field === field);
  return col?.label.zh ?? "";
}

/** The fields of an item's own page. */
export function detailFields(registry: Registry, s: PortalSectionDecl): string[] {
  if (s.detail) return s.detail;
  if ("caseType" in s.source)
    return Object.keys(registry.caseType(s.source.caseType)?.publicLabels ?? {}).filter(
      (f) => f !== s.title,
    );
  return (registerOf(registry, s)?.public?.fields ?? []).filter((f) => f !== s.title);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function scalar(v: unknown, col: ColumnDecl | undefined): string {
  if (typeof v === "boolean") return v ? "是" : "否";
  if (typeof v === "number") return v.toLocaleString("zh-CN");
  if (typeof v !== "string") return "";
  if (col?.kind === "enum") return col.options?.[v]?.zh ?? "";
  if (DATE.test(v)) return dateZh(v);
  return v;
}

/**
 * A field's value as HTML. `full` (an item's own page) shows lists as lists; a list
 * page joins them. Unknown codes and objects without a format are left out, never shown
 * raw.
 */
export function showField(ctx: Shown, item: Item, field: string, full = false): string {
  const { registry, s, bodies } = ctx;
  const v = item[field];
  if (v === undefined || v === null || v === "") return "";
  if (s.body?.field === field && typeof v === "string") {
    const by = s.body.by;
    const unit = ctx.units.get(item.id);
    const b =
      by === "unitCode"
        ? bodies.byUnitCode.get(v)
        : by === "name"
          ? bodies.byName.get(v)
          : bodies.list.find((x) => x.unitId !== undefined && x.unitId === unit);
    // A unit code no body carries is a code: never shown. A name is the record's own.
    return esc(b?.fullName ?? (by === "unitCode" ? (bodies.unitNames.get(v) ?? "") : v));
  }
  if (s.citations?.includes(field) && typeof v === "string") return esc(citeZh(v) || v);
  const coded = s.values?.[field];
  if (coded && typeof v === "string") return esc(coded[v]?.zh ?? v);
  const col = registerOf(registry, s)?.columns.find((c) => c.field === field);
  if (Array.isArray(v)) {
    const parts = v
      .map((x) => (col?.item && typeof x === "object" ? col.item.format(x) : scalar(x, col)))
      .filter(Boolean);
    if (parts.length === 0) return "";
    return full
      ? `<ul>${parts.map((p) => `<li>${esc(p)}</li>`).join("")}</ul>`
      : esc(parts.join("；"));
  }
  return esc(scalar(v, col));
}

/** The heading of an item (its title field, shown), or the section's name. */
export function itemTitle(ctx: Shown, item: Item): string {
  return showField(ctx, item, ctx.s.title) || esc(ctx.s.label.zh);
}

export function sectionsOf(registry: Registry, stage: PortalStage): PortalSectionDecl[] {
  return registry.portalSections().filter((s) => s.stage === stage);
}

/** The section that shows a search hit's source (the first declared). */
export function sectionOfSource(
  registry: Registry,
  kind: string,
  source: string,
): PortalSectionDecl | undefined {
  return registry
    .portalSections()
    .find((s) =>
      "caseType" in s.source
        ? kind !== "register" && s.source.caseType === source
        : kind === "register" && s.source.register === source,
    );
}

export { fullNameOf };
