import { recordAudit } from "../../platform/audit/record.ts";
import { createUser } from "../../platform/auth/users.ts";
import { systemClock } from "../../platform/clock.ts";
import { say } from "../lang.ts";
import { CliError, withDatabase } from "../runtime.ts";

export interface UserAddOptions {
  username: string;
  name: string;
  unit: string;
  region: string;
  role: string[];
}

/** `fazhi user add`: create any account, administrators included (installation rights). */
export async function userAdd(o: UserAddOptions): Promise<void> {
  await withDatabase(async (db) => {
    const created = await db.owner.transaction().execute(async (trx) => {
      const unit = await trx
        .selectFrom("unit")
        .select(["id", "region_code"])
        .where("region_code", "=", o.region)
        .where((eb) =>
          /^[0-9]+$/.test(o.unit) ? eb("id", "=", Number(o.unit)) : eb("code", "=", o.unit),
        )
        .executeTakeFirst();
      if (!unit)
        throw new CliError(
          say(
            `地区 ${o.region} 没有单位“${o.unit}”（请填写单位代码或编号）`,
            `no unit "${o.unit}" in region ${o.region} (give its code or id)`,
          ),
        );
      const r = await createUser(trx, {
        username: o.username,
        displayName: o.name,
        unitId: unit.id,
        roles: o.role,
      });
      await recordAudit(
        trx,
        { actor: undefined, ip: null, now: systemClock() },
        {
          regionCode: unit.region_code,
          action: "user.create",
          entityType: "user",
          entityId: r.id,
          after: {
            username: o.username,
            displayName: o.name,
            unitId: unit.id,
            roles: o.role,
            via: "cli",
          },
        },
      );
      return r;
    });
    process.stdout.write(
      say(
        `已创建账号 ${o.username}（编号 ${created.id}）\n一次性密码：${created.oneTimePassword}\n（首次登录时须修改）\n`,
        `created user ${o.username} (id ${created.id})\none-time password: ${created.oneTimePassword}\n`,
      ),
    );
  });
}
