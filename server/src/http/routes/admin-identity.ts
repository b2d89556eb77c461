import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ROLES, validateRoleSet } from "../../kernel/access.ts";
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  t,
  ValidationError,
} from "../../kernel/errors.ts";
import { zt } from "../../kernel/issue-text.ts";
import { ROLE_LABELS } from "../../kernel/labels.ts";
import { logSecurityEvent } from "../../platform/auth/security-log.ts";
import { removeFactor } from "../../platform/auth/totp.ts";
import { activateUser } from "../../platform/auth/users.ts";
import type { WorkTx } from "../../platform/work.ts";
import { clientIp, inTenantTx, requireActor, type Services } from "../context.ts";
import { ActivatedUser, Ok } from "../wire.ts";

/** The reason a sensitive account action is recorded with (required; in the audit trail). */
export const Reason = z.string().trim().min(1, zt("须填写理由", "a reason is required")).max(500);

/** Refuse administrator roles here: they are given on the server's command line. */
export function businessRoles(input: readonly string[]) {
  const roles = validateRoleSet([...input]);
  const admin = roles.find((r) => ROLES[r].kind === "admin");
  if (admin) {
    throw new ValidationError(
      t("管理员角色只能在服务器命令行分配", "administrator roles are assigned on the command line"),
      [
        {
          field: "roles",
          message: t(
            `“${ROLE_LABELS[admin]?.zh ?? admin}”不能在此分配`,
            `${admin} cannot be assigned here`,
          ),
        },
      ],
    );
  }
  return roles;
}

/** The target account, in the actor's regions and not the actor. */
async function target(tx: WorkTx, id: number) {
  if (id === tx.actor.userId)
    throw new ForbiddenError(t("不能对自己的账户执行此操作", "not on one's own account"));
  const user = await tx.trx
    .selectFrom("app_user")
    .select(["id", "region_code", "username", "activated"])
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
  if (!user || !tx.actor.regions.includes(user.region_code))
    throw new NotFoundError(t("没有这个账户", `no user ${id}`));
  return user;
}

/**
 * The security administrator's account powers beside roles and unlocking (GB/T
 * 22239-2019 8.1.4.2 c): activating an account the system administrator created (so the
 * one-time password never reaches the system administrator — issue 8), and resetting a
 * user's second factor when the device is lost (8.1.4.1 d). Each needs a reason, is
 * audited and goes to the security log.
 */
export const adminIdentityRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      "/api/users/:id/activate",
      {
        config: { access: "role.assign" },
        schema: {
          operationId: "activateUser",
          tags: ["accounts"],
          summary:
            "Activate an account created by the system administrator: its roles and a one-time password for the holder",
          params: z.object({ id: z.coerce.number().int() }),
          body: z.object({ roles: z.array(z.string()).min(1), reason: Reason }),
          response: { 200: ActivatedUser },
        },
      },
      async (req) => {
        const a = requireActor(req);
        const roles = businessRoles(req.body.roles);
        const r = await inTenantTx(services, req, async (tx) => {
          const user = await target(tx, req.params.id);
          if (user.activated)
            throw new ConflictError(t("该账户已经激活", "the account is already active"));
          const oneTimePassword = await activateUser(tx.trx, user.id, roles);
          await tx.audit({
            regionCode: user.region_code,
            action: "user.activate",
            entityType: "user",
            entityId: user.id,
            before: { activated: false, roles: [] },
            after: { activated: true, roles: [...roles].sort() },
            reason: req.body.reason,
            reasonRequired: true,
          });
          return { id: user.id, oneTimePassword };
        });
        await logSecurityEvent(services.db.app, services.clock(), {
          kind: "user_activated",
          userId: a.userId,
          username: a.username,
          regionCode: a.regionCode,
          ip: clientIp(req),
          detail: { target: req.params.id, roles },
        });
        return r;
      },
    );

    app.post(
      "/api/users/:id/totp/reset",
      {
        config: { access: "account.unlock" },
        schema: {
          operationId: "resetUserTotp",
          tags: ["accounts"],
          summary:
            "Remove an account's TOTP factor (lost device); its sessions end and it enrols again",
          params: z.object({ id: z.coerce.number().int() }),
          body: z.object({ reason: Reason }),
          response: { 200: Ok },
        },
      },
      async (req) => {
        const a = requireActor(req);
        await inTenantTx(services, req, async (tx) => {
          const user = await target(tx, req.params.id);
          if (!(await removeFactor(tx.trx, user.id)))
            throw new ConflictError(t("该账户没有绑定动态验证码", "the account has no factor"));
          await tx.trx.deleteFrom("session").where("user_id", "=", user.id).execute();
          await tx.audit({
            regionCode: user.region_code,
            action: "user.totp_reset",
            entityType: "user",
            entityId: user.id,
            before: { secondFactor: true },
            after: { secondFactor: false },
            reason: req.body.reason,
            reasonRequired: true,
          });
        });
        await logSecurityEvent(services.db.app, services.clock(), {
          kind: "totp_reset",
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
