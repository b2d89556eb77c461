import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ROLES } from "../../kernel/access.ts";
import { ForbiddenError, NotFoundError, t, ValidationError } from "../../kernel/errors.ts";
import { logSecurityEvent } from "../../platform/auth/security-log.ts";
import { createUser } from "../../platform/auth/users.ts";
import { clientIp, inTenantTx, requireActor, type Services } from "../context.ts";
import { CreatedUser, Ok, Region, Unit, UserOut } from "../wire.ts";
import { businessRoles, Reason } from "./admin-identity.ts";

/**
 * Accounts and the directory. The three administrators stay apart (GB/T 22239-2019
 * 8.1.4.2 c "授予管理用户所需的最小权限，实现管理用户的权限分离"): the system
 * administrator creates accounts — with no role, so that creating an account never
 * grants business access —, the security administrator assigns (business) roles and
 * unlocks accounts; administrator accounts are created on the command line
 * (`fazhi user add`) by whoever runs the installation. No administrator can take
 * another's powers or a business role, directly or through an account it creates.
 */
export const adminRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/regions",
      {
        config: { access: "authenticated" },
        schema: {
          operationId: "listRegions",
          tags: ["directory"],
          summary: "Regions visible to me",
          response: { 200: z.array(Region) },
        },
      },
      async (req) => {
        const a = requireActor(req);
        const rows = await services.db.app
          .selectFrom("region")
          .selectAll()
          .where("code", "in", a.regions)
          .orderBy("code")
          .execute();
        return rows.map((r) => ({
          code: r.code,
          nameZh: r.name_zh,
          nameEn: r.name_en,
          parentCode: r.parent_code,
          level: r.level,
        }));
      },
    );

    app.get(
      "/api/units",
      {
        config: { access: "authenticated" },
        schema: {
          operationId: "listUnits",
          tags: ["directory"],
          summary: "Units of the regions visible to me",
          response: { 200: z.array(Unit) },
        },
      },
      async (req) => {
        const a = requireActor(req);
        const rows = await services.db.app
          .selectFrom("unit")
          .selectAll()
          .where("region_code", "in", a.regions)
          .orderBy("region_code")
          .orderBy("id")
          .execute();
        return rows.map((u) => ({
          id: u.id,
          regionCode: u.region_code,
          code: u.code,
          nameZh: u.name_zh,
          nameEn: u.name_en,
          kind: u.kind,
          parentId: u.parent_id,
        }));
      },
    );

    app.get(
      "/api/users",
      {
        config: { access: ["user.manage", "role.assign", "account.unlock"] },
        schema: {
          operationId: "listUsers",
          tags: ["accounts"],
          summary: "Accounts in my regions",
          response: { 200: z.array(UserOut) },
        },
      },
      async (req) => {
        const a = requireActor(req);
        const users = await services.db.app
          .selectFrom("app_user")
          .select([
            "id",
            "username",
            "display_name",
            "region_code",
            "unit_id",
            "disabled",
            "locked_until",
            "activated",
          ])
          .where("region_code", "in", a.regions)
          .orderBy("id")
          .execute();
        const roles = users.length
          ? await services.db.app
              .selectFrom("user_role")
              .selectAll()
              .where(
                "user_id",
                "in",
                users.map((u) => u.id),
              )
              .execute()
          : [];
        const factors = users.length
          ? await services.db.app
              .selectFrom("user_totp")
              .select("user_id")
              .where(
                "user_id",
                "in",
                users.map((u) => u.id),
              )
              .where("confirmed_at", "is not", null)
              .execute()
          : [];
        const enrolled = new Set(factors.map((f) => f.user_id));
        return users.map((u) => ({
          id: u.id,
          username: u.username,
          displayName: u.display_name,
          regionCode: u.region_code,
          unitId: u.unit_id,
          roles: roles.filter((r) => r.user_id === u.id).map((r) => r.role),
          disabled: u.disabled,
          lockedUntil: u.locked_until?.toISOString() ?? null,
          activated: u.activated,
          secondFactor: enrolled.has(u.id),
        }));
      },
    );

    app.post(
      "/api/users",
      {
        config: { access: "user.manage" },
        schema: {
          operationId: "createUser",
          tags: ["accounts"],
          summary:
            "Create an account: no role and no password until the security administrator activates it",
          body: z.object({
            username: z.string(),
            displayName: z.string(),
            unitId: z.number().int(),
            /** Accepted only empty: roles come from the security administrator. */
            roles: z.array(z.string()).max(0).optional(),
          }),
          response: { 200: CreatedUser },
        },
      },
      async (req) => {
        const result = await inTenantTx(services, req, async (tx) => {
          const unit = await tx.trx
            .selectFrom("unit")
            .select("region_code")
            .where("id", "=", req.body.unitId)
            .executeTakeFirst();
          if (!unit || !tx.actor.regions.includes(unit.region_code)) {
            throw new ValidationError(
              t("您管辖的地区没有这个单位", "no such unit in your regions"),
              [
                {
                  field: "unitId",
                  message: t(
                    "您管辖的地区没有这个单位",
                    `no unit ${req.body.unitId} in your regions`,
                  ),
                },
              ],
            );
          }
          // No password the system administrator could see or use (issue 8): the
          // security administrator activates the account and hands over its password.
          const created = await createUser(
            tx.trx,
            { ...req.body, roles: [] },
            { allowNoRole: true, pending: true },
          );
          await tx.audit({
            regionCode: unit.region_code,
            action: "user.create",
            entityType: "user",
            entityId: created.id,
            after: {
              username: req.body.username,
              displayName: req.body.displayName,
              unitId: req.body.unitId,
              roles: [],
              activated: false,
            },
          });
          return created;
        });
        const a = requireActor(req);
        await logSecurityEvent(services.db.app, services.clock(), {
          kind: "user_created",
          userId: a.userId,
          username: a.username,
          regionCode: a.regionCode,
          ip: clientIp(req),
          detail: { created: req.body.username },
        });
        return { id: result.id, activated: false as const };
      },
    );

    app.put(
      "/api/users/:id/roles",
      {
        config: { access: "role.assign" },
        schema: {
          operationId: "setUserRoles",
          tags: ["accounts"],
          summary: "Set an account's business roles",
          params: z.object({ id: z.coerce.number().int() }),
          body: z.object({ roles: z.array(z.string()).min(1), reason: Reason }),
          response: { 200: Ok },
        },
      },
      async (req) => {
        const a = requireActor(req);
        if (req.params.id === a.userId)
          throw new ForbiddenError(t("不能给自己分配角色", "nobody assigns their own roles"));
        const roles = businessRoles(req.body.roles);
        await inTenantTx(services, req, async (tx) => {
          const user = await tx.trx
            .selectFrom("app_user")
            .select(["id", "region_code"])
            .where("id", "=", req.params.id)
            .executeTakeFirst();
          if (!user || !a.regions.includes(user.region_code))
            throw new NotFoundError(t("没有这个账户", `no user ${req.params.id}`));
          const before = await tx.trx
            .selectFrom("user_role")
            .select("role")
            .where("user_id", "=", user.id)
            .execute();
          if (before.some((r) => ROLES[r.role as keyof typeof ROLES]?.kind === "admin")) {
            throw new ForbiddenError(
              t(
                "管理员账户的角色只能在服务器命令行修改",
                "an administrator account's roles are changed on the command line",
              ),
            );
          }
          // Roles changed: the account's open sessions end, so the new roles (or their
          // removal) take effect now and not at the holder's next login.
          await tx.trx.deleteFrom("session").where("user_id", "=", user.id).execute();
          await tx.trx.deleteFrom("user_role").where("user_id", "=", user.id).execute();
          await tx.trx
            .insertInto("user_role")
            .values(roles.map((role) => ({ user_id: user.id, role })))
            .execute();
          await tx.audit({
            regionCode: user.region_code,
            action: "user.roles_change",
            entityType: "user",
            entityId: user.id,
            before: { roles: before.map((r) => r.role).sort() },
            after: { roles: [...roles].sort() },
            reason: req.body.reason,
            reasonRequired: true,
          });
        });
        await logSecurityEvent(services.db.app, services.clock(), {
          kind: "roles_changed",
          userId: a.userId,
          username: a.username,
          regionCode: a.regionCode,
          ip: clientIp(req),
          detail: { target: req.params.id, roles },
        });
        return { ok: true };
      },
    );

    app.post(
      "/api/users/:id/unlock",
      {
        config: { access: "account.unlock" },
        schema: {
          operationId: "unlockUser",
          tags: ["accounts"],
          summary: "Unlock an account locked by failed logins",
          params: z.object({ id: z.coerce.number().int() }),
          response: { 200: Ok },
        },
      },
      async (req) => {
        const a = requireActor(req);
        await inTenantTx(services, req, async (tx) => {
          const user = await tx.trx
            .selectFrom("app_user")
            .select(["id", "region_code", "locked_until"])
            .where("id", "=", req.params.id)
            .executeTakeFirst();
          if (!user || !a.regions.includes(user.region_code))
            throw new NotFoundError(t("没有这个账户", `no user ${req.params.id}`));
          await tx.trx
            .updateTable("app_user")
            .set({ locked_until: null, failed_logins: 0 })
            .where("id", "=", user.id)
            .execute();
          await tx.audit({
            regionCode: user.region_code,
            action: "user.unlock",
            entityType: "user",
            entityId: user.id,
            before: { lockedUntil: user.locked_until?.toISOString() ?? null },
            after: { lockedUntil: null },
          });
        });
        await logSecurityEvent(services.db.app, services.clock(), {
          kind: "account_unlocked",
          userId: a.userId,
          username: a.username,
          regionCode: a.regionCode,
          ip: clientIp(req),
          detail: { target: req.params.id },
        });
        return { ok: true };
      },
    );
  };
