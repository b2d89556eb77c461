import { type Kysely, type RawBuilder, sql } from "kysely";
import { z } from "zod";
import type { DB } from "../db/schema.ts";
import { type BasisLike, basisNote, citeEn, citeZh } from "../kernel/citation.ts";
import { ConflictError, NotFoundError, t, ValidationError } from "../kernel/errors.ts";
import { issueText } from "../kernel/issue-text.ts";
import type { Label } from "../kernel/labels.ts";
import { compareLocalDate, type LocalDate, parseLocalDate } from "../kernel/time/index.ts";
import type { WorkTx } from "../platform/work.ts";

/**
 * A setting: a rule that differs by province or city, or is uncertain, declared with its
 * national default and the basis for it. A region's value applies to it and to the
 * regions below it (a city's value to its districts) unless they set their own.
 *
 * Values are in force from a date (`effective_from`, migration 0009): a new value is a new
 * row, the earlier ones stay. A clock reads the value in force on the day it started
 * (engines/case/clocks.ts), so changing a setting never alters a deadline already running
 * or past; a step's guards read the value in force on the step's date.
 */
export interface SettingDecl<T = unknown> {
  code: string;
  label: Label;
  module: string;
  schema: z.ZodType<T>;
  default: T;
  /**
   * Where the default comes from, and what varies: the provisions structured (kernel/
   * citation.ts `Basis`), the maintainers' explanation in its note.
   */
  basis: BasisLike;
}

/**
 * Settings as seen from one region on one day (its own value in force that day, else
 * its ancestors', else the default); `on(day)` gives them on another day.
 */
export type Settings = (<T>(code: string) => T) & {
  /** The day these settings are in force. */
  readonly date: LocalDate;
  /** The same region's settings in force on another day (same rows, no query). */
  on(day: LocalDate): Settings;
};

interface Lookup {
  setting(code: string): SettingDecl | undefined;
  settings(): SettingDecl[];
}

interface Row {
  region_code: string;
  code: string;
  value: unknown;
  effective_from: string;
}

/**
 * The recursive CTE `chain (code, parent_code, depth)`: the region `root` names and its
 * ancestors, nearest first (depth 0 up to 4: village to province), for a `with recursive`
 * that reads the settings in force along it (`settingsFor`, and a step's read).
 */
export function regionChain(root: RawBuilder<unknown>) {
  return sql`chain (code, parent_code, depth) as (
      select ${root}, (select parent_code from region where code = ${root}), 0
      union all
      select g.code, g.parent_code, h.depth + 1
        from region g join chain h on g.code = h.parent_code
       where h.depth < 4)`;
}

/** The region and its ancestors, nearest first (up to five levels). */
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

/** The row in force on `day` for a setting: the nearest region with a value (null rows: inherit). */
function inForce(rows: readonly Row[], chain: readonly string[], code: string, day: string) {
  for (const region of chain) {
    let best: Row | undefined;
    for (const r of rows) {
      if (r.region_code !== region || r.code !== code || r.effective_from > day) continue;
      if (!best || r.effective_from > best.effective_from) best = r;
    }
    if (best && best.value !== null) return best;
  }
  return undefined;
}

function settingsOf(
  rows: readonly Row[],
  chain: readonly string[],
  registry: Lookup,
  day: LocalDate,
) {
  const read = <T>(code: string): T => {
    const decl = registry.setting(code);
    if (!decl) throw new Error(`no setting ${code} is declared`);
    const row = inForce(rows, chain, code, day);
    return (row ? row.value : decl.default) as T;
  };
  return Object.assign(read, {
    date: day,
    on: (other: LocalDate) => settingsOf(rows, chain, registry, other),
  }) as Settings;
}

/** The settings of a region in force on `onDate` (and, through `.on(day)`, on any other day). */
export async function settingsFor(
  db: Kysely<DB>,
  registry: Lookup,
  regionCode: string,
  onDate: LocalDate,
): Promise<Settings> {
  // The region and its ancestors (up to five levels) with their settings' rows: one statement.
  const { rows: found } = await sql<Row & { chain_code: string; depth: number }>`
    with recursive ${regionChain(sql`${regionCode}::text`)}
    select c.code as chain_code, c.depth, s.region_code, s.code, s.value, s.effective_from
      from chain c left join setting s on s.region_code = c.code
     order by c.depth`.execute(db);
  return settingsOfChain(registry, found, onDate);
}

/**
 * Settings from the rows of a region's chain (`chain_code`, nearest first, with the
 * chain region's settings' rows or nulls): what `settingsFor` reads, and what a step
 * reads with its case in one statement (engines/case/step-io.ts).
 */
export function settingsOfChain(
  registry: Lookup,
  found: readonly (Omit<Row, "code"> & { code: string | null; chain_code: string })[],
  onDate: LocalDate,
): Settings {
  const chain: string[] = [];
  const rows: Row[] = [];
  for (const r of found) {
    if (chain[chain.length - 1] !== r.chain_code) chain.push(r.chain_code);
    if (r.code !== null) rows.push(r as Row);
  }
  return settingsOf(rows, chain, registry, onDate);
}

export interface SettingValueRecord {
  regionCode: string;
  effectiveFrom: string;
  /** Null: from this day the region inherits again. */
  value: unknown;
  basis: string | null;
  updatedBy: number | null;
  updatedAt: string;
}

export interface SettingView {
  code: string;
  label: Label;
  module: string;
  /** The national default and its legal basis, in Chinese form (《…》第…条) and in English. */
  default: unknown;
  basis: Label;
  /** The maintainers' explanation of the default (a tooltip for the office). */
  basisNote: string;
  /** The value's JSON Schema (for the settings page's form). */
  schema: unknown;
  /** The value in force on `onDate`, the region that set it (null: the default) and since when. */
  value: unknown;
  setIn: string | null;
  effectiveFrom: string | null;
  localBasis: string | null;
  /** Every value of this region and its ancestors, oldest first (scheduled ones included). */
  history: SettingValueRecord[];
}

function jsonSchemaOf(schema: z.ZodType): unknown {
  try {
    return z.toJSONSchema(schema, { unrepresentable: "any" });
  } catch {
    return {};
  }
}

/** Every declared setting with the value in force for a region on a day, and its history. */
export async function listSettings(
  db: Kysely<DB>,
  registry: Lookup,
  regionCode: string,
  onDate: LocalDate,
): Promise<SettingView[]> {
  const chain = await ancestry(db, regionCode);
  const rows = await db
    .selectFrom("setting")
    .selectAll()
    .where("region_code", "in", chain)
    .orderBy("effective_from")
    .orderBy("region_code")
    .execute();
  return registry.settings().map((d) => {
    const row = inForce(rows, chain, d.code, onDate) as (typeof rows)[number] | undefined;
    return {
      code: d.code,
      label: d.label,
      module: d.module,
      default: d.default,
      basis: { zh: citeZh(d.basis) || citeEn(d.basis), en: citeEn(d.basis) },
      basisNote: basisNote(d.basis),
      schema: jsonSchemaOf(d.schema),
      value: row ? row.value : d.default,
      setIn: row?.region_code ?? null,
      effectiveFrom: row?.effective_from ?? null,
      localBasis: row?.basis ?? null,
      history: rows
        .filter((r) => r.code === d.code)
        .map((r) => ({
          regionCode: r.region_code,
          effectiveFrom: r.effective_from,
          value: r.value,
          basis: r.basis,
          updatedBy: r.updated_by,
          updatedAt: new Date(r.updated_at).toISOString(),
        })),
    };
  });
}

export interface PutSetting {
  region: string;
  /** The new value; null: from `effectiveFrom` the region inherits again. */
  value: unknown;
  /** The day it takes effect: today (default) or later — never earlier. */
  effectiveFrom?: string;
  /** The local rule the value follows (shown beside it; required). */
  basis: string;
}

/**
 * Give a region a new value of a setting from a day on (or, with `value === null`, go
 * back to the inherited value from that day); audited. The day is today or later: a value
 * never takes effect in the past, so no clock already started changes. A value whose day
 * has not come may be replaced; one already in force may not (set a newer one instead).
 */
export async function putSetting(w: WorkTx, registry: Lookup, code: string, body: PutSetting) {
  const decl = registry.setting(code);
  if (!decl) throw new NotFoundError(t("没有这项设置", `no setting ${code}`));
  const regionCode = body.region;
  if (!w.actor.regions.includes(regionCode)) {
    throw new NotFoundError(t("没有这个地区，或不在您的管辖范围内", `no region ${regionCode}`));
  }
  const from =
    body.effectiveFrom === undefined
      ? w.today
      : parseLocalDate(body.effectiveFrom, "effectiveFrom");
  if (compareLocalDate(from, w.today) < 0) {
    throw new ValidationError(
      t("设置值不能追溯生效", "a setting's value cannot take effect in the past"),
      [
        {
          field: "effectiveFrom",
          message: t(
            `应为今天（${w.today}）或以后：已经开始的期限不受新值影响`,
            `today (${w.today}) or later: deadlines already running keep the value they started with`,
          ),
        },
      ],
    );
  }
  let value: unknown = null;
  if (body.value !== null) {
    const r = decl.schema.safeParse(body.value, { reportInput: true });
    if (!r.success) {
      throw new ValidationError(
        t(`“${decl.label.zh}”的值不符合要求`, `invalid value for ${code}`),
        r.error.issues.map((i) => ({
          field: ["value", ...i.path.map(String)].join("."),
          message: issueText(i),
        })),
      );
    }
    value = r.data;
  }
  const same = await w.trx
    .selectFrom("setting")
    .selectAll()
    .where("region_code", "=", regionCode)
    .where("code", "=", code)
    .where("effective_from", "=", from)
    .forUpdate()
    .executeTakeFirst();
  if (same && compareLocalDate(from, w.today) <= 0) {
    throw new ConflictError(
      t(
        `本地区该设置项自 ${from} 起的值已经生效，不能更改；请设置自明天起的新值`,
        `this region's value from ${from} is already in force and cannot be changed; set a new value from tomorrow`,
      ),
    );
  }
  const before = await listSettings(w.trx, registry, regionCode, from).then(
    (all) => all.find((s) => s.code === code)?.value,
  );
  const row = {
    value: value === null ? null : JSON.stringify(value),
    basis: body.basis,
    updated_by: w.actor.userId,
    updated_at: w.now,
  };
  if (same) {
    await w.trx
      .updateTable("setting")
      .set(row)
      .where("region_code", "=", regionCode)
      .where("code", "=", code)
      .where("effective_from", "=", from)
      .execute();
  } else {
    await w.trx
      .insertInto("setting")
      .values({ region_code: regionCode, code, effective_from: from, ...row })
      .execute();
  }
  await w.audit({
    regionCode,
    action: "setting.put",
    entityType: "setting",
    entityId: code,
    before: { value: before ?? null, ...(same ? { replaced: same.value } : {}) },
    after: { value, effectiveFrom: from, basis: body.basis },
    reason: body.basis,
  });
  return { code, region: regionCode, effectiveFrom: from, value };
}
