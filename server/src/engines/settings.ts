import type { Kysely } from "kysely";
import type { z } from "zod";
import type { DB } from "../db/schema.ts";
import { NotFoundError, t, ValidationError } from "../kernel/errors.ts";
import { issueText } from "../kernel/issue-text.ts";
import type { Label } from "../kernel/labels.ts";
import type { WorkTx } from "../platform/work.ts";

/**
 * A setting: a rule that differs by province or city, or is uncertain, declared with its
 * national default and the basis for it. A region's value applies to it and to the
 * regions below it (a city's value to its districts) unless they set their own.
 */
export interface SettingDecl<T = unknown> {
  code: string;
  label: Label;
  module: string;
  schema: z.ZodType<T>;
  default: T;
  /** Where the default comes from, and what varies (e.g. "2018 guideline: 7 working days; 总局令第45号: 20"). */
  basis: string;
}

/** Settings as seen from one region (its own value, else its ancestors', else the default). */
export type Settings = <T>(code: string) => T;

interface Lookup {
  setting(code: string): SettingDecl | undefined;
  settings(): SettingDecl[];
}

async function ancestry(db: Kysely<DB>, regionCode: string): Promise<string[]> {
  const out: string[] = [];
  let code: string | null = regionCode;
  while (code && out.length < 5) {
    out.push(code);
    const r: { parent_code: string | null } | undefined = await db
      .selectFrom("region")
      .select("parent_code")
      .where("code", "=", code)
      .executeTakeFirst();
    code = r?.parent_code ?? null;
  }
  return out;
}

export async function settingsFor(
  db: Kysely<DB>,
  registry: Lookup,
  regionCode: string,
): Promise<Settings> {
  const chain = await ancestry(db, regionCode);
  const rows = await db
    .selectFrom("setting")
    .select(["region_code", "code", "value"])
    .where("region_code", "in", chain)
    .execute();
  return <T>(code: string): T => {
    const decl = registry.setting(code);
    if (!decl) throw new Error(`no setting ${code} is declared`);
    for (const region of chain) {
      const row = rows.find((r) => r.region_code === region && r.code === code);
      if (row) return row.value as T;
    }
    return decl.default as T;
  };
}

/** Every declared setting with its effective value for a region and where it comes from. */
export async function listSettings(db: Kysely<DB>, registry: Lookup, regionCode: string) {
  const chain = await ancestry(db, regionCode);
  const rows = await db
    .selectFrom("setting")
    .selectAll()
    .where("region_code", "in", chain)
    .execute();
  return registry.settings().map((d) => {
    const row = chain
      .map((r) => rows.find((x) => x.region_code === r && x.code === d.code))
      .find(Boolean);
    return {
      code: d.code,
      label: d.label,
      module: d.module,
      basis: d.basis,
      default: d.default,
      value: row ? row.value : d.default,
      setIn: row?.region_code ?? null,
    };
  });
}

/** Set (or with `value === null`, clear) a region's value of a setting; audited. */
export async function putSetting(
  w: WorkTx,
  registry: Lookup,
  regionCode: string,
  code: string,
  value: unknown,
) {
  const decl = registry.setting(code);
  if (!decl) throw new NotFoundError(t("没有这项设置", `no setting ${code}`));
  if (!w.actor.regions.includes(regionCode))
    throw new NotFoundError(t("没有这个地区，或不在您的管辖范围内", `no region ${regionCode}`));
  const before = await w.trx
    .selectFrom("setting")
    .select("value")
    .where("region_code", "=", regionCode)
    .where("code", "=", code)
    .executeTakeFirst();
  if (value === null) {
    await w.trx
      .deleteFrom("setting")
      .where("region_code", "=", regionCode)
      .where("code", "=", code)
      .execute();
  } else {
    const r = decl.schema.safeParse(value, { reportInput: true });
    if (!r.success) {
      throw new ValidationError(
        t(`“${decl.label.zh}”的值不符合要求`, `invalid value for ${code}`),
        r.error.issues.map((i) => ({
          field: ["value", ...i.path.map(String)].join("."),
          message: issueText(i),
        })),
      );
    }
    await w.trx
      .insertInto("setting")
      .values({
        region_code: regionCode,
        code,
        value: JSON.stringify(r.data),
        updated_by: w.actor.userId,
        updated_at: w.now,
      })
      .onConflict((oc) =>
        oc.columns(["region_code", "code"]).doUpdateSet({
          value: JSON.stringify(r.data),
          updated_by: w.actor.userId,
          updated_at: w.now,
        }),
      )
      .execute();
  }
  await w.audit({
    regionCode,
    action: "setting.put",
    entityType: "setting",
    entityId: code,
    before: before?.value ?? null,
    after: value,
  });
}
