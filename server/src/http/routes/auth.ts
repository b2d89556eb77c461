import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { type Actor, permissionsOf } from "../../kernel/access.ts";
import { t, ValidationError } from "../../kernel/errors.ts";
import { login } from "../../platform/auth/login.ts";
import { hashPassword, passwordProblems, verifyPassword } from "../../platform/auth/passwords.ts";
import { logSecurityEvent } from "../../platform/auth/security-log.ts";
import {
  ABSOLUTE_LIFETIME_MS,
  deleteOtherSessions,
  deleteSession,
} from "../../platform/auth/sessions.ts";
import { hasFactor } from "../../platform/auth/totp.ts";
import { clientIp, inTenantTx, requireActor, SESSION_COOKIE, type Services } from "../context.ts";
import { Ok, PendingLogin, SessionInfo } from "../wire.ts";

/** What the web needs to know about the session: who, roles, permissions, scope, CSRF token. */
export function sessionInfo(a: Actor, csrfToken: string, secondFactor: "enrol" | "done" | "none") {
  return {
    user: {
      id: a.userId,
      username: a.username,
      displayName: a.displayName,
      regionCode: a.regionCode,
      unitId: a.unitId,
    },
    roles: a.roles,
    permissions: [...permissionsOf(a.roles)],
    scope: a.scope,
    regions: a.regions,
    csrfToken,
    mustChangePassword: a.mustChangePassword,
    secondFactor,
  };
}

/** The session cookie's options (also set by the second-factor routes, which rotate it). */
export function sessionCookie(services: Services) {
  return {
    path: "/",
    httpOnly: true,
    sameSite: "strict" as const,
    secure: services.config.secureCookies,
    maxAge: Math.floor(ABSOLUTE_LIFETIME_MS / 1000),
  };
}

export const authRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const cookieOptions = sessionCookie(services);

    app.post(
      "/api/auth/login",
      {
        config: {
          access: "public",
          csrf: false,
          rateLimit: { max: 20, timeWindow: "1 minute" },
        },
        schema: {
          operationId: "login",
          tags: ["auth"],
          summary:
            "Log in with the password; sets the session cookie. The answer is the session (with secondFactor enrol, only enrolment is open) or, for an account with a TOTP factor, stage code: submit the code next (POST /api/auth/totp)",
          body: z.object({
            username: z.string().min(1).max(64),
            password: z.string().min(1).max(256),
          }),
          response: { 200: z.union([SessionInfo, PendingLogin]) },
        },
      },
      async (req, reply) => {
        const r = await login(services.db.app, services.registry, services.clock(), {
          username: req.body.username,
          password: req.body.password,
          ip: clientIp(req),
          userAgent: req.headers["user-agent"] ?? null,
        });
        reply.setCookie(SESSION_COOKIE, r.token, cookieOptions);
        if (r.stage === "code") {
          return { stage: "code" as const, csrfToken: r.csrfToken };
        }
        return sessionInfo(r.actor, r.csrfToken, r.stage === "enrol" ? "enrol" : "none");
      },
    );

    app.get(
      "/api/auth/session",
      {
        config: {
          access: "authenticated",
          allowWithOneTimePassword: true,
          stages: ["full", "enrol"],
        },
        schema: {
          operationId: "getSession",
          tags: ["auth"],
          summary: "The current session",
          response: { 200: SessionInfo },
        },
      },
      async (req) => {
        const a = requireActor(req);
        const factor =
          req.sessionStage === "enrol"
            ? "enrol"
            : (await hasFactor(services.db.app, a.userId))
              ? "done"
              : "none";
        return sessionInfo(a, req.csrfToken!, factor);
      },
    );

    app.post(
      "/api/auth/logout",
      {
        config: {
          access: "authenticated",
          allowWithOneTimePassword: true,
          stages: ["full", "enrol", "code"],
        },
        schema: {
          operationId: "logout",
          tags: ["auth"],
          summary: "Log out",
          response: { 200: Ok },
        },
      },
      async (req, reply) => {
        const a = requireActor(req);
        await deleteSession(services.db.app, req.sessionToken!);
        await logSecurityEvent(services.db.app, services.clock(), {
          kind: "logout",
          userId: a.userId,
          username: a.username,
          regionCode: a.regionCode,
          ip: clientIp(req),
        });
        reply.clearCookie(SESSION_COOKIE, { path: "/" });
        return { ok: true };
      },
    );

    app.post(
      "/api/auth/password",
      {
        config: {
          access: "authenticated",
          allowWithOneTimePassword: true,
          stages: ["full", "enrol"],
          rateLimit: { max: 10, timeWindow: "1 minute" },
        },
        schema: {
          operationId: "changePassword",
          tags: ["auth"],
          summary: "Change one's own password",
          body: z.object({
            currentPassword: z.string().min(1),
            newPassword: z.string().min(1).max(256),
          }),
          response: { 200: Ok },
        },
      },
      async (req) => {
        const a = requireActor(req);
        const problems = passwordProblems(req.body.newPassword, a.username).map((p) => ({
          ...p,
          field: "newPassword",
        }));
        if (problems.length)
          throw new ValidationError(
            t("新密码不符合要求", "the new password is not acceptable"),
            problems,
          );
        await inTenantTx(services, req, async (tx) => {
          const u = await tx.trx
            .selectFrom("app_user")
            .select("password_hash")
            .where("id", "=", a.userId)
            .executeTakeFirstOrThrow();
          if (await verifyPassword(u.password_hash, req.body.newPassword)) {
            throw new ValidationError(
              t("新密码不得与当前密码相同", "the new password is the current one"),
              [
                {
                  field: "newPassword",
                  message: t("须与当前密码不同", "must differ from the current password"),
                },
              ],
            );
          }
          if (!(await verifyPassword(u.password_hash, req.body.currentPassword))) {
            throw new ValidationError(t("当前密码不正确", "the current password is wrong"), [
              { field: "currentPassword", message: t("密码不正确", "wrong password") },
            ]);
          }
          await tx.trx
            .updateTable("app_user")
            .set({
              password_hash: await hashPassword(req.body.newPassword),
              must_change_password: false,
              password_changed_at: tx.now,
            })
            .where("id", "=", a.userId)
            .execute();
          // Whoever else holds a session of this account (a stolen cookie, another
          // browser) is logged out by the change.
          await deleteOtherSessions(tx.trx, a.userId, req.sessionToken);
          await tx.audit({
            regionCode: a.regionCode,
            action: "user.password_change",
            entityType: "user",
            entityId: a.userId,
          });
        });
        await logSecurityEvent(services.db.app, services.clock(), {
          kind: "password_changed",
          userId: a.userId,
          username: a.username,
          regionCode: a.regionCode,
          ip: clientIp(req),
        });
        return { ok: true };
      },
    );
  };
