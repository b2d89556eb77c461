import type { DemoContext, DemoContribution } from "../../engines/demo/index.ts";
import { recordAudit } from "../../platform/audit/record.ts";
import { DEMO_ACCOUNTS, inventName } from "./accounts.ts";
import {
  CHONGQING,
  CHONGQING_UNITS,
  type DirectoryUnit,
  SYSTEM_ADMIN_UNIT,
  WULONG,
  WULONG_DISTRICT_BODIES,
  WULONG_ENFORCEMENT_TEAMS,
  WULONG_TOWNSHIPS,
  wulongUnits,
} from "./wulong.ts";

export const DIRECTORY_DEMO_ID = "directory";

/** The day the directory's records are dated: the first working day of the report year. */
export const DIRECTORY_DAY = "2020-01-02";

/**
 * The demo's directory: Wulong's units (55 district bodies, 26 townships and streets, 8
 * comprehensive enforcement teams, the district government, the administrators' unit),
 * the city justice bureau, and the demo accounts.
 */
export const directoryDemo: DemoContribution = {
  id: DIRECTORY_DEMO_ID,
  description: "Wulong's units and the demo accounts",
  async load(ctx) {
    const wulong = wulongUnits();
    await refuseTakenCodes(ctx, WULONG.regionCode, wulong);
    await refuseTakenCodes(ctx, CHONGQING.regionCode, CHONGQING_UNITS);

    // The administrators' unit may exist already (the first start creates it).
    const existing = await ctx.trx
      .selectFrom("unit")
      .select("id")
      .where("region_code", "=", WULONG.regionCode)
      .where("code", "=", SYSTEM_ADMIN_UNIT.code)
      .executeTakeFirst();
    if (!existing) await createUnit(ctx, WULONG.regionCode, SYSTEM_ADMIN_UNIT);
    for (const u of wulong) await createUnit(ctx, WULONG.regionCode, u);
    for (const u of CHONGQING_UNITS) await createUnit(ctx, CHONGQING.regionCode, u);

    const taken = new Set<string>();
    for (const a of DEMO_ACCOUNTS) {
      await ctx.createUser({
        username: a.username,
        displayName: inventName(ctx.rng, taken),
        unit: a.unit,
        regionCode: a.regionCode,
        roles: a.roles,
        onDate: DIRECTORY_DAY,
      });
    }

    ctx.note(
      `${WULONG.zh} (${WULONG.regionCode}): ${WULONG_DISTRICT_BODIES.length} district bodies, ${WULONG_TOWNSHIPS.length} townships and streets, ${WULONG_ENFORCEMENT_TEAMS.length} comprehensive enforcement teams, the district government${existing ? "" : ", the administrators' unit"}`,
    );
    ctx.note(
      `${CHONGQING.zh} (${CHONGQING.regionCode}): ${CHONGQING_UNITS.map((u) => u.zh).join(", ")}`,
    );
    ctx.note(`${DEMO_ACCOUNTS.length} demo accounts`);
  },
};

async function refuseTakenCodes(
  ctx: DemoContext,
  regionCode: string,
  units: readonly DirectoryUnit[],
): Promise<void> {
  const rows = await ctx.trx
    .selectFrom("unit")
    .select("code")
    .where("region_code", "=", regionCode)
    .where(
      "code",
      "in",
      units.map((u) => u.code),
    )
    .orderBy("code")
    .execute();
  if (rows.length > 0) {
    throw new Error(
      `region ${regionCode} already has units with the demo's codes (${rows.map((r) => r.code).join(", ")}); load the demo into an empty database`,
    );
  }
}

async function createUnit(ctx: DemoContext, regionCode: string, u: DirectoryUnit): Promise<number> {
  const parentId = u.parent ? await ctx.unitId(u.parent, regionCode) : null;
  const row = await ctx.trx
    .insertInto("unit")
    .values({
      region_code: regionCode,
      code: u.code,
      name_zh: u.zh,
      name_en: u.en,
      kind: u.kind,
      parent_id: parentId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordAudit(
    ctx.trx,
    { actor: undefined, ip: null, now: ctx.at(DIRECTORY_DAY) },
    {
      regionCode,
      action: "unit.create",
      entityType: "unit",
      entityId: row.id,
      after: {
        code: u.code,
        nameZh: u.zh,
        fullNameZh: u.full,
        nameEn: u.en,
        kind: u.kind,
        parentCode: u.parent ?? null,
        via: "demo",
      },
    },
  );
  return row.id;
}
