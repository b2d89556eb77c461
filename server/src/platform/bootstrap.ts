import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";
import { recordAudit } from "./audit/record.ts";
import { createUser } from "./auth/users.ts";

/**
 * First start: with no account at all, create the administrators' unit and the system
 * administrator `admin` with a one-time password (changed at first login). The
 * security and audit administrators are then created with `fazhi user add`.
 */
export async function ensureFirstAdmin(
  owner: Kysely<DB>,
  now: Date,
  regionCode: string,
): Promise<{ username: string; password: string } | undefined> {
  return owner.transaction().execute(async (trx) => {
    const any = await trx.selectFrom("app_user").select("id").limit(1).executeTakeFirst();
    if (any) return undefined;
    const region = await trx
      .selectFrom("region")
      .select("code")
      .where("code", "=", regionCode)
      .executeTakeFirst();
    if (!region) throw new Error(`FAZHI_REGION ${regionCode} is not a known region`);
    let unit = await trx
      .selectFrom("unit")
      .select("id")
      .where("region_code", "=", regionCode)
      .where("code", "=", "system-admin")
      .executeTakeFirst();
    if (!unit) {
      unit = await trx
        .insertInto("unit")
        .values({
          region_code: regionCode,
          code: "system-admin",
          name_zh: "系统管理",
          name_en: "System administration",
          kind: "other",
          parent_id: null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
    }
    const { id, oneTimePassword } = await createUser(trx, {
      username: "admin",
      displayName: "系统管理员",
      unitId: unit.id,
      roles: ["sys_admin"],
    });
    await recordAudit(
      trx,
      { actor: undefined, ip: null, now },
      {
        regionCode,
        action: "user.create",
        entityType: "user",
        entityId: id,
        after: { username: "admin", roles: ["sys_admin"], firstStart: true },
      },
    );
    return { username: "admin", password: oneTimePassword! };
  });
}
